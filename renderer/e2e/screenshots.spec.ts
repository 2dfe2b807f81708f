import { mkdirSync } from 'node:fs';
import { createVaultByApi, expect, test } from './fixtures';
import { StartPage } from './pages/StartPage';
import { STEPS, Workbench } from './pages/Workbench';
import { fillDate } from './pages/dates';

// Pictures of every screen in both themes, for people to look at (not an assertion).
// Run with: SCREENSHOTS=1 npx playwright test --config build/playwright.config.ts screenshots
const OUT = '/tmp/attest-shots';

test.skip(!process.env.SCREENSHOTS, 'Screenshots are taken only when SCREENSHOTS=1 is set');

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen in the ${scheme} theme`, async ({ page, attest }) => {
    mkdirSync(OUT, { recursive: true });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const shot = async (name: string) => {
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${OUT}/${scheme}-${name}.png` });
    };
    const start = new StartPage(page);
    await start.expectShown();
    await shot('01-start-empty');

    const dialog = await start.startNewVault();
    await dialog.fill({
      name: 'Northwind SOC 2 Type II',
      client: 'Northwind Traders Ltd',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      categories: ['Availability', 'Confidentiality'],
    });
    await shot('02-new-vault');
    await fillDate(dialog.field('Period ends'), '2025-12-01');
    await dialog.submit();
    await expect(dialog.field('Period ends')).toHaveAttribute('aria-invalid', 'true');
    await shot('03-new-vault-errors');
    await fillDate(dialog.field('Period ends'), '2026-06-30');
    await dialog.submit();

    const bench = new Workbench(page);
    await bench.expectOpen('Northwind SOC 2 Type II');
    await page.mouse.move(600, 400); // a hovered notification stays
    await expect(page.getByText('Created “Northwind SOC 2 Type II”.')).toBeHidden({
      timeout: 8000,
    });
    for (const [i, step] of STEPS.entries()) {
      await bench.goByMouse(step);
      await page.mouse.move(1300, 800);
      await shot(`${String(10 + i)}-${step.id}`);
    }
    await bench.goByMouse(STEPS[0]);
    await page.getByTestId('verify-vault').click();
    await expect(page.getByTestId('verify-result')).toBeVisible();
    await page.mouse.move(1300, 800);
    await shot('20-dashboard-verified');

    await bench.openPalette();
    await shot('21-palette');
    await page.keyboard.press('Escape');
    await expect(bench.palette).toBeHidden();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await shot('22-shortcuts');
    await page.keyboard.press('Escape');

    await bench.vaultMenu('Save a copy…');
    await shot('23-save-copy');
    await page.keyboard.press('Escape');

    await createVaultByApi(
      page,
      attest,
      { name: 'Contoso readiness', reportType: 'type1', asOf: '2026-09-30' },
      'contoso.attest',
    );
    await bench.expectOpen('Contoso readiness');
    await bench.closeVault();
    await start.expectShown();
    await expect(start.recentRows).toHaveCount(2);
    await page.waitForTimeout(4000); // let the success notification go
    await shot('30-start-recent');
    await start.openVault.click();
    await expect(page.getByRole('dialog', { name: 'Open vault' })).toBeVisible();
    await shot('31-open-vault');
  });
}
