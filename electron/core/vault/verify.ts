import { isAttestError } from '../../../shared/api/errors';
import type { VerifyProblem, VerifyReport } from '../../../shared/api/vault';
import { GENESIS_HASH, type AuditEntry, entryHash, stateHash } from '../../db/audit';
import { AUDITED_ENTITIES, type AuditedEntity, entityIdOf } from '../../db/audited';
import { ownersNamed } from '../../db/blob-owners';
import { checkAllBlobs } from '../../db/blobs';
import type { VaultDb } from '../../db/connection';
import type { Witness } from '../../../shared/api/witness';
import type { WitnessStore } from '../../platform/witness-store';
import type { Vault } from './session';
import { checkBlobOwnership } from './verify-blobs';
import { consultWitness } from './witness';

export interface VerifyProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface VerifyOptions {
  onProgress?: (p: VerifyProgress) => void;
  signal?: AbortSignal;
  /**
   * The witness kept outside the vault. Without it the chain can only be checked against
   * itself, which a chain recomputed from scratch passes (there is no secret).
   */
  witness?: WitnessStore;
}

interface Latest {
  seq: number;
  stateHash: string | null;
}

/** Checks the open vault (the `vault.verify` job); see verifyDatabase. */
export function verifyVault(vault: Vault, options: VerifyOptions = {}): Promise<VerifyReport> {
  return verifyDatabase(vault.db, vault.now, options);
}

/**
 * Checks that nothing changed behind Attest's back: SQLite's own integrity check, the audit
 * hash chain, every current row against the state hash of its latest audit entry, and every
 * stored file against its SHA-256. Each problem is named; none stops the others being checked.
 * On a damaged file each part says what it could not read and the others still run. Reads only.
 */
export async function verifyDatabase(
  db: VaultDb,
  now: () => string,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  let witness: Witness | undefined;
  const report = (
    auditEntries: number,
    rows: number,
    blobs: { count: number; bytes: number },
  ): VerifyReport => ({
    ok: problems.length === 0,
    checkedAt: now(),
    checked: { auditEntries, rows, blobs: blobs.count, blobBytes: blobs.bytes },
    problems,
    ...(witness ? { witness } : {}),
  });

  // Every statement needs the schema: if it is damaged, each part would fail the same way.
  const schemaDamage = readSchema(db);
  if (schemaDamage) {
    problems.push(
      unreadable(
        `The vault's list of tables (its schema) cannot be read, so nothing could be checked`,
        schemaDamage,
      ),
    );
    return report(0, 0, { count: 0, bytes: 0 });
  }

  try {
    const integrity = db.sqlite.pragma('integrity_check') as { integrity_check: string }[];
    for (const { integrity_check: line } of integrity) {
      if (line !== 'ok')
        problems.push({ kind: 'sqlite_integrity', message: `SQLite integrity check: ${line}` });
    }
  } catch (e) {
    problems.push(unreadable(`SQLite's integrity check could not run`, e));
  }

  const latest = new Map<string, Latest>();
  const chain = checkChain(db, problems, latest);
  if (options.witness) witness = checkWitness(db, options.witness, problems);
  const rows = checkRows(db, problems, latest, chain.complete);

  try {
    checkBlobOwnership(db, problems);
  } catch (e) {
    problems.push(unreadable('Which record owns each stored file could not be read', e));
  }

  let blobs = { count: 0, bytes: 0 };
  try {
    const checked = await checkAllBlobs(
      db,
      (p) =>
        options.onProgress?.({
          filesDone: p.blobsDone,
          filesTotal: p.blobsTotal,
          bytesDone: p.bytesDone,
          bytesTotal: p.bytesTotal,
        }),
      options.signal,
    );
    blobs = checked;
    for (const m of checked.mismatches) {
      const file = `Stored file ${m.blobId}${ownedBy(db, m.blobId)}`;
      problems.push({
        kind: 'blob_altered',
        blobId: m.blobId,
        message:
          m.actualSize !== m.expectedSize
            ? `${file} has ${m.actualSize} bytes where ${m.expectedSize} were stored`
            : `${file} no longer matches its SHA-256 (expected ${m.expected.slice(0, 12)}…, found ${m.actual.slice(0, 12)}…)`,
      });
    }
    for (const u of checked.unreadable) {
      problems.push({
        kind: 'blob_altered',
        blobId: u.blobId,
        message: `Stored file ${u.blobId} could not be read back: the vault file is damaged (${u.reason})`,
      });
    }
  } catch (e) {
    if (isAttestError(e)) throw e; // cancelled
    problems.push(unreadable('The stored files could not be listed', e));
  }

  return report(chain.count, rows, blobs);
}

/**
 * The chain against the heads recorded outside the vault. Only `rewritten` is a problem; behind
 * (a restored backup), diverged (a copy gone its own way) and unwitnessed are said in the
 * report's `witness`, not as integrity failures.
 */
function checkWitness(
  db: VaultDb,
  store: WitnessStore,
  problems: VerifyProblem[],
): Witness | undefined {
  let witness: Witness;
  try {
    witness = consultWitness(store, db);
  } catch {
    // No key or an unreadable chain: the other checks already say what is wrong.
    return undefined;
  }
  if (witness.status === 'rewritten') {
    problems.push({ kind: 'chain_rewritten', message: witness.message });
  }
  return witness;
}

/** The error that makes the schema unreadable, or null when it reads. */
function readSchema(db: VaultDb): unknown {
  try {
    db.sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
    return null;
  } catch (e) {
    return e instanceof Error && /malformed database schema/.test(e.message) ? e : null;
  }
}

/** A part of the check that SQLite could not read: said in words, as an integrity problem. */
function unreadable(what: string, e: unknown): VerifyProblem {
  const reason = e instanceof Error ? e.message : String(e);
  return {
    kind: 'sqlite_integrity',
    message: `${what}: the vault file is damaged (${reason})`,
  };
}

function checkChain(
  db: VaultDb,
  problems: VerifyProblem[],
  latest: Map<string, Latest>,
): { count: number; complete: boolean } {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  try {
    const stmt = db.sqlite.prepare('SELECT * FROM audit_event ORDER BY seq');
    for (const row of stmt.iterate() as Iterable<AuditEntry>) {
      count++;
      if (row.seq > expectedSeq) {
        const range =
          row.seq - 1 === expectedSeq ? `${expectedSeq}` : `${expectedSeq}–${row.seq - 1}`;
        problems.push({
          kind: 'audit_entry_missing',
          seq: expectedSeq,
          message: `Audit log entry ${range} is missing (deleted outside Attest)`,
        });
      } else if (row.prev_hash !== prevHash) {
        problems.push({
          kind: 'audit_chain_broken',
          seq: row.seq,
          message: `Audit log entry ${row.seq} does not follow from the entry before it`,
        });
      }
      const { hash, ...rest } = row;
      let rehashed: string | null;
      try {
        rehashed = entryHash(rest);
      } catch {
        rehashed = null; // a damaged entry that cannot even be canonicalised is altered
      }
      if (rehashed !== hash) {
        problems.push({
          kind: 'audit_entry_altered',
          seq: row.seq,
          entity: String(row.entity),
          entityId: String(row.entity_id),
          message: `Audit log entry ${row.seq} (${row.action} ${row.entity} ${row.entity_id}) was altered`,
        });
      }
      reportLaunderedChange(row, problems);
      latest.set(key(row.entity, row.entity_id), { seq: row.seq, stateHash: row.state_hash });
      expectedSeq = row.seq + 1;
      prevHash = hash;
    }
    return { count, complete: true };
  } catch (e) {
    const where =
      count === 0
        ? 'The audit log could not be read'
        : `The audit log could not be read past entry ${expectedSeq - 1} (the entries after it were not checked)`;
    problems.push(unreadable(where, e));
    return { count, complete: false };
  }
}

function checkRows(
  db: VaultDb,
  problems: VerifyProblem[],
  latest: Map<string, Latest>,
  chainComplete: boolean,
): number {
  let count = 0;
  for (const entity of Object.keys(AUDITED_ENTITIES) as AuditedEntity[]) {
    const { table } = AUDITED_ENTITIES[entity];
    const seen = new Set<string>();
    try {
      for (const row of db.sqlite.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<
        Record<string, unknown>
      >) {
        count++;
        const id = entityIdOf(entity, row);
        seen.add(id);
        const last = latest.get(key(entity, id));
        if (!last || last.stateHash === null) {
          // With a chain that could not be read to its end, "unaccounted for" proves nothing.
          if (!chainComplete) continue;
          problems.push({
            kind: 'row_untracked',
            entity,
            entityId: id,
            message: `${entity} ${id} exists but the audit log does not account for it (added outside Attest)`,
          });
        } else if (stateHash(row) !== last.stateHash) {
          problems.push({
            kind: 'row_changed',
            entity,
            entityId: id,
            message: `${entity} ${id} differs from its last recorded state (audit entry ${last.seq}): changed outside Attest`,
          });
        }
      }
    } catch (e) {
      problems.push(unreadable(`The ${entity} records could not be read`, e));
      // Rows not read are not "deleted": skip that comparison for this kind of record.
      continue;
    }
    const prefix = `${entity}\u0000`;
    for (const [k, last] of latest) {
      if (!k.startsWith(prefix) || last.stateHash === null) continue;
      const id = k.slice(prefix.length);
      if (!seen.has(id)) {
        problems.push({
          kind: 'row_deleted',
          entity,
          entityId: id,
          message: `${entity} ${id} is recorded in the audit log (entry ${last.seq}) but is gone: deleted outside Attest`,
        });
      }
    }
  }
  return count;
}

/**
 * A migration that re-records a row first compares it with the row's last recorded state; a
 * row changed outside Attest before the upgrade is marked in that entry's payload, so the edit
 * stays reported after the migration made the row and the log agree again (never laundered).
 */
function reportLaunderedChange(row: AuditEntry, problems: VerifyProblem[]): void {
  if (!row.payload.includes('"changedOutsideAttest"')) return;
  const payload = JSON.parse(row.payload) as {
    migration?: string;
    changedOutsideAttest?: { lastRecordedSeq: number | null };
  };
  const mark = payload.changedOutsideAttest;
  if (!payload.migration || !mark) return;
  const last =
    mark.lastRecordedSeq === null
      ? 'it had no recorded state'
      : `its last recorded state was audit entry ${mark.lastRecordedSeq}`;
  problems.push({
    kind: 'row_changed',
    entity: row.entity,
    entityId: row.entity_id,
    seq: row.seq,
    message: `${row.entity} ${row.entity_id} was changed outside Attest before the vault format was upgraded (${last}; the upgrade re-recorded it in entry ${row.seq})`,
  });
}

function key(entity: string, id: string): string {
  return `${entity}\u0000${id}`;
}

/** " (the file of evidence EV-3)": whose file it is, when anything owns it. */
function ownedBy(db: VaultDb, blobId: number): string {
  try {
    const owners = ownersNamed(db, blobId);
    return owners.length > 0 ? ` (${owners.join(', ')})` : '';
  } catch {
    return ''; // a damaged owner table is reported by its own check
  }
}
