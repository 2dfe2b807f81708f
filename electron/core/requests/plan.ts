/**
 * What importing the rows would do, decided before anything is written (the preview shows it, the
 * import applies it). A request is found by the auditor's reference; a newer version of the list
 * updates it. Each field is compared three ways — the file now, the file last time, the vault —
 * so only what the auditor changed is applied and local edits survive a re-import. Empty cells
 * never erase anything, and our own fields (reviewer, status, the thread) are left alone.
 */
import type { ImportCounts } from '../../../shared/api/requests';
import type { RequestStatus } from '../../../shared/domain/requests';
import type {
  ImportedPeriod,
  ParsedRequestRow,
  RowProblem,
} from '../../../shared/domain/requests-rows';
import type { RequestTable } from '../../db/schema';

/** The field values as an import read them (`null`: the file left it empty). */
export interface ImportedFields {
  description: string | null;
  type: string | null;
  wave: string | null;
  criteria: string[] | null;
  controlIds: string[] | null;
  period: ImportedPeriod | null;
  ownerId: string | null;
  ownerText: string | null;
  dueOn: string | null;
}

export type RowOutcome = 'new' | 'updated' | 'unchanged';

export interface PlannedRow {
  parsed: ParsedRequestRow;
  outcome: RowOutcome;
  existing: RequestTable | null;
  /** New: every imported column. Updated: only the columns that change. */
  columns: Partial<RequestTable>;
  /** The links to set (new: all of them; updated: only those the auditor changed). */
  links: Partial<RequestLinks>;
  /** The file's comments cell, when the thread does not have that text from an import yet. */
  comment: string | null;
}

/** A request's links, kept as rows (request_criterion, request_control). */
export interface RequestLinks {
  criteria: string[];
  controlIds: string[];
}

export function importedFieldsOf(p: ParsedRequestRow): ImportedFields {
  return {
    description: p.description,
    type: p.type,
    wave: p.wave,
    criteria: p.criteria,
    controlIds: p.controlIds,
    period: p.period,
    ownerId: p.ownerId,
    ownerText: p.ownerText,
    dueOn: p.dueOn,
  };
}

const EMPTY_FIELDS: ImportedFields = {
  description: null,
  type: null,
  wave: null,
  criteria: null,
  controlIds: null,
  period: null,
  ownerId: null,
  ownerText: null,
  dueOn: null,
};

/** The request columns one imported field writes. */
function columnsFor<K extends keyof ImportedFields>(
  field: K,
  value: NonNullable<ImportedFields[K]>,
): Partial<RequestTable> {
  switch (field) {
    case 'criteria':
    case 'controlIds':
      return {}; // links, not columns: see `changedLinks`
    case 'period': {
      const p = value as ImportedPeriod;
      return { period_text: p.text, period_start: p.start, period_end: p.end, as_of: p.asOf };
    }
    case 'ownerId':
      return { owner_id: value as string };
    case 'ownerText':
      return { owner_text: value as string };
    case 'dueOn':
      return { due_on: value as string };
    default:
      return { [field]: value } as Partial<RequestTable>;
  }
}

export function planRows(
  rows: readonly ParsedRequestRow[],
  existingByRef: ReadonlyMap<string, RequestTable>,
  linksOfRequest: (requestId: string) => RequestLinks,
  importedComments: ReadonlyMap<string, ReadonlySet<string>>,
): { planned: PlannedRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const planned = rows.map((parsed): PlannedRow => {
    const existing = existingByRef.get(parsed.ref) ?? null;
    const fresh = importedFieldsOf(parsed);
    const seen = existing ? importedComments.get(existing.id) : undefined;
    const comment = parsed.comments && !seen?.has(parsed.comments) ? parsed.comments : null;
    if (!existing) {
      const links = { criteria: parsed.criteria ?? [], controlIds: parsed.controlIds ?? [] };
      return { parsed, outcome: 'new', existing, columns: newColumns(parsed), links, comment };
    }
    if (existing.archived_at !== null) {
      problems.push({
        row: parsed.row,
        message: `${parsed.ref} is archived in this vault; it is updated but stays archived`,
        severity: 'warning',
      });
    }
    const last = lastImported(existing);
    const columns = changedColumns(existing, parsed, fresh, last);
    const links = changedLinks(linksOfRequest(existing.id), fresh, last);
    const outcome =
      Object.keys(columns).length > 0 || Object.keys(links).length > 0 || comment
        ? 'updated'
        : 'unchanged';
    return { parsed, outcome, existing, columns, links, comment };
  });
  return { planned, problems };
}

function newColumns(p: ParsedRequestRow): Partial<RequestTable> {
  return {
    ref: p.ref,
    description: p.description ?? '',
    type: p.type,
    wave: p.wave,
    period_text: p.period?.text ?? null,
    period_start: p.period?.start ?? null,
    period_end: p.period?.end ?? null,
    as_of: p.period?.asOf ?? null,
    owner_id: p.ownerId,
    owner_text: p.ownerText,
    reviewer_id: null,
    due_on: p.dueOn,
    // Someone named as owner means the request is assigned.
    status: (p.ownerId ? 'assigned' : 'new') satisfies RequestStatus,
    submitted_on: null,
    auditor_status: null,
    source_columns: JSON.stringify(p.sourceColumns),
    extra_columns: JSON.stringify(p.extraColumns),
    imported_fields: JSON.stringify(importedFieldsOf(p)),
  };
}

/** The field values as the previous import read them. */
function lastImported(existing: RequestTable): ImportedFields {
  return existing.imported_fields
    ? { ...EMPTY_FIELDS, ...(JSON.parse(existing.imported_fields) as Partial<ImportedFields>) }
    : EMPTY_FIELDS;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** The links the auditor changed since the last import and the vault does not already have. */
function changedLinks(
  current: RequestLinks,
  fresh: ImportedFields,
  last: ImportedFields,
): Partial<RequestLinks> {
  const out: Partial<RequestLinks> = {};
  for (const field of ['criteria', 'controlIds'] as const) {
    const value = fresh[field];
    if (value === null || JSON.stringify(value) === JSON.stringify(last[field])) continue;
    if (!sameSet(value, current[field])) out[field] = value;
  }
  return out;
}

function changedColumns(
  existing: RequestTable,
  parsed: ParsedRequestRow,
  fresh: ImportedFields,
  last: ImportedFields,
): Partial<RequestTable> {
  const wanted: Partial<RequestTable> = {
    source_columns: JSON.stringify(parsed.sourceColumns),
    extra_columns: JSON.stringify(parsed.extraColumns),
    imported_fields: JSON.stringify(fresh),
  };
  for (const field of Object.keys(fresh) as (keyof ImportedFields)[]) {
    const value = fresh[field];
    if (value === null || JSON.stringify(value) === JSON.stringify(last[field])) continue;
    Object.assign(wanted, columnsFor(field, value));
  }
  if (wanted.owner_id && existing.status === 'new') wanted.status = 'assigned';
  const changed: Partial<RequestTable> = {};
  for (const [key, value] of Object.entries(wanted) as [keyof RequestTable, unknown][]) {
    if (existing[key] !== value) (changed as Record<string, unknown>)[key] = value;
  }
  return changed;
}

export function countOutcomes(planned: readonly PlannedRow[], problems: readonly RowProblem[]) {
  const counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const p of planned) counts[p.outcome]++;
  counts.skipped = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row)).size;
  return counts;
}
