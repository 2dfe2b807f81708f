import { mkdirSync, readFileSync } from 'node:fs';
import { DEFAULT_SAMPLE_SIZE_TABLE } from '../../shared/domain/sample-size';
import { linkTo } from '../app/routes';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { SampleSizesPage } from './pages/SampleSizesPage';
import { TestingPage } from './pages/TestingPage';
import { rpc } from './pages/rpc';
import { openDemo } from './pages/Workbench';

/*
 * The sample-size table seen by the user (T, issue 18 item 1): the defaults on the demo, the
 * auditor's own table imported (monthly → 3) and a monthly control's suggested sample following
 * it, a malformed file refused with nothing changed, and back to the defaults.
 */

interface Control {
  id: string;
  ref: string;
  frequency: string;
  nature: string;
}

const OUT = '/tmp/attest-shots/sample-sizes';
const AUDITOR = {
  ...DEFAULT_SAMPLE_SIZE_TABLE,
  name: 'Northwind & Co. sampling guide',
  source: 'Northwind & Co. audit methodology, section 4.2 (tests of controls).',
  byFrequency: { ...DEFAULT_SAMPLE_SIZE_TABLE.byFrequency, monthly: { min: 3, max: 3 } },
};

// One walk through, each screen scanned (and shot) in both themes: the flow itself does not
// depend on the theme, so walking it twice only drew every step twice.
test('the sample-size table: defaults, the auditor’s, a bad file, back (both themes)', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 960 });
  const bench = await openDemo(page, attest);
  const shoot = async (name: string) => {
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousA11yViolations(page, `${name} (${scheme})`);
      if (process.env.SCREENSHOTS) {
        mkdirSync(OUT, { recursive: true });
        await page.screenshot({ path: `${OUT}/${scheme}-${name}.png` });
      }
    }
  };
  const { items } = await rpc<{ items: Control[] }>(page, attest, 'controls.list', {
    limit: 1000,
  });
  const monthly = items.find((c) => c.frequency === 'monthly' && c.nature !== 'automated')!;
  expect(monthly, 'the demo has a manual monthly control').toBeTruthy();

  const sizes = new SampleSizesPage(page);
  await sizes.open(attest);
  // The command palette opens the same view.
  await page.goto(`${attest.origin}/#${linkTo('documentationEvidence')}`);
  await bench.runFromPalette('sample sizes', /Sample sizes \(self-testing\)/);
  await expect(sizes.view).toBeVisible();
  // …and self-testing itself, from anywhere.
  await page.goto(`${attest.origin}/#${linkTo('documentationEvidence')}`);
  await bench.runFromPalette('self-testing', /^Self-testing/);
  await expect(page.getByTestId('testing-count')).toBeVisible();
  await bench.runFromPalette('sample sizes', /Sample sizes \(self-testing\)/);
  await expect(sizes.view).toBeVisible();
  await expect(sizes.name).toHaveText('Attest defaults');
  await expect(sizes.view).toContainText('The AICPA prescribes no sample sizes');
  await expect(sizes.view).toContainText('Type I');
  await expect(sizes.sizeOf('monthly')).toHaveText('2–5');
  await expect(page.getByTestId('self-test-label')).toContainText('your auditor selects');
  await shoot('defaults');

  // The auditor's table: what it changes is shown first, then it is in force.
  await sizes.choose('northwind-sampling.json', JSON.stringify(AUDITOR));
  await expect(sizes.preview.locator('tr[data-what="Monthly"]')).toContainText('2–5');
  await expect(sizes.preview.locator('tr[data-what="Monthly"]')).toContainText('3');
  await expect(sizes.preview.locator('tr[data-what="Weekly"]')).toHaveCount(0);
  await shoot('preview');
  await sizes.apply();
  await expect(sizes.name).toHaveText(AUDITOR.name);
  await expect(sizes.sizeOf('monthly')).toHaveText('3');
  await shoot('auditors');

  // The Testing table reads it: the monthly control now suggests 3.
  const testing = new TestingPage(page);
  await sizes.segment('Controls').click();
  await testing.search(monthly.ref);
  await expect(testing.row(monthly.ref).locator('td').nth(3)).toHaveText('3');

  // A malformed file: the server's reason under the picker, and nothing changed.
  await page.goto(`${attest.origin}/#${linkTo('testingSampleSizes')}`);
  await expect(sizes.view).toBeVisible();
  await sizes.choose('broken.json', '{"name": "half a table"');
  await expect(sizes.error).toContainText('not valid JSON');
  await expect(sizes.error).toContainText('Nothing was changed');
  await expect(sizes.name).toHaveText(AUDITOR.name);
  await sizes.choose('wrong.json', JSON.stringify({ ...AUDITOR, expansionLadder: [40, 25] }));
  await expect(sizes.error).toContainText('Expansion sizes go up');
  await expect(sizes.sizeOf('monthly')).toHaveText('3');
  await shoot('error');

  // The table in force downloads in the format the import reads.
  const download = page.waitForEvent('download');
  await sizes.view.getByRole('button', { name: 'Download the table in force as JSON' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('sample-size-table.json');
  const path = await saved.path();
  expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(AUDITOR);

  // Back to the defaults, undone from the notification, then back again.
  await sizes.backToDefaults();
  await expect(sizes.name).toHaveText('Attest defaults');
  await expect(sizes.sizeOf('monthly')).toHaveText('2–5');
  await page.getByTestId('undo-notification').getByRole('button', { name: 'Undo' }).click();
  await expect(sizes.name).toHaveText(AUDITOR.name);
  await expect(sizes.sizeOf('monthly')).toHaveText('3');
  await sizes.backToDefaults();
  await expect(sizes.name).toHaveText('Attest defaults');
  const view = await rpc<{ isDefault: boolean }>(page, attest, 'selfTests.sizeTable', {});
  expect(view.isDefault).toBe(true);
});
