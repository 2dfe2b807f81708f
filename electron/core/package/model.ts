/**
 * The vault as the audit package shows it: read once, in one place, before anything is written.
 * Ids become the references an auditor sees (control refs, EV-n, request refs, criterion ids).
 */
import {
  type EngagementRange,
  engagementRange,
  windowStatus,
} from '../../../shared/domain/evidence-window';
import { inForcePeriods } from '../../../shared/domain/policy-in-force';
import { changeHistoryLinks } from '../../db/repos/evidence';
import { linksOf } from '../../db/repos/links';
import {
  activeControls,
  activeCuecs,
  activeRequests,
  activeSubservices,
  criteriaInScope,
  currentEvidence,
  latestAuditTime,
  policiesByCreation,
  policyVersions,
  populations,
  supersededPairs,
  vendorCuecsByControl,
} from '../../db/repos/package';
import { listPeople } from '../../db/repos/people';
import type {
  ControlTable,
  CriterionTable,
  CuecTable,
  EvidenceTable,
  PolicyTable,
  PolicyVersionTable,
  PopulationTable,
  RequestTable,
  SubserviceOrgTable,
} from '../../db/schema';
import { getEngagement } from '../vault/engagement';
import { type Vault, vaultAsOf } from '../vault/session';
import type { PackageOptions } from './options';

export interface EvidenceInPackage {
  row: EvidenceTable;
  controls: string[];
  /** The controls (references) it is the configuration change history of, not an instance of. */
  changeHistoryFor: string[];
  criteria: string[];
  requests: string[];
  supersedes: string[];
  population: PopulationTable | null;
  /** Set for a population's completeness and accuracy files: the population's reference. */
  supportOf: string | null;
}

export interface PolicyVersionInPackage {
  /** POL-08: the policy's place in the order policies were created. */
  ref: string;
  policy: PolicyTable;
  version: PolicyVersionTable;
  inForce: { from: string; until: string | null } | null;
}

export interface PackageModel {
  /** The vault as of `contentTime` (every "now" and "today" it gives is that instant). */
  vault: Vault;
  options: PackageOptions;
  engagement: ReturnType<typeof getEngagement>;
  /** ISO instant of the vault's latest audit entry. */
  contentTime: string;
  people: Map<string, string>;
  criteria: (CriterionTable & { controls: string[] })[];
  controls: (ControlTable & { criteria: string[]; policies: string[]; vendorCuecs: string[] })[];
  requests: (RequestTable & { controls: string[]; criteria: string[] })[];
  evidence: EvidenceInPackage[];
  policies: PolicyVersionInPackage[];
  /** `ref`: the organisation's stable id in the package (SUB-NN, by creation order). */
  subservices: (SubserviceOrgTable & { ref: string; criteria: string[] })[];
  cuecs: (CuecTable & { criteria: string[] })[];
}

const refsOf = (ids: readonly string[] | undefined, refs: Map<string, string>) =>
  (ids ?? []).map((id) => refs.get(id)).filter((r): r is string => r !== undefined);

/** Criteria in catalog order, without repeats, from several lists. */
function unionInOrder(lists: readonly string[][], order: Map<string, number>): string[] {
  const set = new Set(lists.flat());
  return [...set].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || (a < b ? -1 : 1));
}

export function readPackageModel(live: Vault, options: PackageOptions): PackageModel {
  // Everything the package shows is as of its content time, the vault's latest change: a
  // document or the readiness report rendered "as of today" would make the same vault state
  // export differently on another day (F1: reproducible).
  const contentTime = latestAuditTime(live.db);
  const vault = vaultAsOf(live, contentTime);
  const db = vault.db;
  const engagement = getEngagement(vault);
  const people = new Map(listPeople(db, true).map((p) => [p.id, p.name]));
  const criterionRows = criteriaInScope(db);
  const criterionOrder = new Map(criterionRows.map((c, i) => [c.id, i]));
  const controlRows = activeControls(db);
  const controlRef = new Map(controlRows.map((c) => [c.id, c.ref]));
  const controlCriteria = linksOf(db, 'control_criterion');
  const policyRows = policiesByCreation(db);
  const policyRef = new Map(
    policyRows.map((p, i) => [p.id, `POL-${String(i + 1).padStart(2, '0')}`]),
  );
  const policyControls = linksOf(db, 'policy_control');
  const policiesOfControl = new Map<string, string[]>();
  for (const p of policyRows) {
    if (p.archived_at) continue;
    for (const c of policyControls.get(p.id) ?? []) {
      policiesOfControl.set(c, [
        ...(policiesOfControl.get(c) ?? []),
        `${policyRef.get(p.id)} ${p.title}`,
      ]);
    }
  }
  const vendorCuecs = vendorCuecsByControl(db);
  const controls = controlRows.map((c) => ({
    ...c,
    criteria: (controlCriteria.get(c.id) ?? []).filter((id) => criterionOrder.has(id)),
    policies: policiesOfControl.get(c.id) ?? [],
    vendorCuecs: vendorCuecs.get(c.id) ?? [],
  }));
  const criteriaOfControl = new Map(controls.map((c) => [c.ref, c.criteria]));
  const criteria = criterionRows.map((c) => ({
    ...c,
    controls: controls.filter((k) => k.criteria.includes(c.id)).map((k) => k.ref),
  }));

  const requestRows = activeRequests(db);
  const requestRef = new Map(requestRows.map((r) => [r.id, r.ref]));
  const requestControls = linksOf(db, 'request_control');
  const requestCriteria = linksOf(db, 'request_criterion');
  const requests = requestRows.map((r) => ({
    ...r,
    controls: refsOf(requestControls.get(r.id), controlRef),
    criteria: requestCriteria.get(r.id) ?? [],
  }));

  const evidence = evidenceInPackage(vault, options, {
    controlRef,
    requestRef,
    criteriaOfControl,
    criterionOrder,
  });
  const policies = policiesInPackage(
    policyRows,
    policyVersions(db),
    policyRef,
    engagement,
    options,
  );
  const subserviceCriteria = linksOf(db, 'subservice_criterion');
  const cuecCriteria = linksOf(db, 'cuec_criterion');
  return {
    vault,
    options,
    engagement,
    contentTime,
    people,
    criteria,
    controls,
    requests,
    evidence,
    policies,
    subservices: activeSubservices(db).map((s) => ({
      ...s,
      criteria: subserviceCriteria.get(s.id) ?? [],
    })),
    cuecs: activeCuecs(db).map((c) => ({ ...c, criteria: cuecCriteria.get(c.id) ?? [] })),
  };
}

function evidenceInPackage(
  vault: Vault,
  options: PackageOptions,
  refs: {
    controlRef: Map<string, string>;
    requestRef: Map<string, string>;
    criteriaOfControl: Map<string, string[]>;
    criterionOrder: Map<string, number>;
  },
): EvidenceInPackage[] {
  const db = vault.db;
  const e = getEngagement(vault);
  const range = engagementRange({
    reportType: e.reportType,
    asOf: e.asOf,
    periodStart: e.period?.start ?? null,
    periodEnd: e.period?.end ?? null,
  });
  const rows = currentEvidence(db).filter(
    (r) => !options.reviewedEvidenceOnly || reviewedAndInside(r, range),
  );
  const controls = linksOf(db, 'evidence_control');
  const changeHistory = changeHistoryLinks(
    db,
    rows.map((r) => r.id),
  );
  const requests = linksOf(db, 'evidence_request');
  const support = linksOf(db, 'population_support');
  const pops = new Map(populations(db).map((p) => [p.evidence_id, p]));
  const refOf = new Map(rows.map((r) => [r.id, r.ref]));
  const supportOf = new Map<string, string>();
  for (const [popId, items] of support) {
    const ref = refOf.get(popId);
    if (ref) for (const id of items) if (!supportOf.has(id)) supportOf.set(id, ref);
  }
  const supersedes = new Map<string, string[]>();
  for (const { newer, older } of supersededPairs(db)) {
    supersedes.set(newer, [...(supersedes.get(newer) ?? []), older]);
  }
  return rows.map((row) => {
    const controlRefs = refsOf(controls.get(row.id), refs.controlRef);
    return {
      row,
      controls: controlRefs,
      changeHistoryFor: refsOf(changeHistory.get(row.id), refs.controlRef),
      criteria: unionInOrder(
        controlRefs.map((c) => refs.criteriaOfControl.get(c) ?? []),
        refs.criterionOrder,
      ),
      requests: refsOf(requests.get(row.id), refs.requestRef),
      supersedes: supersedes.get(row.id) ?? [],
      population: pops.get(row.id) ?? null,
      supportOf: supportOf.get(row.id) ?? null,
    };
  });
}

/**
 * "Only evidence reviewed and inside its window" (F1 options): reviewed, and the window or as-of
 * date it is evidence for lies wholly inside the period. An item that is undated (it says what
 * it covers nowhere) or only partly inside is left out, as an unreviewed one is: the option
 * promises the auditor items that need no follow-up on either count.
 */
export function reviewedAndInside(
  r: Pick<EvidenceTable, 'reviewed_on' | 'window_start' | 'window_end' | 'as_of'>,
  range: EngagementRange | null,
): boolean {
  const coverage =
    r.window_start && r.window_end
      ? { start: r.window_start, end: r.window_end }
      : r.as_of
        ? { start: r.as_of, end: r.as_of }
        : null;
  return r.reviewed_on !== null && windowStatus(coverage, range) === 'inside';
}

/**
 * Every approved version in force at any time during the period (DESIGN §6), and — unless only
 * approved ones are asked for — each active policy's current draft, marked as such.
 */
function policiesInPackage(
  policies: readonly PolicyTable[],
  versions: readonly PolicyVersionTable[],
  policyRef: Map<string, string>,
  engagement: ReturnType<typeof getEngagement>,
  options: PackageOptions,
): PolicyVersionInPackage[] {
  const range = engagementRange({
    reportType: engagement.reportType,
    asOf: engagement.asOf,
    periodStart: engagement.period?.start ?? null,
    periodEnd: engagement.period?.end ?? null,
  });
  const out: PolicyVersionInPackage[] = [];
  for (const policy of policies) {
    const own = versions.filter((v) => v.policy_id === policy.id);
    const approved = own.filter((v) => v.status === 'approved' && v.effective_on !== null);
    const periods = inForcePeriods(
      approved.map((v) => ({ id: v.id, number: v.number, effectiveOn: v.effective_on! })),
    );
    for (const p of periods) {
      const overlaps =
        !range || (p.from <= range.end && (p.until === null || p.until >= range.start));
      if (!overlaps) continue;
      out.push({
        ref: policyRef.get(policy.id)!,
        policy,
        version: approved.find((v) => v.id === p.id)!,
        inForce: { from: p.from, until: p.until },
      });
    }
    const draft = own.find((v) => v.status === 'draft');
    if (draft && !options.approvedPoliciesOnly && !policy.archived_at) {
      out.push({ ref: policyRef.get(policy.id)!, policy, version: draft, inForce: null });
    }
  }
  return out;
}
