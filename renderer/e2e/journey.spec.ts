import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { AuditorMode } from './pages/AuditorMode';
import { AuditorResponseDialog } from './pages/AuditorResponse';
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
import {
  CONTROL,
  ENGAGEMENT,
  HIRES_CSV,
  PBC_CSV,
  closeDrawer,
  closePicker,
  journeyShots,
} from './pages/journey';
import { assessmentSummary, rpc, tasks } from './pages/rpc';
import { scratchDir } from './scratch';

/*
 * The newcomer's journey (F2 item 3): one person, from the start screen to the audit package,
 * through the screens alone, as they would meet them for the first time — a new vault, its
 * scope, a first assessment, the plan, the auditor's list, evidence and a population, a
 * self-test, a policy, a frozen review and the package; then the auditor's side of it (the
 * package opened and verified, a status, a comment, a new request, two items picked, the signed
 * response saved), the response imported into the vault, and the next period started. The
 * contract is asked only to check what the screens did. With SCREENSHOTS=1 every step is also photographed in both themes
 * (/tmp/attest-shots/journey-NN-<step>.png), to look at.
 */

test('a newcomer takes an engagement from a new vault to the audit package', async ({
  page,
  attest,
}) => {
  // Every step of the product in one test: long, and longer on a busy machine.
  test.setTimeout(600_000);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  const shot = journeyShots(page);
  const files = scratchDir('journey');
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
    await closePicker(page);
    await expect(evidence.drawer.getByTestId('evidence-preview-text')).toContainText('Checkr');
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
    await closePicker(page);
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

  let zip = '';
  await test.step('export: the audit package downloaded', async () => {
    await bench.goByMouse(STEPS[6]);
    const card = page.getByTestId('package-export');
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Export audit package…' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Audit-Package_.*\.zip$/);
    await expect(page.getByTestId('package-result')).toContainText(/files, .*B\./);
    await shot('export', true);
    zip = join(files, file.suggestedFilename());
    await file.saveAs(zip);
    expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' });
    // The file under its control, the population with its window, the approved policy.
    expect(names).toMatch(/^04_Evidence\/HR-01\/EV-1_background-check-process\.txt$/m);
    expect(names).toMatch(/^05_Populations\/EV-2_2026-01-01_2026-06-30_new-hires-h1\.csv$/m);
    expect(names).toMatch(/^03_Policies\/.*Access-Control-Policy_v1_approved/m);
  });
  // The auditor's half: the same person's laptop, standing in for the auditor's (auditor mode
  // keeps its identity and drafts under ATTEST_HOME, apart from any vault).
  const auditor = new AuditorMode(page);
  const start = new StartPage(page);
  await test.step('the vault closed; the package opened in auditor mode, integrity verified', async () => {
    await bench.closeVault();
    await start.expectShown();
    await expect(start.recent(ENGAGEMENT)).toBeVisible();
    await auditor.openFromStart(zip);
    await auditor.expectOpen(ENGAGEMENT);
    await expect(auditor.openDialog).toBeHidden();
    await expect(auditor.verified).toContainText(
      'Package integrity verified: files unchanged since export',
    );
    // The fingerprint shown is the one the consultant was shown on Export.
    const open = await rpc<{ fingerprint: string }>(page, attest, 'auditor.package');
    expect(await auditor.shownFingerprint()).toBe(open.fingerprint);
    await shot('auditor-verified', true);
  });

  await test.step('auditor: a status, a comment and a new request', async () => {
    await auditor.view('By request').click();
    await auditor.openRow('audit-requests', 'PBC-001');
    await auditor.panel.getByRole('radio', { name: /Accepted/ }).check();
    await expect(auditor.panel.getByRole('radio', { name: /Accepted/ })).toBeChecked();
    await auditor.closePanel();
    await auditor.openRow('audit-requests', 'PBC-002');
    await auditor.panel.getByRole('radio', { name: /Follow-up/ }).check();
    await auditor.comment('PBC-002', 'Does this list include contractors?');
    await shot('auditor-request');
    await auditor.closePanel();
    await page.getByRole('button', { name: 'New request…' }).click();
    const dialog = page.getByTestId('new-request-dialog');
    await dialog.getByLabel('Title').fill('Offer letters for the two sampled hires');
    await dialog.getByRole('button', { name: 'Add to response' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('auditor: two items picked from the population', async () => {
    await auditor.view('Populations').click();
    const rows = page.getByTestId('population-rows');
    await rows.getByRole('checkbox').nth(1).check();
    await rows.getByRole('checkbox').nth(2).check();
    await page.getByRole('button', { name: 'Pick 2 items…' }).click();
    const pick = page.getByTestId('pick-dialog');
    await pick.getByLabel('What to show for each item').fill('The cleared background check');
    await pick.getByRole('button', { name: 'Pick 2 items' }).click();
    await expect(pick).toBeHidden();
    await expect(rows.getByText('Picked')).toHaveCount(2);
    await shot('auditor-population');
  });

  const response = join(files, 'response.json');
  await test.step('auditor: the response signed and saved, the package closed', async () => {
    await auditor.view('Your response').click();
    const identity = page.getByTestId('auditor-identity');
    await identity.getByLabel('Your name').fill('Dana Auditor');
    await identity.getByLabel('Audit firm').fill('Example & Co LLP');
    await identity.getByRole('button', { name: 'Save and create my key' }).click();
    await expect(identity.getByTestId('auditor-fingerprint')).toBeVisible();
    // Two statuses, a comment, a new request and the sample pick.
    await expect(page.getByTestId('draft-item')).toHaveCount(5);
    await shot('auditor-response', true);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save response…' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Auditor-Response_.*\.json$/);
    await file.saveAs(response);
    const saved = JSON.parse(readFileSync(response, 'utf8')) as {
      response: { items: unknown[] };
      signature: { algorithm: string } | null;
    };
    expect(saved.response.items).toHaveLength(5);
    expect(saved.signature?.algorithm).toBe('ed25519');
    await auditor.close();
    await start.expectShown();
  });

  await test.step('the vault reopened; the auditor’s response imported', async () => {
    await start.openRecent(ENGAGEMENT);
    await bench.expectOpen(ENGAGEMENT);
    await bench.goByMouse(STEPS[4]);
    await expect(requests.rows).toHaveCount(3);
    const dialog = new AuditorResponseDialog(page);
    await dialog.open();
    await dialog.chooseFile(response);
    await expect(dialog.confirmation).toContainText('Dana Auditor');
    await expect(dialog.confirmation).toContainText('Example & Co LLP');
    await expect(dialog.count('status')).toHaveText('2');
    await expect(dialog.count('comment')).toHaveText('1');
    await expect(dialog.count('request')).toHaveText('1');
    await expect(dialog.count('sample')).toHaveText('1');
    await shot('response-confirm');
    await dialog.confirmImport();
    await expect(dialog.result).toContainText('Imported 5 items from the auditor’s response');
    await dialog.close();

    // The auditor's statuses on their requests, and their two new ones (AUD-…).
    await expect(requests.row('PBC-001').locator('[data-auditor-status="accepted"]')).toBeVisible();
    await expect(
      requests.row('PBC-002').locator('[data-auditor-status="follow_up"]'),
    ).toBeVisible();
    await expect(requests.rows).toHaveCount(5);
    await expect(requests.rows.filter({ hasText: 'Offer letters' })).toHaveAttribute(
      'data-ref',
      /^AUD-\d+$/,
    );
    const sample = requests.rows.filter({ hasText: 'Sample selected by Example & Co LLP' });
    await expect(sample).toHaveAttribute('data-ref', /^AUD-\d+$/);
    await shot('response-imported');
    await requests.row('PBC-002').click();
    await expect(
      requests.drawer.locator('[data-testid="request-comment"][data-source="auditor"]'),
    ).toContainText('Does this list include contractors?');
    await closeDrawer(requests.drawer);
    // The sample: the population it was picked from and its two rows, for the consultant to
    // answer like any request.
    await sample.click();
    const columns = requests.drawer.getByTestId('auditor-columns');
    await expect(columns).toContainText('EV-2');
    await expect(columns).toContainText(/row-\d+, row-\d+/);
    await shot('response-sample');
    await closeDrawer(requests.drawer);
  });

  await test.step('Vault → Start next period: the new vault opens', async () => {
    const before = await rpc<{ path: string }>(page, attest, 'vault.info');
    await bench.vaultMenu('Start next period…');
    const dialog = page.getByRole('dialog', { name: 'Start next period' });
    await expect(dialog).toContainText('Carried to the new vault');
    await shot('roll-forward');
    await dialog.getByRole('button', { name: 'Create and open' }).click();
    await expect(dialog).toBeHidden();
    await bench.expectOpen(ENGAGEMENT);
    // The six months after this period, with its controls and none of its evidence.
    const after = await rpc<{
      path: string;
      engagement: { period: { start: string; end: string } | null };
    }>(page, attest, 'vault.info');
    expect(after.path).not.toBe(before.path);
    expect(after.engagement.period).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect((await rpc<{ total: number }>(page, attest, 'evidence.list', {})).total).toBe(0);
    await shot('next-period');
  });
});
