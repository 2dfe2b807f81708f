/**
 * What the package's offline viewer (`index.html`, DESIGN §6) shows, gathered by the export
 * writer and rendered by `renderViewerHtml`. Plain data: the viewer never reads the vault, and
 * an auditor's browser needs nothing but this page and the files beside it.
 *
 * Nothing here says "met" or carries self-test results: the package gives evidence, not
 * conclusions (DESIGN §6); those live only in `07_Internal/`.
 */
export interface ViewerData {
  engagement: {
    name: string;
    client: string | null;
    type: 'type1' | 'type2';
    periodStart: string | null;
    periodEnd: string | null;
    asOf: string | null;
  };
  /** Hex SHA-256 of the signing key; for comparison with the one sent by another channel. */
  keyFingerprint: string;
  generatedAt: string;
  criteria: { id: string; title: string; controls: string[] }[];
  controls: {
    ref: string;
    title: string;
    criteria: string[];
    owner: string | null;
    frequency: string;
  }[];
  requests: { ref: string; title: string; controls: string[]; criteria: string[] }[];
  /** One row per evidence or population file in the package. */
  files: {
    evidenceId: string;
    title: string;
    /** Relative to the package root, as in the manifest (a link from index.html); null: a link. */
    path: string | null;
    /** A link's web address (link evidence has no file in the package). */
    url?: string;
    sha256: string;
    size: number;
    controls: string[];
    criteria: string[];
    requests: string[];
    /** "2026-01-01..2026-03-31", "as of 2026-03-31", or null when not stated. */
    covers: string | null;
    /** In a delta: new or changed (in this zip), or unchanged (in an earlier package only). */
    status?: 'new' | 'changed' | 'unchanged';
  }[];
  /** Other documents: README, indexes, description, policies, vendor reports. */
  documents: { path: string; title: string }[];
  /** Set for a delta package: the package it follows and what was removed since. */
  delta?: {
    previousGeneratedAt: string;
    /** SHA-256 of the previous package's manifest.json. */
    since: string;
    previousFileName: string;
    counts: { new: number; changed: number; unchanged: number; removed: number };
    removed: { what: string; id: string; paths: string[] }[];
  };
}
