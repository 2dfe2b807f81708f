import type { EvidenceKind, WindowStatus } from '../../../shared/api/evidence';
import type { WindowStatus as OccurrenceStatus } from '../../../shared/domain/occurrences';
import type { Tone } from '../../components/status';

/** Where an item's dates fall against the engagement, in words. */
export const WINDOW_LABEL: Record<WindowStatus, string> = {
  inside: 'In the period',
  partly: 'Partly in the period',
  outside: 'Outside the period',
  undated: 'Not dated',
};

export const WINDOW_TONE: Record<WindowStatus, Tone> = {
  inside: 'met',
  partly: 'partial',
  outside: 'missing',
  undated: 'neutral',
};

export const KIND_LABEL: Record<EvidenceKind, string> = {
  file: 'File',
  population: 'Population',
  link: 'Link',
  note: 'Note',
};

/** A window of the control's timeline, in words. */
export const OCCURRENCE_LABEL: Record<OccurrenceStatus, string> = {
  met: 'Met',
  late: 'Late',
  missing: 'Missing',
  scheduled: 'Scheduled',
  not_counted: 'Not counted',
  not_occurring: 'Not occurring',
};

export const OCCURRENCE_TONE: Record<OccurrenceStatus, Tone> = {
  met: 'met',
  late: 'partial',
  missing: 'missing',
  scheduled: 'partial',
  not_counted: 'neutral',
  not_occurring: 'partial',
};

/** What an item is evidence for: its as-of date or window, as a short phrase. */
export function coverageText(
  e: { asOf: string | null; window: { start: string; end: string } | null },
  date: (iso: string) => string,
): string | null {
  if (e.window) return `${date(e.window.start)} – ${date(e.window.end)}`;
  return e.asOf ? `As of ${date(e.asOf)}` : null;
}

/** An automated control's configuration change history (`occurrences.ts`), in words. */
export const CHANGE_HISTORY_LABEL: Record<'covered' | 'partial' | 'none', string> = {
  covered: 'Covered so far',
  partial: 'Incomplete',
  none: 'None linked',
};

export const CHANGE_HISTORY_TONE: Record<'covered' | 'partial' | 'none', Tone> = {
  covered: 'met',
  partial: 'partial',
  none: 'missing',
};
