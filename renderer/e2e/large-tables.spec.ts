import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { linkTo } from '../app/routes';
import { expect, test } from './fixtures';
import { goHash } from './pages/hash';
import { rpc } from './pages/rpc';
import { scratchDir } from './scratch';
import { drawnRows, scrollToEnd } from './pages/virtual-table';

/*
 * Every list screen on the large demo (400 controls, 10 000 tasks, 5 000 requests, 50 000
 * evidence items, 150 000 history entries) keeps a bounded number of rows in the page, at its
 * top and once dragged to its end: the DataTable draws the rows in view and a few more, however
 * many the list holds. One vault, one page, the screens in turn.
 */

/**
 * The most `<tr>` a table may hold. The DataTable draws the header, two spacers, the rows its
 * 640 px box shows (17 at the smallest estimated height, 37 px) and 8 beyond each side of them
 * (its overscan): 36. Rows drawn shorter than estimated add a few (39 is the most seen here);
 * 60 leaves room for that, not for a table drawing a list of hundreds whole.
 */
const MOST_ROWS = 60;

/** The rows a 640 px box shows at 37 px a row, and the overscan on both sides: 17 + 2 × 8. */
const SCREENFUL = 33;

const repo = fileURLToPath(new URL('../..', import.meta.url));
const execFileAsync = promisify(execFile);

let largeVault: string;

// Built once for the file (about 40 s), with the bundle global-setup.ts checked is current;
// ATTEST_E2E_LARGE_DEMO names one built beforehand instead, to go over the screens again quickly.
test.beforeAll(async () => {
  test.setTimeout(240_000);
  const prebuilt = process.env.ATTEST_E2E_LARGE_DEMO;
  if (prebuilt) {
    largeVault = prebuilt;
    return;
  }
  const dir = scratchDir('large-demo');
  largeVault = join(dir, 'large.attest');
  await execFileAsync(
    process.execPath,
    [join(repo, 'dist', 'cli', 'attest.mjs'), 'demo', largeVault, '--scale', 'large'],
    { cwd: repo, env: { ...process.env, ATTEST_HOME: join(dir, 'home') }, timeout: 220_000 },
  );
});

interface Screen {
  name: string;
  /** The table's test id (its scrolling box is `<testId>-viewport`). */
  table: string;
  /** Shows the screen with the table on it. */
  show(page: Page): Promise<void>;
  /** The demo's list fits a screenful and the overscan (all of it is drawn). */
  short?: true;
}

const route = (path: string) => async (page: Page) => goHash(page, path);
const tab = (path: string, name: string) => async (page: Page) => {
  await goHash(page, path);
  await page.getByRole('tab', { name, exact: true }).click();
};

const SCREENS: Screen[] = [
  { name: 'Scope controls', table: 'controls-table', show: tab('/scope', 'Controls') },
  {
    name: 'Gap analysis controls',
    table: 'controls-table',
    show: route(linkTo('gapsTable')),
  },
  {
    name: 'Coverage and gaps',
    table: 'gaps-table',
    show: route(linkTo('gapsCoverage')),
  },
  { name: 'Risks', table: 'risk-table', show: route(linkTo('gapsRisks')) },
  {
    name: 'Remediation tasks',
    table: 'task-table',
    show: route(linkTo('remediationTable')),
  },
  { name: 'Requests', table: 'requests-table', show: route('/documentation') },
  {
    name: 'Policies',
    table: 'policies-table',
    show: route(linkTo('documentationPolicies')),
    short: true,
  },
  {
    name: 'Evidence',
    table: 'evidence-table',
    show: route(linkTo('documentationEvidence')),
  },
  {
    name: 'Testing',
    table: 'testing-table',
    show: route(linkTo('documentationTesting')),
  },
  { name: 'People', table: 'people-table', show: route('/people') },
  { name: 'History', table: 'history-table', show: route('/history') },
  { name: 'Readiness criteria', table: 'criteria-table', show: route('/readiness') },
  { name: 'Readiness findings', table: 'findings-table', show: route('/readiness') },
  { name: 'Readiness timelines', table: 'timelines-table', show: route('/readiness') },
];

/** The table's first rows are drawn, and are its own (not the previous screen's, dimmed). */
async function drawn(table: Locator) {
  await expect(table.locator('tbody tr[data-row]').first()).toBeVisible({ timeout: 20_000 });
  await expect(table).not.toHaveAttribute('aria-busy', 'true');
}

test('every list screen of the large demo keeps a bounded number of rows, at its top and at its end', async ({
  page,
  attest,
}) => {
  test.setTimeout(240_000);
  copyFileSync(largeVault, join(attest.home, 'large.attest'));
  await rpc(page, attest, 'vault.open', { file: 'large.attest' });
  await expect(page.getByTestId('engagement-name')).toBeVisible({ timeout: 20_000 });

  for (const screen of SCREENS) {
    await test.step(screen.name, async () => {
      await screen.show(page);
      const table = page.getByTestId(screen.table);
      const viewport = page.getByTestId(`${screen.table}-viewport`);
      await drawn(table);
      const listed = Number(await table.getAttribute('aria-rowcount')) - 1;
      // Longer than what is drawn at once, or the bound says nothing about the table.
      if (!screen.short) expect(listed, `${screen.name}: rows listed`).toBeGreaterThan(SCREENFUL);
      const bounded = async () => {
        expect(await drawnRows(viewport), `${screen.name}: <tr> in the page`).toBeLessThanOrEqual(
          MOST_ROWS,
        );
        // A list longer than a screenful and the overscan is never drawn whole (50 people).
        if (listed > SCREENFUL)
          expect(
            await viewport.locator('tbody tr[data-row]').count(),
            `${screen.name}: rows drawn of ${listed}`,
          ).toBeLessThan(listed);
      };
      await bounded();
      // Dragged to its end: the list's last row for the shorter lists; for those of thousands,
      // the end of the pages two jumps read (the rows drawn do not grow with the rows loaded).
      const { atEnd, lastIndex } = await scrollToEnd(viewport, bounded, 2);
      if (atEnd) expect(lastIndex, `${screen.name}: last row drawn`).toBe(listed + 1);
      else expect(lastIndex, `${screen.name}: last row drawn`).toBeGreaterThan(2 * MOST_ROWS);
    });
  }
});
