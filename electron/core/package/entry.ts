import { createHash } from 'node:crypto';
import type { ManifestFile, RecordKind } from '../../../shared/domain/package/manifest';

/**
 * The record a file shows, by its stable id, and this file's share of the record's state: a
 * digest of what the file shows (its content, its index row, its place) and never of the time a
 * generated file is stamped with, so the same record exported twice agrees even where a PDF's
 * bytes differ. What a delta export compares (delta.ts).
 */
export interface EntryRecord {
  kind: RecordKind;
  id: string;
  part: string;
}

/** One file of the package before it is written: where, what, and its bytes or stored blob. */
export interface PackageEntry {
  path: string;
  kind: ManifestFile['kind'];
  evidenceId?: string;
  /** Policy files: `POL-08 v3`. */
  policyVersion?: string;
  controls: string[];
  criteria: string[];
  requests: string[];
  source: { bytes: Buffer } | { blobId: number; size: number };
  /**
   * Absent for the files every package regenerates whole (README, viewer, indexes, internal
   * papers, the key): a delta always carries those.
   */
  record?: EntryRecord;
}

/** A generated file: no links of its own. */
export function generated(path: string, kind: ManifestFile['kind'], bytes: Buffer): PackageEntry {
  return { path, kind, controls: [], criteria: [], requests: [], source: { bytes } };
}

/**
 * A file as planned: a generated document may still be a promise to render it. Its record is
 * known without rendering (computed from what it shows), so a delta renders only the documents
 * of new and changed records; the PDF and DOCX renderers are most of a delta's time otherwise.
 */
export interface PlannedEntry extends Omit<PackageEntry, 'source'> {
  source: PackageEntry['source'] | { render: () => Promise<Buffer> };
}

/** A generated file rendered only if the package keeps it. */
export function renderLater(
  path: string,
  kind: ManifestFile['kind'],
  render: () => Promise<Buffer>,
): PlannedEntry {
  return { ...generated(path, kind, Buffer.alloc(0)), source: { render } };
}

/** The entry with its bytes: rendered now if it was left for later. */
export async function rendered(entry: PlannedEntry): Promise<PackageEntry> {
  const source = entry.source;
  if (!('render' in source)) return { ...entry, source };
  return { ...entry, source: { bytes: await source.render() } };
}

export function sizeOf(entry: PackageEntry): number {
  return 'bytes' in entry.source ? entry.source.bytes.length : entry.source.size;
}

/** SHA-256 of values as JSON: one digest for what a file or an index row shows. */
export function digestOf(...values: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The record of a file whose bytes depend only on what it shows (Markdown, CSV, a stored file). */
export function recordOfBytes(
  kind: RecordKind,
  id: string,
  path: string,
  bytes: Buffer,
): EntryRecord {
  return { kind, id, part: digestOf(path, sha256(bytes)) };
}
