import type { Page } from '@playwright/test';
import { createVaultByApi, expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { goHash } from './pages/hash';
import { Remediation } from './pages/Remediation';
import { STEPS, Workbench, openDemo } from './pages/Workbench';

/**
 * The flow a new user walks through (issue U, items 6, 7, 11 and 12): where each step opens,
 * where results appear, what the palette does, and what the steps not built yet say.
 */

// Each test walks several screens of the demo: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

const scrollTop = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollTop);

async function scrollToBottom(page: Page) {
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
  await expect.poll(() => scrollTop(page)).toBeGreaterThan(0);
}

/**
 * Runs a palette entry by its exact name. What it does is checked by the caller; the palette
 * then closes (its exit transition can lag behind the drawer an action opens, under load).
 */
async function act(bench: Workbench, query: string, name: string | RegExp) {
  await bench.openPalette();
  await bench.palette.getByRole('textbox').fill(query);
  await bench.palette
    .getByRole('button', { name: typeof name === 'string' ? new RegExp(`^${name}`) : name })
    .first()
    .click();
}

async function paletteClosed(bench: Workbench) {
  await expect(bench.palette).toBeHidden({ timeout: 20_000 });
}

test('each step opens at its top; a drawer or a view toggle keeps the user’s place', async ({
  page,
  attest,
}) => {
  const bench = await openDemo(page, attest);
  await goHash(page, '/gaps?view=risks');
  await expect(page.getByTestId('risk-table')).toBeVisible();

  // A nav click from far down a long page.
  await scrollToBottom(page);
  await bench.goByMouse(STEPS[3]);
  await expect.poll(() => scrollTop(page)).toBe(0);

  // A palette jump, and a keyboard jump, likewise.
  const plan = new Remediation(page);
  await expect(plan.board).toBeVisible();
  await scrollToBottom(page);
  await act(bench, 'Gap analysis', /^Gap analysis\s?Assess/);
  await bench.expectOn(STEPS[2]);
  await paletteClosed(bench);
  await expect.poll(() => scrollTop(page)).toBe(0);
  await goHash(page, '/gaps?view=risks');
  await scrollToBottom(page);
  await bench.goByLetters(STEPS[3]);
  await expect.poll(() => scrollTop(page)).toBe(0);

  // Opening a task from far down the board keeps the board where it was.
  await scrollToBottom(page);
  const card = plan.board.locator('[data-task-ref]').last();
  await card.click();
  await expect(plan.drawer).toBeVisible();
  expect(await scrollTop(page)).toBeGreaterThan(0);
});

test('Verify runs where the user is: progress and verdict in a toast, the report on the Dashboard', async ({
  page,
  attest,
}) => {
  const bench = await openDemo(page, attest);
  // The demo is scoped: it opens on its Dashboard, whose main action is the next step, not Verify.
  await bench.expectOn(STEPS[0]);
  await expect(page.getByTestId('verify-vault')).toHaveAttribute('data-variant', 'default');

  await bench.goByMouse(STEPS[4]);
  await act(bench, 'verify', 'Verify vault');
  const toast = page.getByTestId('verify-toast');
  await expect(toast).toContainText('The vault is sound');
  // Nobody was moved: the user is still on the step they were on.
  await bench.expectOn(STEPS[4]);

  // On the Dashboard, the report sits under the button that started it, above the rest.
  await bench.goByMouse(STEPS[0]);
  const card = page.getByTestId('verify-card');
  await expect(card.getByTestId('verify-result')).toContainText('The vault is sound');
  const [cardBox, nextBox] = [
    await card.boundingBox(),
    await page.getByTestId('next-step').boundingBox(),
  ];
  expect(cardBox!.y).toBeLessThan(nextBox!.y);
});

test('the palette acts: each action does what it says, where it happens', async ({
  page,
  attest,
}) => {
  const bench = await openDemo(page, attest);

  await act(bench, 'new task', 'New task');
  await bench.expectOn(STEPS[3]);
  await expect(page.getByRole('dialog', { name: 'New task' })).toBeVisible();
  await paletteClosed(bench);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'New task' })).toBeHidden();

  await act(bench, 'add risk', 'Add risk');
  await bench.expectOn(STEPS[2]);
  await expect(page.getByRole('dialog', { name: 'New risk' })).toBeVisible();
  await paletteClosed(bench);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'New risk' })).toBeHidden();

  await act(bench, 'add person', 'Add person');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'New person' })).toBeVisible();
  await paletteClosed(bench);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'New person' })).toBeHidden();

  await act(bench, 'import request', 'Import request list');
  await bench.expectOn(STEPS[4]);
  const wizard = page.getByRole('dialog').filter({ hasText: /request list/i });
  await expect(wizard).toBeVisible();
  await paletteClosed(bench);
  await page.keyboard.press('Escape');
  await expect(wizard).toBeHidden();

  await act(bench, 'assess next', 'Continue assessing');
  await bench.expectOn(STEPS[2]);
  await expect(page.getByTestId('control-ref')).toBeVisible();
  await paletteClosed(bench);

  const download = page.waitForEvent('download');
  await act(bench, 'export', /^Export the remediation plan as Excel/);
  await bench.expectOn(STEPS[3]);
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});

test('the palette stays put as you type, and names each screen as its page does', async ({
  page,
  attest,
}) => {
  const bench = await openDemo(page, attest);
  await bench.openPalette();
  const search = bench.palette.getByRole('textbox');
  // The palette slides in; measure where it comes to rest, not a frame of its entrance.
  const top = async () => (await search.boundingBox())!.y;
  let before = await top();
  await expect
    .poll(async () => {
      const [was, now] = [before, (before = await top())];
      return now === was;
    })
    .toBe(true);
  await search.fill('verif');
  await expect(bench.palette.getByRole('button', { name: 'Verify vault' })).toBeVisible();
  expect((await search.boundingBox())!.y).toBe(before);
  await search.fill('zzzz no such thing');
  await expect(bench.palette.getByText('Nothing matches')).toBeVisible();
  expect((await search.boundingBox())!.y).toBe(before);
  await expectNoSeriousA11yViolations(page, 'the palette with no match');
  await page.keyboard.press('Escape');

  // Each screen's entry is its page's title, followed (in its accessible name) by the page's
  // own sentence, which starts with a capital: "Export" and not "Export the remediation plan".
  for (const step of STEPS) {
    await act(bench, step.label, new RegExp(`^${step.label}\\s?[A-Z]`));
    await bench.expectOn(step);
    await paletteClosed(bench);
  }
});

test('Readiness before a scope says what it needs, Export what it can do, and neither leads in a circle', async ({
  page,
  attest,
}) => {
  await createVaultByApi(page, attest);
  const bench = new Workbench(page);
  await bench.expectOpen('Acme SOC 2 2026');
  await expect(bench.navLink(STEPS[5])).toContainText('No review frozen yet');
  // Export is built: no "Coming later", and no invented state (a package leaves no trace in the vault).
  await expect(bench.navLink(STEPS[6])).not.toContainText(/Coming later|Not started/);

  await bench.goByMouse(STEPS[5]);
  const needs = page.getByTestId('readiness-needs');
  await expect(needs.locator('[data-need="scope"]')).toHaveAttribute('data-state', 'todo');
  // Evidence exists now: before a scope it is a need like the others, worded for where it stands.
  await expect(needs.locator('[data-need="evidence"]')).toHaveAttribute('data-state', 'todo');
  await expect(needs.locator('[data-need="evidence"]')).toContainText(
    'Possible once the scope is confirmed',
  );
  await expectNoSeriousA11yViolations(page, 'Readiness, before a scope');
  await expectNoLinkTo(page, ['/readiness', '/export']);
  // Its one way forward is where the need is met: the scoping questions.
  await needs.getByRole('link', { name: 'Answer the scoping questions' }).click();
  await expect(page.getByTestId('wizard-question')).toBeVisible();

  await bench.goByMouse(STEPS[6]);
  await expect(page.getByTestId('exports-today').locator('[data-need="plan"]')).toContainText(
    'Available',
  );
  await expect(page.getByRole('button', { name: 'Export audit package…' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Export');
  await expectNoLinkTo(page, ['/readiness', '/export']);
});

/** No link on the page (the navigation aside) leads to these routes. */
async function expectNoLinkTo(page: Page, routes: string[]) {
  const hrefs = await page
    .getByRole('main')
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs)
    for (const route of routes) expect(href.startsWith(`#${route}`), href).toBe(false);
}
