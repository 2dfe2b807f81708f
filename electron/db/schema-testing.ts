/**
 * The tables of self-testing (migration 014) and of the controls automated controls rely on
 * (migration 013), kept apart from `schema.ts` so each file stays readable.
 */

/** Management self-testing (migration 014): see the migration for what each column means. */
export interface SelfTestTable {
  id: string;
  seq: number;
  ref: string;
  control_id: string;
  kind: 'sample' | 'test_all' | 'walkthrough' | 'automated';
  source: 'population' | 'occurrences';
  population_id: string | null;
  population_sha256: string | null;
  population_size: number;
  completeness_missing: number;
  method: 'random' | 'systematic';
  seed: string;
  start: number | null;
  period_start: string;
  period_end: string;
  planned_size: number;
  size_basis: string;
  size_table: string;
  retest_of_id: string | null;
  drawn_by: string;
  drawn_at: string;
  created_at: string;
  updated_at: string;
}

export interface SelfTestItemTable {
  id: string;
  test_id: string;
  position: number;
  round: number;
  source_index: number;
  source_row: number | null;
  label: string;
  item_date: string | null;
  /** JSON: the row's cells by header, or the window { start, end }. */
  data: string;
}

export interface SelfTestAttributeTable {
  id: string;
  test_id: string;
  position: number;
  text: string;
}

export interface SelfTestCellTable {
  item_id: string;
  attribute_id: string;
  result: 'pass' | 'fail' | 'na';
  note: string | null;
  evidence_id: string | null;
  updated_at: string;
}

export interface DeviationTable {
  id: string;
  seq: number;
  ref: string;
  test_id: string;
  control_id: string;
  item_id: string;
  attribute_id: string;
  occurred_on: string | null;
  extent: 'isolated' | 'systematic';
  compensating_control: string | null;
  root_cause: string | null;
  remediation: string | null;
  remediated_on: string | null;
  management_response: string | null;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Migration 013: an automated control relies on these IT general controls. */
export interface ControlRelianceTable {
  control_id: string;
  relies_on_id: string;
}
