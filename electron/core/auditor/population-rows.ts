/**
 * A population's rows as auditor mode shows them, read from the package with the reader D1 uses
 * for populations (the hostile-file worker and its limits). Each row is named by a stable key,
 * `row-<n>`, n being its row number as a spreadsheet shows it (the header is usually row 1): the
 * same file always gives the same keys, and the consultant finds a picked row by its number.
 *
 * The package does not say which column dates a row, so it is recognised: the column whose
 * filled cells all (at least 90%) read as dates, preferring one whose header says it is a date
 * or time. Without one, no row is flagged as outside the window.
 */
import { rmSync } from 'node:fs';
import type { PopulationRows } from '../../../shared/api/methods/auditor';
import type { ManifestFile } from '../../../shared/domain/package/manifest';
import { cellDate } from '../../../shared/domain/population';
import { decideDateOrder } from '../../../shared/domain/requests-dates';
import { cellText } from '../../../shared/domain/requests-sheet';
import type { RawCell } from '../../../shared/domain/requests-values';
import { POPULATION_LIMITS } from '../evidence/population';
import { READ_LIMITS } from '../requests/limits';
import { readSpreadsheet } from '../requests/read-file';
import { servingDir } from './files';
import { extractListedFile } from './package-read';
import type { AuditorSession } from './session';

export interface PopulationTable {
  columns: string[];
  dateColumn: string | null;
  rows: { row: number; cells: string[]; date: string | null }[];
}

/** Populations kept read at once: paging through one, and another beside it. */
const KEPT = 3;

const blank = (c: RawCell) => c === null || (typeof c === 'string' && c.trim() === '');
const DATE_HEADER = /date|time|when|day|(^|[\s_])(at|on)$/i;

function dateColumnOf(headers: string[], rows: readonly (readonly RawCell[])[]): number {
  const candidates: number[] = [];
  headers.forEach((h, i) => {
    if (!h) return;
    const filled = rows.map((r) => r[i] ?? null).filter((c) => !blank(c));
    if (filled.length === 0) return;
    const { order } = decideDateOrder(filled.map((c) => cellText(c)));
    const dated = filled.filter((c) => cellDate(c, order) !== null).length;
    if (dated / filled.length >= 0.9) candidates.push(i);
  });
  return candidates.find((i) => DATE_HEADER.test(headers[i]!)) ?? candidates[0] ?? -1;
}

/** The grid as a table: the first row with anything in it is the header. */
export function tableOf(grid: readonly (readonly RawCell[])[]): PopulationTable {
  const headerIndex = grid.findIndex((row) => row.some((c) => !blank(c)));
  if (headerIndex < 0) return { columns: [], dateColumn: null, rows: [] };
  const columns = grid[headerIndex]!.map((c) => cellText(c).trim());
  const data: { row: number; cells: readonly RawCell[] }[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    if (grid[i]!.some((c) => !blank(c))) data.push({ row: i + 1, cells: grid[i]! });
  }
  const column = dateColumnOf(
    columns,
    data.map((d) => d.cells),
  );
  const order =
    column < 0 ? 'mdy' : decideDateOrder(data.map((d) => cellText(d.cells[column] ?? null))).order;
  return {
    columns,
    dateColumn: column < 0 ? null : columns[column]!,
    rows: data.map((d) => ({
      row: d.row,
      cells: columns.map((_, i) => cellText(d.cells[i] ?? null)),
      date: column < 0 ? null : cellDate(d.cells[column] ?? null, order),
    })),
  };
}

async function readTable(
  session: AuditorSession,
  home: string,
  file: ManifestFile,
): Promise<PopulationTable> {
  const copy = await extractListedFile(session.path, file, servingDir(home));
  try {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const read = await readSpreadsheet(copy, name, {
      limits: { ...READ_LIMITS, ...POPULATION_LIMITS },
    });
    return tableOf(read.sheets[0]?.grid ?? []);
  } finally {
    rmSync(copy, { force: true });
  }
}

/** The population's table, read once while it is among the last few read. */
export function populationTable(
  session: AuditorSession,
  home: string,
  file: ManifestFile,
): Promise<PopulationTable> {
  const id = file.evidenceId ?? file.path;
  let table = session.populations.get(id);
  if (table) {
    session.populations.delete(id); // most recent last
  } else {
    table = readTable(session, home, file);
    table.catch(() => session.populations.delete(id));
  }
  session.populations.set(id, table);
  while (session.populations.size > KEPT) {
    session.populations.delete(session.populations.keys().next().value!);
  }
  return table;
}

export async function countRows(
  session: AuditorSession,
  home: string,
  file: ManifestFile,
): Promise<{ rows: number; dateColumn: string | null }> {
  const t = await populationTable(session, home, file);
  return { rows: t.rows.length, dateColumn: t.dateColumn };
}

/** One page of the rows matching `search` (any cell containing it, case ignored). */
export function pageOf(
  table: PopulationTable,
  window: { start: string; end: string } | null,
  page: { offset?: number; limit?: number; search?: string },
): PopulationRows {
  const needle = page.search?.trim().toLowerCase() ?? '';
  const matching = needle
    ? table.rows.filter((r) => r.cells.some((c) => c.toLowerCase().includes(needle)))
    : table.rows;
  const offset = page.offset ?? 0;
  const limit = page.limit ?? 100;
  return {
    columns: table.columns,
    dateColumn: table.dateColumn,
    total: matching.length,
    rows: matching.slice(offset, offset + limit).map((r) => ({
      key: `row-${r.row}`,
      cells: r.cells,
      outsideWindow:
        window !== null && r.date !== null && (r.date < window.start || r.date > window.end),
    })),
  };
}
