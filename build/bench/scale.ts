// Scale benchmark (issue S1, DESIGN §10): the large demo vault (`attest demo --scale large`:
// ~400 controls, 10 000 tasks, 5 000 requests) opened, and the first page of each list read
// through the dispatcher, median of RUNS each (targets: open < 300 ms, a first page < 50 ms).
// Beside each figure, the reference: the same work done by raw better-sqlite3 on the same file
// (open the file and read its header pragmas; run the page's SQL with no mapping), so the ratio
// shows what Attest adds on top of SQLite itself.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, MethodName } from '../../shared/api/index';
import { buildLargeDemoVault } from '../../electron/core/demo/demo-large';
import { closeVault, openVault } from '../../electron/core/vault/session';
import { CLI_CALLER } from '../../electron/rpc/callers';
import { dispatch } from '../../electron/rpc/dispatch';
import { createRuntime } from '../../electron/rpc/runtime';
import { silentLogger } from '../../electron/platform/logger';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const OPEN_TARGET_MS = 300;
const PAGE_TARGET_MS = 50;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

function time(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The pages a screen asks for first, each with the raw SQL that reads the same rows. */
const PAGES: { method: MethodName; input: Record<string, unknown>; sql: string }[] = [
  {
    method: 'controls.list',
    input: { limit: 100 },
    sql: 'SELECT * FROM control WHERE archived_at IS NULL ORDER BY ref LIMIT 101',
  },
  {
    method: 'requests.list',
    input: { limit: 100 },
    sql: 'SELECT * FROM request WHERE archived_at IS NULL ORDER BY ref_sort, id LIMIT 101',
  },
  {
    method: 'requests.list',
    input: { limit: 100, sort: { key: 'dueOn', dir: 'desc' } },
    sql: `SELECT * FROM request WHERE archived_at IS NULL
          ORDER BY (due_on IS NULL), due_on DESC, ref_sort, id LIMIT 101`,
  },
  {
    method: 'tasks.list',
    input: { limit: 100 },
    sql: 'SELECT * FROM task WHERE archived_at IS NULL ORDER BY length(ref), ref, id LIMIT 101',
  },
  {
    method: 'tasks.list',
    input: { limit: 100, search: 'evidence', sort: { key: 'dueOn', dir: 'asc' } },
    sql: `SELECT * FROM task WHERE archived_at IS NULL AND title LIKE '%evidence%'
          ORDER BY (due_on IS NULL), due_on, length(ref), ref, id LIMIT 101`,
  },
  {
    method: 'risks.list',
    input: { limit: 100 },
    sql: 'SELECT * FROM risk WHERE archived_at IS NULL ORDER BY created_at, id LIMIT 101',
  },
  {
    method: 'people.list',
    input: { limit: 100 },
    sql: 'SELECT * FROM person WHERE archived_at IS NULL ORDER BY name, id LIMIT 101',
  },
  {
    method: 'criteria.list',
    input: {},
    sql: 'SELECT * FROM criterion WHERE in_scope = 1 ORDER BY sort_key',
  },
];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'attest-scale-'));
  try {
    const path = join(dir, 'large.attest');
    let built = performance.now();
    closeVault(await buildLargeDemoVault(path, { app: 'bench' }));
    built = performance.now() - built;
    const raw = new Database(path, { readonly: true });
    const count = (table: string) =>
      raw.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
    console.log(
      `large demo: ${count('control')} controls, ${count('task')} tasks, ${count('request')} requests, ` +
        `${count('audit_event')} audit entries, ${(statSync(path).size / 2 ** 20).toFixed(1)} MiB, built in ${(built / 1000).toFixed(1)} s`,
    );
    raw.close();

    // Open: the whole of openVault (header checks, lock, pending clean-up) then close.
    const opens: number[] = [];
    const rawOpens: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const o = await timeAsync(async () => closeVault(await openVault(path)));
      const r = time(() => {
        const db = new Database(path);
        db.pragma('user_version');
        db.pragma('application_id');
        db.prepare('SELECT count(*) FROM engagement').get();
        db.close();
      });
      if (run > 0) {
        opens.push(o); // the first run warms the caches for both
        rawOpens.push(r);
      }
    }
    const open = median(opens);
    console.log(
      `open: ${ms(open)} (target < ${OPEN_TARGET_MS} ms) · raw SQLite open ${ms(median(rawOpens))}`,
    );

    const ctx = createRuntime({ home: dir, app: 'bench', logger: silentLogger });
    const opened = await dispatch(ctx, 'vault.open', { file: path }, CLI_CALLER);
    if (!opened.ok) throw new Error(opened.error.message);
    const sqlite = ctx.vault!.db.sqlite;
    let worst = 0;
    for (const page of PAGES) {
      const calls: number[] = [];
      const refs: number[] = [];
      const stmt = sqlite.prepare(page.sql);
      for (let run = 0; run < RUNS + 1; run++) {
        let answer: Awaited<ReturnType<typeof dispatch>> | undefined;
        const c = await timeAsync(async () => {
          answer = await dispatch(
            ctx,
            page.method,
            page.input as Input<typeof page.method>,
            CLI_CALLER,
          );
        });
        if (!answer?.ok) throw new Error(`${page.method}: ${JSON.stringify(answer)}`);
        const r = time(() => stmt.all());
        if (run > 0) {
          calls.push(c);
          refs.push(r);
        }
      }
      const m = median(calls);
      worst = Math.max(worst, m);
      const label = `${page.method} ${JSON.stringify(page.input)}`;
      console.log(
        `first page ${label}: ${ms(m)} (target < ${PAGE_TARGET_MS} ms) · raw SQL ${ms(median(refs))} · ×${(m / Math.max(median(refs), 0.01)).toFixed(1)}`,
      );
    }
    await ctx.dispose();
    console.log(
      `summary: open ${ms(open)} ${open < OPEN_TARGET_MS ? 'within' : 'OVER'} budget; slowest first page ${ms(worst)} ${worst < PAGE_TARGET_MS ? 'within' : 'OVER'} budget`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
