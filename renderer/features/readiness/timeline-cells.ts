import type { TimelineState } from '../../../shared/api/readiness';
import type { Tone } from '../../components/status';

/** Each window state in words (tooltip, accessible name, legend) and in the status palette. */
export const TIMELINE_STATE: Record<TimelineState, { label: string; tone: Tone }> = {
  reviewed: { label: 'evidenced and reviewed', tone: 'met' },
  unreviewed: { label: 'evidenced, not reviewed', tone: 'partial' },
  scheduled: { label: 'scheduled or open', tone: 'partial' },
  late: { label: 'late', tone: 'missing' },
  missing: { label: 'missing', tone: 'missing' },
  not_occurring: { label: 'not occurring in the period', tone: 'neutral' },
  not_counted: { label: 'too short to count', tone: 'neutral' },
};

/** "Q1 2026 — missing": what a cell says when pointed at or read aloud. */
export const cellLabel = (w: { label: string; state: TimelineState }) =>
  `${w.label} — ${TIMELINE_STATE[w.state].label}`;

/** Filter: a control with a window missing (closed without reviewed evidence). */
export const hasMissingWindow = (c: { windows: readonly { state: TimelineState }[] }) =>
  c.windows.some((w) => w.state === 'missing');
