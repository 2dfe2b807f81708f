import { mkdirSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { AuditorMode, makePackages, openPackageByApi } from './pages/AuditorMode';

// The scan every spec relies on runs axe-core directly (fixtures.ts): it must still fail, naming
// the rule and the element, when a screen has a serious problem.
test('the accessibility scan fails on planted violations and names them', async ({ page }) => {
  await expectNoSeriousA11yViolations(page, 'the start screen');
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'planted-nameless';
    const faint = document.createElement('p');
    faint.id = 'planted-faint';
    faint.textContent = 'Barely readable';
    faint.style.cssText = 'color: #ddd; background: #fff';
    document.body.append(button, faint);
  });
  const scan = expectNoSeriousA11yViolations(page, 'a screen with planted violations');
  await expect(scan).rejects.toThrow(/button-name \(critical\)[^]*#planted-nameless/);
  await expect(
    expectNoSeriousA11yViolations(page, 'a screen with planted violations'),
  ).rejects.toThrow(/color-contrast \(serious\)[^]*#planted-faint/);
});

// Auditor mode: every screen of an open audit package, each in both themes (with SCREENSHOTS=1
// each is also saved to /tmp/attest-shots/auditor/ to be looked at). One walk through: walking
// it once per theme drew every step twice for the same checks.
test('every auditor mode screen passes the scan (both themes)', async ({ page, attest }) => {
  test.setTimeout(120_000);
  const packages = makePackages();
  const check = async (name: string) => {
    await page.mouse.move(1350, 850);
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      if (process.env.SCREENSHOTS) {
        mkdirSync('/tmp/attest-shots/auditor', { recursive: true });
        await page.screenshot({ path: `/tmp/attest-shots/auditor/${scheme}-${name}.png` });
      }
      await expectNoSeriousA11yViolations(page, `auditor mode: ${name} (${scheme})`);
    }
  };
  await openPackageByApi(page, attest.origin, packages.good);
  const auditor = new AuditorMode(page);
  await expect(auditor.verified).toBeVisible();
  await check('01-package');

  await auditor.view('By request').click();
  await auditor.openRow('audit-requests', 'PBC-001');
  await auditor.panel.getByRole('radio', { name: /Accepted/ }).check();
  await auditor.comment('PBC-001', 'Thanks — this covers Q1.');
  await check('02-request');
  await auditor.panel
    .getByTestId('audit-evidence-list')
    .getByRole('row', { name: /^EV-/ })
    .first()
    .click();
  await expect(auditor.panel.getByTestId('evidence-preview')).toBeVisible();
  await check('03-evidence');
  await auditor.closePanel();
  await auditor.closePanel();
  await check('04-requests');

  await auditor.view('By criterion').click();
  await expect(page.getByTestId('audit-criteria')).toBeVisible();
  await check('05-criteria');
  await auditor.view('By control').click();
  await expect(page.getByTestId('audit-controls')).toBeVisible();
  await check('06-controls');

  await auditor.view('Populations').click();
  const rows = page.getByTestId('population-rows');
  await rows.getByRole('checkbox').nth(1).check();
  await rows.getByRole('checkbox').nth(2).check();
  await check('07-populations');
  await page.getByRole('button', { name: 'Pick 2 items…' }).click();
  await page.getByLabel('What to show for each item').fill('The ticket removing access');
  await check('08-pick');
  await page.getByTestId('pick-dialog').getByRole('button', { name: 'Pick 2 items' }).click();
  await expect(page.getByTestId('pick-dialog')).toBeHidden();

  await auditor.view('Your response').click();
  await expect(page.getByTestId('auditor-identity')).toBeVisible();
  await check('09-response-first-use');
  await page.getByLabel('Your name').fill('Dana Auditor');
  await page.getByLabel('Audit firm').fill('Example & Co LLP');
  await page.getByRole('button', { name: 'Save and create my key' }).click();
  await expect(page.getByTestId('auditor-fingerprint')).toBeVisible();
  await check('10-response');
});
