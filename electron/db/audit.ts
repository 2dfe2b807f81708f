import type { ChainHead } from '../../shared/api/witness';
import { AUDITED_ENTITIES, type AuditedEntity, whereEntityId } from './audited';
import { canonicalJson, sha256Hex } from './canonical';
import { type VaultDb, first, prepare } from './connection';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditAction = 'create' | 'update' | 'delete' | 'archive' | 'restore';

export interface AuditContext {
  db: VaultDb;
  now(): string;
  actor(): string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  state_hash: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** The canonical state of a row as it is stored now, or null when it does not exist. */
export function rowState(db: VaultDb, entity: AuditedEntity, id: string): unknown {
  const { table } = AUDITED_ENTITIES[entity];
  const { where, params } = whereEntityId(entity, id);
  return prepare(db, `SELECT * FROM "${table}" WHERE ${where}`).get(...params) ?? null;
}

/**
 * The hash of a row's state. Null columns are left out, so a migration that adds a nullable
 * column does not change the state of every existing row (the column set is the schema's, and a
 * value set back to null is itself an audited change).
 */
export function stateHash(state: unknown): string {
  if (state && typeof state === 'object' && !Array.isArray(state)) {
    state = Object.fromEntries(Object.entries(state).filter(([, v]) => v !== null));
  }
  return sha256Hex(canonicalJson(state));
}

/** The hash that chains an entry to the one before it. */
export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const { prev_hash, ...rest } = e;
  return sha256Hex(prev_hash + canonicalJson(rest));
}

const LAST_ENTRY_SQL = 'SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1';
const INSERT_ENTRY_SQL =
  'INSERT INTO audit_event (seq, at, actor, action, entity, entity_id, state_hash, payload, prev_hash, hash) ' +
  'VALUES (@seq, @at, @actor, @action, @entity, @entity_id, @state_hash, @payload, @prev_hash, @hash)';

/**
 * Appends the audit entry for a change that the caller has just made, inside the caller's
 * transaction (call it from within `tx`). The state hash is computed from the row as re-read
 * from the database, so it matches exactly what `verify` will read later.
 */
export function recordChange(
  ctx: AuditContext,
  change: { action: AuditAction; entity: AuditedEntity; entityId: string; payload?: unknown },
): AuditEntry {
  const { db } = ctx;
  if (!db.sqlite.inTransaction)
    throw new Error('recordChange must run inside the change’s transaction');
  const state = change.action === 'delete' ? null : rowState(db, change.entity, change.entityId);
  if (change.action !== 'delete' && state === null) {
    throw new Error(`recordChange: ${change.entity} ${change.entityId} does not exist`);
  }
  // Plain cached statements: a scope change records an entry per control and mapping, and
  // compiling the same two queries through the builder each time was most of its cost.
  const last = prepare(db, LAST_ENTRY_SQL).get() as { seq: number; hash: string } | undefined;
  const base = {
    seq: (last?.seq ?? 0) + 1,
    at: ctx.now(),
    actor: ctx.actor(),
    action: change.action,
    entity: change.entity,
    entity_id: change.entityId,
    state_hash: state === null ? null : stateHash(state),
    payload: canonicalJson(change.payload ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const entry: AuditEntry = { ...base, hash: entryHash(base) };
  const inserted = prepare(db, INSERT_ENTRY_SQL).run(entry);
  if (inserted.changes !== 1) throw new Error(`audit entry ${entry.seq} was not written`);
  return entry;
}

/**
 * The head of the audit chain (the anchor, DESIGN §3): the last entry's seq and hash, or seq 0
 * and the genesis hash for an empty chain. The witness records it; exported package manifests
 * and frozen review snapshots must record it too, so that a chain recomputed from scratch no
 * longer extends what was anchored.
 */
export function chainHead(db: VaultDb): ChainHead {
  const last = first(
    db,
    db.qb.selectFrom('audit_event').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
  );
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

/**
 * When the vault last changed: the time of its newest audit entry, or null for an empty chain.
 * Generated files are stamped with it rather than with the clock, so the same vault state gives
 * the same bytes.
 */
export function latestAuditTime(db: VaultDb): string | null {
  const last = first(
    db,
    db.qb.selectFrom('audit_event').select('at').orderBy('seq', 'desc').limit(1),
  );
  return last?.at ?? null;
}

/** The stored hash of entry `seq`, or null when there is no such entry (0: the genesis hash). */
export function chainHashAt(db: VaultDb, seq: number): string | null {
  if (seq === 0) return GENESIS_HASH;
  const row = first(
    db,
    db.qb.selectFrom('audit_event').select('hash').where('seq', '=', seq).limit(1),
  );
  return row?.hash ?? null;
}
