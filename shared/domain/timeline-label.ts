/**
 * How a control's window is named on a timeline ("Q1 2026", "Mar 2026", "Week of 5 Jan 2026",
 * "1 Jan 2026 – 30 Jun 2026"): short enough for a tooltip, and what an auditor calls it.
 */
import type { Frequency } from './catalog';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** "5 Jan 2026". */
export function dayLabel(date: string): string {
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The window's name; `start`/`end` are the window's calendar bounds before any clipping. */
export function windowLabel(
  frequency: Frequency,
  mode: 'windows' | 'population' | 'automated' | 'type1',
  start: string,
  end: string,
): string {
  const [y, m] = parts(start);
  if (mode === 'type1') return `As of ${dayLabel(end)}`;
  if (mode === 'windows' && frequency === 'quarterly')
    return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
  if (mode === 'windows' && frequency === 'monthly') return `${MONTHS[m - 1]} ${y}`;
  if (mode === 'windows' && frequency === 'weekly') return `Week of ${dayLabel(start)}`;
  return `${dayLabel(start)} – ${dayLabel(end)}`;
}
