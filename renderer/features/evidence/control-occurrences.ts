import type { Evidence } from '../../../shared/api/evidence';
import type { Engagement } from '../../../shared/api/vault';
import type { Frequency, Nature } from '../../../shared/domain/catalog';
import { type PromisedDeadline, strictestDeadline } from '../../../shared/domain/deadline';
import {
  type OccurrenceEngagement,
  type Occurrences,
  occurrences,
} from '../../../shared/domain/occurrences';

/** The engagement as the occurrence rules take it; null while it has no period or date. */
export function occurrenceEngagement(
  e: Pick<Engagement, 'reportType' | 'asOf' | 'period'> | null | undefined,
): OccurrenceEngagement | null {
  if (!e) return null;
  if (e.reportType === 'type1') return e.asOf ? { type: 'type1', asOf: e.asOf } : null;
  return e.period ? { type: 'type2', start: e.period.start, end: e.period.end } : null;
}

/** The deadline the control is held to: the strictest time limit its policies promise. */
export function controlDeadline(
  deadlines: readonly PromisedDeadline[] | undefined,
): PromisedDeadline | null {
  return strictestDeadline(deadlines ?? []);
}

/**
 * A control's timeline: the windows it must operate in and the evidence filling them, each item
 * placed by the day it was performed and what it covers (the shared rules readiness uses).
 * Superseded items are left out: the newer item stands for them. An item linked as the control's
 * configuration change history is passed as such: it fills no window.
 */
export function controlOccurrences(
  control: { id: string; frequency: Frequency; nature: Nature; operatingSince: string | null },
  engagement: OccurrenceEngagement,
  evidence: readonly Evidence[],
  today: string,
  held: {
    deadline?: PromisedDeadline | null;
    itgcs?: 'effective' | 'failing' | 'unknown';
  } = {},
): Occurrences {
  return occurrences({
    deadline: held.deadline ?? null,
    itgcs: held.itgcs ?? 'unknown',
    frequency: control.frequency,
    nature: control.nature,
    engagement,
    evaluatedOn: today,
    operatingSince: control.operatingSince,
    instances: evidence
      .filter((e) => e.supersededById === null)
      .map((e) => ({
        id: e.id,
        performedOn: e.performedOn,
        covers: e.window ?? (e.asOf ? { start: e.asOf, end: e.asOf } : null),
        ...(e.changeHistoryFor.includes(control.id) ? { changeHistory: true } : {}),
      })),
  });
}
