import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/index';
import { legitCsv } from '../core/requests/hostile-fixtures';
import { tempDir } from '../testing/tmp';
import { CLI_CALLER } from './callers';
import { dispatch } from './dispatch';
import { createRuntime } from './runtime';

/**
 * A 3 000-row request list is written in one transaction that hands the event loop over every
 * few milliseconds (H3: the server keeps answering during an import). These tests observe it by
 * what other calls see, never by timing: a read made during the write sees part of the rows; a
 * change asked for meanwhile waits for the import and then lands; a cancel leaves nothing.
 */
const ROWS = 3_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function importing() {
  const dir = tempDir('attest-import-yields-');
  const ctx = createRuntime({ home: dir, app: 'import test' });
  cleanups.push(() => ctx.dispose());
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r: Envelope = await dispatch(ctx, method, input, CLI_CALLER);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  await call('vault.create', {
    file: join(dir, 'v.attest'),
    engagement: { name: 'Yields', reportType: 'type1', asOfDate: '2026-06-30' },
  });
  const info = async () =>
    (await call<{ counts: { auditEvents: number } }>('vault.info', {})).counts;
  const eventsBefore = (await info()).auditEvents;
  const csv = join(dir, 'pbc.csv');
  writeFileSync(csv, legitCsv(ROWS));
  const file = { source: { path: csv }, fileName: 'pbc.csv' };
  const { mapping } = await call<{ mapping: unknown }>('requests.previewImport', file);
  const { jobId } = await call<{ jobId: string }>('requests.import', { ...file, mapping });
  const total = async () => (await call<{ total: number }>('requests.list', { limit: 1 })).total;
  const state = async () => (await call<{ state: string }>('jobs.get', { jobId })).state;
  /** Polls, letting timers and I/O run between reads, until a read sees part of the import. */
  const partWritten = async (): Promise<number> => {
    for (;;) {
      await new Promise((r) => setImmediate(r));
      const n = await total();
      if (n > 0 && n < ROWS) return n;
      if ((await state()) !== 'running' && (await state()) !== 'queued') {
        throw new Error(`the import ended (${await state()}) before a read saw part of it`);
      }
    }
  };
  return { ctx, call, jobId, total, state, partWritten, info, eventsBefore };
}

describe('an import writing thousands of rows', () => {
  it('lets reads answer while it writes, and a change asked for meanwhile waits, then lands', async () => {
    const t = await importing();
    const seen = await t.partWritten();
    expect(seen).toBeGreaterThan(0);
    const person = await t.call<{ id: string }>('people.create', {
      name: 'Asked for during the import',
    });
    // The change was made after the import committed, in its own transaction.
    expect(await t.state()).toBe('succeeded');
    expect(await t.total()).toBe(ROWS);
    const people = await t.call<{ items: { id: string }[] }>('people.list', { limit: 100 });
    expect(people.items.map((p) => p.id)).toContain(person.id);
    const report = await t.call<{ jobId: string }>('vault.verify', {});
    const verified = await t.ctx.jobs.wait(report.jobId);
    expect(verified.result).toMatchObject({ ok: true });
  });

  it('leaves nothing when cancelled in the middle of writing', async () => {
    const t = await importing();
    await t.partWritten();
    await t.call('jobs.cancel', { jobId: t.jobId });
    const job = await t.ctx.jobs.wait(t.jobId);
    expect(job.state).toBe('cancelled');
    expect(job.error?.message).toContain('nothing was imported');
    expect(await t.total()).toBe(0);
    // Not one audit entry of it either: the whole transaction was rolled back.
    expect((await t.info()).auditEvents).toBe(t.eventsBefore);
  });
});
