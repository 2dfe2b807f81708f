import { createVaultByApi, expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { STEPS, Workbench } from './pages/Workbench';

test.beforeEach(async ({ page, attest }) => {
  await createVaultByApi(page, attest);
  await new Workbench(page).expectOpen('Acme SOC 2 2026');
});

test('every step by mouse, each screen scanned with axe', async ({ page }) => {
  const bench = new Workbench(page);
  await expect(bench.scope).toHaveText(/Type II · .*2026/);
  for (const step of STEPS) {
    await bench.goByMouse(step);
    await expectNoSeriousA11yViolations(page, step.label);
  }
  // Every step is built now: none says it is coming later.
  for (const step of STEPS) await expect(bench.navLink(step)).not.toContainText('Coming later');
});

test('every step by keyboard: g then a letter, and Alt+digit', async ({ page }) => {
  const bench = new Workbench(page);
  for (const step of [...STEPS].reverse()) await bench.goByLetters(step);
  for (const step of STEPS) await bench.goByDigit(step);
});

test('empty states lead to the step that comes first', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.goByMouse(STEPS[2]);
  await page.getByRole('link', { name: 'Go to Scope' }).click();
  await bench.expectOn(STEPS[1]);
});

test('the command palette jumps to screens and runs actions', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.runFromPalette('readi', /Readiness/);
  await bench.expectOn(STEPS[5]);

  await page.getByTestId('open-palette').click();
  await expect(bench.palette).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the command palette');
  // The first match is selected as you type; arrows move, Enter runs.
  await page.keyboard.type('gap');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await bench.expectOn(STEPS[2]);

  const html = page.locator('html');
  const before = await html.getAttribute('data-mantine-color-scheme');
  await bench.runFromPalette('theme', /Switch to (dark|light) theme/);
  await expect(html).not.toHaveAttribute('data-mantine-color-scheme', before ?? '');

  // Verify runs where the user is (Gap analysis), its verdict in a toast.
  await bench.runFromPalette('verify', 'Verify vault');
  await expect(page.getByTestId('verify-toast')).toContainText('The vault is sound');
  await bench.expectOn(STEPS[2]);

  await bench.runFromPalette('close', 'Close vault');
  await expect(page.getByRole('heading', { level: 1, name: 'Attest' })).toBeVisible();
});

test('? opens the keyboard shortcut overlay', async ({ page }) => {
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('Gap analysis');
  await expect(overlay).toContainText('Search screens and actions');
  await expectNoSeriousA11yViolations(page, 'the shortcut overlay');
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();
});

test('the dashboard shows real facts and verifies the vault', async ({ page, attest }) => {
  const dashboard = page.getByRole('main');
  await expect(dashboard).toContainText('Acme Corp');
  await expect(dashboard).toContainText(attest.home);
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{8}…[0-9a-f]{4}$/);
  await page.getByTestId('verify-vault').click();
  await expect(page.getByTestId('verify-result')).toContainText('The vault is sound');
  await expectNoSeriousA11yViolations(page, 'the dashboard after verifying');
});

test('save a copy into the vaults folder', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.vaultMenu('Save a copy…');
  const dialog = page.getByRole('dialog', { name: 'Save a copy' });
  await dialog.getByLabel('Name of the copy').fill('acme-backup');
  await dialog.getByRole('button', { name: 'Save copy' }).click();
  await expect(page.getByText('Saved a copy as acme-backup.attest.')).toBeVisible();
});

test('every step passes axe in the dark theme too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  const bench = new Workbench(page);
  for (const step of STEPS) {
    await bench.goByMouse(step);
    await expectNoSeriousA11yViolations(page, `${step.label} (dark)`);
  }
  await bench.goByMouse(STEPS[0]);
  await page.getByTestId('verify-vault').click();
  await expect(page.getByTestId('verify-result')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the verified dashboard (dark)');
});
