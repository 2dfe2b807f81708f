import type { EvidenceState } from '../../../shared/domain/coverage';
import { evidenceStateOf } from '../../../shared/domain/control-evidence';
import type { Frequency, Nature } from '../../../shared/domain/catalog';
import {
  type Instance,
  type OccurrenceEngagement,
  occurrences,
} from '../../../shared/domain/occurrences';
import { all } from '../../db/connection';
import type { ControlTable } from '../../db/schema';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';

/**
 * Reviewed, current evidence of each control: items linked to it with a reviewer and a review
 * date, not superseded. Evidence reviewed by the control's own performer never gets a reviewer
 * (the evidence module refuses it), so it never counts here.
 */
export function reviewedInstances(vault: Vault): Map<string, Instance[]> {
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
export function occurrenceEngagement(vault: Vault): OccurrenceEngagement | null {
  const e = getEngagement(vault);
  if (e.reportType === 'type1') return e.asOf ? { type: 'type1', asOf: e.asOf } : null;
  return e.period ? { type: 'type2', start: e.period.start, end: e.period.end } : null;
}

/**
 * Whether reviewed evidence covers each control's windows at today's date (the vault's clock), by
 * the one occurrence module. Without a period or as-of date there are no windows: no control's
 * evidence is complete.
 */
export function evidenceByControl(
  vault: Vault,
  controls: readonly ControlTable[],
): Map<string, EvidenceState> {
  const engagement = occurrenceEngagement(vault);
  const instances = reviewedInstances(vault);
  const evaluatedOn = vault.now().slice(0, 10);
  const out = new Map<string, EvidenceState>();
  for (const c of controls) {
    const mine = instances.get(c.id) ?? [];
    if (!engagement || mine.length === 0) {
      out.set(c.id, 'none');
      continue;
    }
    const occ = occurrences({
      frequency: c.frequency as Frequency,
      nature: c.nature as Nature,
      engagement,
      evaluatedOn,
      instances: mine,
      operatingSince: c.operating_since,
    });
    out.set(c.id, evidenceStateOf(occ));
  }
  return out;
}
