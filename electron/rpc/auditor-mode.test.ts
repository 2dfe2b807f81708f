import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, methods } from '../../shared/api/index';
import { sampleFiles, writeTestPackage } from '../testing/package-fixture';
import { tempDir } from '../testing/tmp';
import { rmSync } from 'node:fs';
import { CLI_CALLER } from './callers';
import type { RpcContext } from './context';
import { dispatch } from './dispatch';
import { createRuntime } from './runtime';

const homes: string[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
});

async function call(ctx: RpcContext, name: string, input: unknown) {
  return dispatch(ctx, name, input, CLI_CALLER);
}

async function openPackage(ctx: RpcContext, path: string) {
  const started = await call(ctx, 'auditor.openPackage', { source: { path } });
  if (!started.ok) throw new Error(started.error.message);
  const { jobId } = started.value as { jobId: string };
  for (;;) {
    const got = await call(ctx, 'jobs.get', { jobId });
    if (!got.ok) throw new Error(got.error.message);
    const job = got.value as { state: string; result: unknown };
    if (job.state !== 'queued' && job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('auditor mode', () => {
  it('refuses every method declared mutates while a package is open, and only those', async () => {
    const home = tempDir();
    homes.push(home);
    const ctx = createRuntime({ home, app: 'auditor test' });
    const pkg = await writeTestPackage(join(home, 'pkg.zip'), sampleFiles());
    const job = await openPackage(ctx, pkg.path);
    expect(job).toMatchObject({ state: 'succeeded', result: { opened: true } });

    const mutating = METHOD_NAMES.filter((m) => methods[m].mutates && m !== 'jobs.cancel');
    expect(mutating.length).toBeGreaterThan(50);
    for (const name of mutating) {
      const answer = await call(ctx, name, {});
      expect(answer, name).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { auditorMode: true, method: name } },
      });
      if (!answer.ok) expect(answer.error.message).toMatch(/^Auditor mode is read-only: /);
    }
    // Cancelling a job changes no vault: auditor mode's own jobs (saving the response) stop.
    expect(await call(ctx, 'jobs.cancel', { jobId: 'job_none' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Reading goes on, and closing the package ends the refusal.
    expect(await call(ctx, 'auditor.package', {})).toMatchObject({ ok: true });
    expect(await call(ctx, 'auditor.closePackage', {})).toEqual({
      ok: true,
      value: { closed: true },
    });
    expect(await call(ctx, 'vault.close', {})).toEqual({ ok: true, value: { closed: false } });
  });

  it('answers a tampered package with its report and opens nothing', async () => {
    const home = tempDir();
    homes.push(home);
    const ctx = createRuntime({ home, app: 'auditor test' });
    const pkg = await writeTestPackage(join(home, 'pkg.zip'), sampleFiles(), {
      tamper: { replace: { 'index.html': 'changed' } },
    });
    const job = await openPackage(ctx, pkg.path);
    expect(job).toMatchObject({
      state: 'succeeded',
      result: { opened: false, package: null, report: { verified: false } },
    });
    expect(ctx.state.auditorPackage).toBeNull();
    expect(await call(ctx, 'vault.close', {})).toMatchObject({ ok: true });
  });

  it('answers conflict to every method that needs an open package when none is', async () => {
    const home = tempDir();
    homes.push(home);
    const ctx = createRuntime({ home, app: 'auditor test' });
    const needsPackage = METHOD_NAMES.filter(
      (m) =>
        m.startsWith('auditor.') &&
        !['auditor.openPackage', 'auditor.closePackage', 'auditor.package'].includes(m) &&
        !['auditor.identity', 'auditor.setIdentity'].includes(m),
    );
    expect(needsPackage).toHaveLength(6);
    const inputs: Record<string, unknown> = {
      'auditor.populationRows': { population: 'EV-1' },
      'auditor.addItem': { kind: 'status', requestRef: 'PBC-1', status: 'accepted' },
      'auditor.removeItem': { id: 'abcdefgh' },
    };
    for (const name of needsPackage) {
      const answer = await call(ctx, name, inputs[name] ?? {});
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'conflict' } });
      if (!answer.ok) expect(answer.error.message).toMatch(/No audit package is open/);
    }
    // Who the auditor is needs no package: it is theirs, across packages.
    expect(await call(ctx, 'auditor.identity', {})).toEqual({ ok: true, value: null });
  });
});
