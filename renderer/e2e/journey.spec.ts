import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { EvidencePage } from './pages/EvidencePage';
import { GapAnalysis } from './pages/GapAnalysis';
import { PeoplePage } from './pages/PeoplePage';
import { Policies } from './pages/Policies';
import { Readiness } from './pages/Readiness';
import { Remediation } from './pages/Remediation';
import { Requests } from './pages/Requests';
import { ScopeWizard } from './pages/ScopeWizard';
import { StartPage } from './pages/StartPage';
import { TestingPage } from './pages/TestingPage';
import { STEPS, Workbench } from './pages/Workbench';
import { journeyShots } from './pages/journey-shots';
import { assessmentSummary, rpc, tasks } from './pages/rpc';

/*
 * The newcomer's journey (F2 item 3): one person, from the start screen to the audit package,
 * through the screens alone, as they would meet them for the first time — a new vault, its
 * scope, a first assessment, the plan, the auditor's list, evidence and a population, a
 * self-test, a policy, a frozen review and the package. The contract is asked only to check what
 * the screens did. With SCREENSHOTS=1 every step is also photographed in both themes
 * (/tmp/attest-shots/journey-NN-<step>.png), to look at.
 */

const ENGAGEMENT = 'Acme SOC 2 2026';

/** The auditor's list as they send it: their numbers, what they want, the criterion. */
const PBC_CSV = [
  'PBC #,Item Requested,TSC Ref.',
  'PBC-001,Background check process for new hires,CC1.4',
  'PBC-002,List of new hires in the period with their start dates,CC1.4',
  'PBC-003,Access control policy (current approved version),CC6.1',
].join('\r\n');

/** Twelve hires through the period, from the HR system: HR-01's population (a sample of 2). */
const HIRES_CSV = [
  'employee,start_date,role',
  ...Array.from({ length: 12 }, (_, i) => {
    const month = String((i % 6) + 1).padStart(2, '0');
    const day = String(((i * 7) % 27) + 1).padStart(2, '0');
    return `E-${100 + i},2026-${month}-${day},Engineer`;
  }),
].join('\n');

/**
 * Closes a record's drawer by its own Close button: Escape would first close a picker left open
 * in it (a multi-select stays open after a pick).
 */
async function closeDrawer(drawer: Locator) {
  await drawer.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(drawer).toBeHidden();
}

/** HR-01 "Background checks before start": per event, three test attributes. */
const CONTROL = 'HR-01';

test('a newcomer takes an engagement from a new vault to the audit package', async ({
  page,
  attest,
}) => {
  // Every step of the product in one test: long, and longer on a busy machine.
  test.setTimeout(600_000);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  const shot = journeyShots(page);
  const files = mkdtempSync(join(tmpdir(), 'attest-e2e-journey-'));
  const bench = new Workbench(page);

  await test.step('start screen → New vault: Type II over a period', async () => {
    const start = new StartPage(page);
    await start.expectShown();
    await shot('start');
    const dialog = await start.startNewVault();
    await dialog.fill({
      name: ENGAGEMENT,
      client: 'Acme Analytics Ltd',
      reportType: 'Type II',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      categories: ['Availability'],
    });
    await expect(dialog.periodWarning).toBeHidden();
    await shot('new-vault');
    await dialog.submit();
    await bench.expectOpen(ENGAGEMENT);
    await expect(bench.scope).toContainText('Type II');
  });

  await test.step('scope wizard: categories chosen, the scope confirmed', async () => {
    const wizard = new ScopeWizard(page);
    // A new vault opens on its scoping questions.
    await wizard.expectStep(1);
    await wizard.field('Services').fill('Hosted product analytics for online retailers.');
    await wizard.expectSaved();
    await wizard.goNext(2);
    await wizard.goNext(3);
    await expect(wizard.field('Security')).toBeChecked();
    await expect(wizard.field('Availability')).toBeChecked();
    await wizard.field('Confidentiality').check();
    await wizard.expectSaved();
    await shot('scope-categories');
    await wizard.goNext(4);
    await wizard.goNext(5);
    await wizard.goNext(6);
    await page.getByTestId('confirm-scope').click();
    await expect(page.getByTestId('scope-confirmed').last()).toBeVisible();
    await wizard.expectStep(7);
    await shot('scope-confirmed');
    const info = await rpc<{
      engagement: { categories: string[] };
      scope: { controls: unknown[] };
    }>(page, attest, 'vault.info');
    expect([...info.engagement.categories].sort()).toEqual([
      'availability',
      'confidentiality',
      'security',
    ]);
    expect(info.scope.controls.length).toBeGreaterThan(0);
  });

  await test.step('people: who does the work, and who I am', async () => {
    await bench.vaultMenu('People');
    const people = new PeoplePage(page);
    await people.expectShown();
    await people.add({ name: 'Ana Lima', email: 'ana@acme.test', role: 'CTO' });
    await expect(people.row('Ana Lima')).toBeVisible();
    await people.drawer.getByRole('button', { name: 'This is me' }).click();
    await expect(page.getByTestId('current-user')).toContainText('Ana Lima');
    await page.keyboard.press('Escape');
    await expect(people.drawer).toBeHidden();
    await people.add({ name: 'Tom Alvarez', email: 'tom@acme.test', role: 'Head of People' });
    await expect(people.row('Tom Alvarez')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(people.drawer).toBeHidden();
    await shot('people');
  });

  await test.step('gap analysis: a few controls assessed in focused mode', async () => {
    await bench.goByMouse(STEPS[2]);
    const gaps = new GapAnalysis(page);
    const before = await assessmentSummary(page, attest);
    expect(before.assessed).toBe(0);
    await gaps.expectProgress(0, before.controls);
    // Implemented; then the next one not implemented; then one partly in place.
    await gaps.press('1');
    await gaps.expectProgress(1, before.controls);
    await gaps.press('n', '3');
    await gaps.expectProgress(2, before.controls);
    await gaps.press('n', '2');
    await gaps.expectProgress(3, before.controls);
    await expect(gaps.statusButton('Partial')).toHaveAttribute('aria-pressed', 'true');
    await shot('gap-analysis');
    const after = await assessmentSummary(page, attest);
    expect(after.byStatus).toMatchObject({ implemented: 1, not_implemented: 1, partial: 1 });
  });

  await test.step('remediation: the proposed tasks accepted', async () => {
    await bench.goByMouse(STEPS[3]);
    const plan = new Remediation(page);
    await plan.openProposals();
    // One task for each gap: the control not implemented and the one partly in place.
    await expect(plan.acceptButton).toHaveText('Accept all 2');
    await shot('remediation-proposals');
    await plan.acceptButton.click();
    await expect(plan.acceptDialog).toContainText('Add 2 tasks to the plan?');
    await plan.acceptDialog.getByRole('button', { name: 'Create 2 tasks' }).click();
    await expect(plan.acceptDialog).toBeHidden();
    await expect(plan.proposals).toBeHidden();
    await expect(plan.column('todo').locator('[data-task-ref]')).toHaveCount(2);
    await shot('remediation-plan');
    expect(await tasks(page, attest)).toHaveLength(2);
  });

  const requests = new Requests(page);
  await test.step('documentation: the auditor’s request list imported', async () => {
    await bench.goByMouse(STEPS[4]);
    await expect(page.getByTestId('empty-state')).toContainText('No requests from the auditor yet');
    await requests.startImport();
    const csv = join(files, 'Acme PBC list.csv');
    writeFileSync(csv, PBC_CSV);
    await requests.chooseFile(csv);
    await expect(requests.fieldFor('Item Requested')).toHaveValue('Description');
    await expect(requests.fieldFor('TSC Ref.')).toHaveValue('Criteria');
    await requests.toPreview();
    await expect(requests.count('new')).toHaveText('3');
    await shot('requests-import-preview');
    await requests.runImport();
    await requests.finishImport();
    await expect(requests.rows).toHaveCount(3);
    await expect(bench.navLink(STEPS[4])).toContainText('3 requests');
    await shot('requests');
  });

  const evidence = new EvidencePage(page);
  const requestId = async (ref: string) =>
    (await rpc<{ items: { id: string; ref: string }[] }>(page, attest, 'requests.list')).items.find(
      (r) => r.ref === ref,
    )!.id;
  const linked = async (ref: string) =>
    (
      await rpc<{ items: { title: string }[] }>(page, attest, 'evidence.list', {
        requestId: await requestId(ref),
      })
    ).items.map((e) => e.title);

  await test.step('evidence: a file for a request and a control', async () => {
    await page.getByRole('tab', { name: 'Evidence' }).click();
    await expect(page.getByText('No evidence yet')).toBeVisible();
    await evidence.drop([
      {
        name: 'background-check-process.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Every hire is checked by Checkr before their start date.\n'),
      },
    ]);
    // One file dropped opens in the drawer, ready to be described and linked.
    await expect(evidence.drawer.getByTestId('evidence-panel')).toBeVisible({ timeout: 30_000 });
    await evidence.choose(
      evidence.drawer.getByLabel('Controls', { exact: true }),
      CONTROL,
      new RegExp(CONTROL),
    );
    await evidence.choose(
      evidence.drawer.getByLabel('Auditor requests', { exact: true }),
      'PBC-001',
      /PBC-001/,
    );
    await expect.poll(() => linked('PBC-001')).toEqual(['background-check-process']);
    await shot('evidence-file');
    await closeDrawer(evidence.drawer);
  });

  await test.step('evidence: a population with a date column, for the same control', async () => {
    await evidence.drop([
      { name: 'new-hires-h1.csv', mimeType: 'text/csv', buffer: Buffer.from(HIRES_CSV) },
    ]);
    const drawer = evidence.drawer;
    await expect(drawer.getByTestId('evidence-panel')).toBeVisible({ timeout: 30_000 });
    await evidence.choose(drawer.getByLabel('Controls', { exact: true }), CONTROL, /HR-01/);
    await evidence.choose(
      drawer.getByLabel('Auditor requests', { exact: true }),
      'PBC-002',
      /PBC-002/,
    );
    await expect.poll(() => linked('PBC-002')).toEqual(['new-hires-h1']);
    const form = drawer.getByTestId('population-form');
    await form.getByLabel('Drawn from').fill('Workday');
    await form.getByLabel('Date column').fill('start_date');
    await form.getByRole('button', { name: 'Record as a population' }).click();
    await expect(drawer.getByTestId('population-summary')).toContainText('Rows', {
      timeout: 30_000,
    });
    await shot('evidence-population');
    await closeDrawer(drawer);
    await expect(evidence.table.getByTestId('evidence-row')).toHaveCount(2);
  });

  await test.step('testing: a sample drawn from the population and its result recorded', async () => {
    await page.getByRole('tab', { name: 'Testing' }).click();
    const testing = new TestingPage(page);
    await testing.search(CONTROL);
    await testing.row(CONTROL).click();
    await expect(testing.workbench).toBeVisible();
    await expect(testing.plan).toContainText('12 rows in the window');
    await testing.draw();
    // Two hires, three attributes each: every cell answered from the keyboard, all passing.
    await expect(testing.cells()).toHaveCount(6);
    await testing.fillByKeyboard(2, 3, () => 'p');
    await expect(testing.grid.locator('[data-result="pass"]')).toHaveCount(6);
    await expect(page.getByTestId('test-result')).toHaveText('Self-test: 0 deviations in 2 items');
    await shot('testing', true);
    const controlId = (
      await rpc<{ items: { id: string; ref: string }[] }>(page, attest, 'controls.list', {
        limit: 1000,
      })
    ).items.find((c) => c.ref === CONTROL)!.id;
    const recorded = await rpc<{ sampleSize: number }[]>(page, attest, 'selfTests.list', {
      controlId,
    });
    expect(recorded.map((t) => t.sampleSize)).toEqual([2]);
  });

  await test.step('policies: one written from a template and approved', async () => {
    await page.getByRole('tab', { name: 'Policies' }).click();
    const policies = new Policies(page);
    await expect(policies.row('Access Control Policy')).toContainText('Not written');
    await policies.createFromTemplate('Access Control Policy', 'Ana Lima');
    await expect(policies.editor).toHaveValue(/Ana Lima/);
    await shot('policy-draft');
    await policies.drawer.getByRole('button', { name: 'Approve version 1…' }).click();
    const approve = policies.drawer.getByTestId('approve-form');
    await policies.choosePerson(approve, 'Approved by', 'Tom Alvarez');
    await approve.getByRole('button', { name: 'Approve version 1' }).click();
    await expect(policies.drawer.getByTestId('version-locked')).toContainText(
      'Version 1 is approved and locked',
    );
    await shot('policy-approved');
    await closeDrawer(policies.drawer);
    await expect(policies.row('Access Control Policy')).toContainText(/Approved/);
  });

  await test.step('readiness: the review frozen', async () => {
    await bench.goByMouse(STEPS[5]);
    const readiness = new Readiness(page);
    await readiness.expectShown();
    await page.getByTestId('freeze-button').first().click();
    // Signed off by whoever is using Attest unless changed: Ana, who said "This is me".
    await expect(readiness.freezeForm.getByLabel('Signed off by')).toHaveValue(/^Ana Lima/);
    await readiness.freezeForm
      .getByLabel('Comment')
      .fill('First look before the auditor’s fieldwork');
    await readiness.freezeForm.getByRole('button', { name: 'Freeze' }).click();
    await expect(readiness.freezeForm).toBeHidden();
    await expect(readiness.snapshotRows).toHaveCount(1);
    await expect(bench.navLink(STEPS[5])).not.toContainText('No review frozen yet');
    await shot('readiness', true);
  });

  await test.step('export: the audit package downloaded', async () => {
    await bench.goByMouse(STEPS[6]);
    const card = page.getByTestId('package-export');
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Export audit package…' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Audit-Package_.*\.zip$/);
    await expect(page.getByTestId('package-result')).toContainText(/files, .*B\./);
    await shot('export', true);
    const zip = join(files, file.suggestedFilename());
    await file.saveAs(zip);
    expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' });
    // The file under its control, the population with its window, the approved policy.
    expect(names).toMatch(/^04_Evidence\/HR-01\/EV-1_background-check-process\.txt$/m);
    expect(names).toMatch(/^05_Populations\/EV-2_2026-01-01_2026-06-30_new-hires-h1\.csv$/m);
    expect(names).toMatch(/^03_Policies\/.*Access-Control-Policy_v1_approved/m);
  });
});
