import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type Compilable } from 'kysely';
import { AttestError } from '../../shared/api/errors';
import type { VaultSchema } from './schema';

/**
 * One open vault connection. `qb` builds portable SQL with kysely; the helpers below run it
 * synchronously on the better-sqlite3 handle, so a transaction is a plain synchronous function
 * and can never span an `await` (long jobs interleave between transactions, never inside one).
 */
export interface VaultDb {
  readonly sqlite: Database.Database;
  readonly qb: Kysely<VaultSchema>;
  /** Rows handed to JavaScript by `all` and `first`: tests hold lists to reading a page. */
  readonly stats: { rowsRead: number };
}

export function wrapConnection(sqlite: Database.Database): VaultDb {
  return {
    sqlite,
    qb: new Kysely<VaultSchema>({ dialect: new SqliteDialect({ database: sqlite }) }),
    stats: { rowsRead: 0 },
  };
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement prepared once per connection and SQL text (preparing costs more than running). */
export function prepare(db: VaultDb, sqlText: string): Database.Statement {
  let cache = statementCache.get(db.sqlite);
  if (!cache) {
    cache = new Map();
    statementCache.set(db.sqlite, cache);
  }
  let stmt = cache.get(sqlText);
  if (!stmt) {
    stmt = db.sqlite.prepare(sqlText);
    cache.set(sqlText, stmt);
  }
  return stmt;
}

export function all<R>(db: VaultDb, query: Compilable<R>): R[] {
  const c = query.compile();
  const rows = prepare(db, c.sql).all(...(c.parameters as unknown[])) as R[];
  db.stats.rowsRead += rows.length;
  return rows;
}

export function first<R>(db: VaultDb, query: Compilable<R>): R | undefined {
  const c = query.compile();
  const row = prepare(db, c.sql).get(...(c.parameters as unknown[])) as R | undefined;
  if (row !== undefined) db.stats.rowsRead++;
  return row;
}

const writesBlocked = new WeakMap<Database.Database, string>();

/**
 * While the vault is copied to be swapped for a compact copy, a change would be lost with the
 * old file: writes are refused meanwhile with `reason` (reads go on). Both entries to a write —
 * `tx` and `run` — check it.
 */
export function blockWrites(db: VaultDb, reason: string): () => void {
  writesBlocked.set(db.sqlite, reason);
  return () => writesBlocked.delete(db.sqlite);
}

export function writesAllowed(db: VaultDb): boolean {
  return !writesBlocked.has(db.sqlite);
}

function assertWritable(db: VaultDb): void {
  const reason = writesBlocked.get(db.sqlite);
  if (reason !== undefined) throw new AttestError('vault_locked', reason);
  if (held.get(db.sqlite)?.yielded) {
    // A plain Error on purpose: a write reached the vault without waiting for `writesFree`.
    throw new Error(
      'A write ran while a yielding transaction was paused; it must await writesFree',
    );
  }
}

/** How long a yielding transaction works before it lets other calls run. */
const SLICE_MS = 40;

interface Held {
  done: Promise<void>;
  /** True while the transaction has handed the event loop to other calls. */
  yielded: boolean;
}
const held = new WeakMap<Database.Database, Held>();

/**
 * Resolves once no yielding transaction holds the vault's writes. Every write that is not part
 * of one awaits this first: mutating calls in the dispatcher, a job's batches, backups.
 */
export async function writesFree(db: VaultDb): Promise<void> {
  for (let h = held.get(db.sqlite); h; h = held.get(db.sqlite)) await h.done;
}

const copying = new WeakMap<Database.Database, Promise<unknown>>();

/**
 * Runs an online backup of the connection: it starts once no yielding transaction is open, and
 * none starts until it ends — a copy finished while one was open would keep rows that a cancel
 * then rolls back. Ordinary short writes go on (SQLite carries them into the copy).
 */
export async function whileCopying<T>(
  sqlite: Database.Database,
  copy: () => Promise<T>,
): Promise<T> {
  for (let h = held.get(sqlite); h; h = held.get(sqlite)) await h.done;
  const running = copy();
  const settled = running.catch(() => undefined);
  copying.set(sqlite, settled);
  try {
    return await running;
  } finally {
    if (copying.get(sqlite) === settled) copying.delete(sqlite);
  }
}

/**
 * One write transaction too long to hold the process for (a 5 000-row import): `fn` calls
 * `pause()` between pieces of work, and every 40 ms that hands the event loop over, so reads go
 * on answering. Writes from elsewhere wait for it (`writesFree`), so the transaction stays all or
 * nothing; reads made meanwhile see its rows before they are committed. A cancel takes effect
 * at the next pause and rolls everything back.
 */
export async function yieldingTx<T>(
  db: VaultDb,
  fn: (pause: () => Promise<void>) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  for (;;) {
    const waitFor = held.get(db.sqlite)?.done ?? copying.get(db.sqlite);
    if (!waitFor) break;
    await waitFor;
  }
  assertWritable(db);
  let release!: () => void;
  const h: Held = { done: new Promise<void>((r) => (release = r)), yielded: false };
  held.set(db.sqlite, h);
  let sliceStart = performance.now();
  const pause = async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    h.yielded = true;
    await new Promise<void>((r) => setImmediate(r));
    h.yielded = false;
    if (signal?.aborted) throw new AttestError('cancelled', 'Cancelled; nothing was saved');
    sliceStart = performance.now();
  };
  try {
    db.sqlite.exec('BEGIN IMMEDIATE');
    const value = await fn(pause);
    db.sqlite.exec('COMMIT');
    return value;
  } catch (e) {
    if (db.sqlite.inTransaction) db.sqlite.exec('ROLLBACK');
    throw e;
  } finally {
    held.delete(db.sqlite);
    release();
  }
}

/** Runs a write and returns how many rows it changed. */
export function run(db: VaultDb, query: Compilable<unknown>): { changes: number; lastId: number } {
  assertWritable(db);
  const c = query.compile();
  const r = prepare(db, c.sql).run(...(c.parameters as unknown[]));
  return { changes: r.changes, lastId: Number(r.lastInsertRowid) };
}

/** A write that must touch exactly `expected` rows; anything else is a bug, said loudly. */
export function runExpect(db: VaultDb, query: Compilable<unknown>, expected = 1): number {
  const { changes, lastId } = run(db, query);
  if (changes !== expected) {
    // A plain Error on purpose: logged in full in main, shown to the user as a generic failure.
    throw new Error(
      `Expected ${expected} row(s) to change, ${changes} did (${query.compile().sql.slice(0, 60)}…)`,
    );
  }
  return lastId;
}

/** A short synchronous transaction. Nested calls become savepoints. */
export function tx<T>(db: VaultDb, fn: () => T): T {
  assertWritable(db);
  return db.sqlite.transaction(fn).immediate();
}
