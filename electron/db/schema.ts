import type {
  ControlRelianceTable,
  DeviationTable,
  SelfTestAttributeTable,
  SelfTestCellTable,
  SelfTestItemTable,
  SelfTestTable,
} from './schema-testing';
import type { AuditorResponseTable, PackageExportTable } from './schema-auditor';
import type { ReviewSnapshotTable } from './schema-review';
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
  services: string | null;
  auditor_firm: string | null;
  /** JSON: [{ name, role, email }] */
  contacts: string | null;
  scope_step: number | null;
  scope_confirmed_at: string | null;
  incidents_none_as_of: string | null;
  changes_none_as_of: string | null;
  risk_assessed_on: string | null;
}

export interface CriterionTable {
  id: string;
  category: string;
  group_id: string;
  group_title: string;
  coso_principle: number | null;
  title: string;
  /** JSON: the catalog's guidance for this criterion, copied at scoping */
  guidance: string;
  sort_key: number;
  in_scope: number;
  not_relevant_reason: string | null;
  updated_at: string;
}

export interface ControlTable {
  id: string;
  ref: string;
  title: string;
  description: string;
  domain: string;
  owner_role: string;
  owner_id: string | null;
  performer_id: string | null;
  reviewer_id: string | null;
  frequency: string;
  nature: string;
  type: string;
  operating_since: string | null;
  test_procedure: string;
  /** JSON: string[] */
  test_attributes: string;
  evidence_guidance: string;
  source: 'library' | 'custom';
  library_ref: string | null;
  /** JSON: the library fields as last taken from the catalog (see migration 006). */
  library_baseline: string | null;
  archived_at: string | null;
  archived_reason: string | null;
  /**
   * "In the description (will be tested)": 1 or 0 once a user decided, null to follow the
   * default — in while implemented and in scope (migration 012, DESIGN §4).
   */
  in_description: number | null;
  created_at: string;
  updated_at: string;
}

export interface SdTextTable {
  key: string;
  content: string;
  updated_at: string;
}

export interface SdComponentTable {
  id: string;
  kind: string;
  name: string;
  description: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SubserviceOrgTable {
  id: string;
  name: string;
  services: string;
  method: string;
  report_type: string | null;
  report_period_start: string | null;
  report_period_end: string | null;
  report_opinion: string | null;
  report_exceptions: string | null;
  reviewed_on: string | null;
  bridge_gap: string | null;
  report_blob_id: number | null;
  report_file_name: string | null;
  /** The stored report's SHA-256 and size, as recorded when it was attached (blob ownership). */
  report_sha256: string | null;
  report_size: number | null;
  /** Migration 019: `none_noted` | `assessed` | `not_assessed`; empty reads as not assessed. */
  exceptions_assessment: string | null;
  /** Our written conclusion on the exceptions (with `assessed`). */
  exceptions_conclusion: string | null;
  /** The bridge letter obtained: received on, the stretch it covers, where it is kept. */
  bridge_received_on: string | null;
  bridge_period_start: string | null;
  bridge_period_end: string | null;
  bridge_evidence_id: string | null;
  bridge_note: string | null;
  monitoring_control_id: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CuecTable {
  id: string;
  description: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SdEventTable {
  id: string;
  kind: 'incident' | 'change';
  date: string;
  title: string;
  description: string;
  effect: string;
  disposition: string;
  archived_at: string | null;
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

export interface AssessmentTable {
  control_id: string;
  status: string;
  na_reason: string | null;
  notes: string;
  assessor_id: string | null;
  assessed_on: string;
  updated_at: string;
}

export interface RiskTable {
  id: string;
  title: string;
  description: string;
  category: string;
  likelihood: number;
  impact: number;
  treatment: string;
  residual_likelihood: number;
  residual_impact: number;
  owner_id: string | null;
  review_on: string | null;
  /** Who accepted the risk and when (treatment "accept"); empty otherwise. */
  accepted_by_id: string | null;
  accepted_on: string | null;
  starter_key: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaskTable {
  id: string;
  ref: string;
  title: string;
  description: string;
  owner_id: string | null;
  due_on: string | null;
  priority: string;
  status: string;
  from_gap_control_id: string | null;
  board_order: number;
  completed_on: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaskDismissalTable {
  control_id: string;
  dismissed_at: string;
}

export interface RequestImportTable {
  id: string;
  file_name: string;
  file_sha256: string;
  sheet: string | null;
  imported_at: string;
  imported_by: string;
  header_row: number;
  /** JSON: header texts in the file's order */
  headers: string;
  /** JSON: { field: header text } */
  mapping: string;
  date_order: string;
  /** JSON: { new, updated, unchanged, skipped } */
  counts: string;
}

export interface RequestTable {
  id: string;
  ref: string;
  /** `naturalSortKey(ref)`: the auditor's order (PBC-2 before PBC-10), for SQL to sort by. */
  ref_sort: string;
  description: string;
  type: string | null;
  wave: string | null;
  /** `naturalSortKey(wave)`, null without a wave. */
  wave_sort: string | null;
  period_text: string | null;
  period_start: string | null;
  period_end: string | null;
  as_of: string | null;
  owner_id: string | null;
  owner_text: string | null;
  reviewer_id: string | null;
  due_on: string | null;
  status: string;
  submitted_on: string | null;
  auditor_status: string | null;
  /** JSON: [[header, value]], the whole row as last imported */
  source_columns: string;
  /** JSON: [[header, value]], the columns that feed no field */
  extra_columns: string;
  /** JSON: the field values as the last import read them */
  imported_fields: string | null;
  import_id: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RequestCommentTable {
  id: string;
  request_id: string;
  author: string;
  author_person_id: string | null;
  body: string;
  source: 'user' | 'import' | 'auditor';
  import_id: string | null;
  created_at: string;
}

/** Link tables (format 7): one row per link, audited with the id `<from>|<to>`. */
export interface ControlCriterionTable {
  control_id: string;
  criterion_id: string;
  /** 1 when the control is key for the criterion, 0 when it only supports it (DESIGN §4). */
  key: number;
}
export interface RiskControlTable {
  risk_id: string;
  control_id: string;
}
export interface TaskControlTable {
  task_id: string;
  control_id: string;
}
export interface RequestCriterionTable {
  request_id: string;
  criterion_id: string;
}
export interface RequestControlTable {
  request_id: string;
  control_id: string;
}
export interface SubserviceCriterionTable {
  subservice_id: string;
  criterion_id: string;
}
export interface CuecCriterionTable {
  cuec_id: string;
  criterion_id: string;
}
/** A complementary subservice-organisation control (CSOC) we assume of a vendor. */
export interface SubserviceCsocTable {
  id: string;
  subservice_id: string;
  position: number;
  description: string;
}
export interface CsocCriterionTable {
  csoc_id: string;
  criterion_id: string;
}
/** A control the vendor's report expects of us (its CUEC), answered by our controls. */
export interface SubserviceVendorCuecTable {
  id: string;
  subservice_id: string;
  position: number;
  description: string;
}
export interface VendorCuecControlTable {
  vendor_cuec_id: string;
  control_id: string;
}

export interface EvidenceTable {
  id: string;
  seq: number;
  ref: string;
  kind: 'file' | 'population' | 'link' | 'note';
  title: string;
  performed_on: string | null;
  as_of: string | null;
  window_start: string | null;
  window_end: string | null;
  collected_on: string | null;
  source: string | null;
  collector_id: string | null;
  reviewer_id: string | null;
  reviewed_on: string | null;
  notes: string | null;
  blob_id: number | null;
  file_name: string | null;
  /** The stored file's SHA-256 and size as recorded when it was added (blob ownership). */
  file_sha256: string | null;
  file_size: number | null;
  /** A link's web address (migration 018); null for other kinds. */
  url: string | null;
  /** A note's Markdown text (migration 018); null for other kinds. */
  body: string | null;
  superseded_by_id: string | null;
  superseded_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvidenceControlTable {
  evidence_id: string;
  control_id: string;
  /** Migration 020: null for an instance of the control; 'change_history' for its configuration's. */
  purpose: 'change_history' | null;
}

export interface EvidenceRequestTable {
  evidence_id: string;
  request_id: string;
}

export interface PopulationTable {
  evidence_id: string;
  source_system: string;
  query: string | null;
  parameters: string | null;
  ran_at: string | null;
  completeness: string | null;
  date_column: string | null;
  window_start: string;
  window_end: string;
  row_count: number;
  rows_outside: number;
  rows_undated: number;
  /** JSON: [{ row, date }] — the first rows dated outside the window. */
  outside_sample: string;
  read_at: string;
  updated_at: string;
}

export interface PopulationSupportTable {
  population_id: string;
  evidence_id: string;
}

export interface VaultSchema {
  setting: SettingTable;
  vault_key: VaultKeyTable;
  engagement: EngagementTable;
  person: PersonTable;
  audit_event: AuditEventTable;
  blob: BlobTable;
  blob_chunk: BlobChunkTable;
  criterion: CriterionTable;
  control: ControlTable;
  sd_text: SdTextTable;
  sd_component: SdComponentTable;
  subservice_org: SubserviceOrgTable;
  cuec: CuecTable;
  sd_event: SdEventTable;
  assessment: AssessmentTable;
  risk: RiskTable;
  task: TaskTable;
  task_dismissal: TaskDismissalTable;
  request_import: RequestImportTable;
  request: RequestTable;
  request_comment: RequestCommentTable;
  control_criterion: ControlCriterionTable;
  risk_control: RiskControlTable;
  task_control: TaskControlTable;
  request_criterion: RequestCriterionTable;
  request_control: RequestControlTable;
  subservice_criterion: SubserviceCriterionTable;
  cuec_criterion: CuecCriterionTable;
  subservice_csoc: SubserviceCsocTable;
  csoc_criterion: CsocCriterionTable;
  subservice_vendor_cuec: SubserviceVendorCuecTable;
  vendor_cuec_control: VendorCuecControlTable;
  evidence: EvidenceTable;
  evidence_control: EvidenceControlTable;
  evidence_request: EvidenceRequestTable;
  population: PopulationTable;
  population_support: PopulationSupportTable;
  policy: PolicyTable;
  policy_version: PolicyVersionTable;
  policy_control: PolicyControlTable;
  policy_promise: PolicyPromiseTable;
  policy_promise_control: PolicyPromiseControlTable;
  policy_ack: PolicyAckTable;
  self_test: SelfTestTable;
  self_test_item: SelfTestItemTable;
  self_test_attribute: SelfTestAttributeTable;
  self_test_cell: SelfTestCellTable;
  deviation: DeviationTable;
  control_reliance: ControlRelianceTable;
  review_snapshot: ReviewSnapshotTable;
  package_export: PackageExportTable;
  auditor_response: AuditorResponseTable;
}

// Format 10 (migration 011): the policy library.
export interface PolicyTable {
  id: string;
  title: string;
  /** The catalog template it was made from; null when written from scratch. One policy per key. */
  template_key: string | null;
  owner_id: string | null;
  review_months: number;
  acknowledge_within_days: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PolicyVersionTable {
  id: string;
  policy_id: string;
  number: number;
  status: 'draft' | 'approved';
  body: string;
  change_note: string;
  approver_id: string | null;
  approved_on: string | null;
  effective_on: string | null;
  review_months: number;
  next_review_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface PolicyControlTable {
  policy_id: string;
  control_id: string;
}

export interface PolicyPromiseTable {
  id: string;
  policy_id: string;
  position: number;
  template_promise: string | null;
  text: string;
  kind: 'frequency' | 'time_limit';
  frequency: string | null;
  amount: number | null;
  unit: 'hours' | 'days' | 'business_days' | null;
}

export interface PolicyPromiseControlTable {
  promise_id: string;
  control_id: string;
}

export interface PolicyAckTable {
  id: string;
  version_id: string;
  person_id: string;
  acknowledged_on: string;
  source: 'manual' | 'import';
  source_file: string | null;
  created_at: string;
}

export type {
  ControlRelianceTable,
  DeviationTable,
  SelfTestAttributeTable,
  SelfTestCellTable,
  SelfTestItemTable,
  SelfTestTable,
} from './schema-testing';

export type { ReviewSnapshotTable } from './schema-review';
export type { AuditorResponseTable, PackageExportTable } from './schema-auditor';
