/**
 * `01_Index/`: the evidence index, the request list and the control matrix, each as XLSX and
 * CSV with DESIGN §6's columns, through the spreadsheet-safe writers (formula-looking text is
 * neutralised in both formats). In a delta each row also says whether it is new, changed or
 * in an earlier package, and `removed-since-previous` lists what the previous package showed
 * and this one no longer does.
 */
import type { AuditRequest } from '../../../shared/api/requests';
import { type Column, csvBytes, xlsxBytes } from '../files/tabular';
import { requestListTable } from '../requests/export';
import type { RecordKind } from '../../../shared/domain/package/manifest';
import { type DeltaView, KIND_LABEL, STATUS_LABEL } from './delta';
import { type EntryRecord, type PackageEntry, digestOf, generated } from './entry';
import { type PlacedEvidence, sha256Of } from './layout';
import type { PackageModel } from './model';

export const INDEX_DIR = '01_Index';

const list = (items: readonly string[]) => items.join(', ');

const CHANGE_HISTORY_HEADER = 'Change history of';

function coverage(row: PlacedEvidence['item']['row']): string {
  if (row.window_start && row.window_end) return `${row.window_start} to ${row.window_end}`;
  return row.as_of ? `as of ${row.as_of}` : '';
}

export function evidenceColumns(model: PackageModel): Column<PlacedEvidence>[] {
  const person = (id: string | null) => (id ? (model.people.get(id) ?? '') : '');
  return [
    { header: 'Evidence ID', width: 10, value: (e) => e.item.row.ref },
    // A file's place in the package, or a link's web address (a link has no file).
    { header: 'Link', width: 40, value: (e) => e.path ?? e.item.row.url ?? '' },
    { header: 'Title', width: 40, value: (e) => e.item.row.title },
    {
      header: 'Type',
      width: 12,
      value: (e) =>
        e.item.population
          ? 'population'
          : e.item.supportOf
            ? 'population support'
            : e.item.row.kind === 'link' || e.item.row.kind === 'note'
              ? e.item.row.kind
              : 'file',
    },
    { header: 'Controls', width: 16, value: (e) => list(e.item.controls) },
    // Of those, the automated controls it is the configuration change history of (D1 item 4).
    {
      header: CHANGE_HISTORY_HEADER,
      width: 16,
      value: (e) => list(e.item.changeHistoryFor),
    },
    { header: 'Criteria', width: 16, value: (e) => list(e.item.criteria) },
    { header: 'Request IDs', width: 16, value: (e) => list(e.item.requests) },
    { header: 'Covers', width: 24, value: (e) => coverage(e.item.row) },
    { header: 'Generated', width: 12, value: (e) => e.item.row.performed_on ?? '' },
    { header: 'Collected', width: 12, value: (e) => e.item.row.collected_on ?? '' },
    {
      header: 'Source and query',
      width: 30,
      value: (e) =>
        [e.item.population?.source_system, e.item.row.source, e.item.population?.query]
          .filter((s): s is string => !!s && s.trim() !== '')
          .join(' — '),
    },
    { header: 'Provided by', width: 18, value: (e) => person(e.item.row.collector_id) },
    {
      header: 'Reviewed by',
      width: 24,
      value: (e) =>
        e.item.row.reviewer_id
          ? `${person(e.item.row.reviewer_id)}${e.item.row.reviewed_on ? ` on ${e.item.row.reviewed_on}` : ''}`
          : '',
    },
    { header: 'SHA-256', width: 66, value: (e) => sha256Of(e) },
    { header: 'Supersedes', width: 12, value: (e) => list(e.item.supersedes) },
  ];
}

type MatrixRow = PackageModel['controls'][number];

function matrixColumns(
  model: PackageModel,
  evidenceOf: Map<string, string[]>,
): Column<MatrixRow>[] {
  const person = (id: string | null) => (id ? (model.people.get(id) ?? '') : '');
  return [
    { header: 'Ref', width: 10, value: (c) => c.ref },
    { header: 'Description', width: 50, value: (c) => `${c.title}. ${c.description}`.trim() },
    { header: 'Criteria', width: 16, value: (c) => list(c.criteria) },
    { header: 'Owner', width: 18, value: (c) => person(c.owner_id) || c.owner_role },
    {
      header: 'Performer / reviewer',
      width: 24,
      value: (c) => [person(c.performer_id), person(c.reviewer_id)].filter(Boolean).join(' / '),
    },
    { header: 'Frequency', width: 12, value: (c) => c.frequency },
    { header: 'Nature', width: 12, value: (c) => c.nature },
    { header: 'Policy', width: 24, value: (c) => list(c.policies) },
    { header: 'CSOC / CUEC dependency', width: 30, value: (c) => c.vendorCuecs.join('; ') },
    { header: 'Operating since', width: 12, value: (c) => c.operating_since ?? '' },
    { header: 'Evidence IDs', width: 20, value: (c) => list(evidenceOf.get(c.ref) ?? []) },
  ];
}

async function both<T>(
  base: string,
  sheet: string,
  columns: Column<T>[],
  rows: T[],
  at: Date,
): Promise<PackageEntry[]> {
  return [
    generated(
      `${INDEX_DIR}/${base}.xlsx`,
      'index',
      await xlsxBytes([{ name: sheet, columns, rows }], at),
    ),
    generated(`${INDEX_DIR}/${base}.csv`, 'index', csvBytes(columns, rows)),
  ];
}

function evidenceByControl(placed: readonly PlacedEvidence[]): Map<string, string[]> {
  const evidenceOf = new Map<string, string[]>();
  for (const e of placed) {
    for (const c of e.item.controls)
      evidenceOf.set(c, [...(evidenceOf.get(c) ?? []), e.item.row.ref]);
  }
  return evidenceOf;
}

/** A row's digest: the values its index shows, as given (before any CSV neutralising). */
export function rowDigest<T>(columns: readonly Column<T>[], row: T): string {
  return digestOf(columns.map((c) => c.value(row)));
}

/**
 * The records the request list, the control matrix and the evidence index show without a file
 * of their own (requests, controls, links): each row by its reference, its state the digest of
 * the row as the index shows it.
 */
export function rowRecords(model: PackageModel, placed: readonly PlacedEvidence[]): EntryRecord[] {
  const requests = requestListTable(model.vault);
  const matrix = matrixColumns(model, evidenceByControl(placed));
  return [
    ...requests.rows.map((r) => ({
      kind: 'request' as const,
      id: r.ref,
      part: rowDigest(requests.columns, r),
    })),
    ...model.controls.map((c) => ({
      kind: 'control' as const,
      id: c.ref,
      part: rowDigest(matrix, c),
    })),
    ...placed
      .filter((p) => p.path === null)
      .map((p) => ({
        kind: 'evidence' as const,
        id: p.item.row.ref,
        // The change-history column counts only when set: a link exported before it existed
        // reads as unchanged in a delta (as an empty column leaves an audited state alone).
        part: rowDigest(
          evidenceColumns(model).filter(
            (c) => c.header !== CHANGE_HISTORY_HEADER || c.value(p) !== '',
          ),
          p,
        ),
      })),
  ];
}

/** In a delta, each index row says whether it is new, changed, or in an earlier package. */
function withStatus<T>(
  columns: Column<T>[],
  delta: DeltaView | null,
  kind: RecordKind,
  idOf: (row: T) => string,
): Column<T>[] {
  if (!delta) return columns;
  return [
    {
      header: 'Since previous package',
      width: 18,
      value: (row) => STATUS_LABEL[delta.status(kind, idOf(row))],
    },
    ...columns,
  ];
}

export async function indexEntries(
  model: PackageModel,
  placed: readonly PlacedEvidence[],
  delta: DeltaView | null = null,
): Promise<PackageEntry[]> {
  const at = new Date(model.contentTime);
  const requests = requestListTable(model.vault);
  const entries = [
    ...(await both(
      'evidence-index',
      'Evidence index',
      withStatus(evidenceColumns(model), delta, 'evidence', (e) => e.item.row.ref),
      [...placed],
      at,
    )),
    ...(await both<AuditRequest>(
      'request-list',
      'Request list',
      withStatus(requests.columns, delta, 'request', (r) => r.ref),
      requests.rows,
      at,
    )),
    ...(await both(
      'control-matrix',
      'Control matrix',
      withStatus(matrixColumns(model, evidenceByControl(placed)), delta, 'control', (c) => c.ref),
      model.controls,
      at,
    )),
  ];
  if (delta)
    entries.push(
      ...(await both(
        'removed-since-previous',
        'Removed since previous',
        removedColumns,
        delta.removed,
        at,
      )),
    );
  return entries;
}

type Removed = DeltaView['removed'][number];

/** What the previous package showed and this one no longer does, so the auditor knows. */
const removedColumns: Column<Removed>[] = [
  { header: 'What', width: 22, value: (r) => KIND_LABEL[r.kind] },
  { header: 'ID', width: 16, value: (r) => r.id },
  { header: 'Files in the earlier package', width: 70, value: (r) => list(r.paths) },
];
