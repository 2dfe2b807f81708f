/** Migration 015: a frozen readiness review (see the migration for what each column means). */
export interface ReviewSnapshotTable {
  id: string;
  seq: number;
  ref: string;
  evaluated_on: string;
  /** Canonical JSON: `{ readiness, criteria }` as frozen. */
  result: string;
  blocked: number;
  blocking: number;
  major: number;
  minor: number;
  checks: number;
  passing: number;
  percent_passing: number;
  windows_to_come: number;
  chain_seq: number;
  chain_hash: string;
  signed_off_by_id: string;
  signed_off_at: string;
  comment: string;
  created_at: string;
}
