import type { Generated } from 'kysely';

/** Table types for kysely. Rows stay inside electron/; core maps them to domain objects. */
export interface SettingTable {
  key: string;
  value: string;
}

export interface VaultKeyTable {
  id: string;
  algorithm: string;
  public_key: Buffer;
  private_key: Buffer;
  fingerprint: string;
  created_at: string;
}

export interface EngagementTable {
  id: string;
  name: string;
  client: string;
  report_type: string;
  as_of: string | null;
  period_start: string | null;
  period_end: string | null;
  categories: string;
  catalog_version: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonTable {
  id: string;
  name: string;
  email: string;
  role: string;
  team: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditEventTable {
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

export interface BlobTable {
  id: Generated<number>;
  sha256: string | null;
  size: number | null;
  state: 'pending' | 'complete';
  created_at: string;
}

export interface BlobChunkTable {
  blob_id: number;
  idx: number;
  bytes: Buffer;
}

export interface VaultSchema {
  setting: SettingTable;
  vault_key: VaultKeyTable;
  engagement: EngagementTable;
  person: PersonTable;
  audit_event: AuditEventTable;
  blob: BlobTable;
  blob_chunk: BlobChunkTable;
}
