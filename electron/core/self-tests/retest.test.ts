import { describe, expect, it } from 'vitest';
import { setCellInput } from '../../../shared/api/self-tests';
import { terminationDate, withPopulation } from '../../testing/self-test-vaults';
import { tempDir } from '../../testing/tmp';
import { newScopedTestVault } from '../../testing/vaults';
import { listControls, updateControl } from '../scope/controls';
import type { Vault } from '../vault/session';
import { drawSample, expandSample } from './draw';
import { setCell, updateDeviation } from './grid';
import { planOverPeriod } from './plan';
import { worksheetBook } from './worksheet';

const cell = (vault: Vault, v: Record<string, unknown>) => setCell(vault, setCellInput.parse(v));

/** Fails the first attribute of a test's first item: a deviation, so the sample may expand. */
function failFirst(vault: Vault, t: Awaited<ReturnType<typeof drawSample>>) {
  return cell(vault, {
    testId: t.id,
    itemId: t.items[0]!.id,
    attributeId: t.attributes[0]!.id,
    result: 'fail',
  });
}

/** The items dated (or, for a window, starting) before `from`, or undated: none in a re-test. */
const notOnOrAfter = (
  from: string,
  items: { date: string | null; data: Record<string, string> }[],
) =>
  items.filter(
    (i) => i.date === null || i.date < from || (i.data.start !== undefined && i.data.start < from),
  );

describe('a re-test over the rest of the period (T item 1)', () => {
  it('from a population: only rows dated on or after the date are drawn, and the size counts them', async () => {
    const { vault, control } = await withPopulation({ undated: 3 });
    const from = '2026-04-01';
    // 121 of the 300 dated rows fall on or after 1 April: per event 53–250 → 20–40.
    const inPart = Array.from({ length: 300 }, (_, k) => terminationDate(k + 1)).filter(
      (d) => d >= from,
    ).length;
    expect(inPart).toBe(121);

    // The first test covers the whole window: 300 dated rows and the 3 undated, 25–60.
    const whole = await planOverPeriod(vault, { controlId: control.id });
    expect(whole).toMatchObject({ populationSize: 303, size: 25 });
    const first = await drawSample(vault, { controlId: control.id, seed: 'first' });
    expect(first.populationSize).toBe(303);
    const failed = failFirst(vault, first);
    updateDeviation(vault, failed.deviation!.id, { remediatedOn: from });

    const plan = await planOverPeriod(vault, { controlId: control.id, from });
    expect(plan).toMatchObject({
      populationSize: 121,
      size: 20,
      range: { min: 20, max: 40 },
      period: { start: from, end: '2026-06-30' },
    });
    expect(plan.notes.join(' ')).toMatch(/undated rows are left out/);

    const again = await drawSample(vault, {
      controlId: control.id,
      from,
      retestOfId: first.id,
      seed: 'again',
    });
    expect(again).toMatchObject({
      kind: 'sample',
      populationSize: 121,
      plannedSize: 20,
      sampleSize: 20,
      period: { start: from, end: '2026-06-30' },
    });
    expect(again.sizeBasis).toMatch(/^Per event, 53–250 items/);
    expect(notOnOrAfter(from, again.items)).toEqual([]);

    // Systematic, at the top of the range: 40 spread over the rest of the period only.
    const spread = await drawSample(vault, {
      controlId: control.id,
      from,
      level: 'high',
      method: 'systematic',
      start: 0,
    });
    expect(spread.items).toHaveLength(40);
    expect(notOnOrAfter(from, spread.items)).toEqual([]);

    // Expanding the re-test after a deviation rebuilds the same rows: still none before the date.
    failFirst(vault, again);
    const grown = await expandSample(vault, again.id);
    expect(grown.items).toHaveLength(40);
    expect(notOnOrAfter(from, grown.items)).toEqual([]);

    // The worksheet names the test repeated by its reference, not its id.
    const facts = worksheetBook(vault, again.id, '2026-07-01').sheets[0]!.rows as [
      string,
      unknown,
    ][];
    expect(facts.find(([k]) => k === 'Re-test of')?.[1]).toMatch(
      /^ST-1 \(drawn \d{4}-\d\d-\d\d\)$/,
    );
  });

  it('from occurrence windows: every window re-tested starts on or after the date', async () => {
    const vault = await newScopedTestVault(tempDir());
    const [daily, monthly] = listControls(vault, { includeArchived: false, limit: 1000 }).items;
    updateControl(vault, daily!.id, { frequency: 'daily', nature: 'manual' });
    updateControl(vault, monthly!.id, { frequency: 'monthly', nature: 'manual' });

    // 1 May to 30 June: 61 days, daily 20–40.
    const plan = await planOverPeriod(vault, { controlId: daily!.id, from: '2026-05-01' });
    expect(plan).toMatchObject({ drawFrom: 'occurrences', populationSize: 61, size: 20 });
    const days = await drawSample(vault, { controlId: daily!.id, from: '2026-05-01', seed: 'd' });
    expect(days).toMatchObject({ populationSize: 61, sampleSize: 20 });
    expect(notOnOrAfter('2026-05-01', days.items)).toEqual([]);

    // From 15 April: the half-month left of April counts as a window, then May and June.
    const months = await drawSample(vault, {
      controlId: monthly!.id,
      from: '2026-04-15',
      seed: 'm',
    });
    expect(months).toMatchObject({ populationSize: 3, sampleSize: 2 });
    expect(notOnOrAfter('2026-04-15', months.items)).toEqual([]);

    // A date outside the period is refused before anything is drawn.
    await expect(
      planOverPeriod(vault, { controlId: daily!.id, from: '2025-12-31' }),
    ).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('an automated control whose IT general controls fail (T item 2)', () => {
  it('is expanded over the daily windows it was sampled from, like a manual control', async () => {
    const vault = await newScopedTestVault(tempDir());
    const auto = listControls(vault, { includeArchived: false, limit: 1000 }).items.find(
      (c) => c.ref === 'AC-01',
    )!;
    // The library has it rely on ITGCs none of which is met yet: sampled over its 181 days.
    updateControl(vault, auto.id, { frequency: 'daily', nature: 'automated' });
    const t = await drawSample(vault, { controlId: auto.id, seed: 'itgc' });
    expect(t).toMatchObject({ kind: 'sample', populationSize: 181, sampleSize: 20 });
    failFirst(vault, t);
    const grown = await expandSample(vault, t.id);
    expect(grown.items).toHaveLength(40);
    expect(grown.items.slice(0, 20).map((i) => i.id)).toEqual(t.items.map((i) => i.id));
    expect(new Set(grown.items.map((i) => i.sourceIndex)).size).toBe(40);
  });
});
