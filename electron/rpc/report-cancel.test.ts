import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/index';
import { tempDir } from '../testing/tmp';
import { CLI_CALLER } from './callers';
import { dispatch } from './dispatch';
import { createRuntime } from './runtime';

/**
 * The readiness report is laid out a block at a time, handing the event loop over between
 * blocks: a cancel is heard while it works and stops it there, and nothing is left where the
 * user asked for the file (nor beside it). Observed through what the job reports, never by time.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface JobView {
  state: string;
  progress: { step?: string } | null;
  error: { code: string } | null;
}

async function reporting() {
  const dir = tempDir('attest-report-cancel-');
  const ctx = createRuntime({ home: dir, app: 'report cancel test' });
  cleanups.push(() => ctx.dispose());
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r: Envelope = await dispatch(ctx, method, input, CLI_CALLER);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  await call('vault.create', {
    file: join(dir, 'v.attest'),
    engagement: { name: 'Cancel', reportType: 'type1', asOfDate: '2026-06-30' },
  });
  const out = join(dir, 'out');
  mkdirSync(out);
  const saveTo = { path: join(out, 'report.pdf') };
  const job = async (jobId: string) => call<JobView>('jobs.get', { jobId });
  return { ctx, call, out, saveTo, job };
}

describe('cancelling the readiness report', () => {
  it('stops it while it lays the pages out, and leaves no file', async () => {
    const t = await reporting();
    const { jobId } = await t.call<{ jobId: string }>('readiness.report', { saveTo: t.saveTo });
    // Let it run until it says it is laying out a section, then cancel.
    let step = '';
    while (!step.startsWith('Laying out')) {
      await new Promise((r) => setImmediate(r));
      const seen = await t.job(jobId);
      expect(seen.state).toBe('running');
      step = seen.progress?.step ?? '';
    }
    await t.call('jobs.cancel', { jobId });
    const ended = await t.ctx.jobs.wait(jobId);
    expect(ended.state).toBe('cancelled');
    expect(ended.error?.code).toBe('cancelled');
    // It stopped there: it never got as far as the last section's page.
    expect(ended.progress?.step).toMatch(/^Laying out page \d+: /);
    expect(ended.progress?.step).not.toContain('Evidence by control');
    expect(readdirSync(t.out)).toEqual([]);
  });

  it('stops at once when cancelled as it starts, and leaves no file', async () => {
    const t = await reporting();
    const { jobId } = await t.call<{ jobId: string }>('readiness.report', { saveTo: t.saveTo });
    await t.call('jobs.cancel', { jobId });
    const ended = await t.ctx.jobs.wait(jobId);
    expect(ended.state).toBe('cancelled');
    expect(ended.progress).toBeNull();
    expect(readdirSync(t.out)).toEqual([]);
  });

  it('writes the report when left to finish', async () => {
    const t = await reporting();
    const { jobId } = await t.call<{ jobId: string }>('readiness.report', { saveTo: t.saveTo });
    const ended = await t.ctx.jobs.wait(jobId);
    expect(ended.state).toBe('succeeded');
    expect(readdirSync(t.out)).toEqual(['report.pdf']);
  });
});
