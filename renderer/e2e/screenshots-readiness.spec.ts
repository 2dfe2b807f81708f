import { mkdirSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { Readiness } from './pages/Readiness';
import { rpc } from './pages/rpc';
import { openDemo } from './pages/Workbench';

// Pictures of the Readiness step in both themes, for people to look at (not an assertion).
// Run with SCREENSHOTS=1 … screenshots-readiness
const OUT = '/tmp/attest-shots/readiness';

test.skip(!process.env.SCREENSHOTS, 'Screenshots are taken only when SCREENSHOTS=1 is set');

for (const scheme of ['light', 'dark'] as const) {
  test(`the readiness review in the ${scheme} theme`, async ({ page, attest }) => {
    test.setTimeout(150_000);
    mkdirSync(OUT, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const shot = async (name: string, fullPage = false) => {
      await page.mouse.move(1430, 990);
      await page.waitForTimeout(350);
      await page.screenshot({ path: `${OUT}/${scheme}-${name}.png`, fullPage });
      await expectNoSeriousA11yViolations(page, `${name} (${scheme})`);
    };
    await openDemo(page, attest);
    const readiness = new Readiness(page);
    await readiness.open(attest.origin);
    await expect(readiness.findingRows.first()).toBeVisible();
    await shot('01-review');
    await shot('02-whole-page', true);

    const people = await rpc<{ items: { name: string; archived: boolean }[] }>(
      page,
      attest,
      'people.list',
    );
    const signer = people.items.find((p) => !p.archived)!.name;
    await page.getByTestId('freeze-button').first().click();
    await expect(readiness.freezeForm).toBeVisible();
    await readiness.freezeForm.getByLabel('Comment').fill('Before the auditor’s planning call');
    await shot('03-freeze');
    await readiness.freezeForm.getByRole('button', { name: 'Freeze' }).click();
    await expect(readiness.freezeForm).toBeHidden();

    // A change after the first review: three controls nobody had assessed are assessed.
    const truth = await rpc<{ findings: { rule: string; target: { id?: string } }[] }>(
      page,
      attest,
      'readiness.get',
    );
    const unassessed = truth.findings.filter((f) => f.rule === 'control_assessed').slice(0, 3);
    for (const f of unassessed)
      await rpc(page, attest, 'assessments.set', { controlId: f.target.id, status: 'implemented' });
    await readiness.freeze(signer, 'After assessing three more controls');
    // The two reviews frozen here (the demo's own, three weeks old, is RV-1).
    await readiness.compare('RV-2', 'RV-3');
    await page.getByTestId('readiness-snapshots').scrollIntoViewIfNeeded();
    await shot('04-compare');

    await readiness.filterSeverity(/^Major/);
    await page.getByRole('combobox', { name: 'Area' }).click();
    await page.getByRole('option', { name: 'Controls' }).click();
    await readiness.findings.scrollIntoViewIfNeeded();
    await shot('05-filtered');
    await readiness.criteria.scrollIntoViewIfNeeded();
    await shot('06-criteria');
    await page.goto(`${attest.origin}/#/`);
    await page.getByTestId('readiness-trend').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('readiness-trend').locator('svg').first()).toBeVisible();
    await shot('07-dashboard-trend');
  });
}
