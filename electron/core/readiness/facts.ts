import type {
  ReadinessControl,
  ReadinessFacts,
  ReadinessSubservice,
} from '../../../shared/domain/readiness/facts';
import { isInDescription } from '../../../shared/domain/control-evidence';
import type { Frequency, Nature } from '../../../shared/domain/catalog';
import {
  type Instance,
  type OccurrenceWindow,
  occurrences,
} from '../../../shared/domain/occurrences';
import { all } from '../../db/connection';
import { listControlRows, listCriterionRows } from '../../db/repos/controls';
import { reviewedEvidenceLinks } from '../../db/repos/evidence';
import { listRiskRows, openTaskCountsByControl } from '../../db/repos/gaps';
import { linkedTo, linksOf } from '../../db/repos/links';
import { listRows } from '../../db/repos/sd-records';
import type { ControlTable } from '../../db/schema';
import {
  type EvidenceReads,
  occurrenceEngagement,
  occurrencesOf,
  reviewedInstances,
} from '../gaps/control-evidence';
import { coverageBasis, criteriaCoverage } from '../gaps/coverage';
import { missingAcks } from '../policies/acks';
import { listPolicies } from '../policies/policies';
import { getSystemDescription } from '../sd/description';
import { listDeviations } from '../self-tests/view';
import { toSubservices } from '../sd/subservice-parts';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';

/** Sections the events rule reads; every other incomplete section is an unanswered one. */
const EVENT_SECTIONS = new Set(['incidents', 'changes']);

/**
 * Each control's occurrence windows at `evaluatedOn` against its reviewed evidence (no deadline
 * or ITGC refinements: what is counted here is how many windows are due, met or still to come).
 */
export function windowsByControl(
  vault: Vault,
  evaluatedOn: string,
  read?: { reviewed: ReadonlyMap<string, Instance[]>; rows: readonly ControlTable[] },
): Map<string, readonly OccurrenceWindow[]> {
  const engagement = occurrenceEngagement(vault);
  const out = new Map<string, readonly OccurrenceWindow[]>();
  if (!engagement) return out;
  const instances = read?.reviewed ?? reviewedInstances(vault);
  for (const c of read?.rows ?? listControlRows(vault.db)) {
    const occ = occurrences({
      frequency: c.frequency as Frequency,
      nature: c.nature as Nature,
      engagement,
      evaluatedOn,
      instances: instances.get(c.id) ?? [],
      operatingSince: c.operating_since,
    });
    out.set(c.id, occ.windows);
  }
  return out;
}

/** Windows of each control not closed yet at `evaluatedOn` (for "N windows still to come"). */
function windowsToCome(
  vault: Vault,
  evaluatedOn: string,
  read: Parameters<typeof windowsByControl>[2],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, windows] of windowsByControl(vault, evaluatedOn, read))
    out.set(id, windows.filter((w) => w.status === 'scheduled').length);
  return out;
}

/**
 * Evidence of each control reviewed by its own owner or performer. Attest refuses such a review
 * when it is made, but a control's people can change afterwards: the review no longer counts.
 */
function selfReviewedByControl(
  vault: Vault,
  byId: ReadonlyMap<string, ControlTable>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of reviewedEvidenceLinks(vault.db)) {
    const c = byId.get(r.control_id);
    if (c && (r.reviewer_id === c.owner_id || r.reviewer_id === c.performer_id))
      out.set(r.control_id, (out.get(r.control_id) ?? 0) + 1);
  }
  return out;
}

/**
 * Each automated control's configuration change history as its reviewed evidence shows it, for
 * those asked for one (`occurrences.ts`: Type II, relied on, its ITGCs not failing). Only the
 * automated controls are read, with the ITGC states their occurrences need.
 */
function changeHistoryByControl(
  vault: Vault,
  rows: readonly ControlTable[],
  reads: EvidenceReads,
): Map<string, NonNullable<ReadinessControl['changeHistory']>> {
  const automated = rows.filter((r) => r.nature === 'automated');
  const out = new Map<string, NonNullable<ReadinessControl['changeHistory']>>();
  if (automated.length === 0) return out;
  const [occ] = occurrencesOf(vault, automated, [reads.reviewed], true, reads);
  for (const [id, o] of occ!)
    if (o.changeHistory.required)
      out.set(id, { status: o.changeHistory.status, gap: o.changeHistory.gap });
  return out;
}

/** Risks whose residual level is below the inherent one on controls not implemented. */
function creditedToControlsNotInPlace(
  vault: Vault,
  implemented: (id: string) => boolean,
  refOf: (id: string) => string,
): ReadinessFacts['risks']['creditedToControlsNotInPlace'] {
  const links = linksOf(vault.db, 'risk_control');
  return listRiskRows(vault.db).flatMap((r) => {
    const reduced = r.residual_likelihood * r.residual_impact < r.likelihood * r.impact;
    const missing = (links.get(r.id) ?? []).filter((id) => !implemented(id));
    return reduced && missing.length > 0
      ? [{ riskId: r.id, title: r.title, controlRefs: missing.map(refOf) }]
      : [];
  });
}

function subservices(vault: Vault, implemented: (id: string) => boolean): ReadinessSubservice[] {
  return toSubservices(vault, listRows(vault.db, 'subservice_org', false)).map((s) => {
    const r = s.report;
    const recorded = Boolean(r.periodEnd || r.reviewedOn || s.reportFile);
    return {
      id: s.id,
      name: s.name,
      method: s.method,
      monitoringControlId: s.monitoringControlId,
      report: recorded
        ? {
            periodStart: r.periodStart,
            periodEnd: r.periodEnd,
            reviewedOn: r.reviewedOn,
            exceptionsListed: r.exceptions.trim() !== '',
            exceptionsAssessment: r.exceptionsAssessment,
          }
        : null,
      bridgeLetter: r.bridgeLetter
        ? {
            receivedOn: r.bridgeLetter.receivedOn,
            periodStart: r.bridgeLetter.periodStart,
            periodEnd: r.bridgeLetter.periodEnd,
          }
        : null,
      vendorCuecs: s.vendorCuecs.map((v) => ({
        description: v.description,
        implementedControlIds: v.controlIds.filter(implemented),
      })),
    };
  });
}

function populations(vault: Vault, refOf: (id: string) => string): ReadinessFacts['populations'] {
  const rows = all(
    vault.db,
    vault.db.qb
      .selectFrom('population as p')
      .innerJoin('evidence as e', 'e.id', 'p.evidence_id')
      .select(['e.id', 'e.title'])
      .where('e.superseded_by_id', 'is', null),
  );
  // Only the populations' links: the large demo has 50 000 evidence items.
  const controls = linksOf(
    vault.db,
    'evidence_control',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    evidenceId: r.id,
    title: r.title,
    controlRefs: (controls.get(r.id) ?? []).map(refOf),
    hasCompletenessEvidence: linkedTo(vault.db, 'population_support', r.id).length > 0,
  }));
}

/**
 * Everything the readiness rules read, gathered once as of the vault's today (its clock).
 */
export function readinessFacts(vault: Vault): ReadinessFacts {
  const engagement = getEngagement(vault);
  // Evidence, assessments and control rows read once for coverage, windows and the rules.
  const basis = coverageBasis(vault);
  const { rows, reads, evidence } = basis;
  const { evaluatedOn, assessments } = reads;
  const coverage = { criteria: criteriaCoverage(vault, basis) };
  const byId = new Map(rows.map((r) => [r.id, r]));
  const refOf = (id: string) => byId.get(id)?.ref ?? id;
  const implemented = (id: string) => assessments.get(id)?.status === 'implemented';
  const keyForAny = new Set(
    coverage.criteria.filter((c) => c.status !== 'not_relevant').flatMap((c) => c.keyControlIds),
  );
  const toCome = windowsToCome(vault, evaluatedOn, { reviewed: reads.reviewed, rows });
  const selfReviewed = selfReviewedByControl(vault, byId);
  const openTasks = openTaskCountsByControl(vault.db);
  const changeHistory = changeHistoryByControl(vault, rows, reads);
  // Self-testing's deviations that count: not withdrawn, and reportable for the period.
  const deviations = new Map<string, ReadinessControl['deviations'][number][]>();
  for (const d of listDeviations(vault, {})) {
    if (d.withdrawn || !d.reportable) continue;
    const list = deviations.get(d.controlId) ?? [];
    list.push({
      id: d.id,
      date: d.occurredOn ?? d.createdAt.slice(0, 10),
      responded: !d.responseMissing,
    });
    deviations.set(d.controlId, list);
  }
  const notRelevant = new Map(
    listCriterionRows(vault.db).map((c) => [c.id, c.not_relevant_reason]),
  );

  const controls: ReadinessControl[] = rows.map((r) => {
    const assessment = assessments.get(r.id)?.status ?? null;
    return {
      id: r.id,
      ref: r.ref,
      title: r.title,
      ownerId: r.owner_id,
      performerId: r.performer_id,
      reviewerId: r.reviewer_id,
      assessment,
      operatingSince: r.operating_since,
      keyForAny: keyForAny.has(r.id),
      inDescription: isInDescription({
        inDescription: r.in_description === null ? null : r.in_description === 1,
        assessment,
      }),
      evidence: evidence.get(r.id) ?? 'none',
      selfReviewedEvidence: selfReviewed.get(r.id) ?? 0,
      openTasks: openTasks.get(r.id) ?? 0,
      windowsToCome: toCome.get(r.id) ?? 0,
      deviations: deviations.get(r.id) ?? [],
      changeHistory: changeHistory.get(r.id) ?? null,
    };
  });

  const sections = getSystemDescription(vault, false).completeness.sections;
  const stated = (section: string) =>
    sections.find((s) => s.section === section)?.status !== 'incomplete';

  return {
    evaluatedOn,
    reportType: engagement.reportType,
    period: engagement.reportType === 'type2' ? engagement.period : null,
    asOf: engagement.reportType === 'type1' ? engagement.asOf : null,
    criteria: coverage.criteria.map((c) => ({
      id: c.id,
      ref: c.id,
      category: c.category,
      status: c.status,
      reason: c.reason,
      keyControlIds: c.keyControlIds,
      exceptions: c.exceptions,
      notRelevantReason: notRelevant.get(c.id) ?? null,
    })),
    controls,
    policies: listPolicies(vault, false).map((p) => ({
      id: p.id,
      title: p.title,
      controlIds: p.controlIds,
      inForce: p.inForceVersionId !== null,
      nextReviewOn: p.nextReviewOn,
      overdueAcknowledgements:
        p.inForceVersionId === null
          ? []
          : missingAcks(vault, p.id, evaluatedOn)
              .people.filter((x) => x.state !== 'due')
              .map((x) => ({ personId: x.personId, name: x.name })),
    })),
    risks: {
      assessedOn: engagement.riskAssessedOn,
      creditedToControlsNotInPlace: creditedToControlsNotInPlace(vault, implemented, refOf),
    },
    subservices: subservices(vault, implemented),
    description: {
      unansweredSections: sections
        .filter((s) => s.status === 'incomplete' && !EVENT_SECTIONS.has(s.section))
        .map((s) => ({ key: s.section, title: s.title })),
      incidentsStated: stated('incidents'),
      changesStated: stated('changes'),
    },
    populations: populations(vault, refOf),
  };
}
