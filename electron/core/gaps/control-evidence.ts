import type { Assessment } from '../../../shared/api/gaps';
import type { EvidenceState } from '../../../shared/domain/coverage';
import { evidenceStateOf } from '../../../shared/domain/control-evidence';
import type { Frequency, Nature } from '../../../shared/domain/catalog';
import { type PromisedDeadline, strictestDeadline } from '../../../shared/domain/deadline';
import {
  type Instance,
  type OccurrenceEngagement,
  type Occurrences,
  occurrences,
} from '../../../shared/domain/occurrences';
import { type ItgcState, itgcState } from '../../../shared/domain/itgc';
import { all } from '../../db/connection';
import { type ReviewedEvidenceLink, reviewedEvidenceLinks } from '../../db/repos/evidence';
import { linksOf } from '../../db/repos/links';
import type { ControlTable } from '../../db/schema';
import { policyConsistency } from '../policies/consistency';
import { getEngagement } from '../vault/engagement';
import { assessmentsByControl } from './assessments';
import type { Vault } from '../vault/session';

/**
 * Reviewed, current evidence of each control: items linked to it with a reviewer and a review
 * date, not superseded. Evidence reviewed by the control's own performer never gets a reviewer
 * (the evidence module refuses it), so it never counts here.
 */
export function reviewedInstances(vault: Vault): Map<string, Instance[]> {
  return toInstances(reviewedEvidenceLinks(vault.db));
}

/**
 * Current (not superseded) evidence of each control as occurrence instances; `reviewedOnly`
 * keeps the items with a reviewer and a review date (what readiness counts).
 */
export function currentInstances(vault: Vault, reviewedOnly: boolean): Map<string, Instance[]> {
  if (reviewedOnly) return reviewedInstances(vault);
  const q = vault.db.qb
    .selectFrom('evidence_control as l')
    .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
    .select([
      'l.control_id',
      'l.purpose',
      'e.id',
      'e.performed_on',
      'e.as_of',
      'e.window_start',
      'e.window_end',
    ])
    .where('e.superseded_by_id', 'is', null);
  return toInstances(all(vault.db, q));
}

function toInstances(
  rows: readonly Omit<ReviewedEvidenceLink, 'reviewer_id'>[],
): Map<string, Instance[]> {
  const out = new Map<string, Instance[]>();
  for (const r of rows) {
    const covers =
      r.window_start && r.window_end
        ? { start: r.window_start, end: r.window_end }
        : r.as_of
          ? { start: r.as_of, end: r.as_of }
          : null;
    const list = out.get(r.control_id) ?? [];
    list.push({
      id: r.id,
      performedOn: r.performed_on,
      covers,
      ...(r.purpose === 'change_history' ? { changeHistory: true } : {}),
    });
    out.set(r.control_id, list);
  }
  return out;
}

/**
 * What the evidence rules read, read once and handed to each of them: one readiness review asks
 * for every control's evidence state, the ITGCs behind its automated controls and its windows,
 * and reading the evidence, deadlines and assessments for each of those again was most of its
 * time on the large demo. Also one date for all of them.
 */
export interface EvidenceReads {
  engagement: OccurrenceEngagement | null;
  evaluatedOn: string;
  /** `reviewedInstances`. */
  reviewed: Map<string, Instance[]>;
  deadlines: Map<string, PromisedDeadline>;
  assessments: Map<string, Assessment>;
}

export function evidenceReads(vault: Vault): EvidenceReads {
  return {
    engagement: occurrenceEngagement(vault),
    evaluatedOn: vault.now().slice(0, 10),
    reviewed: reviewedInstances(vault),
    deadlines: promisedDeadlines(vault),
    assessments: assessmentsByControl(vault),
  };
}

/** The engagement as the occurrence rules read it; null until its period or as-of date is set. */
export function occurrenceEngagement(vault: Vault): OccurrenceEngagement | null {
  const e = getEngagement(vault);
  if (e.reportType === 'type1') return e.asOf ? { type: 'type1', asOf: e.asOf } : null;
  return e.period ? { type: 'type2', start: e.period.start, end: e.period.end } : null;
}

/** The deadline each control is held to: the strictest time limit its policies promise. */
export function promisedDeadlines(vault: Vault): Map<string, PromisedDeadline> {
  const byControl = new Map<string, PromisedDeadline[]>();
  for (const d of policyConsistency(vault, {}).deadlines) {
    const list = byControl.get(d.controlId) ?? [];
    list.push(d);
    byControl.set(d.controlId, list);
  }
  const out = new Map<string, PromisedDeadline>();
  for (const [id, list] of byControl) out.set(id, strictestDeadline(list)!);
  return out;
}

export type ControlOccurrences = Occurrences & {
  deadline: PromisedDeadline | null;
  /** For an automated control: what the IT general controls it relies on say. */
  itgcs: ItgcState | null;
};

/**
 * Each control's occurrences from its reviewed evidence at today's date (the vault's clock), by
 * the one occurrence module, held to the deadline its policies promise. Automated controls are
 * read twice: first alone, to know which controls are met (implemented, evidence complete), then
 * with what the ITGCs they rely on say (`shared/domain/itgc.ts`), so a relied-on control is
 * judged on its own evidence and a cycle of links cannot loop. Controls without reviewed evidence,
 * or all of them while the engagement has no period or as-of date, are left out.
 */
export function occurrencesByControl(
  vault: Vault,
  controls: readonly ControlTable[],
  reads: EvidenceReads = evidenceReads(vault),
): Map<string, ControlOccurrences> {
  return occurrencesOf(vault, controls, [reads.reviewed], false, reads)[0]!;
}

/**
 * `occurrencesByControl` over each of the given sets of instances (one map per set), with the
 * deadlines and ITGC states read once for all of them; with `everyControl`, controls without any
 * instance get their (empty) windows too — what a timeline shows.
 */
export function occurrencesOf(
  vault: Vault,
  controls: readonly ControlTable[],
  instanceSets: readonly ReadonlyMap<string, Instance[]>[],
  everyControl: boolean,
  reads: EvidenceReads = evidenceReads(vault),
): Map<string, ControlOccurrences>[] {
  const { engagement, deadlines, evaluatedOn } = reads;
  const outs = instanceSets.map(() => new Map<string, ControlOccurrences>());
  if (!engagement) return outs;
  const automated = controls.filter((c) => c.nature === 'automated');
  const itgcs =
    automated.length > 0
      ? itgcStates(
          vault,
          automated.map((c) => c.id),
          reads,
        )
      : new Map<string, ItgcState>();
  instanceSets.forEach((instances, k) => {
    for (const c of controls) {
      if (!everyControl && !instances.has(c.id)) continue;
      const state = c.nature === 'automated' ? (itgcs.get(c.id) ?? 'unknown') : null;
      const occ = occurrences({
        frequency: c.frequency as Frequency,
        nature: c.nature as Nature,
        engagement,
        evaluatedOn,
        instances: instances.get(c.id) ?? [],
        operatingSince: c.operating_since,
        deadline: deadlines.get(c.id) ?? null,
        itgcs: state ?? 'unknown',
      });
      outs[k]!.set(c.id, { ...occ, deadline: deadlines.get(c.id) ?? null, itgcs: state });
    }
  });
  return outs;
}

/**
 * Whether each control is met on its own: implemented, with complete reviewed evidence; null for
 * an archived control (out of scope: relying on it says nothing either way).
 */
export function metOnTheirOwn(
  vault: Vault,
  ids?: readonly string[],
  reads: EvidenceReads = evidenceReads(vault),
): Map<string, boolean | null> {
  const { engagement, assessments, reviewed: instances, deadlines, evaluatedOn } = reads;
  if (ids?.length === 0) return new Map();
  let q = vault.db.qb.selectFrom('control').selectAll();
  if (ids) q = q.where('id', 'in', [...ids]);
  const rows = all(vault.db, q);
  const out = new Map<string, boolean | null>();
  for (const c of rows) {
    if (c.archived_at !== null) {
      out.set(c.id, null);
      continue;
    }
    const mine = instances.get(c.id) ?? [];
    const implemented = assessments.get(c.id)?.status === 'implemented';
    if (!engagement || !implemented || mine.length === 0) {
      out.set(c.id, false);
      continue;
    }
    const occ = occurrences({
      frequency: c.frequency as Frequency,
      nature: c.nature as Nature,
      engagement,
      evaluatedOn,
      instances: mine,
      operatingSince: c.operating_since,
      deadline: deadlines.get(c.id) ?? null,
      itgcs: 'unknown',
    });
    out.set(c.id, evidenceStateOf(occ) === 'complete');
  }
  return out;
}

/** What the relied-on controls of each of these automated controls say. */
export function itgcStates(
  vault: Vault,
  controlIds: readonly string[],
  reads: EvidenceReads = evidenceReads(vault),
): Map<string, ItgcState> {
  const reliance = linksOf(vault.db, 'control_reliance', controlIds);
  const reliedOn = [...new Set([...reliance.values()].flat())];
  const met = metOnTheirOwn(vault, reliedOn, reads);
  const out = new Map<string, ItgcState>();
  for (const id of controlIds)
    out.set(
      id,
      itgcState(
        (reliance.get(id) ?? [])
          .filter((r) => met.get(r) !== null)
          .map((r) => ({ met: met.get(r) === true })),
      ),
    );
  return out;
}

/**
 * Whether reviewed evidence covers each control's windows (`occurrencesByControl`). Without a
 * period or as-of date there are no windows: no control's evidence is complete.
 */
export function evidenceByControl(
  vault: Vault,
  controls: readonly ControlTable[],
  reads: EvidenceReads = evidenceReads(vault),
): Map<string, EvidenceState> {
  const occ = occurrencesByControl(vault, controls, reads);
  const out = new Map<string, EvidenceState>();
  for (const c of controls) {
    const o = occ.get(c.id);
    out.set(c.id, o ? evidenceStateOf(o) : 'none');
  }
  return out;
}
