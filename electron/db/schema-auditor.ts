/** Migration 016: the manifest hash of each package this vault exported (not audited). */
export interface PackageExportTable {
  manifest_sha256: string;
  exported_at: string;
  chain_seq: number;
  chain_hash: string;
  engagement: string;
}

/** Migration 016: one import of an auditor's response that changed something. */
export interface AuditorResponseTable {
  id: string;
  manifest_sha256: string;
  auditor_name: string;
  auditor_firm: string;
  auditor_email: string | null;
  /** Null: the response was not signed. */
  key_fingerprint: string | null;
  created_at: string;
  imported_at: string;
  imported_by: string;
  /** JSON: ids of the response items this import applied. */
  items: string;
}
