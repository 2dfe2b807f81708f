/**
 * The request list handed back to the auditor: their own columns first, in their order and
 * spelling with their values as given, then our tracking columns. Stored in the vault like any
 * generated document.
 */
import type { AuditRequest } from '../../../shared/api/requests';
import { REQUEST_STATUS_LABELS } from '../../../shared/domain/requests';
import { listPeople } from '../../db/repos/people';
import { type GeneratedDocument, fileSlug } from '../files/generated';
import { type Column, writeCsv, writeXlsx } from '../files/tabular';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';
import { filterRequests } from './queries';
import { listImportRows } from '../../db/repos/requests';
import { linksOf } from '../../db/repos/links';
import { currentEvidence } from '../../db/repos/package';

/** A column of the auditor's: its header and which occurrence of that header (headers repeat). */
interface AuditorColumn {
  header: string;
  occurrence: number;
}

const keyOf = (header: string, occurrence: number) => `${occurrence}\u0000${header}`;

/** Columns with their occurrence numbers, in order: [["Notes", 0], ["Notes", 1]]. */
function numbered(headers: readonly string[]): AuditorColumn[] {
  const seen = new Map<string, number>();
  return headers.map((header) => {
    const occurrence = seen.get(header) ?? 0;
    seen.set(header, occurrence + 1);
    return { header, occurrence };
  });
}

/**
 * The auditor's columns the exported requests carry, in the latest file's order, then any column
 * only an older version of the list had (so values a request still carries from it are kept).
 */
function auditorColumns(vault: Vault, requests: readonly AuditRequest[]): AuditorColumn[] {
  const carried = requests.map((r) => numbered(r.auditorColumns.map((c) => c.header)));
  const present = new Set(carried.flat().map((c) => keyOf(c.header, c.occurrence)));
  const orders = listImportRows(vault.db)
    .reverse()
    .map((i) => numbered(JSON.parse(i.headers) as string[]));
  const columns: AuditorColumn[] = [];
  const added = new Set<string>();
  for (const column of [...orders, ...carried].flat()) {
    const key = keyOf(column.header, column.occurrence);
    if (!present.has(key) || added.has(key)) continue;
    added.add(key);
    columns.push(column);
  }
  return columns;
}

function valuesByColumn(r: AuditRequest): Map<string, string> {
  const cols = numbered(r.auditorColumns.map((c) => c.header));
  return new Map(cols.map((c, i) => [keyOf(c.header, c.occurrence), r.auditorColumns[i]!.value]));
}

/** The request list's rows and columns, as both the export and the audit package write them. */
export function requestListTable(vault: Vault): {
  columns: Column<AuditRequest>[];
  rows: AuditRequest[];
} {
  const requests = filterRequests(vault, { includeArchived: false });
  const people = new Map(listPeople(vault.db, true).map((p) => [p.id, p.name]));
  const values = new Map(requests.map((r) => [r.id, valuesByColumn(r)]));
  const evidenceRefs = evidenceRefsByRequest(vault);
  const personName = (id: string | null) => (id ? (people.get(id) ?? '') : '');
  const columns: Column<AuditRequest>[] = [
    ...auditorColumns(vault, requests).map((c): Column<AuditRequest> => ({
      header: c.header,
      width: 24,
      value: (r) => values.get(r.id)!.get(keyOf(c.header, c.occurrence)) ?? '',
    })),
    { header: 'Internal status', width: 16, value: (r) => REQUEST_STATUS_LABELS[r.status] },
    { header: 'Internal owner', width: 22, value: (r) => personName(r.ownerId) },
    { header: 'Internal reviewer', width: 22, value: (r) => personName(r.reviewerId) },
    { header: 'Submitted on', width: 12, value: (r) => r.submittedOn },
    {
      header: 'Evidence IDs',
      width: 16,
      value: (r) => (evidenceRefs.get(r.id) ?? []).join(', '),
    },
    { header: 'Comments', width: 10, value: (r) => r.commentCount },
  ];
  return { columns, rows: requests };
}

/** Each request's current (not superseded) evidence references, in reference order. */
function evidenceRefsByRequest(vault: Vault): Map<string, string[]> {
  const refs = new Map(currentEvidence(vault.db).map((e) => [e.id, e.ref]));
  const out = new Map<string, string[]>();
  for (const [evidenceId, requestIds] of linksOf(vault.db, 'evidence_request')) {
    const ref = refs.get(evidenceId);
    if (!ref) continue;
    for (const id of requestIds) out.set(id, [...(out.get(id) ?? []), ref]);
  }
  return out;
}

export function exportRequests(vault: Vault, format: 'csv' | 'xlsx'): GeneratedDocument {
  const { columns, rows: requests } = requestListTable(vault);
  const engagement = getEngagement(vault);
  const client = fileSlug(engagement.client || engagement.name, 'engagement');
  const fileName = `Request-List_${client}_${vault.now().slice(0, 10)}.${format}`;
  return {
    fileName,
    write: async (path) =>
      format === 'csv'
        ? writeCsv(path, columns, requests)
        : writeXlsx(path, 'Request list', columns, requests),
  };
}
