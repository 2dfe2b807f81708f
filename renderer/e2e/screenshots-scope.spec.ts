import { mkdirSync } from 'node:fs';
import { createVaultByApi, expect, openDemoVault, test } from './fixtures';
import { goHash } from './pages/hash';
import { PeoplePage } from './pages/PeoplePage';
import { ScopeView } from './pages/ScopeView';
import { ScopeWizard } from './pages/ScopeWizard';
import { Workbench } from './pages/Workbench';
import { fillDate } from './pages/dates';

// Pictures of the Scope and People screens in both themes, to look at (not an assertion).
// Run with: SCREENSHOTS=1 npx playwright test --config build/playwright.config.ts screenshots-scope
const OUT = '/tmp/attest-shots';

test.skip(!process.env.SCREENSHOTS, 'Screenshots are taken only when SCREENSHOTS=1 is set');

for (const scheme of ['light', 'dark'] as const) {
  test(`scope and people in the ${scheme} theme`, async ({ page, attest }) => {
    test.setTimeout(180_000);
    mkdirSync(OUT, { recursive: true });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const shot = async (name: string, fullPage = false) => {
      await page.mouse.move(1350, 850);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}/${scheme}-scope-${name}.png`, fullPage });
    };
    const bench = new Workbench(page);
    const wizard = new ScopeWizard(page);

    // A new engagement: the wizard before anything is confirmed.
    await createVaultByApi(page, attest, {
      name: 'Northwind SOC 2 Type II',
      client: 'Northwind Traders Ltd',
      reportType: 'type2',
      period: { start: '2026-01-01', end: '2026-06-30' },
      categories: ['security', 'availability'],
    });
    await bench.expectOpen('Northwind SOC 2 Type II');
    await goHash(page, '/scope');
    await wizard.expectStep(1);
    await shot('01-wizard-engagement');
    await wizard.goNext(2);
    await fillDate(wizard.field('Period ends'), '2027-06-30');
    await expect(page.getByTestId('period-warning')).toBeVisible();
    await shot('02-wizard-report-type');
    await wizard.goNext(3);
    await shot('03-wizard-categories');
    await wizard.goNext(4);
    await shot('04-wizard-description', true);
    await wizard.goNext(5);
    await shot('05-wizard-events');
    await wizard.goNext(6);
    await expect(page.getByTestId('confirm-scope')).toBeVisible();
    await shot('06-wizard-review-unconfirmed', true);

    // The demo engagement: every step answered.
    await openDemoVault(page, attest);
    await bench.expectOpen('Demo — Northwind Analytics SOC 2 Type II');
    for (const [step, name] of [
      [4, 'description-filled'],
      [5, 'events'],
      [6, 'review'],
      [7, 'subservices'],
      [8, 'cuecs'],
      [9, 'not-relevant'],
    ] as const) {
      await wizard.open(step);
      await wizard.expectStep(step);
      await shot(`1${step}-wizard-${name}`, step === 6 || step === 4);
    }
    await wizard.open(7);
    await page.getByRole('button', { name: /^Edit CloudHost/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot('15b-subservice-drawer');
    await page
      .getByRole('dialog')
      .getByRole('heading', { name: 'Their SOC report' })
      .scrollIntoViewIfNeeded();
    await shot('15c-subservice-drawer-report');
    await page.keyboard.press('Escape');

    const view = new ScopeView(page);
    await view.open();
    await expect(view.matrix).toBeVisible();
    await shot('20-matrix');
    await view.matrixRow('CC6.4').getByRole('button').first().click();
    await expect(view.drawer).toBeVisible();
    await shot('21-criterion-drawer');
    await page.keyboard.press('Escape');
    await view.openControl('AC-04');
    await shot('22-control-drawer');
    await page.keyboard.press('Escape');
    await shot('23-controls-table');
    // Scrolled inside its box: the heading stays, only the rows in view are drawn.
    await view.findControlRow('INC-01');
    await view.controlsViewport.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await shot('23b-controls-table-scrolled');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Add custom control' }).click();
    const fresh = page.getByRole('dialog', { name: 'New custom control' });
    await fresh.getByLabel('Title').fill('Quarterly board security briefing');
    await fresh.getByLabel('Mapped criteria').fill('CC9.8');
    await fresh.getByLabel('Mapped criteria').press('Enter');
    await fresh.getByRole('button', { name: 'Add control' }).click();
    await expect(fresh.getByLabel('Mapped criteria')).toHaveAttribute('aria-invalid', 'true');
    await fresh.getByLabel('Mapped criteria').scrollIntoViewIfNeeded();
    await shot('26-new-control-error');
    // A new control with something typed asks before Esc drops it.
    await page.keyboard.press('Escape');
    await fresh.getByRole('button', { name: 'Discard' }).click();
    await expect(fresh).toBeHidden();
    await view.tab('System description');
    await expect(page.getByTestId('markdown')).toBeVisible();
    await shot('24-narrative');
    await page
      .getByRole('heading', { name: 'Controls referred to above' })
      .scrollIntoViewIfNeeded();
    await shot('24b-narrative-controls');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await shot('25-narrative-edit');

    const people = new PeoplePage(page);
    await bench.vaultMenu('People');
    await people.expectShown();
    await shot('30-people');
    await people.row('Maya Okafor').click();
    await expect(people.drawer).toBeVisible();
    await shot('31-person-drawer');
    await page.keyboard.press('Escape');
    await bench.openPalette();
    await bench.palette.getByRole('textbox').fill('CC6.1');
    await shot('32-palette-criteria');
  });
}
