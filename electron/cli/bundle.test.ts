import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogDir } from '../core/catalog/catalog';
import { connect } from '../testing/http-client';
import { repoCopy } from '../testing/repo-copy';
import { runNode, waitForLine } from '../testing/spawn';
import { bundleState } from './launcher.mjs';

/**
 * The bundle lives two folders below the repository (dist/cli/), like the sources it replaces
 * (electron/<dir>/): every lookup relative to a module must still land in the repository.
 */
describe('the attest bundle (dist/cli)', () => {
  it('finds the version, the catalog, the built UI and the PDF fonts', async () => {
    const root = repoCopy();
    // Nothing from the caller's environment may point elsewhere.
    const env = { ATTEST_CLI: 'bundle', ATTEST_UI_DIR: '', ATTEST_CATALOG: '' };
    const cli = join(root, 'electron', 'cli', 'attest.mjs');
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ name: 'attest', version: '9.8.7-copy', type: 'module', private: true }),
    );
    mkdirSync(join(root, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><p>copy UI</p>');

    expect((await runNode([cli, '--version'], env, root)).stdout).toBe('attest 9.8.7-copy\n');
    expect(bundleState(root)).toEqual({ fresh: true });
    const catalog = await runNode([cli, 'catalog', '--json'], env, root);
    expect(JSON.parse(catalog.stdout)).toEqual(readCatalogDir(join(root, 'resources', 'catalog')));
    const demo = await runNode([cli, 'demo', 'demo.attest'], { ...env, ATTEST_HOME: root }, root);
    expect(demo).toMatchObject({ code: 0, stderr: '' });

    const child = spawn(process.execPath, [cli, 'serve', 'demo.attest', '--port', '0'], {
      cwd: root,
      env: { ...process.env, ...env, ATTEST_HOME: root },
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const line = await waitForLine(child, /^Attest is running at /);
      const client = await connect(line.replace('Attest is running at ', '').trim());
      expect(await (await client.raw('/')).text()).toContain('copy UI');

      const started = await client.call('sd.export', { document: 'assertion', format: 'pdf' });
      expect(started.ok, JSON.stringify(started)).toBe(true);
      const jobId = (started as { value: { jobId: string } }).value.jobId;
      let job: { state: string; result?: { download: string } } = { state: 'queued' };
      while (job.state === 'queued' || job.state === 'running') {
        await new Promise((r) => setTimeout(r, 20));
        job = ((await client.call('jobs.get', { jobId })) as { value: typeof job }).value;
      }
      expect(job.state).toBe('succeeded');
      const pdf = Buffer.from(await (await client.raw(job.result!.download)).arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // pdfkit names an embedded subset "ABCDEF+DejaVuSans"; the fallback would be Helvetica.
      expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    } finally {
      child.kill('SIGINT');
      await exited;
    }
  });
});
