import type { ImportPreview, PreviewRow, RequestMapping } from '../../../../shared/api/requests';
import { REQUEST_FIELDS, type RequestField } from '../../../../shared/domain/requests';

/** What one header of the auditor's file feeds: a field, or nothing (kept as their column). */
export type HeaderChoice = RequestField | 'keep';

/** One choice per header, by position (two columns may share a header text). */
export function choicesFromMapping(
  headers: readonly string[],
  mapping: Partial<RequestMapping>,
): HeaderChoice[] {
  const choices: HeaderChoice[] = headers.map(() => 'keep');
  for (const field of REQUEST_FIELDS) {
    const header = mapping[field];
    if (header === undefined) continue;
    const index = headers.indexOf(header);
    if (index >= 0) choices[index] = field;
  }
  return choices;
}

/** Gives a header a field; the header that fed that field until now goes back to "keep". */
export function assignChoice(
  choices: readonly HeaderChoice[],
  index: number,
  choice: HeaderChoice,
): HeaderChoice[] {
  return choices.map((c, i) => {
    if (i === index) return choice;
    return choice !== 'keep' && c === choice ? 'keep' : c;
  });
}

/** The mapping as the contract takes it; null while no column holds the request number. */
export function mappingFromChoices(
  headers: readonly string[],
  choices: readonly HeaderChoice[],
): RequestMapping | null {
  const mapping: Partial<RequestMapping> = {};
  choices.forEach((choice, i) => {
    if (choice !== 'keep' && headers[i]?.trim()) mapping[choice] = headers[i];
  });
  return mapping.ref ? (mapping as RequestMapping) : null;
}

export const sameMapping = (a: RequestMapping | null, b: RequestMapping | null) =>
  JSON.stringify(a && sortKeys(a)) === JSON.stringify(b && sortKeys(b));

const sortKeys = (m: RequestMapping) =>
  Object.fromEntries(Object.entries(m).sort(([x], [y]) => x.localeCompare(y)));

/**
 * Whether the user should be asked how to read dates: some read either way, the file itself
 * contradicts itself, or the user already chose.
 */
export function dateOrderIsAQuestion(preview: ImportPreview): boolean {
  const d = preview.dateOrder;
  return d.ambiguousValues > 0 || d.conflicting || d.source === 'given';
}

type FieldValue = (row: PreviewRow) => string | null;

/**
 * A sample of what a header holds, taken from the preview rows (as the preview's own mapping
 * read them), so the user sees "PBC-001" beside "PBC #" while choosing its field.
 */
export function exampleFor(
  preview: ImportPreview,
  header: string,
  show: { field: Partial<Record<RequestField, FieldValue>> },
): string | null {
  const field = REQUEST_FIELDS.find((f) => preview.mapping[f] === header);
  for (const row of preview.rows) {
    const value = field
      ? (show.field[field]?.(row) ?? null)
      : (row.extraColumns.find((c) => c.header === header)?.value ?? null);
    if (value && value.trim()) return value.replace(/\s+/g, ' ').trim();
  }
  return null;
}
