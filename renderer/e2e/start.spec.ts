import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { StartPage } from './pages/StartPage';
import { rpc } from './pages/rpc';
import { DEMO_ENGAGEMENT, Workbench } from './pages/Workbench';

test('the start screen says what Attest is and what to do first', async ({ page }) => {
  const start = new StartPage(page);
  await start.expectShown();
  await expect(start.recentEmpty).toContainText('No recent vaults');
  await expect(page).toHaveTitle('Attest');
  await expectNoSeriousA11yViolations(page, 'the start screen');
});

test('creates a vault, finds it under Recent after closing, and reopens it', async ({ page }) => {
  const start = new StartPage(page);
  const dialog = await start.startNewVault();
  await expectNoSeriousA11yViolations(page, 'the new-vault dialog');
  await dialog.fill({
    name: 'Northwind SOC 2',
    client: 'Northwind Traders',
    reportType: 'Type II',
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    categories: ['Availability', 'Confidentiality'],
  });
  await expect(dialog.field('File name')).toHaveValue('northwind-soc-2');
  await dialog.submit();

  const bench = new Workbench(page);
  await bench.expectOpen('Northwind SOC 2');
  await expect(bench.scope).toContainText('Type II');
  await expect(
    bench.navLink({ id: 'scope', label: 'Scope', goKey: 's', digit: '1' }),
  ).toContainText('3 categories chosen');

  await bench.closeVault();
  await start.expectShown();
  await expect(start.recent('Northwind SOC 2')).toContainText('northwind-soc-2.attest');
  await expectNoSeriousA11yViolations(page, 'the start screen with a recent vault');

  await start.openRecent('Northwind SOC 2');
  await bench.expectOpen('Northwind SOC 2');
});

test('a recent vault opens with the keyboard and can be removed from the list', async ({
  page,
}) => {
  const start = new StartPage(page);
  const dialog = await start.startNewVault();
  await dialog.fill({ name: 'Keyboard Co' });
  await dialog.submit();
  const bench = new Workbench(page);
  await bench.expectOpen('Keyboard Co');
  await bench.closeVault();

  await start
    .recent('Keyboard Co')
    .getByRole('button', { name: /^Open Keyboard Co/ })
    .focus();
  await page.keyboard.press('Enter');
  await bench.expectOpen('Keyboard Co');
  await bench.closeVault();

  await start.removeRecent('Keyboard Co');
  await expect(start.recentEmpty).toBeVisible();
});

test('field errors appear under their fields, from the form and from Attest', async ({
  page,
  attest,
}) => {
  writeFileSync(join(attest.home, 'taken.attest'), '');
  const start = new StartPage(page);
  const dialog = await start.startNewVault();
  // Checked in the window with the contract's own schema: every problem at once.
  await dialog.fill({ periodStart: '2026-06-30', periodEnd: '2026-01-01' });
  await dialog.submit();
  await dialog.expectFieldError('Engagement name', 'Give the engagement a name');
  await dialog.expectFieldError('Period ends', 'The period must end after it starts');
  await expectNoSeriousA11yViolations(page, 'the new-vault dialog with errors');

  // Only Attest knows these: a name with folders (validation.details) and a file that exists.
  await dialog.fill({ name: 'Fine now', periodEnd: '2026-12-31', fileName: 'sub/dir' });
  await dialog.submit();
  await dialog.expectFieldError('File name', 'Give a file name without folders');
  await dialog.fill({ fileName: 'taken' });
  await dialog.submit();
  await dialog.expectFieldError('File name', 'already exists');
  await dialog.fill({ fileName: 'fine-now' });
  await dialog.submit();
  await new Workbench(page).expectOpen('Fine now');
});

test('an unusual Type II period length is a warning, not a reason to refuse', async ({ page }) => {
  const start = new StartPage(page);
  const dialog = await start.startNewVault();
  await dialog.fill({ name: 'Short period', periodStart: '2026-01-01', periodEnd: '2026-06-30' });
  await expect(dialog.periodWarning).toBeHidden();
  await dialog.fill({ periodEnd: '2027-06-30' });
  await expect(dialog.periodWarning).toContainText('at most twelve months');
  await dialog.fill({ periodEnd: '2026-02-15' });
  await expect(dialog.periodWarning).toContainText('shorter than three months');
  await expectNoSeriousA11yViolations(page, 'the new-vault dialog with a period warning');
  // Type I has no period: no warning.
  await dialog.fill({ reportType: 'Type I' });
  await expect(dialog.periodWarning).toBeHidden();
  await dialog.fill({ reportType: 'Type II' });
  await expect(dialog.periodWarning).toBeVisible();
  await dialog.submit();
  const bench = new Workbench(page);
  await bench.expectOpen('Short period');
  await expect(bench.scope).toContainText('Type II');
});

test('opening a file that is not a vault says so clearly', async ({ page, attest }) => {
  writeFileSync(
    join(attest.home, 'bad.attest'),
    'this is not a database, just some text\n'.repeat(20),
  );
  const start = new StartPage(page);
  await start.openFromFolder('bad.attest');
  const error = page.getByTestId('error-notification');
  await expect(error).toContainText('This file is not an Attest vault');
  await expect(error).toContainText('Choose another file');
  await expect(error).not.toContainText('not_a_vault');
  await expectNoSeriousA11yViolations(page, 'the open-vault dialog with an error');
  await page.keyboard.press('Escape');
  await start.expectShown();
});

test('the start screen and new-vault dialog pass axe in the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const start = new StartPage(page);
  await start.expectShown();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expectNoSeriousA11yViolations(page, 'the start screen (dark)');
  const dialog = await start.startNewVault();
  await dialog.submit();
  await dialog.expectFieldError('Engagement name', 'Give the engagement a name');
  await expectNoSeriousA11yViolations(page, 'the new-vault dialog with errors (dark)');
});

test('"Try the demo" builds the sample engagement where asked and opens it', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  const start = new StartPage(page);
  await start.expectShown();
  await page.getByTestId('start-demo').click();
  const dialog = page.getByRole('dialog', { name: 'Try the demo' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('vault-file-name')).toHaveValue('attest-demo');
  await expectNoSeriousA11yViolations(page, 'the demo dialog');
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: '/tmp/attest-shots/start-demo-dialog.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: '/tmp/attest-shots/start-demo-dialog-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
  }
  // An empty name is refused under the field; nothing is built.
  await dialog.getByTestId('vault-file-name').fill('');
  await dialog.getByTestId('build-demo').click();
  await expect(dialog).toContainText('Give the demo a file name');
  await dialog.getByTestId('vault-file-name').fill('my-demo');
  await dialog.getByTestId('build-demo').click();

  // Building takes seconds (longer on a loaded machine); the dialog closes once it is open.
  await expect(dialog).toBeHidden({ timeout: 90_000 });
  const bench = new Workbench(page);
  await bench.expectOpen(DEMO_ENGAGEMENT);
  const info = await rpc<{ path: string; scope: { controls: unknown[] } }>(
    page,
    attest,
    'vault.info',
  );
  expect(info.path).toBe(join(attest.home, 'my-demo.attest'));
  expect(info.scope.controls.length).toBeGreaterThan(100);
});
