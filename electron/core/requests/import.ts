/**
 * Previewing and importing an auditor's request list. Reading the file and matching its rows
 * against the vault's criteria, controls and people — the work that grows with the file — happen
 * first, on a worker thread (`read-file.ts`), outside any transaction; planning and writing then
 * run in one short transaction, so an import is all or nothing and plans against the vault as it
 * is at that moment. If the vault's people, controls or scope changed while the file was read,
 * the import is refused rather than written against what they were.
 */
import { AttestError } from '../../../shared/api/errors';
import {
  type ImportPreview,
  type ImportSummary,
  PREVIEW_ROWS,
  type RequestMapping,
} from '../../../shared/api/requests';
import type { DateOrder } from '../../../shared/domain/requests-dates';
import type { RowProblem } from '../../../shared/domain/requests-rows';
import { mappingOf, unplacedHeaders } from '../../../shared/domain/requests-sheet';
import { yieldingTx } from '../../db/connection';
import type { Vault } from '../vault/session';
import { applyPlan } from './apply';
import type { RequestListReading } from './interpret';
import { requestLookupData } from './lookups';
import { type PlannedRow, countOutcomes, planRows } from './plan';
import { type InterpretedFile, readRequestList } from './read-file';
import { importedCommentBodies, listRequestRows } from '../../db/repos/requests';
import { requestLinksOf } from './links';

export interface ImportRequest {
  path: string;
  fileName: string;
  mapping?: RequestMapping | undefined;
  dateOrder?: DateOrder | undefined;
}

interface Planned {
  reading: RequestListReading;
  planned: PlannedRow[];
  problems: RowProblem[];
}

/** Synchronous: decide every row's outcome against the vault's requests. */
function plan(vault: Vault, reading: RequestListReading): Planned {
  const existing = new Map(listRequestRows(vault.db, true).map((r) => [r.ref, r]));
  const { planned, problems } = planRows(
    reading.rows,
    existing,
    requestLinksOf(vault),
    importedCommentBodies(vault.db),
  );
  // In reading order: by row, then by column (row-level problems last).
  const column = (p: RowProblem) =>
    p.column === undefined ? Number.MAX_SAFE_INTEGER : reading.headers.indexOf(p.column);
  const all = [...reading.problems, ...problems].sort(
    (a, b) => a.row - b.row || column(a) - column(b),
  );
  return { reading, planned, problems: all };
}

function summaryOf(
  fileName: string,
  file: InterpretedFile,
  { reading, planned, problems }: Planned,
) {
  const { headers } = reading;
  return {
    fileName,
    sheet: reading.sheet,
    headerRow: reading.headerIndex + 1,
    headers,
    // The layout always has the request-number column, so `ref` is there.
    mapping: mappingOf(headers, reading.columns) as RequestMapping,
    guessed: reading.guessed,
    unplacedHeaders: unplacedHeaders(headers, reading.columns),
    dateOrder: reading.dateOrder,
    totalRows: reading.totalRows,
    counts: countOutcomes(planned, problems),
    problems,
    warnings: file.warnings,
  };
}

/** What an import of this file would do. Saves nothing. */
export async function previewImport(vault: Vault, request: ImportRequest): Promise<ImportPreview> {
  const file = await readRequestList(
    request.path,
    request.fileName,
    { mapping: request.mapping, dateOrder: request.dateOrder },
    requestLookupData(vault),
  );
  const planned = plan(vault, file.reading);
  return {
    ...summaryOf(request.fileName, file, planned),
    rows: planned.planned.slice(0, PREVIEW_ROWS).map(({ parsed: p, outcome }) => ({
      row: p.row,
      outcome,
      ref: p.ref,
      description: p.description,
      type: p.type,
      wave: p.wave,
      criteria: p.criteria,
      controlIds: p.controlIds,
      period: p.period,
      ownerId: p.ownerId,
      ownerText: p.ownerText,
      dueOn: p.dueOn,
      comments: p.comments,
      extraColumns: p.extraColumns.map(([header, value]) => ({ header, value })),
    })),
  };
}

/**
 * Imports the file: new requests are created, known ones (by reference) updated, rows with
 * errors skipped and reported. The import itself is recorded with its headers, mapping and counts.
 */
export async function importRequests(
  vault: Vault,
  request: ImportRequest,
  signal?: AbortSignal,
): Promise<ImportSummary> {
  const lookups = requestLookupData(vault);
  const options = { mapping: request.mapping, dateOrder: request.dateOrder };
  const file = await readRequestList(request.path, request.fileName, options, lookups, {
    signal,
  }).catch((e: unknown) => {
    if (e instanceof AttestError && e.code === 'cancelled')
      throw new AttestError('cancelled', 'Cancelled; nothing was imported');
    throw e;
  });
  if (signal?.aborted) throw new AttestError('cancelled', 'Cancelled; nothing was imported');
  // One transaction, all or nothing, that lets other calls answer while it writes.
  return yieldingTx(
    vault.db,
    async (pause) => {
      if (JSON.stringify(requestLookupData(vault)) !== JSON.stringify(lookups)) {
        throw new AttestError(
          'conflict',
          'People, controls or the scope changed while the request list was being read; nothing ' +
            'was imported. Import it again.',
        );
      }
      const planned = plan(vault, file.reading);
      const summary = summaryOf(request.fileName, file, planned);
      await pause();
      const { importId, importedAt } = await applyPlan(
        vault,
        {
          fileName: request.fileName,
          sha256: file.sha256,
          summary,
          planned: planned.planned,
        },
        pause,
      );
      return { ...summary, importId, importedAt };
    },
    signal,
  ).catch((e: unknown) => {
    if (e instanceof AttestError && e.code === 'cancelled')
      throw new AttestError('cancelled', 'Cancelled; nothing was imported');
    throw e;
  });
}
