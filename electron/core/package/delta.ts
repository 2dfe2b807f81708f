/**
 * Delta packages (DESIGN §6: auditors receive work in waves): the previous package is read and
 * verified first — refused when it fails verification, was signed by another vault's key, or
 * shows a history this vault does not have — then this package's records are compared with the
 * ones its manifest lists, by stable id (EV-0123, POL-08 v3, AC-04, PBC-014…).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { AttestError, isAttestError } from '../../../shared/api/errors';
import {
  type Manifest,
  type ManifestDelta,
  type ManifestRecord,
  type RecordKind,
} from '../../../shared/domain/package/manifest';
import { chainHashAt, chainHead } from '../../db/audit';
import type { VaultDb } from '../../db/connection';
import type { EntryRecord, PackageEntry } from './entry';
import { verifyPackage } from './verify-package';

/** The package a delta follows, verified. */
export interface PreviousPackage {
  manifest: Manifest;
  /** SHA-256 of its manifest.json bytes: how the delta names it. */
  manifestSha256: string;
  /** Its file name, for the messages and the README. */
  fileName: string;
}

export type RecordStatus = 'new' | 'changed' | 'unchanged';

/** What the README, the indexes and the viewer say about a delta. */
export interface DeltaView {
  previous: PreviousPackage;
  status(kind: RecordKind, id: string): RecordStatus;
  counts: ManifestDelta['counts'];
  removed: ManifestDelta['removed'];
}

const key = (kind: string, id: string) => `${kind}\u0000${id}`;
const refuse = (message: string) =>
  new AttestError('validation', message, [{ path: ['since'], message }]);
/**
 * Every refusal of the earlier package names the `since` field in its details, whatever its code
 * (`integrity`, `not_a_package` keep theirs), so the form shows the reason under the drop area.
 */
const onSince = (e: unknown) =>
  isAttestError(e) && e.details === undefined
    ? new AttestError(e.code, e.message, [{ path: ['since'], message: e.message }])
    : e;

/**
 * Reads and verifies the package at `path` for a delta of this vault. `integrity` when it fails
 * verification (each problem counted, the first named), `validation` (on `since`) when another
 * vault signed it or its chain head is not in this vault's history, `not_a_package` when it is
 * not a zip at all.
 */
export async function readPreviousPackage(
  db: VaultDb,
  fingerprint: string,
  path: string,
  options: { signal?: AbortSignal; fileName?: string } = {},
): Promise<PreviousPackage> {
  const fileName = options.fileName ?? basename(path);
  let manifest: Manifest | null = null;
  let bytes: Buffer | null = null;
  const report = await verifyPackage(path, {
    signal: options.signal,
    onManifest: (m, b) => {
      manifest = m;
      bytes = b;
    },
  }).catch((e: unknown) => {
    if (!isAttestError(e) || e.code === 'cancelled') throw e;
    // The verifier says "this file": the form shows the sentence away from the file's name.
    throw onSince(
      new AttestError(e.code, `The earlier package ${fileName} was refused. ${e.message}`),
    );
  });
  if (!report.verified || !manifest || !bytes) {
    const n = report.problems.length;
    const first = report.problems[0]?.message ?? 'it could not be checked';
    throw onSince(
      new AttestError(
        'integrity',
        `The earlier package ${fileName} did not pass verification (${n} problem${n === 1 ? '' : 's'}: ${first}), so a delta cannot be taken from it. Use the package exactly as it was exported, or export a full package.`,
      ),
    );
  }
  const m = manifest as Manifest;
  if (m.keyFingerprint !== fingerprint) {
    throw refuse(
      `${fileName} was exported from another vault (key ${m.keyFingerprint.slice(0, 16)}…, this vault’s is ${fingerprint.slice(0, 16)}…): a delta follows a package of this engagement only.`,
    );
  }
  const head = chainHead(db);
  const then = m.chainHead;
  if (then.seq > head.seq || chainHashAt(db, then.seq) !== then.hash) {
    throw refuse(
      `${fileName} was exported from another copy of this vault, whose history differs from this one’s (audit entry ${then.seq}): a delta can only follow a package this vault file exported.`,
    );
  }
  return {
    manifest: m,
    manifestSha256: createHash('sha256')
      .update(bytes as Buffer)
      .digest('hex'),
    fileName,
  };
}

/**
 * The package's records: those its files show (one per stable id, its state the digest of its
 * files' parts in path order) and the index rows that have no file (controls, requests).
 */
export function recordsOf(
  entries: readonly Pick<PackageEntry, 'path' | 'record'>[],
  rows: readonly EntryRecord[],
): ManifestRecord[] {
  const parts = new Map<string, { kind: RecordKind; id: string; files: [string, string][] }>();
  for (const e of entries) {
    if (!e.record) continue;
    const k = key(e.record.kind, e.record.id);
    const r = parts.get(k) ?? { kind: e.record.kind, id: e.record.id, files: [] };
    r.files.push([e.path, e.record.part]);
    parts.set(k, r);
  }
  const out: ManifestRecord[] = [...parts.values()].map((r) => {
    const files = r.files.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return {
      kind: r.kind,
      id: r.id,
      state: createHash('sha256').update(JSON.stringify(files)).digest('hex'),
      paths: files.map((f) => f[0]),
    };
  });
  for (const r of rows) {
    if (parts.has(key(r.kind, r.id))) continue;
    out.push({ kind: r.kind, id: r.id, state: r.part, paths: [] });
  }
  return sortRecords(out);
}

export function sortRecords<T extends { kind: string; id: string }>(records: T[]): T[] {
  return records.sort((a, b) =>
    a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/** This package's records against the previous package's: new, changed, unchanged, removed. */
export function compareRecords(
  previous: PreviousPackage,
  records: readonly ManifestRecord[],
): DeltaView {
  const before = new Map(previous.manifest.records.map((r) => [key(r.kind, r.id), r]));
  const status = new Map<string, RecordStatus>();
  const counts = { new: 0, changed: 0, unchanged: 0, removed: 0 };
  for (const r of records) {
    const k = key(r.kind, r.id);
    const then = before.get(k);
    const s: RecordStatus = !then ? 'new' : then.state === r.state ? 'unchanged' : 'changed';
    status.set(k, s);
    counts[s]++;
  }
  const removed = sortRecords(
    previous.manifest.records
      .filter((r) => !status.has(key(r.kind, r.id)))
      .map((r) => ({ kind: r.kind, id: r.id, paths: r.paths })),
  );
  counts.removed = removed.length;
  return {
    previous,
    status: (kind, id) => status.get(key(kind, id)) ?? 'new',
    counts,
    removed,
  };
}

/** The manifest's `delta`: what it follows and what changed since. */
export function manifestDelta(view: DeltaView): ManifestDelta {
  const m = view.previous.manifest;
  return {
    since: view.previous.manifestSha256,
    previousGeneratedAt: m.generatedAt,
    previousChainHead: m.chainHead,
    counts: view.counts,
    removed: view.removed,
  };
}

/** How the indexes and the viewer word a record's status. */
export const STATUS_LABEL: Record<RecordStatus, string> = {
  new: 'new',
  changed: 'changed',
  unchanged: 'unchanged (in an earlier package)',
};

export const KIND_LABEL: Record<RecordKind, string> = {
  evidence: 'Evidence',
  policy: 'Policy version',
  document: 'Document',
  subservice: 'Subservice organisation',
  control: 'Control',
  request: 'Request',
};
