import { mkdirSync } from 'node:fs';
import type { CriterionCoverageView } from '../../shared/api/gaps';
import type { ReadinessView } from '../../shared/api/readiness';
import { criteriaByCategory } from '../../shared/domain/readiness/categories';
import { linkTo } from '../app/routes';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { Readiness } from './pages/Readiness';
import { rpc } from './pages/rpc';
import { openDemo } from './pages/Workbench';

const OUT = '/tmp/attest-shots/readiness-categories';

test('readiness: criteria met by category, a category filters the criteria, a vendor finding opens that vendor', async ({
  page,
  attest,
}) => {
  test.setTimeout(180_000);
  await openDemo(page, attest);
  const readiness = new Readiness(page);
  await readiness.open(attest.origin);

  // One bar per category in scope, with the figures the readiness report's chart prints.
  const { criteria } = await rpc<{ criteria: CriterionCoverageView[] }>(
    page,
    attest,
    'coverage.get',
  );
  const truth = criteriaByCategory(criteria);
  expect(truth.length).toBeGreaterThan(1);
  const bars = page.getByTestId('category-bar');
  await expect(bars).toHaveCount(truth.length);
  for (const [i, b] of truth.entries()) {
    await expect(bars.nth(i)).toHaveAttribute('data-category', b.category);
    await expect(bars.nth(i)).toContainText(`${b.label}${b.met} of ${b.total} met`);
  }

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await expectNoSeriousA11yViolations(page, `the category bars (${scheme})`);
    if (process.env.SCREENSHOTS) {
      mkdirSync(OUT, { recursive: true });
      await page.setViewportSize({ width: 1440, height: 1000 });
      await page.getByTestId('category-bars').scrollIntoViewIfNeeded();
      await page.mouse.move(1430, 990);
      await page.waitForTimeout(350);
      await page.screenshot({ path: `${OUT}/${scheme}-bars.png` });
    }
  }

  // A category's name filters the Criteria card to it, kept in the address.
  const second = truth[1]!;
  await page.getByRole('button', { name: `Show the ${second.label} criteria` }).click();
  await expect(page).toHaveURL(new RegExp(`category=${second.category}`));
  const card = page.getByTestId('readiness-criteria');
  await expect(card).toContainText(
    `${second.met} of ${second.total} relevant ${second.label} criteria met`,
  );
  const other = criteria.find((c) => c.category !== second.category && c.status !== 'not_relevant');
  await expect(readiness.criteria.locator(`tr[data-criterion="${other!.id}"]`)).toHaveCount(0);
  await expect(card.getByRole('combobox', { name: 'Category' })).toHaveValue(second.label);
  // Cleared, every category again.
  await card.getByRole('button', { name: 'All categories' }).click();
  await expect(page).not.toHaveURL(/category=/);
  const relevant = criteria.filter((c) => c.status !== 'not_relevant');
  await expect(card).toContainText(
    `${relevant.filter((c) => c.status === 'met').length} of ${relevant.length} relevant criteria met`,
  );

  // A finding about a vendor: its fix link opens that vendor's drawer, not only the list.
  const view = await rpc<ReadinessView>(page, attest, 'readiness.get');
  const vendor = view.findings.find((f) => f.target.screen === 'subservice');
  expect(vendor).toBeDefined();
  const vendorId = (vendor!.target as { id: string }).id;
  await page.getByRole('combobox', { name: 'Area' }).click();
  await page.getByRole('option', { name: 'Subservice organisations' }).click();
  const row = readiness.findingRows.filter({ hasText: vendor!.message }).first();
  await expect(row).toContainText(vendor!.object);
  await row.getByTestId('fix-link').click();
  await expect(page).toHaveURL(new RegExp(`subservice=${vendorId}`));
  const drawer = page.getByRole('dialog', { name: vendor!.object });
  await expect(drawer.getByRole('textbox', { name: 'Name' })).toHaveValue(vendor!.object);

  // Closed, the step's list stays and the address forgets the vendor; reopened by the link.
  await drawer.getByRole('button', { name: 'Close' }).first().click();
  await expect(page.getByTestId('wizard-step-subservices')).toBeVisible();
  await expect(page).not.toHaveURL(/subservice=/);
  await page.goto(`${attest.origin}/#${linkTo('subservice', vendorId)}`);
  await page.reload();
  await expect(page.getByRole('dialog', { name: vendor!.object })).toBeVisible();
});
