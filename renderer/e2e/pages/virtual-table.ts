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
  // Scroll once the first page is drawn: scrolled while the table is still empty, the search
  // ends at once, and a row the page then brings below the fold is never drawn (seen in CI).
  await expect(viewport.locator('tbody tr[data-row]').first()).toBeVisible();
  await expect(viewport.locator('[aria-busy="true"]')).toHaveCount(0);
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
 * What a row is read as: one of its attributes (`data-ref`), or the text of the first element in
 * it matching a selector (for a table whose rows carry no attribute naming them).
 */
export type RowField = string | { text: string };

/**
 * `field` of every row, top to bottom, read by scrolling the table through; also the most
 * rows drawn at any one time (the table keeps that bounded).
 */
export async function readAllRows(
  viewport: Locator,
  field: RowField,
): Promise<{ values: string[]; mostDrawn: number }> {
  const byIndex = new Map<number, string>();
  let mostDrawn = 0;
  await viewport.evaluate((el) => (el.scrollTop = 0));
  await settle(viewport);
  for (;;) {
    const drawn = await viewport
      .locator('tbody tr[data-row]')
      .evaluateAll(
        (rows, f) =>
          rows.map(
            (r) =>
              [
                Number(r.getAttribute('data-row')),
                typeof f === 'string'
                  ? (r.getAttribute(f) ?? '')
                  : (r.querySelector(f.text)?.textContent?.trim() ?? ''),
              ] as const,
          ),
        field,
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

/** The `<tr>` the table holds now: header, drawn rows and the spacers above and below them. */
export const drawnRows = (viewport: Locator) => viewport.locator('table tr').count();

/**
 * Drags the table to its end as a user drags the scrollbar, again after each page the jump
 * loaded, until the last row of the list is drawn or `jumps` have been made (a list of tens of
 * thousands is not read to its end: the rows drawn do not depend on how many are loaded).
 * `check` runs after every jump. Says whether the list's last row was reached.
 */
export async function scrollToEnd(
  viewport: Locator,
  check: () => Promise<void> = async () => {},
  jumps = 10,
): Promise<{ atEnd: boolean; lastIndex: number }> {
  const loading = viewport.getByLabel('Loading more');
  const lastDrawn = () =>
    viewport.locator('tbody tr[aria-rowindex]').evaluateAll((rows) => {
      const indexes = rows.map((r) => Number(r.getAttribute('aria-rowindex')));
      return Math.max(0, ...indexes);
    });
  const rowCount = async () =>
    Number(await viewport.locator('table').first().getAttribute('aria-rowcount'));
  let lastIndex = 0;
  for (let i = 0; i < jumps; i++) {
    await viewport.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await settle(viewport);
    await expect(loading).toHaveCount(0, { timeout: 15_000 });
    await settle(viewport);
    await check();
    lastIndex = await lastDrawn();
    if (lastIndex >= (await rowCount())) return { atEnd: true, lastIndex };
  }
  return { atEnd: false, lastIndex };
}
