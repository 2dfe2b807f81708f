import { type Locator, expect } from '@playwright/test';

/*
 * The shared DataTable draws only the rows in view (and a few more), inside its own scrolling
 * box (`<testId>-viewport`). A page model that looks for a row, or reads every row, scrolls that
 * box the way a user would.
 */

/** Two frames: the virtualiser draws the rows a scroll brought into view. */
async function settle(viewport: Locator) {
  await viewport.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

interface Position {
  top: number;
  height: number;
  end: number;
}
const position = (viewport: Locator) =>
  viewport.evaluate((el): Position => ({
    top: el.scrollTop,
    height: el.clientHeight,
    end: el.scrollHeight,
  }));

async function scrollBy(viewport: Locator, by: number) {
  await viewport.evaluate((el, px) => (el.scrollTop += px), by);
  await settle(viewport);
}

/** Scrolls the table from its top until `row` is drawn, and brings it into view. */
export async function scrollToRow(viewport: Locator, row: Locator): Promise<Locator> {
  await viewport.evaluate((el) => (el.scrollTop = 0));
  await settle(viewport);
  for (;;) {
    if ((await row.count()) > 0) {
      await row.first().scrollIntoViewIfNeeded();
      return row.first();
    }
    const at = await position(viewport);
    if (at.top + at.height >= at.end - 1) break;
    await scrollBy(viewport, Math.max(1, Math.floor(at.height * 0.8)));
  }
  await expect(row, 'a row the table never drew, scrolled from top to bottom').toHaveCount(1);
  return row.first();
}

/**
 * `attribute` of every row, top to bottom, read by scrolling the table through; also the most
 * rows drawn at any one time (the table keeps that bounded).
 */
export async function readAllRows(
  viewport: Locator,
  attribute: string,
): Promise<{ values: string[]; mostDrawn: number }> {
  const byIndex = new Map<number, string>();
  let mostDrawn = 0;
  await viewport.evaluate((el) => (el.scrollTop = 0));
  await settle(viewport);
  for (;;) {
    const drawn = await viewport
      .locator('tbody tr[data-row]')
      .evaluateAll(
        (rows, name) =>
          rows.map(
            (r) => [Number(r.getAttribute('data-row')), r.getAttribute(name) ?? ''] as const,
          ),
        attribute,
      );
    mostDrawn = Math.max(mostDrawn, drawn.length);
    for (const [index, value] of drawn) byIndex.set(index, value);
    const at = await position(viewport);
    if (at.top + at.height >= at.end - 1) break;
    await scrollBy(viewport, Math.max(1, Math.floor(at.height * 0.8)));
  }
  const indexes = [...byIndex.keys()].sort((a, b) => a - b);
  expect(indexes, 'every row drawn once the table was scrolled through').toEqual(
    indexes.map((_, i) => i),
  );
  return { values: indexes.map((i) => byIndex.get(i)!), mostDrawn };
}
