import type {
  CriterionCoverageView,
  DescriptionFindingView,
  Gap,
  UnassessedControl,
} from '../../../shared/api/gaps';
import { descriptionFindings } from '../../../shared/domain/control-evidence';
import {
  type CarveOut,
  type CoverageControl,
  type EvidenceState,
  computeCoverage,
} from '../../../shared/domain/coverage';
import { findGaps } from '../../../shared/domain/gaps';
import { listControlRows, listCriterionRows } from '../../db/repos/controls';
import { listRiskRows, taskIdsByControl } from '../../db/repos/gaps';
import { criterionRolesOf, linksOf } from '../../db/repos/links';
import type { ControlTable } from '../../db/schema';
import { csocCriteriaByOrg, listCarveOuts } from '../../db/repos/subservices';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';
import { deviationStateByControl } from '../self-tests/view';
import { assessmentsByControl } from './assessments';
import { type EvidenceReads, evidenceByControl, evidenceReads } from './control-evidence';

const inDescriptionOf = (r: ControlTable) =>
  r.in_description === null ? null : r.in_description === 1;

export interface CoverageView {
  descriptionFindings: DescriptionFindingView[];
  criteria: CriterionCoverageView[];
  gaps: Gap[];
  notAssessed: UnassessedControl[];
}

/** Carved-out criteria, the criteria their CSOCs support, and each one's monitoring control. */
function carveOuts(vault: Vault): CarveOut[] {
  const csocs = csocCriteriaByOrg(vault.db);
  return listCarveOuts(vault.db).map((o) => ({
    criteria: o.criteria,
    csocCriteria: csocs.get(o.id) ?? [],
    monitoringControlId: o.monitoringControlId,
  }));
}

/** Highest residual score of the active risks linked to each control. */
export function residualByControl(vault: Vault): Map<string, number> {
  const links = linksOf(vault.db, 'risk_control');
  const out = new Map<string, number>();
  for (const r of listRiskRows(vault.db)) {
    const score = r.residual_likelihood * r.residual_impact;
    for (const id of links.get(r.id) ?? []) out.set(id, Math.max(out.get(id) ?? 0, score));
  }
  return out;
}

/** What coverage is computed from; `readinessFacts` reads it once and shares it. */
export interface CoverageBasis {
  rows: ControlTable[];
  reads: EvidenceReads;
  evidence: Map<string, EvidenceState>;
}

export function coverageBasis(vault: Vault): CoverageBasis {
  const reads = evidenceReads(vault);
  const rows = listControlRows(vault.db);
  return { rows, reads, evidence: evidenceByControl(vault, rows, reads) };
}

/** The coverage rule over every in-scope criterion, and each control as the rule read it. */
function coverageOf(vault: Vault, basis: CoverageBasis) {
  const { rows, reads, evidence } = basis;
  const roles = criterionRolesOf(vault.db);
  // Self-testing (T): isolated deviations make a criterion "met with exceptions", systematic
  // ones leave it not met.
  const deviations = deviationStateByControl(vault);
  const controls: CoverageControl[] = rows.map((r) => {
    const mine = roles.get(r.id) ?? new Map<string, boolean>();
    return {
      id: r.id,
      criteria: [...mine.keys()],
      supporting: [...mine].filter(([, key]) => !key).map(([id]) => id),
      assessment: reads.assessments.get(r.id)?.status ?? null,
      evidence: evidence.get(r.id) ?? 'none',
      deviations: deviations.get(r.id) ?? 'none',
    };
  });
  const criteriaRows = listCriterionRows(vault.db).filter((c) => c.in_scope === 1);
  const coverage = computeCoverage(
    criteriaRows.map((c) => ({ id: c.id, notRelevantReason: c.not_relevant_reason })),
    controls,
    carveOuts(vault),
  );
  const meta = new Map(criteriaRows.map((c) => [c.id, c]));
  const criteria: CriterionCoverageView[] = coverage.map((c) => ({
    ...c,
    groupId: meta.get(c.id)!.group_id,
    category: meta.get(c.id)!.category,
    title: meta.get(c.id)!.title,
  }));
  return { controls, coverage, criteria, inScope: new Set(criteriaRows.map((c) => c.id)) };
}

/** Coverage of every in-scope criterion (the key-control rule, `shared/domain/coverage.ts`). */
export function criteriaCoverage(
  vault: Vault,
  basis: CoverageBasis = coverageBasis(vault),
): CriterionCoverageView[] {
  return coverageOf(vault, basis).criteria;
}

/**
 * Coverage of every in-scope criterion (the key-control rule, `shared/domain/coverage.ts`), the
 * gaps ordered by severity, and the controls in the description an auditor will find without
 * evidence. Evidence is each control's reviewed evidence against its windows at today's date.
 */
export function coverageView(vault: Vault): CoverageView {
  const basis = coverageBasis(vault);
  const { rows } = basis;
  const { controls, coverage, criteria, inScope } = coverageOf(vault, basis);
  const residual = residualByControl(vault);
  const tasksByControl = new Map(
    [...taskIdsByControl(vault.db)].map(([id, tasks]) => [id, tasks.map((t) => t.id)]),
  );
  const refOf = new Map(rows.map((r) => [r.id, r]));
  const gaps = findGaps(
    controls.map((c) => ({
      id: c.id,
      ref: refOf.get(c.id)!.ref,
      criteria: c.criteria.filter((id) => inScope.has(id)),
      supporting: c.supporting,
      assessment: c.assessment,
      residualRisk: residual.get(c.id) ?? null,
    })),
    coverage,
  ).map((g) => ({
    controlId: g.controlId,
    ref: refOf.get(g.controlId)!.ref,
    title: refOf.get(g.controlId)!.title,
    status: g.status,
    severity: g.severity,
    unmetCriteria: g.unmetCriteria,
    residualRisk: g.residualRisk,
    taskIds: tasksByControl.get(g.controlId) ?? [],
    reason: g.reason,
  }));
  const described = descriptionFindings(
    controls.map((c) => ({
      id: c.id,
      ref: refOf.get(c.id)!.ref,
      inDescription: inDescriptionOf(refOf.get(c.id)!),
      assessment: c.assessment,
      keyForAny: c.criteria.some((id) => inScope.has(id) && !c.supporting!.includes(id)),
      evidence: c.evidence,
    })),
  ).map((f) => ({ ...f, title: refOf.get(f.controlId)!.title }));
  return {
    descriptionFindings: described,
    criteria,
    gaps,
    notAssessed: controls
      .filter((c) => c.assessment === null)
      .map((c) => ({ controlId: c.id, ref: refOf.get(c.id)!.ref, title: refOf.get(c.id)!.title })),
  };
}

/** Counts and the warnings a consultant wants before a review: SoD and late operating-since dates. */
export function assessmentSummary(vault: Vault) {
  const assessments = assessmentsByControl(vault);
  const rows = listControlRows(vault.db);
  const e = getEngagement(vault);
  const start = e.reportType === 'type2' ? e.period?.start : e.asOf;
  const byStatus = {
    implemented: 0,
    partial: 0,
    not_implemented: 0,
    not_applicable: 0,
    not_assessed: 0,
  };
  for (const r of rows) byStatus[assessments.get(r.id)?.status ?? 'not_assessed']++;
  return {
    controls: rows.length,
    assessed: rows.length - byStatus.not_assessed,
    byStatus,
    sameOwnerWarnings: rows
      .filter((r) => r.performer_id && r.performer_id === r.reviewer_id)
      .map((r) => r.id),
    lateStartWarnings: start
      ? rows.filter((r) => r.operating_since !== null && r.operating_since > start).map((r) => r.id)
      : [],
  };
}
