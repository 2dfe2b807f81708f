import {
  SIZE_FREQUENCIES,
  SIZE_FREQUENCY_LABELS,
  type SampleSizeTable,
  type SizeRange,
} from '../../../shared/domain/sample-size';

/** "2–5", or "2" when the range is one size. */
export function rangeText(r: SizeRange): string {
  return r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
}

/** The per-event bands as rows: "2–4 items", "Over 250 items". */
export function perEventRows(table: SampleSizeTable): { band: string; size: string }[] {
  return table.perEvent.map((b, i) => {
    const from = i === 0 ? 1 : (table.perEvent[i - 1]!.upTo ?? 0) + 1;
    const prev = table.perEvent[i - 1]?.upTo;
    const band =
      b.upTo === null
        ? `Over ${prev ?? 0} items`
        : from === b.upTo
          ? `${b.upTo} items`
          : `${from}–${b.upTo} items`;
    return { band, size: rangeText(b) };
  });
}

export interface SizeChange {
  what: string;
  from: string;
  to: string;
}

/** What importing `next` would change against the table in force, row by row. */
export function diffSizeTables(current: SampleSizeTable, next: SampleSizeTable): SizeChange[] {
  const changes: SizeChange[] = [];
  const push = (what: string, from: string, to: string) => {
    if (from !== to) changes.push({ what, from, to });
  };
  push('Name', current.name, next.name);
  for (const f of SIZE_FREQUENCIES)
    push(
      SIZE_FREQUENCY_LABELS[f],
      rangeText(current.byFrequency[f]),
      rangeText(next.byFrequency[f]),
    );
  const bandsNow = perEventRows(current);
  const bandsNext = perEventRows(next);
  const sameBands =
    bandsNow.length === bandsNext.length && bandsNow.every((b, i) => b.band === bandsNext[i]!.band);
  if (sameBands)
    bandsNow.forEach((b, i) => push(`Per event, ${b.band}`, b.size, bandsNext[i]!.size));
  else
    push(
      'Per-event bands',
      bandsNow.map((b) => `${b.band}: ${b.size}`).join('; '),
      bandsNext.map((b) => `${b.band}: ${b.size}`).join('; '),
    );
  push(
    'Expansion after a deviation',
    current.expansionLadder.join(' → '),
    next.expansionLadder.join(' → '),
  );
  push('Source', current.source, next.source);
  return changes;
}
