import { readFileSync } from 'node:fs';
import { PAGES, linkTo } from '../app/routes';
import { type AttestServer, expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { EvidencePage } from './pages/EvidencePage';
import { fillDate } from './pages/dates';
import { GapAnalysis } from './pages/GapAnalysis';
import { TestingPage, recordPopulation } from './pages/TestingPage';
import { jobResult, rpc, upload } from './pages/rpc';
import { openDemo } from './pages/Workbench';
import type { Page } from '@playwright/test';

/*
 * Management self-testing seen by the user (T, issue 18): on the demo, a criterion is brought to
 * met; its last key control gets a population (a CSV dropped in Documentation and recorded), a
 * sample is drawn on the Testing tab, the grid is filled by keyboard with one failure, the
 * deviation shows with its missing response, and the criterion reads "met with exceptions".
 */

interface Criterion {
  id: string;
  status: string;
  reason: string;
  keyControlIds: string[];
  metBy: string[];
  exceptions: string[];
}
interface Control {
  id: string;
  ref: string;
  frequency: string;
  nature: string;
  ownerId: string | null;
  performerId: string | null;
}

/** One item performed on 10 February fills such a control's windows at 15 May. */
const ONE_ITEM_ENOUGH = ['quarterly', 'annual', 'semi_annual', 'per_event', 'continuous', 'daily'];

/** A criterion of the demo one key control short of met, and that control. */
async function criterionOneShort(page: Page, attest: AttestServer) {
  const { criteria } = await rpc<{ criteria: Criterion[] }>(page, attest, 'coverage.get');
  const { items: controls } = await rpc<{ items: Control[] }>(page, attest, 'controls.list', {
    limit: 1000,
  });
  const byId = new Map(controls.map((c) => [c.id, c]));
  const pick = criteria
    .filter((c) => c.status === 'mapped' && !/carved/i.test(c.reason))
    .map((c) => ({ criterion: c, short: c.keyControlIds.filter((id) => !c.metBy.includes(id)) }))
    .find(({ short }) => {
      const control = short.length === 1 ? byId.get(short[0]!) : undefined;
      return (
        control &&
        control.nature !== 'automated' &&
        ONE_ITEM_ENOUGH.includes(control.frequency) &&
        control.ownerId !== null
      );
    });
  if (!pick) throw new Error('The demo has no criterion one evidenced control short of met');
  return { criterion: pick.criterion, control: byId.get(pick.short[0]!)! };
}

/** The control put in place and evidenced by a reviewed item (the Assess and Evidence screens' business). */
async function makeMet(page: Page, attest: AttestServer, control: Control) {
  await rpc(page, attest, 'assessments.set', { controlId: control.id, status: 'implemented' });
  const people = await rpc<{ items: { id: string }[] }>(page, attest, 'people.list');
  const reviewer = people.items.find(
    (p) => p.id !== control.ownerId && p.id !== control.performerId,
  )!;
  const fileName = `${control.ref}-operated.txt`;
  const uploadId = await upload(page, attest, fileName, `${control.ref} operated (e2e).\n`);
  const { jobId } = await rpc<{ jobId: string }>(page, attest, 'evidence.add', {
    sources: [{ uploadId, fileName }],
    controlIds: [control.id],
    performedOn: '2026-02-10',
  });
  const added = await jobResult<{ added: { evidenceId: string }[] }>(page, attest, jobId);
  await rpc(page, attest, 'evidence.review', {
    id: added.added[0]!.evidenceId,
    reviewerId: reviewer.id,
  });
}

/** Thirty tickets dated through the period: the control's population. */
const POPULATION_CSV = [
  'ticket,opened_on,summary',
  ...Array.from({ length: 30 }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 6) + 1).padStart(2, '0');
    return `T-${100 + i},2026-${month}-${day},Change request ${i + 1}`;
  }),
].join('\n');

test('draw a sample from a population, record one failure, see the deviation and "met with exceptions"', async ({
  page,
  attest,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openDemo(page, attest);
  const { criterion, control } = await criterionOneShort(page, attest);
  await makeMet(page, attest, control);
  const met = await rpc<{ criteria: Criterion[] }>(page, attest, 'coverage.get');
  expect(met.criteria.find((c) => c.id === criterion.id)?.status).toBe('met');

  // The population: a CSV dropped in Documentation, linked to the control and recorded.
  const evidence = new EvidencePage(page);
  await evidence.open(attest);
  await evidence.drop([
    { name: 'change-tickets.csv', mimeType: 'text/csv', buffer: Buffer.from(POPULATION_CSV) },
  ]);
  const drawer = evidence.drawer;
  await expect(drawer.getByTestId('evidence-panel')).toBeVisible({ timeout: 30_000 });
  await evidence.choose(
    drawer.getByLabel('Controls', { exact: true }),
    control.ref,
    new RegExp(control.ref),
  );
  await expect
    .poll(async () =>
      (
        await rpc<{ items: { title: string }[] }>(page, attest, 'evidence.list', {
          controlId: control.id,
        })
      ).items.map((e) => e.title),
    )
    .toContain('change-tickets');
  const form = drawer.getByTestId('population-form');
  await form.getByLabel('Drawn from').fill('Jira');
  await form.getByLabel('Date column').fill('opened_on');
  await form.getByRole('button', { name: 'Record as a population' }).click();
  await expect(drawer.getByTestId('population-summary')).toContainText('Rows', {
    timeout: 30_000,
  });
  await page.keyboard.press('Escape');

  // The Testing tab: the label, the control not tested yet; its workbench, the plan and the draw.
  const testing = new TestingPage(page);
  await testing.open(attest);
  await expect(testing.label).toHaveText(
    'Management self-test — your auditor selects its own items',
  );
  await testing.search(control.ref);
  await expect(testing.row(control.ref)).toHaveAttribute('data-status', 'not_tested');
  await testing.row(control.ref).click();
  await expect(testing.workbench).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`control=${control.id}`));
  await expect(testing.plan).toContainText('from its population (30 rows in the window)');
  await expect(testing.plan.getByTestId('flag-completeness')).toBeVisible();
  await testing.draw();

  const test1 = (
    await rpc<{ id: string; sampleSize: number }[]>(page, attest, 'selfTests.list', {
      controlId: control.id,
    })
  )[0]!;
  const detail = await rpc<{ attributes: unknown[]; items: unknown[] }>(
    page,
    attest,
    'selfTests.get',
    { id: test1.id },
  );
  const cellCount = detail.items.length * detail.attributes.length;
  await expect(testing.cells()).toHaveCount(cellCount);

  // The grid by keyboard alone (arrows, j, p/f): the first cell fails, every other passes.
  const cols = detail.attributes.length;
  await testing.fillByKeyboard(detail.items.length, cols, (row, col) =>
    row === 0 && col === 0 ? 'f' : 'p',
  );
  await expect(testing.cells().nth(0)).toHaveAttribute('data-result', 'fail');
  await expect(testing.grid.locator('[data-result="pass"]')).toHaveCount(cellCount - 1);

  // The deviation, "1 of N", awaiting management's response; the result in the self-test words.
  const deviation = testing.deviation();
  await expect(deviation).toHaveCount(1);
  await expect(deviation.getByTestId('deviation-extent-count')).toHaveText(
    `1 of ${detail.items.length}`,
  );
  await expect(deviation.getByTestId('response-missing')).toBeVisible();
  await expect(page.getByTestId('test-result')).toHaveText(
    `Self-test: 1 deviation in ${detail.items.length} item${detail.items.length === 1 ? '' : 's'}`,
  );
  await expect(page.getByTestId('self-test')).not.toContainText('no exceptions noted');
  await expect(page.getByTestId('workbench-status')).toHaveAttribute('data-status', 'deviations');

  // Passing the failed cell by key asks why the fail was wrong; cancelling keeps the fail.
  await testing.cells().nth(0).click();
  await page.keyboard.press('p');
  const cellDialog = page.getByTestId('cell-dialog').getByRole('dialog');
  await expect(cellDialog.getByLabel('Why the fail was wrong')).toBeVisible();
  await cellDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(testing.cells().nth(0)).toHaveAttribute('data-result', 'fail');
  await expectNoSeriousA11yViolations(page, 'the test workbench');

  // The worksheet: an XLSX download (a ZIP: its first bytes are "PK").
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export worksheet (XLSX)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = readFileSync((await file.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  // The Dashboard's Self-testing card: the label, the deviation awaiting a response, and the
  // control's line in the self-test wording, linking to its workbench.
  await page.goto(`${attest.origin}/#${PAGES.dashboard}`);
  const card = page.getByTestId('dashboard-self-tests');
  await expect(card.getByTestId('self-test-card-label')).toHaveText(
    'Management self-test — your auditor selects its own items',
  );
  const cardLine = card.locator(`[data-ref="${control.ref}"]`);
  await expect(cardLine).toContainText(
    `Self-test: 1 deviation in ${detail.items.length} item${detail.items.length === 1 ? '' : 's'}`,
  );
  await expect(card.getByTestId('self-test-response-missing')).not.toHaveAttribute(
    'data-value',
    '0',
  );
  await expect(card).not.toContainText('no exceptions noted');
  await cardLine.getByRole('link').click();
  await expect(testing.workbench).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`control=${control.id}`));

  // The criterion, met before, is now met with exceptions: where coverage is shown.
  const gaps = new GapAnalysis(page);
  await page.goto(`${attest.origin}/#${linkTo('gapsCoverage')}`);
  await gaps.cell(criterion.id).click();
  await expect(gaps.criterionDrawer).toContainText('Met with exceptions');
  const after = await rpc<{ criteria: Criterion[] }>(page, attest, 'coverage.get');
  expect(after.criteria.find((c) => c.id === criterion.id)).toMatchObject({
    status: 'met',
    exceptions: [control.id],
  });
  await page.keyboard.press('Escape');

  // The control's own card in Gap analysis says it was self-tested, and links back.
  await page.goto(`${attest.origin}/#${linkTo('gapsControl', control.id)}`);
  const line = page.getByTestId('self-test-line');
  await expect(line).toContainText(`${detail.items.length} item`);
  await expect(line).toContainText('1 deviation');
  // So does its drawer in Scope, with the same link.
  await page.goto(`${attest.origin}/#${linkTo('scopeControl', control.id)}`);
  const drawerLine = page.getByRole('dialog').getByTestId('self-test-line');
  await expect(drawerLine).toContainText('1 deviation');
  await drawerLine.getByRole('link').click();
  await expect(testing.workbench).toBeVisible();

  // The response, saved as typed: no longer missing (the deviation stays).
  await deviation
    .getByLabel('Management response')
    .fill('Reviewer retrained; the check is now in the ticket template.');
  await expect(deviation.getByTestId('response-missing')).toHaveCount(0);
  await expect
    .poll(async () =>
      (
        await rpc<{ responseMissing: boolean }[]>(page, attest, 'selfTests.deviations', {
          controlId: control.id,
        })
      ).map((d) => d.responseMissing),
    )
    .toEqual([false]);
  // The deviation's History, folded until asked for: the response is its newest change, from
  // nothing to what was typed (the first entry records the fields empty).
  await deviation.getByRole('button', { name: /^History of DEV-/ }).click();
  await expect(deviation.getByTestId('record-history-entry').first()).toContainText(
    'management response: — → Reviewer retrained;',
  );

  // Opened directly and after a reload: the same workbench, the deviation still there.
  await page.reload();
  await expect(testing.workbench).toBeVisible();
  await expect(testing.deviation()).toHaveCount(1);
  await expect(testing.label).toBeVisible();
  await testing.open(attest);
  await testing.search(control.ref);
  await expect(testing.row(control.ref)).toHaveAttribute('data-status', 'deviations');
  await expect(testing.row(control.ref)).toContainText('Self-test: 1 deviation');
  await expectNoSeriousA11yViolations(page, 'the Testing tab');
});

/** Eighty access requests through the period: a per-event control's population. */
const REQUESTS_CSV = [
  'request,granted_on',
  ...Array.from({ length: 80 }, (_, i) => {
    const month = String((i % 6) + 1).padStart(2, '0');
    const day = String((i % 27) + 1).padStart(2, '0');
    return `REQ-${1000 + i},2026-${month}-${day}`;
  }),
].join('\n');

test('a deviation lets a sample grow (its rows drawn a screenful at a time); a re-test keeps the old test read-only', async ({
  page,
  attest,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openDemo(page, attest);
  const { items } = await rpc<{ items: Control[] }>(page, attest, 'controls.list', {
    limit: 1000,
  });
  const control = items.find((c) => c.frequency === 'per_event')!;
  await recordPopulation(page, attest, control.id, 'requests.csv', REQUESTS_CSV, 'granted_on');

  const testing = new TestingPage(page);
  await testing.openControl(attest, control.id);
  await expect(testing.plan.getByTestId('plan-size')).toContainText('20 items');
  await expect(testing.plan.getByTestId('plan-size')).toContainText('range 20–40');
  await testing.plan.getByLabel('Seed').fill('e2e-seed');
  await testing.draw();
  await expect(page.getByTestId('self-test')).toContainText('seed “e2e-seed”');
  // Tests are numbered across the vault (the demo's own sample is ST-1): this one's reference.
  const first = (await page.getByTestId('self-test').getAttribute('data-test-ref'))!;
  const retest = `ST-${Number(first.slice(3)) + 1}`;
  const expand = page.getByTestId('expand-sample');
  await expect(expand).toBeDisabled();

  // One failure, by key: expansion is offered, to the next size of the table.
  await testing.cells().first().click();
  await page.keyboard.press('f');
  await expect(testing.deviation()).toHaveCount(1);
  await expect(expand).toBeEnabled();
  await expect(expand).toHaveText('Expand sample to 40');
  await expand.click();
  await expect(page.getByTestId('self-test')).toContainText('40 items of 80');
  // Forty items, but only the rows in view are in the page.
  const drawnRows = await page.getByTestId('grid-row').count();
  expect(drawnRows).toBeGreaterThan(0);
  expect(drawnRows).toBeLessThan(40);
  // The failed item is still there, still failed.
  await expect(testing.cells().first()).toHaveAttribute('data-result', 'fail');

  // A re-test after a remediation covers the rest of the period: from 1 April, 39 of the 80
  // requests (13–52 items → 5–15), at the upper end of the range on request.
  await fillDate(testing.plan.getByLabel('Re-test from'), '2026-04-01');
  await expect(testing.plan.getByTestId('plan-size')).toHaveText(/^5 items .*39 rows dated/);
  await testing.plan.getByText('Upper end of the range').click();
  await expect(testing.plan.getByTestId('plan-size')).toHaveText(/^15 items /);
  // A re-test is a new test; the first stays, listed and read-only.
  await testing.plan.getByRole('button', { name: 'Re-test: draw a new sample' }).click();
  await expect(page.getByTestId('self-test')).toHaveAttribute('data-test-ref', retest);
  const tests = await rpc<{ id: string; ref: string }[]>(page, attest, 'selfTests.list', {
    controlId: control.id,
  });
  const again = await rpc<{ sampleSize: number; items: { date: string | null }[] }>(
    page,
    attest,
    'selfTests.get',
    { id: tests.find((t) => t.ref === retest)!.id },
  );
  expect(again.sampleSize).toBe(15);
  expect(again.items.filter((i) => i.date === null || i.date < '2026-04-01')).toEqual([]);
  const older = page.getByTestId('older-tests');
  await expect(older).toContainText(first);
  await expect(older).toContainText('Self-test: 1 deviation in 40 items');
  await older.getByRole('button', { name: 'View' }).click();
  await expect(page.getByTestId('self-test')).toContainText('(earlier test, read-only)');
  await expect(page.getByTestId('expand-sample')).toHaveCount(0);
  await expect(page.getByTestId('attributes-editor')).toHaveCount(0);
  await testing.cells().first().click();
  await page.keyboard.press('p');
  await expect(testing.cells().first()).toHaveAttribute('data-result', 'fail');
});

test('a monthly control is sampled from its occurrence windows, through the screens', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openDemo(page, attest);
  const { items: controls } = await rpc<{ items: Control[] }>(page, attest, 'controls.list', {
    limit: 1000,
  });
  const tested = new Set(
    (await rpc<{ controlId: string }[]>(page, attest, 'selfTests.list', {})).map(
      (t) => t.controlId,
    ),
  );
  const control = controls.find(
    (c) => c.frequency === 'monthly' && c.nature !== 'automated' && !tested.has(c.id),
  );
  if (!control) throw new Error('The demo has no untested manual monthly control');
  const plan = await rpc<{ drawFrom: string; size: number; populationSize: number }>(
    page,
    attest,
    'selfTests.plan',
    { controlId: control.id },
  );
  expect(plan.drawFrom).toBe('occurrences');

  const testing = new TestingPage(page);
  await testing.openControl(attest, control.id);
  await expect(testing.plan).toContainText(
    `its occurrence windows (${plan.populationSize} windows over`,
  );
  await testing.draw();
  const [drawn] = await rpc<{ id: string; sampleSize: number }[]>(page, attest, 'selfTests.list', {
    controlId: control.id,
  });
  expect(drawn!.sampleSize).toBe(plan.size);
  const detail = await rpc<{ attributes: unknown[]; items: unknown[] }>(
    page,
    attest,
    'selfTests.get',
    { id: drawn!.id },
  );
  expect(detail.items).toHaveLength(plan.size);
  await expect(testing.cells()).toHaveCount(plan.size * detail.attributes.length);
});

test('sorting a Testing column reorders the controls in Attest’s order', async ({
  page,
  attest,
}) => {
  await openDemo(page, attest);
  const testing = new TestingPage(page);
  await testing.open(attest);
  const rows = testing.table.locator('tr[data-ref]');
  const order = async (key: string, dir: 'asc' | 'desc') =>
    (
      await rpc<{ items: { ref: string }[] }>(page, attest, 'controls.list', {
        sort: { key, dir },
        limit: 1,
      })
    ).items.map((c) => c.ref);
  await expect(rows.first()).toHaveAttribute('data-ref', (await order('ref', 'asc'))[0]!);
  const title = testing.table.getByRole('columnheader', { name: 'Control' });
  await title.getByRole('button').click();
  await expect(title).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.first()).toHaveAttribute('data-ref', (await order('title', 'asc'))[0]!);
  const ref = testing.table.getByRole('columnheader', { name: 'Ref' });
  await ref.getByRole('button').click();
  await ref.getByRole('button').click();
  await expect(ref).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toHaveAttribute('data-ref', (await order('ref', 'desc'))[0]!);
});
