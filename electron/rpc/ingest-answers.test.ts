import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/index';
import { tempDir } from '../testing/tmp';
import { CLI_CALLER } from './callers';
import { dispatch } from './dispatch';
import { createRuntime } from './runtime';

/**
 * D1 item 1: "the UI and other calls — edits included — keep working during a multi-GB ingest".
 * A 512 MiB file (sparse: no disk is spent on the source, every byte is still read, hashed and
 * stored) is added as one `evidence.add` job. While it runs, reads and an edit of a control are
 * asked for through the same dispatcher the UI uses: each must answer within a bound, and the
 * job must still be running once they have — they were served between its commits, not after
 * it. Then the job finishes with the whole file and the edit kept.
 */
const SIZE = 512 * 1024 * 1024;
/** Far above one commit's time (16 MiB) on a slow shared machine, far below the whole job's. */
const BOUND_MS = 3_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('a large evidence ingest', () => {
  it('keeps answering reads and edits while it stores the file, then finishes', async () => {
    const dir = tempDir('attest-ingest-answers-');
    const ctx = createRuntime({ home: dir, app: 'ingest test' });
    cleanups.push(() => ctx.dispose());
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const r: Envelope = await dispatch(ctx, method, input, CLI_CALLER);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    const timed = async <T>(method: string, input: unknown) => {
      const started = performance.now();
      const value = await call<T>(method, input);
      return { value, ms: performance.now() - started };
    };
    await call('vault.create', {
      file: join(dir, 'v.attest'),
      engagement: {
        name: 'Ingest',
        reportType: 'type2',
        period: { start: '2026-01-01', end: '2026-06-30' },
      },
    });
    await call('scope.confirm', {});
    const [control] = (await call<{ items: { id: string }[] }>('controls.list', { limit: 1 }))
      .items;

    const big = join(dir, 'export.bin');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, SIZE);
    closeSync(fd);
    const { jobId } = await call<{ jobId: string }>('evidence.add', {
      sources: [{ path: big }],
      controlIds: [control!.id],
    });
    const job = () =>
      call<{ state: string; progress: { bytesDone?: number } | null }>('jobs.get', { jobId });

    // Under way: some bytes committed, most still to come.
    for (;;) {
      await new Promise((r) => setTimeout(r, 20));
      const j = await job();
      if (j.state !== 'running' && j.state !== 'queued') {
        throw new Error(`the ingest ended (${j.state}) before it was seen under way`);
      }
      if ((j.progress?.bytesDone ?? 0) > 0) break;
    }

    const reads = [
      await timed('controls.list', { limit: 50 }),
      await timed('evidence.list', { limit: 50 }),
      await timed('controls.get', { id: control!.id }),
    ];
    const edit = await timed('controls.update', {
      id: control!.id,
      patch: { description: 'Edited while a large file was being stored.' },
    });
    const during = await job();
    for (const r of [...reads, edit]) expect(r.ms).toBeLessThan(BOUND_MS);
    expect(during.state).toBe('running');
    expect(during.progress?.bytesDone ?? 0).toBeLessThan(SIZE);

    const done = await ctx.jobs.wait(jobId);
    expect(done.state).toBe('succeeded');
    const added = (done.result as { added: { evidenceId: string; size: number }[] }).added;
    expect(added).toHaveLength(1);
    expect(added[0]!.size).toBe(SIZE);
    const edited = await call<{ description: string }>('controls.get', { id: control!.id });
    expect(edited.description).toBe('Edited while a large file was being stored.');
    const linked = await call<{ total: number }>('evidence.list', { controlId: control!.id });
    expect(linked.total).toBe(1);
  }, 180_000);
});
