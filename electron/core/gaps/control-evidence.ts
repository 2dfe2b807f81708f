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
import { all } from '../../db/connection';
import type { ControlTable } from '../../db/schema';
import { policyConsistency } from '../policies/consistency';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';

/**
 * Reviewed, current evidence of each control: items linked to it with a reviewer and a review
 * date, not superseded. Evidence reviewed by the control's own performer never gets a reviewer
 * (the evidence module refuses it), so it never counts here.
 */
function reviewedInstances(vault: Vault): Map<string, Instance[]> {
  const rows = all(
    vault.db,
    vault.db.qb
      .selectFrom('evidence_control as l')
      .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
      .select([
        'l.control_id',
        'e.id',
        'e.performed_on',
        'e.as_of',
        'e.window_start',
        'e.window_end',
      ])
      .where('e.reviewer_id', 'is not', null)
      .where('e.reviewed_on', 'is not', null)
      .where('e.superseded_by_id', 'is', null),
  );
  const out = new Map<string, Instance[]>();
  for (const r of rows) {
    const covers =
      r.window_start && r.window_end
        ? { start: r.window_start, end: r.window_end }
        : r.as_of
          ? { start: r.as_of, end: r.as_of }
          : null;
    const list = out.get(r.control_id) ?? [];
    list.push({ id: r.id, performedOn: r.performed_on, covers });
    out.set(r.control_id, list);
  }
  return out;
}

/** The engagement as the occurrence rules read it; null until its period or as-of date is set. */
function occurrenceEngagement(vault: Vault): OccurrenceEngagement | null {
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

/**
 * Each control's occurrences from its reviewed evidence at today's date (the vault's clock), by
 * the one occurrence module, held to the deadline its policies promise. Controls without reviewed
 * evidence, or all of them while the engagement has no period or as-of date, are left out.
 */
export function occurrencesByControl(
  vault: Vault,
  controls: readonly ControlTable[],
): Map<string, Occurrences & { deadline: PromisedDeadline | null }> {
  const engagement = occurrenceEngagement(vault);
  const out = new Map<string, Occurrences & { deadline: PromisedDeadline | null }>();
  if (!engagement) return out;
  const instances = reviewedInstances(vault);
  const deadlines = promisedDeadlines(vault);
  const evaluatedOn = vault.now().slice(0, 10);
  for (const c of controls) {
    const mine = instances.get(c.id) ?? [];
    if (mine.length === 0) continue;
    const deadline = deadlines.get(c.id) ?? null;
    const occ = occurrences({
      frequency: c.frequency as Frequency,
      nature: c.nature as Nature,
      engagement,
      evaluatedOn,
      instances: mine,
      operatingSince: c.operating_since,
      deadline,
    });
    out.set(c.id, { ...occ, deadline });
  }
  return out;
}

/**
 * Whether reviewed evidence covers each control's windows (`occurrencesByControl`). Without a
 * period or as-of date there are no windows: no control's evidence is complete.
 */
export function evidenceByControl(
  vault: Vault,
  controls: readonly ControlTable[],
): Map<string, EvidenceState> {
  const occ = occurrencesByControl(vault, controls);
  const out = new Map<string, EvidenceState>();
  for (const c of controls) {
    const o = occ.get(c.id);
    out.set(c.id, o ? evidenceStateOf(o) : 'none');
  }
  return out;
}
