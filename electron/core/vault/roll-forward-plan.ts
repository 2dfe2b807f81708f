import { inForceVersion } from '../policies/mapping';
import type { AuditedEntity } from '../../db/audited';
import { type VaultDb, prepare } from '../../db/connection';
import type { PolicyVersionTable } from '../../db/schema';

/**
 * What "Start next period" does with every kind of record the audit log vouches for. The
 * compiler checks the list is complete, so a table added later must be placed here on purpose.
 *
 * - `carried`: copied, in this order (parents before the rows that point at them).
 * - `left`: stays with the old period. Evidence, populations, requests, self-tests, deviations
 *   and frozen reviews are about the period audited; incidents and significant changes (DC 4,
 *   DC 9) are stated per period.
 * - `own`: the new vault writes its own (its settings, signing key, engagement, criteria).
 */
export const ROLL_FORWARD: Record<AuditedEntity, 'carried' | 'left' | 'own'> = {
  setting: 'own',
  vault_key: 'own',
  engagement: 'own',
  criterion: 'own',
  person: 'carried',
  control: 'carried',
  control_criterion: 'carried',
  control_reliance: 'carried',
  assessment: 'carried',
  task_dismissal: 'carried',
  sd_text: 'carried',
  sd_component: 'carried',
  cuec: 'carried',
  cuec_criterion: 'carried',
  subservice_org: 'carried',
  subservice_criterion: 'carried',
  subservice_csoc: 'carried',
  csoc_criterion: 'carried',
  subservice_vendor_cuec: 'carried',
  vendor_cuec_control: 'carried',
  risk: 'carried',
  risk_control: 'carried',
  task: 'carried',
  task_control: 'carried',
  policy: 'carried',
  policy_version: 'carried',
  policy_control: 'carried',
  policy_promise: 'carried',
  policy_promise_control: 'carried',
  policy_ack: 'carried',
  sd_event: 'left',
  request_import: 'left',
  request: 'left',
  request_comment: 'left',
  request_criterion: 'left',
  request_control: 'left',
  evidence: 'left',
  evidence_control: 'left',
  evidence_request: 'left',
  population: 'left',
  population_support: 'left',
  self_test: 'left',
  self_test_item: 'left',
  self_test_attribute: 'left',
  self_test_cell: 'left',
  deviation: 'left',
  review_snapshot: 'left',
  auditor_response: 'left',
};

/** The carried kinds in insertion order: every row's parents are in place before it. */
export const CARRY_ORDER = [
  'person',
  'control',
  'control_criterion',
  'control_reliance',
  'assessment',
  'task_dismissal',
  'sd_text',
  'sd_component',
  'cuec',
  'cuec_criterion',
  'subservice_org',
  'subservice_criterion',
  'subservice_csoc',
  'csoc_criterion',
  'subservice_vendor_cuec',
  'vendor_cuec_control',
  'risk',
  'risk_control',
  'task',
  'task_control',
  'policy',
  'policy_version',
  'policy_control',
  'policy_promise',
  'policy_promise_control',
  'policy_ack',
] as const satisfies readonly AuditedEntity[];

export type CarriedEntity = (typeof CARRY_ORDER)[number];
export type Row = Record<string, unknown>;

/**
 * Open tasks go on: the work they stand for is not finished because a period ended, and the
 * gaps they answer would otherwise be raised again. Done (and archived) tasks stay behind.
 */
const OPEN_TASK = `status <> 'done' AND archived_at IS NULL`;

const WHERE: Partial<Record<CarriedEntity, string>> = {
  task: OPEN_TASK,
  task_control: `task_id IN (SELECT id FROM task WHERE ${OPEN_TASK})`,
};

/**
 * Everything to carry, read from the open vault in one synchronous pass (so it is one
 * consistent state: nothing else runs on the connection meanwhile), already filtered and
 * adjusted for the next period.
 */
export function readCarriedRows(db: VaultDb, periodEnd: string): Map<CarriedEntity, Row[]> {
  const rows = new Map<CarriedEntity, Row[]>();
  for (const entity of CARRY_ORDER) {
    const where = WHERE[entity];
    rows.set(
      entity,
      prepare(db, `SELECT * FROM "${entity}"${where ? ` WHERE ${where}` : ''}`).all() as Row[],
    );
  }
  const versions = carriedVersions(
    rows.get('policy_version') as unknown as PolicyVersionTable[],
    periodEnd,
  );
  rows.set('policy_version', versions as unknown as Row[]);
  const versionIds = new Set(versions.map((v) => v.id));
  rows.set(
    'policy_ack',
    rows.get('policy_ack')!.filter((a) => versionIds.has(a.version_id as string)),
  );
  rows.set('subservice_org', rows.get('subservice_org')!.map(withoutVendorReport));
  return rows;
}

/**
 * Per policy: the approved version in force on the last day of the period (with its approval
 * data), any approved version that takes effect after that day (it governs the next period),
 * and the draft. Versions superseded during the period stay with the old vault.
 */
export function carriedVersions(
  versions: PolicyVersionTable[],
  periodEnd: string,
): PolicyVersionTable[] {
  const byPolicy = new Map<string, PolicyVersionTable[]>();
  for (const v of versions) byPolicy.set(v.policy_id, [...(byPolicy.get(v.policy_id) ?? []), v]);
  const kept: PolicyVersionTable[] = [];
  for (const list of byPolicy.values()) {
    const inForce = inForceVersion(list, periodEnd);
    for (const v of list) {
      const later = v.status === 'approved' && v.effective_on! > periodEnd;
      if (v === inForce || later || v.status === 'draft') kept.push(v);
    }
  }
  return kept;
}

/**
 * A subservice organisation goes on with its services, criteria, CSOCs and CUECs; its SOC
 * report and our review of it covered the old period (and the file is evidence, which is not
 * copied), so the next period starts waiting for the vendor's next report.
 */
function withoutVendorReport(row: Row): Row {
  return {
    ...row,
    report_type: null,
    report_period_start: null,
    report_period_end: null,
    report_opinion: null,
    report_exceptions: null,
    reviewed_on: null,
    bridge_gap: null,
    exceptions_assessment: null,
    exceptions_conclusion: null,
    // The letter bridged the old period; its evidence item is not copied either.
    bridge_received_on: null,
    bridge_period_start: null,
    bridge_period_end: null,
    bridge_evidence_id: null,
    bridge_note: null,
    report_blob_id: null,
    report_file_name: null,
    report_sha256: null,
    report_size: null,
  };
}
