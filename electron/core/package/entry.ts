import type { ManifestFile } from '../../../shared/domain/package/manifest';

/** One file of the package before it is written: where, what, and its bytes or stored blob. */
export interface PackageEntry {
  path: string;
  kind: ManifestFile['kind'];
  evidenceId?: string;
  controls: string[];
  criteria: string[];
  requests: string[];
  source: { bytes: Buffer } | { blobId: number; size: number };
}

/** A generated file: no links of its own. */
export function generated(path: string, kind: ManifestFile['kind'], bytes: Buffer): PackageEntry {
  return { path, kind, controls: [], criteria: [], requests: [], source: { bytes } };
}

export function sizeOf(entry: PackageEntry): number {
  return 'bytes' in entry.source ? entry.source.bytes.length : entry.source.size;
}
