/**
 * What a self-test of a control will draw from and how many items (T, issue 18 items 1–2): the
 * control's population (the newest current one linked to it, or one named) or its occurrence
 * windows, the part of the period tested, and the size the sample-size table gives.
 */
import type { SamplePlan } from '../../../shared/api/self-tests';
import { AttestError } from '../../../shared/api/errors';
import type { Frequency, Nature } from '../../../shared/domain/catalog';
import { addDays, addMonths } from '../../../shared/domain/calendar';
import { type SampleSizeTable, recommendSampleSize } from '../../../shared/domain/sample-size';
import { type FrameItem, occurrenceItems } from '../../../shared/domain/self-test';
import { all } from '../../db/connection';
import { getControlRow } from '../../db/repos/controls';
import { getEvidenceRow, getPopulationRow } from '../../db/repos/evidence';
import { linkedTo } from '../../db/repos/links';
import type { ControlTable, EvidenceTable, PopulationTable } from '../../db/schema';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';
import { sizeTableOf } from './size-table';
import { itgcStates } from '../gaps/control-evidence';
import { type SampledWindow, populationFrame, sampledWindow } from './frame';

export interface PlanInput {
  controlId: string;
  populationId?: string | undefined;
  fromOccurrences?: boolean | undefined;
  level?: 'low' | 'high' | undefined;
  from?: string | undefined;
}

export function requireControl(vault: Vault, id: string): ControlTable {
  const row = getControlRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No control ${id} in this vault`);
  return row;
}

/** The period a test covers: the report period (from a date, for a re-test), or Type I's cycle. */
export function testPeriod(vault: Vault, from?: string): { start: string; end: string } {
  const e = getEngagement(vault);
  if (e.reportType === 'type1') {
    if (!e.asOf) throw new AttestError('validation', 'Set the as-of date of the report first.');
    return { start: addDays(addMonths(e.asOf, -12), 1), end: e.asOf };
  }
  if (!e.period) throw new AttestError('validation', 'Set the report period first.');
  if (from !== undefined && (from < e.period.start || from > e.period.end)) {
    throw new AttestError(
      'validation',
      `A re-test covers part of the period ${e.period.start} to ${e.period.end}: choose a date within it.`,
      [{ path: ['from'], message: 'Choose a date within the period' }],
    );
  }
  return { start: from ?? e.period.start, end: e.period.end };
}

/** The newest current population linked to a control, if any. */
function linkedPopulation(vault: Vault, controlId: string): EvidenceTable | undefined {
  return all(
    vault.db,
    vault.db.qb
      .selectFrom('evidence_control as l')
      .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
      .innerJoin('population as p', 'p.evidence_id', 'e.id')
      .selectAll('e')
      .where('l.control_id', '=', controlId)
      .where('e.superseded_by_id', 'is', null)
      .orderBy('e.seq', 'desc')
      .limit(1),
  )[0];
}

export interface ResolvedPlan {
  plan: SamplePlan;
  control: ControlTable;
  population: { item: EvidenceTable; row: PopulationTable } | null;
  /** The population's window narrowed to the part of the period tested (null for windows). */
  window: SampledWindow | null;
  /** Occurrence windows to draw from (null when drawing from a population). */
  windows: FrameItem[] | null;
  table: SampleSizeTable;
  reportType: 'type1' | 'type2';
  /** The plan sized over `n` items: the rows a draw actually finds in the window. */
  planFor(n: number | null): SamplePlan;
}

export function resolvePlan(vault: Vault, input: PlanInput): ResolvedPlan {
  const control = requireControl(vault, input.controlId);
  const e = getEngagement(vault);
  const period = testPeriod(vault, input.from);
  const { table } = sizeTableOf(vault);
  const frequency = control.frequency as Frequency;
  const nature = control.nature as Nature;
  const notes: string[] = [];

  let population: ResolvedPlan['population'] = null;
  if (input.populationId) {
    const item = getEvidenceRow(vault.db, input.populationId);
    const row = item && getPopulationRow(vault.db, item.id);
    if (!item) throw new AttestError('not_found', `No evidence item ${input.populationId}`);
    if (!row) {
      throw new AttestError(
        'validation',
        `${item.ref} is not recorded as a population: record it as one first.`,
        [{ path: ['populationId'], message: 'Choose a population' }],
      );
    }
    population = { item, row };
  } else if (!input.fromOccurrences) {
    const item = linkedPopulation(vault, control.id);
    if (item) population = { item, row: getPopulationRow(vault.db, item.id)! };
  }

  // An automated control is tested once only while the ITGCs it relies on are met (D1).
  const itgcs =
    nature === 'automated' ? itgcStates(vault, [control.id]).get(control.id) : undefined;
  if (itgcs === 'failing') {
    notes.push(
      'The IT general controls this automated control relies on are not met: it must be sampled like a manual control until they are.',
    );
  } else if (itgcs === 'unknown' && e.reportType === 'type2') {
    notes.push(
      'Tested once only if the IT general controls it relies on are effective: link them to the control (change management, logical access) so their state counts.',
    );
  }
  let windows: FrameItem[] | null = null;
  let populationSize: number | null;
  let completenessMissing = false;
  const window = population
    ? sampledWindow(population.row, e.reportType === 'type2' ? period : null)
    : null;
  if (population && window) {
    // Exact unless the window is narrowed: then `planOverPeriod` counts the rows in it.
    populationSize = population.row.row_count - population.row.rows_outside;
    completenessMissing = linkedTo(vault.db, 'population_support', population.item.id).length === 0;
    if (completenessMissing) {
      notes.push(
        `${population.item.ref} has no completeness and accuracy evidence (the query, its parameters, a reconciliation): an auditor will not rely on a sample from it until it has.`,
      );
    }
    if (population.item.superseded_by_id) {
      notes.push(`${population.item.ref} has been superseded: draw from its replacement.`);
    }
    if (population.row.rows_outside > 0) {
      notes.push(
        `${population.row.rows_outside} row${population.row.rows_outside === 1 ? ' is' : 's are'} dated outside the population's window and will not be sampled.`,
      );
    }
    if (window.dropUndated) {
      notes.push(
        `Tested over ${window.start} to ${window.end}: only the population's rows dated in it are sampled and counted for the size (undated rows are left out: they cannot be placed in it).`,
      );
    }
  } else if (e.reportType === 'type1') {
    windows = [
      {
        label: `${period.start} to ${period.end}`,
        date: period.end,
        data: { start: period.start, end: period.end },
      },
    ];
    populationSize = 1;
  } else {
    // Sampled like a manual control when its ITGCs fail: over its own occurrences.
    windows = occurrenceItems(frequency, itgcs === 'failing' ? 'manual' : nature, period);
    populationSize = windows?.length ?? null;
  }

  const nothingToDrawFrom = !population && windows === null;
  if (nothingToDrawFrom) {
    notes.push(
      'A per-event or continuous control is sampled from its population: record one (drawn from the system that triggers the control) and link it to the control.',
    );
  }
  const planFor = (n: number | null): SamplePlan => {
    const size = recommendSampleSize({
      // No population and no windows (per event, or a manual continuous control): whatever the
      // frequency, it is sampled from a population, so it sizes as per event without one.
      frequency: nothingToDrawFrom ? 'per_event' : frequency,
      nature,
      reportType: e.reportType,
      populationSize: n,
      itgcs,
      level: input.level ?? 'low',
      table,
    });
    return {
      controlId: control.id,
      drawFrom: population ? 'population' : 'occurrences',
      populationId: population?.item.id ?? null,
      populationSize: n,
      mode: size.mode,
      size: size.size,
      range: size.range,
      basis: size.basis,
      tableName: size.tableName,
      guidanceSource: size.source,
      completenessMissing,
      period,
      notes,
    };
  };
  return {
    control,
    population,
    window,
    windows,
    table,
    reportType: e.reportType,
    plan: planFor(populationSize),
    planFor,
  };
}

/**
 * The plan a screen or the CLI shows: when the part of the period tested is narrower than the
 * population's window (a re-test from a date), the rows in it are read (in the parse worker) and
 * the size is counted over them, as the draw will; otherwise the recorded count is exact.
 */
export async function planOverPeriod(
  vault: Vault,
  input: PlanInput,
  signal?: AbortSignal,
): Promise<SamplePlan> {
  const resolved = resolvePlan(vault, input);
  const { population, window } = resolved;
  if (!population || !window?.dropUndated) return resolved.plan;
  const frame = await populationFrame(vault, population.item, population.row, window, signal);
  return resolved.planFor(frame.length);
}
