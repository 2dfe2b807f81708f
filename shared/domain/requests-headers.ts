/**
 * Reading an auditor's header row: which row holds the headers, and which column feeds which
 * request field, guessed from the spellings found in real PBC lists ("PBC #", "TSC Ref.",
 * "Item Requested"…). The auditor's own status column is never guessed: it stays an extra column.
 */
import type { RequestField } from './requests';

/** Lower case, punctuation dropped (except `#`), "No." and "Number" read as `#`, spaces collapsed. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\(s\)/g, 's')
    .replace(/\bno\.(?=\s|$)/g, '#')
    .replace(/\b(?:number|num|nbr|nr|no)\b/g, '#')
    .replace(/[^a-z0-9#]+/g, ' ')
    .replace(/#/g, ' # ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whole headers (after normalisation) that leave no doubt. */
const EXACT: Record<string, RequestField> = {
  '#': 'ref',
  id: 'ref',
  ref: 'ref',
  reference: 'ref',
  pbc: 'ref',
  'pbc #': 'ref',
  'pbc id': 'ref',
  'pbc ref': 'ref',
  'request #': 'ref',
  'request id': 'ref',
  'request ref': 'ref',
  'req #': 'ref',
  'req id': 'ref',
  'item #': 'ref',
  'item id': 'ref',
  'irl #': 'ref',
  description: 'description',
  request: 'description',
  'item requested': 'description',
  'requested item': 'description',
  'request description': 'description',
  'pbc item': 'description',
  'pbc description': 'description',
  'evidence requested': 'description',
  'information requested': 'description',
  tsc: 'criteria',
  'tsc ref': 'criteria',
  'tsc reference': 'criteria',
  criteria: 'criteria',
  criterion: 'criteria',
  'criterion reference': 'criteria',
  'trust services criteria': 'criteria',
  control: 'controls',
  controls: 'controls',
  'control ref': 'controls',
  'control reference': 'controls',
  'control id': 'controls',
  'control #': 'controls',
  type: 'type',
  'evidence type': 'type',
  'request type': 'type',
  period: 'period',
  'as of': 'period',
  'as of date': 'period',
  'date range': 'period',
  'period covered': 'period',
  owner: 'owner',
  assignee: 'owner',
  'assigned to': 'owner',
  responsible: 'owner',
  due: 'dueOn',
  'due date': 'dueOn',
  deadline: 'dueOn',
  'date due': 'dueOn',
  wave: 'wave',
  phase: 'wave',
  comments: 'comments',
  comment: 'comments',
  notes: 'comments',
};

const has = (tokens: string[], ...words: string[]) => words.some((w) => tokens.includes(w));

/**
 * Looser rules for headers not in the exact list, in priority order: "Control Ref" is a control
 * column before it is a reference, "TSC Ref." a criteria column, "Request Type" a type.
 */
const RULES: [(t: string[], h: string) => boolean, RequestField | null][] = [
  [(t) => has(t, 'status', 'evidence', 'submitted', 'received'), null],
  [(t) => has(t, 'due', 'deadline'), 'dueOn'],
  [(t) => has(t, 'owner', 'owners', 'assignee', 'assigned', 'responsible'), 'owner'],
  [(t) => has(t, 'tsc', 'criteria', 'criterion', 'tsp'), 'criteria'],
  [(t) => has(t, 'control', 'controls'), 'controls'],
  [(t) => has(t, 'wave', 'phase', 'batch', 'round'), 'wave'],
  [(t) => has(t, 'comment', 'comments', 'notes', 'note', 'remarks'), 'comments'],
  [(t) => has(t, 'type'), 'type'],
  [(_t, h) => /\b(?:period|as of|range|timeframe|window)\b/.test(h), 'period'],
  [(t) => has(t, 'date', 'dated'), null],
  [(t) => has(t, '#', 'id', 'ref', 'reference', 'pbc'), 'ref'],
  [
    (t) => has(t, 'description', 'requested', 'request', 'item', 'details', 'detail'),
    'description',
  ],
];

export interface HeaderGuess {
  field: RequestField | null;
  /** 2: an exact known spelling; 1: matched by a word in it; 0: not placed. */
  score: number;
}

export function guessHeaderField(header: string): HeaderGuess {
  const h = normaliseHeader(header);
  if (!h) return { field: null, score: 0 };
  const exact = EXACT[h];
  if (exact) return { field: exact, score: 2 };
  const tokens = h.split(' ');
  for (const [test, field] of RULES) {
    if (test(tokens, h)) return { field, score: field ? 1 : 0 };
  }
  return { field: null, score: 0 };
}

/** Column index per field. */
export type ColumnMapping = Partial<Record<RequestField, number>>;

/**
 * One column per field: for each field the best-scoring header, the leftmost on a tie. A column
 * never feeds two fields (each header has one guess).
 */
export function guessColumns(headers: readonly string[]): ColumnMapping {
  const best: Partial<Record<RequestField, { index: number; score: number }>> = {};
  headers.forEach((header, index) => {
    const { field, score } = guessHeaderField(header);
    if (!field) return;
    const current = best[field];
    if (!current || score > current.score) best[field] = { index, score };
  });
  return Object.fromEntries(Object.entries(best).map(([f, v]) => [f, v.index])) as ColumnMapping;
}

/** How many rows at the top may be titles or notes above the header row. */
export const MAX_TITLE_ROWS = 5;

/**
 * The header row: the first non-blank row, unless it does not name a request-number column and
 * one of the next few non-blank rows does (a title such as "Acme — SOC 2 request list" above the
 * headers). A header row has at least two filled cells, so a one-cell title that happens to say
 * "PBC" is not mistaken for one. `hasRef` says whether a row's cells name the request-number
 * column; with an explicit mapping it looks for the mapped header, otherwise it guesses.
 */
export function findHeaderRow(
  rows: readonly (readonly string[])[],
  hasRef: (cells: readonly string[]) => boolean,
): number | null {
  const candidates: number[] = [];
  for (let i = 0; i < rows.length && candidates.length <= MAX_TITLE_ROWS; i++) {
    if (rows[i]!.some((c) => c.trim() !== '')) candidates.push(i);
  }
  if (candidates.length === 0) return null;
  const filled = (i: number) => rows[i]!.filter((c) => c.trim() !== '').length;
  return candidates.find((i) => filled(i) >= 2 && hasRef(rows[i]!)) ?? candidates[0]!;
}

export const guessesRefColumn = (cells: readonly string[]): boolean =>
  guessColumns(cells).ref !== undefined;
