import { isIsoDate, periodMonths } from './dates';

/**
 * A Type II period outside three to twelve months is allowed but unusual: say so, as a warning
 * (the contract refuses only an end before the start). The same words in the app and the CLI.
 */
export function periodLengthWarning(start: string, end: string): string | null {
  if (!isIsoDate(start) || !isIsoDate(end) || end <= start) return null;
  const months = periodMonths(start, end);
  if (months < 3 - 0.05)
    return `This period is about ${Math.max(1, Math.round(months))} month${Math.round(months) > 1 ? 's' : ''} long. Auditors rarely accept a Type II period shorter than three months.`;
  if (months > 12 + 0.05)
    return `This period is about ${Math.round(months)} months long. A Type II period normally covers at most twelve months.`;
  return null;
}
