/**
 * Drawing a self-test's sample, and expanding it after a deviation (T, issue 18 items 1–2). The
 * population's rows are read in the parse worker (never on the thread answering calls); the chosen
 * rows are stored with the test, with the seed or start, who drew it and when, and the SHA-256 of
 * the population's file so a change after sampling is noticed.
 */
import { randomBytes } from 'node:crypto';
import type { SelfTestDetail } from '../../../shared/api/self-tests';
import { AttestError } from '../../../shared/api/errors';
import type { Frequency } from '../../../shared/domain/catalog';
import {
  dateOrder,
  drawRandom,
  drawSystematic,
  expandSelection,
  systematicInterval,
  systematicStart,
} from '../../../shared/domain/sample-selection';
import { occurrenceItems, seedAttributes } from '../../../shared/domain/self-test';
import { recordChange } from '../../db/audit';
import { runExpect, tx, writesFree } from '../../db/connection';
import { getEvidenceRow, getPopulationRow } from '../../db/repos/evidence';
import {
  insertItem,
  insertSelfTest,
  itemRows,
  nextSeq,
  touchSelfTest,
} from '../../db/repos/self-tests';
import type { Vault } from '../vault/session';
import { type Frame, framedGrid, populationFrame, sampledWindow } from './frame';
import { type PlanInput, requireControl, resolvePlan } from './plan';
import { getSelfTestDetail, populationChange, requireSelfTest } from './view';
import type { RawCell } from '../../../shared/domain/requests-values';

export interface DrawInput extends PlanInput {
  method?: 'random' | 'systematic' | undefined;
  seed?: string | undefined;
  start?: number | undefined;
  size?: number | undefined;
  retestOfId?: string | undefined;
}

/** Indices into the frame (file or window order) that a method chooses. */
function choose(
  frame: Frame,
  size: number,
  how: { method: 'random' | 'systematic'; seed: string; start?: number | undefined },
): { picks: number[]; start: number | null } {
  if (how.method === 'random')
    return { picks: drawRandom(frame.length, size, how.seed), start: null };
  const order = dateOrder(frame);
  const limit = Math.max(1, Math.floor(systematicInterval(frame.length, size)));
  if (how.start !== undefined && how.start >= limit) {
    throw new AttestError(
      'validation',
      `A systematic start must be below the interval, ${limit} (every ${limit} of ${frame.length} items).`,
      [{ path: ['start'], message: `Choose a start from 0 to ${limit - 1}` }],
    );
  }
  const start = how.start ?? systematicStart(frame.length, size, how.seed);
  return { picks: drawSystematic(frame.length, size, start).map((k) => order[k]!), start };
}

/** Sampled items in date order (then frame order), so the grid reads through the period. */
function inDateOrder(frame: Frame, picks: readonly number[]): number[] {
  return [...picks].sort((a, b) => {
    const da = frame[a]!.date ?? '9999';
    const db = frame[b]!.date ?? '9999';
    return da === db ? a - b : da < db ? -1 : 1;
  });
}

/**
 * Refuses a draw that cannot happen — an unknown control or population, a re-test of another
 * control's test, nothing to draw from — before any job starts. Answers the resolved plan.
 */
export function checkDrawable(vault: Vault, input: DrawInput) {
  const resolved = resolvePlan(vault, input);
  const { plan, control } = resolved;
  if (input.retestOfId) {
    const old = requireSelfTest(vault, input.retestOfId);
    if (old.control_id !== control.id)
      throw new AttestError('validation', `${old.ref} is a test of another control.`, [
        { path: ['retestOfId'], message: 'Choose a test of this control' },
      ]);
  }
  if (plan.mode === 'needs_population' || plan.mode === 'none') {
    throw new AttestError(
      'validation',
      `${plan.basis}${plan.notes.length ? ` ${plan.notes.join(' ')}` : ''}`,
    );
  }
  const n = plan.populationSize;
  if (input.size !== undefined && n !== null && input.size > n) {
    throw new AttestError(
      'validation',
      `The population has ${n} items to sample from; choose at most that many.`,
      [{ path: ['size'], message: `At most ${n}` }],
    );
  }
  return resolved;
}

export async function drawSample(
  vault: Vault,
  input: DrawInput,
  /** `writtenGrid`: the population's rows when the caller wrote its file (see recordPopulation). */
  options: { signal?: AbortSignal; writtenGrid?: RawCell[][] } = {},
): Promise<SelfTestDetail> {
  const resolved = checkDrawable(vault, input);
  const { control, population, window } = resolved;

  const frame: Frame =
    population && window
      ? options.writtenGrid
        ? framedGrid(options.writtenGrid, population.row, window)
        : await populationFrame(vault, population.item, population.row, window, options.signal)
      : resolved.windows!;
  // Sized over the rows actually in the part of the period tested (a re-test counts fewer).
  const plan = population ? resolved.planFor(frame.length) : resolved.plan;
  if (frame.length === 0 && population && window?.dropUndated) {
    throw new AttestError(
      'validation',
      `No row of ${population.item.ref} is dated ${window.start} to ${window.end}: a re-test needs a population covering the rest of the period.`,
    );
  }
  const size = Math.min(input.size ?? plan.size, frame.length);
  if (frame.length === 0 || size === 0) throw new AttestError('validation', plan.basis);
  if (input.size !== undefined && input.size > frame.length) {
    throw new AttestError(
      'validation',
      `The population has ${frame.length} items to sample from; choose at most that many.`,
      [{ path: ['size'], message: `At most ${frame.length}` }],
    );
  }
  const seed = input.seed || randomBytes(8).toString('hex');
  const method = input.method ?? 'random';
  // Type I walks through the most recent instance; otherwise the method chooses.
  const walkthroughOfWindow = plan.mode === 'walkthrough' && !population;
  const { picks, start } = walkthroughOfWindow
    ? { picks: [frame.length - 1], start: method === 'systematic' ? frame.length - 1 : null }
    : choose(frame, size, { method, seed, start: input.start });

  await writesFree(vault.db);
  if (options.signal?.aborted) throw new AttestError('cancelled', 'Cancelled; nothing was saved');
  const id = tx(vault.db, () => {
    requireControl(vault, control.id);
    const now = vault.now();
    const seq = nextSeq(vault.db, 'self_test');
    const testId = vault.ids.next('tst');
    const kind =
      plan.mode === 'walkthrough' || plan.mode === 'automated' || plan.mode === 'test_all'
        ? plan.mode
        : size >= frame.length
          ? 'test_all'
          : 'sample';
    insertSelfTest(vault.db, {
      id: testId,
      seq,
      ref: `ST-${seq}`,
      control_id: control.id,
      kind,
      source: population ? 'population' : 'occurrences',
      population_id: population?.item.id ?? null,
      population_sha256: population?.item.file_sha256 ?? null,
      population_size: frame.length,
      completeness_missing: plan.completenessMissing ? 1 : 0,
      method,
      seed,
      start,
      period_start: plan.period.start,
      period_end: plan.period.end,
      planned_size: plan.size,
      size_basis:
        input.size !== undefined && input.size !== plan.size
          ? `${plan.basis} The user chose ${input.size}.`
          : plan.basis,
      size_table: JSON.stringify({ name: plan.tableName, source: plan.guidanceSource }),
      retest_of_id: input.retestOfId ?? null,
      drawn_by: vault.actor(),
      drawn_at: now,
      created_at: now,
      updated_at: now,
    });
    recordChange(vault, {
      action: 'create',
      entity: 'self_test',
      entityId: testId,
      payload: { controlId: control.id, method, seed, start, size: picks.length },
    });
    insertItems(vault, testId, frame, inDateOrder(frame, picks), 0, 1);
    seedAttributes(JSON.parse(control.test_attributes) as string[], control.test_procedure).forEach(
      (text, i) => {
        const attributeId = vault.ids.next('tsa');
        runExpect(
          vault.db,
          vault.db.qb
            .insertInto('self_test_attribute')
            .values({ id: attributeId, test_id: testId, position: i + 1, text }),
        );
        recordChange(vault, {
          action: 'create',
          entity: 'self_test_attribute',
          entityId: attributeId,
        });
      },
    );
    return testId;
  });
  return getSelfTestDetail(vault, id);
}

function insertItems(
  vault: Vault,
  testId: string,
  frame: Frame,
  picks: readonly number[],
  round: number,
  firstPosition: number,
): void {
  picks.forEach((index, k) => {
    const f = frame[index]!;
    const itemId = vault.ids.next('tsi');
    insertItem(vault.db, {
      id: itemId,
      test_id: testId,
      position: firstPosition + k,
      round,
      source_index: index,
      source_row: f.row ?? null,
      label: f.label,
      item_date: f.date,
      data: JSON.stringify(f.data),
    });
    recordChange(vault, { action: 'create', entity: 'self_test_item', entityId: itemId });
  });
}

/**
 * Expands a sample after a deviation to the next size of the table's ladder, keeping every item
 * already tested (a random sample continues its own draw). Refused for low-frequency controls, for
 * a test without a deviation, and when the population changed since the sample was drawn.
 */
export async function expandSample(
  vault: Vault,
  id: string,
  options: { signal?: AbortSignal } = {},
): Promise<SelfTestDetail> {
  const t = requireSelfTest(vault, id);
  const detail = getSelfTestDetail(vault, id);
  if (!detail.expansion.allowed || detail.expansion.to === null) {
    throw new AttestError('conflict', detail.expansion.reason);
  }
  const changed = populationChange(vault, t);
  if (changed) throw new AttestError('conflict', changed);
  const control = requireControl(vault, t.control_id);
  const period = { start: t.period_start, end: t.period_end };
  let frame: Frame;
  if (t.population_id) {
    const item = getEvidenceRow(vault.db, t.population_id)!;
    const population = getPopulationRow(vault.db, item.id)!;
    const window = sampledWindow(population, period);
    frame = await populationFrame(vault, item, population, window, options.signal);
  } else {
    // The windows the test itself was drawn over: an automated control whose ITGCs failed was
    // sampled like a manual one (plan.ts), whatever its ITGCs say now; only a test of its
    // configuration ('automated', never expanded) has the single window.
    const nature = t.kind === 'automated' ? 'automated' : 'manual';
    frame = occurrenceItems(control.frequency as Frequency, nature, period) ?? [];
  }
  if (frame.length !== t.population_size) {
    throw new AttestError(
      'conflict',
      `The items this sample was drawn from have changed (${t.population_size} then, ${frame.length} now): draw a new sample.`,
    );
  }
  const items = itemRows(vault.db, id);
  const added = expandSelection(
    frame.length,
    items.map((i) => i.source_index),
    detail.expansion.to,
    { method: t.method, seed: t.seed },
  );
  await writesFree(vault.db);
  if (options.signal?.aborted) throw new AttestError('cancelled', 'Cancelled; nothing was saved');
  tx(vault.db, () => {
    const round = Math.max(...items.map((i) => i.round)) + 1;
    insertItems(vault, id, frame, inDateOrder(frame, added), round, items.length + 1);
    touchSelfTest(vault.db, id, vault.now());
    recordChange(vault, {
      action: 'update',
      entity: 'self_test',
      entityId: id,
      payload: { expandedTo: detail.expansion.to, round },
    });
  });
  return getSelfTestDetail(vault, id);
}
