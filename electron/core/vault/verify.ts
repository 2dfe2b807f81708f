import type { VerifyProblem, VerifyReport } from '../../../shared/api/vault';
import { GENESIS_HASH, type AuditEntry, entryHash, stateHash } from '../../db/audit';
import { AUDITED_ENTITIES, type AuditedEntity, entityIdOf } from '../../db/audited';
import { checkAllBlobs } from '../../db/blobs';
import type { Vault } from './session';

export interface VerifyProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

interface Latest {
  seq: number;
  stateHash: string | null;
}

/**
 * Checks that nothing changed behind Attest's back: SQLite's own integrity check, the audit
 * hash chain, every current row against the state hash of its latest audit entry, and every
 * stored file against its SHA-256. Each problem is named; none stops the others being checked.
 */
export async function verifyVault(
  vault: Vault,
  options: { onProgress?: (p: VerifyProgress) => void; signal?: AbortSignal } = {},
): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const { sqlite } = vault.db;

  const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  for (const { integrity_check: line } of integrity) {
    if (line !== 'ok')
      problems.push({ kind: 'sqlite_integrity', message: `SQLite integrity check: ${line}` });
  }

  const latest = new Map<string, Latest>();
  const auditEntries = checkChain(vault, problems, latest);
  const rows = checkRows(vault, problems, latest);

  const blobs = await checkAllBlobs(
    vault.db,
    (p) =>
      options.onProgress?.({
        filesDone: p.blobsDone,
        filesTotal: p.blobsTotal,
        bytesDone: p.bytesDone,
        bytesTotal: p.bytesTotal,
      }),
    options.signal,
  );
  for (const m of blobs.mismatches) {
    problems.push({
      kind: 'blob_altered',
      blobId: m.blobId,
      message:
        m.actualSize !== m.expectedSize
          ? `Stored file ${m.blobId} has ${m.actualSize} bytes where ${m.expectedSize} were stored`
          : `Stored file ${m.blobId} no longer matches its SHA-256 (expected ${m.expected.slice(0, 12)}…, found ${m.actual.slice(0, 12)}…)`,
    });
  }

  return {
    ok: problems.length === 0,
    checkedAt: vault.now(),
    checked: { auditEntries, rows, blobs: blobs.count, blobBytes: blobs.bytes },
    problems,
  };
}

function checkChain(vault: Vault, problems: VerifyProblem[], latest: Map<string, Latest>): number {
  const stmt = vault.db.sqlite.prepare('SELECT * FROM audit_event ORDER BY seq');
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
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
    if (entryHash(rest) !== hash) {
      problems.push({
        kind: 'audit_entry_altered',
        seq: row.seq,
        entity: row.entity,
        entityId: row.entity_id,
        message: `Audit log entry ${row.seq} (${row.action} ${row.entity} ${row.entity_id}) was altered`,
      });
    }
    reportLaunderedChange(row, problems);
    latest.set(key(row.entity, row.entity_id), { seq: row.seq, stateHash: row.state_hash });
    expectedSeq = row.seq + 1;
    prevHash = hash;
  }
  return count;
}

function checkRows(vault: Vault, problems: VerifyProblem[], latest: Map<string, Latest>): number {
  let count = 0;
  for (const entity of Object.keys(AUDITED_ENTITIES) as AuditedEntity[]) {
    const { table } = AUDITED_ENTITIES[entity];
    const seen = new Set<string>();
    for (const row of vault.db.sqlite.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<
      Record<string, unknown>
    >) {
      count++;
      const id = entityIdOf(entity, row);
      seen.add(id);
      const last = latest.get(key(entity, id));
      if (!last || last.stateHash === null) {
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
