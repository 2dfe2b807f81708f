import type { Population } from '../../../shared/api/evidence';
import { populationNotes } from '../../../shared/domain/population';
import { getPopulationRow } from '../../db/repos/evidence';
import { linkedTo } from '../../db/repos/links';
import type { Vault } from '../vault/session';

/** An item's population as the contract shows it, or null when it is not one. */
export function toPopulation(vault: Vault, evidenceId: string): Population | null {
  const row = getPopulationRow(vault.db, evidenceId);
  if (!row) return null;
  const window = { start: row.window_start, end: row.window_end };
  return {
    evidenceId,
    sourceSystem: row.source_system,
    query: row.query,
    parameters: row.parameters,
    ranAt: row.ran_at,
    completeness: row.completeness,
    dateColumn: row.date_column,
    window,
    rowCount: row.row_count,
    rowsOutside: row.rows_outside,
    rowsUndated: row.rows_undated,
    outsideSample: JSON.parse(row.outside_sample) as Population['outsideSample'],
    supportIds: linkedTo(vault.db, 'population_support', evidenceId),
    notes: populationNotes(
      { rowCount: row.row_count, rowsOutside: row.rows_outside, rowsUndated: row.rows_undated },
      row.date_column,
      window,
    ),
    readAt: row.read_at,
  };
}
