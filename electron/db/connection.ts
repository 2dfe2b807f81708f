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

function prepare(db: VaultDb, sqlText: string): Database.Statement {
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
