import { mkdirSync } from 'node:fs';
import { createVaultByApi, expect, openDemoVault, test } from './fixtures';
import { goHash } from './pages/hash';
import { ScopeWizard } from './pages/ScopeWizard';
import { STEPS, Workbench } from './pages/Workbench';

// Pictures of the flow a new user walks through (issue U items 6, 7, 8, 11, 12, 13), in both
// themes, to look at (not an assertion).
// Run with: SCREENSHOTS=1 npx playwright test --config build/playwright.config.ts screenshots-flow
const OUT = '/tmp/attest-shots';

test.skip(!process.env.SCREENSHOTS, 'Screenshots are taken only when SCREENSHOTS=1 is set');

for (const scheme of ['light', 'dark'] as const) {
  test(`the new user's flow in the ${scheme} theme`, async ({ page, attest }) => {
    test.setTimeout(300_000);
    mkdirSync(OUT, { recursive: true });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const shot = async (name: string, fullPage = false) => {
      await page.mouse.move(1350, 850);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}/${scheme}-flow-${name}.png`, fullPage });
    };
    const bench = new Workbench(page);
    const wizard = new ScopeWizard(page);

    // A new vault opens on the wizard; its step list ticks what the New vault dialog answered.
    await createVaultByApi(page, attest);
    await bench.expectOpen('Acme SOC 2 2026');
    await wizard.expectStep(1);
    await shot('01-new-vault-wizard');
    await wizard.open(6);
    await wizard.expectStep(6);
    await shot('02-review-unconfirmed', true);
    await wizard.open(7);
    await expect(page.getByTestId('needs-confirm')).toBeVisible();
    await shot('03-question-7-by-link-before-confirming');
    await bench.goByMouse(STEPS[5]);
    await shot('04-readiness-fresh', true);
    await bench.goByMouse(STEPS[6]);
    await shot('05-export-fresh', true);

    // The demo: Dashboard, Verify from elsewhere, the palette, the register and the plan.
    await openDemoVault(page, attest);
    await bench.expectOpen('Demo — Northwind Analytics SOC 2 Type II');
    await shot('10-dashboard');
    await bench.goByMouse(STEPS[3]);
    await shot('11-remediation-proposals-folded');
    await page.getByTestId('review-proposals').click();
    await page.waitForTimeout(500);
    await shot('12-remediation-proposals-opened');
    await bench.openPalette();
    await bench.palette.getByRole('textbox').fill('verify');
    await bench.palette.getByRole('button', { name: /^Verify vault/ }).click();
    await expect(page.getByTestId('verify-toast')).toContainText('The vault is sound');
    await shot('13-verify-toast');
    await bench.goByMouse(STEPS[0]);
    await shot('14-dashboard-verified');
    await goHash(page, '/gaps?view=risks');
    await expect(page.getByTestId('risk-register')).toBeVisible();
    await shot('15-risk-register');
    await shot('16-risk-register-full', true);
    await bench.openPalette();
    await shot('17-palette');
    await bench.palette.getByRole('textbox').fill('new');
    await shot('18-palette-new');
    await page.keyboard.press('Escape');
    await bench.goByMouse(STEPS[5]);
    await shot('19-readiness-demo', true);
    await bench.goByMouse(STEPS[6]);
    await shot('20-export-demo', true);
    await wizard.open(6);
    await shot('21-demo-review-confirmed');
  });
}
