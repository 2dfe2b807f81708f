import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/spawn';
import { captureIo, tempDir } from '../testing/tmp';
import { run } from './main';

/** The commands that run a job (demo, verify, compact, requests import) follow it through the dispatcher. */
describe('attest commands that run a job', () => {
  it('draw the job’s progress on a terminal and clear the line when it ends', async () => {
    const dir = tempDir();
    expect(await run(['init', 'a.attest', '--name', 'Acme'], captureIo(dir).io)).toBe(0);
    const tty = captureIo(dir);
    tty.io.isTty = true;
    expect(await run(['compact', 'a.attest'], tty.io)).toBe(0);
    // Compacting reports the backup's pages and the copy's size as it grows.
    // eslint-disable-next-line no-control-regex -- the terminal's escape sequence is the point
    expect(tty.err).toMatch(/\r\x1b\[2KCompacting \[[#.]{24}\] \d+%/);
    expect(tty.err.endsWith('\r\x1b[2K')).toBe(true);
    expect(tty.out).toMatch(/^Compacted /);
  });

  it('cancel the job on Ctrl+C: exit 130, and a demo that was being built leaves nothing', async () => {
    const dir = tempDir();
    const cli = join(REPO_ROOT, 'electron', 'cli', 'attest.mjs');
    const child = spawn(process.execPath, [cli, 'demo', 'big.attest', '--scale', 'large'], {
      cwd: dir,
      env: { ...process.env, ATTEST_HOME: join(dir, 'home') },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Interrupt once the demo is being built (its temporary file exists).
    while (!readdirSync(dir).some((n) => n.startsWith('.big.attest.building-'))) {
      if (child.exitCode !== null) throw new Error(`attest demo ended early: ${stderr}`);
      await sleep(20);
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('attest demo: cancelled.');
    expect(readdirSync(dir).filter((n) => n !== 'home')).toEqual([]);
  }, 60_000);

  it('exit 2 naming what the job refused, before any file is written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'taken.attest'), 'mine');
    const c = captureIo(dir);
    expect(await run(['demo', 'taken.attest'], c.io)).toBe(2);
    expect(c.err).toContain('already exists');
    expect(readdirSync(dir).sort()).toEqual(['home', 'taken.attest']);
  });
});
