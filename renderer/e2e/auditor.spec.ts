import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { AuditorMode, makePackages } from './pages/AuditorMode';
import { rpc } from './pages/rpc';
import { StartPage } from './pages/StartPage';

let packages: ReturnType<typeof makePackages>;
test.beforeAll(() => {
  packages = makePackages();
});

const ENGAGEMENT = 'Demo — Northwind Analytics SOC 2 Type II';
const shot = (page: import('@playwright/test').Page, name: string) =>
  process.env.SCREENSHOTS
    ? page.screenshot({ path: `/tmp/attest-shots/auditor/${name}.png`, fullPage: true })
    : Promise.resolve();

test('open an audit package: verified, its fingerprint to compare, still open after a reload, closed again', async ({
  page,
  attest,
}) => {
  const start = new StartPage(page);
  await start.expectShown();
  const auditor = new AuditorMode(page);
  await auditor.openFromStart(packages.good);
  await auditor.expectOpen(ENGAGEMENT);
  await expect(auditor.verified).toContainText(
    'Package integrity verified: files unchanged since export',
  );
  await expect(auditor.verified).toContainText('another channel');
  const open = await rpc<{ fingerprint: string; filesChecked: number }>(
    page,
    attest,
    'auditor.package',
  );
  expect(await auditor.shownFingerprint()).toBe(open.fingerprint);
  await expect(auditor.verified).toContainText(`${open.filesChecked} files`);
  // No vault step is offered while a package is open.
  await expect(page.getByRole('navigation', { name: 'Steps' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the audit package view');
  await shot(page, 'package-light');

  await page.reload();
  await auditor.expectOpen(ENGAGEMENT);
  await expect(auditor.verified).toBeVisible();

  await auditor.close();
  await start.expectShown();
  expect(await rpc(page, attest, 'auditor.package')).toBeNull();
});

test('a package changed after export is refused: every problem named, nothing opened', async ({
  page,
  attest,
}) => {
  const start = new StartPage(page);
  await start.expectShown();
  const auditor = new AuditorMode(page);
  await auditor.openFromStart(packages.tampered);
  await expect(auditor.openDialog).toContainText(
    'This package did not pass its check: nothing was opened',
  );
  await expect(auditor.problems().filter({ hasText: packages.tamperedPath })).toContainText(
    'Changed since export',
  );
  await expectNoSeriousA11yViolations(page, 'a refused audit package');
  await shot(page, 'refused-light');
  expect(await rpc(page, attest, 'auditor.package')).toBeNull();
  await auditor.openDialog.getByRole('button', { name: 'Done' }).click();
  await expect(auditor.root).toHaveCount(0);
  await start.expectShown();
});
