import type { VaultSchema } from './schema';

/**
 * Every table whose rows the audit log vouches for, with the columns that identify a row.
 * `verify` compares each current row of these tables with the state hash of its latest audit
 * entry, so a table listed here must only ever change through `recordChange`.
 *
 * A link row (control ↔ criterion, task ↔ control, …) is audited with its own identity: the
 * entity is the link table and the id is its key columns joined by `|` ("ctl_x|CC6.1"). Ids
 * never contain `|` (they are generated `prefix_base32` ids or criterion ids such as CC6.1).
 */
export const AUDITED_ENTITIES = {
  setting: { table: 'setting', key: ['key'] },
  vault_key: { table: 'vault_key', key: ['id'] },
  engagement: { table: 'engagement', key: ['id'] },
  person: { table: 'person', key: ['id'] },
  criterion: { table: 'criterion', key: ['id'] },
  control: { table: 'control', key: ['id'] },
  sd_text: { table: 'sd_text', key: ['key'] },
  sd_component: { table: 'sd_component', key: ['id'] },
  subservice_org: { table: 'subservice_org', key: ['id'] },
  cuec: { table: 'cuec', key: ['id'] },
  sd_event: { table: 'sd_event', key: ['id'] },
  assessment: { table: 'assessment', key: ['control_id'] },
  risk: { table: 'risk', key: ['id'] },
  task: { table: 'task', key: ['id'] },
  task_dismissal: { table: 'task_dismissal', key: ['control_id'] },
  request_import: { table: 'request_import', key: ['id'] },
  request: { table: 'request', key: ['id'] },
  request_comment: { table: 'request_comment', key: ['id'] },
  // Format 7: links are rows.
  control_criterion: { table: 'control_criterion', key: ['control_id', 'criterion_id'] },
  risk_control: { table: 'risk_control', key: ['risk_id', 'control_id'] },
  task_control: { table: 'task_control', key: ['task_id', 'control_id'] },
  request_criterion: { table: 'request_criterion', key: ['request_id', 'criterion_id'] },
  request_control: { table: 'request_control', key: ['request_id', 'control_id'] },
  subservice_criterion: { table: 'subservice_criterion', key: ['subservice_id', 'criterion_id'] },
  subservice_csoc: { table: 'subservice_csoc', key: ['id'] },
  csoc_criterion: { table: 'csoc_criterion', key: ['csoc_id', 'criterion_id'] },
  subservice_vendor_cuec: { table: 'subservice_vendor_cuec', key: ['id'] },
  vendor_cuec_control: { table: 'vendor_cuec_control', key: ['vendor_cuec_id', 'control_id'] },
  cuec_criterion: { table: 'cuec_criterion', key: ['cuec_id', 'criterion_id'] },
  // Format 10: the evidence vault.
  evidence: { table: 'evidence', key: ['id'] },
  evidence_control: { table: 'evidence_control', key: ['evidence_id', 'control_id'] },
  evidence_request: { table: 'evidence_request', key: ['evidence_id', 'request_id'] },
  population: { table: 'population', key: ['evidence_id'] },
  population_support: { table: 'population_support', key: ['population_id', 'evidence_id'] },
  // Format 10 (migration 011): the policy library.
  policy: { table: 'policy', key: ['id'] },
  policy_version: { table: 'policy_version', key: ['id'] },
  policy_control: { table: 'policy_control', key: ['policy_id', 'control_id'] },
  policy_promise: { table: 'policy_promise', key: ['id'] },
  policy_promise_control: { table: 'policy_promise_control', key: ['promise_id', 'control_id'] },
  policy_ack: { table: 'policy_ack', key: ['id'] },
  // Migration 014: management self-testing.
  self_test: { table: 'self_test', key: ['id'] },
  self_test_item: { table: 'self_test_item', key: ['id'] },
  self_test_attribute: { table: 'self_test_attribute', key: ['id'] },
  self_test_cell: { table: 'self_test_cell', key: ['item_id', 'attribute_id'] },
  deviation: { table: 'deviation', key: ['id'] },
  // Migration 013: automated controls and the IT general controls they rely on.
  control_reliance: { table: 'control_reliance', key: ['control_id', 'relies_on_id'] },
  // Migration 015: frozen readiness reviews (created once, never changed).
  review_snapshot: { table: 'review_snapshot', key: ['id'] },
  // Migration 016: each import of an auditor's response (package_export is not audited).
  auditor_response: { table: 'auditor_response', key: ['id'] },
} as const satisfies Record<string, { table: keyof VaultSchema; key: readonly string[] }>;

export type AuditedEntity = keyof typeof AUDITED_ENTITIES;

export function isAuditedEntity(name: string): name is AuditedEntity {
  return Object.hasOwn(AUDITED_ENTITIES, name);
}

const SEPARATOR = '|';

/** The audit log's id of a row: its key columns' values joined by `|`. */
export function entityIdOf(entity: AuditedEntity, row: Record<string, unknown>): string {
  return AUDITED_ENTITIES[entity].key.map((c) => String(row[c])).join(SEPARATOR);
}

/** A link row's audit id from its two ends. */
export function linkId(from: string, to: string): string {
  return `${from}${SEPARATOR}${to}`;
}

/** `WHERE` text and parameters that select one row of an audited table by its audit id. */
export function whereEntityId(
  entity: AuditedEntity,
  id: string,
): { where: string; params: string[] } {
  const key: readonly string[] = AUDITED_ENTITIES[entity].key;
  const params = key.length === 1 ? [id] : id.split(SEPARATOR);
  if (params.length !== key.length) {
    throw new Error(`${entity} id "${id}" does not have ${key.length} parts`);
  }
  return { where: key.map((c) => `"${c}" = ?`).join(' AND '), params };
}
