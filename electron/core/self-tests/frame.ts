/**
 * The items a self-test draws from (T, issue 18 items 1–2): a population's rows dated in the part
 * of the period tested. Shared by the plan (a re-test's size is counted over these rows), the draw
 * and the expansion (which rebuilds the same list and checks it has not changed).
 */
import { maxDate, minDate } from '../../../shared/domain/calendar';
import { type FrameItem, populationItems } from '../../../shared/domain/self-test';
import type { RawCell } from '../../../shared/domain/requests-values';
import type { EvidenceTable, PopulationTable } from '../../db/schema';
import { POPULATION_LIMITS, readStoredGrid } from '../evidence/population';
import { READ_LIMITS } from '../requests/limits';
import type { Vault } from '../vault/session';

export type Frame = (FrameItem & { row?: number })[];

export interface SampledWindow {
  start: string;
  end: string;
  /** The window is narrower than the population's: its undated rows cannot be placed in it. */
  dropUndated: boolean;
}

/**
 * The window a population is sampled over: its own window narrowed to the part of the period
 * tested — a re-test after remediation covers the rest of the period only, so rows dated before
 * the remediation are never drawn. `period` null (Type I, a cycle rather than a report period)
 * keeps the population's own window.
 */
export function sampledWindow(
  population: PopulationTable,
  period: { start: string; end: string } | null,
): SampledWindow {
  const own = { start: population.window_start, end: population.window_end };
  if (!period) return { ...own, dropUndated: false };
  const start = maxDate(own.start, period.start);
  const end = minDate(own.end, period.end);
  return { start, end, dropUndated: start !== own.start || end !== own.end };
}

export function framedGrid(
  grid: RawCell[][],
  population: PopulationTable,
  window: SampledWindow,
): Frame {
  return populationItems(grid, population.date_column, window);
}

/** The population's rows in the window, read in the parse worker (never on the calling thread). */
export async function populationFrame(
  vault: Vault,
  item: EvidenceTable,
  population: PopulationTable,
  window: SampledWindow,
  signal?: AbortSignal,
): Promise<Frame> {
  const grid = await readStoredGrid(vault, item, { ...READ_LIMITS, ...POPULATION_LIMITS }, signal);
  return framedGrid(grid, population, window);
}
