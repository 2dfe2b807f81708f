import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import {
  type AttestServer,
  createVaultByApi,
  expect,
  expectNoSeriousA11yViolations,
  openDemoVault,
  test,
} from './fixtures';
import { controls as allControls, rpc as ask } from './pages/rpc';
import { ScopeView } from './pages/ScopeView';
import { ScopeWizard } from './pages/ScopeWizard';
import { STEPS, Workbench } from './pages/Workbench';
import { fillDate } from './pages/dates';

const repo = fileURLToPath(new URL('../..', import.meta.url));

const PERIOD = { start: '2026-01-01', end: '2026-06-30' };

/** The demo engagement, open in the window (which first shows its Dashboard). */
async function openDemo(page: Page, attest: AttestServer) {
  await openDemoVault(page, attest);
  await new Workbench(page).expectOpen('Demo — Northwind Analytics SOC 2 Type II');
}

test('the wizard scopes a Type II engagement with a carved-out cloud provider', async ({
  page,
  attest,
}) => {
  test.setTimeout(150_000);
  await createVaultByApi(page, attest, {
    name: 'Acme SOC 2 2026',
    reportType: 'type2',
    period: PERIOD,
    categories: ['security'],
  });
  const bench = new Workbench(page);
  await bench.goByMouse(STEPS[1]);
  await expect(bench.navLink(STEPS[1])).toContainText('1 category chosen · not confirmed');
  const wizard = new ScopeWizard(page);

  // 1 Engagement
  await wizard.expectStep(1);
  await wizard.field('Client').fill('Acme Analytics Ltd');
  await wizard.field('Services').fill('Hosted product analytics for online retailers.');
  await wizard.field('Auditor firm').fill('Example & Co LLP');
  await wizard.field('Contact 1 name').fill('Ana Lima');
  await wizard.field('Contact 1 role').fill('CTO');
  await wizard.expectSaved();
  await expectNoSeriousA11yViolations(page, 'wizard: engagement');

  // 2 Report type: an end before the start is refused under the field, and nothing is saved.
  await wizard.goNext(2);
  await fillDate(wizard.field('Period ends'), '2025-12-01');
  await wizard.expectFieldError(wizard.field('Period ends'), 'The period must end after it starts');
  const refused = await ask<{ engagement: { period: unknown } }>(page, attest, 'vault.info');
  expect(refused.engagement.period).toEqual(PERIOD);
  await fillDate(wizard.field('Period ends'), PERIOD.end);
  await expect(wizard.field('Period ends')).not.toHaveAttribute('aria-invalid', 'true');
  // The error goes as the date is typed: wait for the calendar to finish closing before the scan.
  await expect(page.locator('.mantine-DateInput-calendarHeaderControl')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'wizard: report type');

  // 3 Categories
  await wizard.goNext(3);
  await expect(wizard.field('Security')).toBeChecked();
  await expect(wizard.field('Security')).toBeDisabled();
  await wizard.field('Availability').check();
  await wizard.field('Confidentiality').check();
  await wizard.expectSaved();
  await expectNoSeriousA11yViolations(page, 'wizard: categories');

  // 4 System description
  await wizard.goNext(4);
  await wizard.field('Principal service commitments').fill('99.9 % monthly availability.');
  await wizard.field('System boundaries').fill('The production platform on AWS.');
  await page.getByRole('button', { name: 'Add infrastructure component' }).click();
  await wizard.field('Name of the infrastructure component').fill('AWS production account');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('components-infrastructure')).toContainText(
    'AWS production account',
  );
  await expectNoSeriousA11yViolations(page, 'wizard: system description');

  // 5 Incidents (none, dated) and a significant change
  await wizard.goNext(5);
  await page
    .getByTestId('events-incident')
    .getByRole('button', { name: 'State there were none' })
    .click();
  await expect(page.getByTestId('none-incident')).toContainText('No incidents');
  await page.getByRole('button', { name: 'Add change' }).click();
  const change = page.getByRole('dialog', { name: 'New significant change' });
  await fillDate(change.getByRole('textbox', { name: 'Date' }), '2026-03-02');
  await change.getByLabel('Title').fill('Moved to a second AWS region');
  await change.getByRole('button', { name: 'Add significant change' }).click();
  await expect(change).toBeHidden();
  await expect(page.getByTestId('events-change')).toContainText('Moved to a second AWS region');
  await expectNoSeriousA11yViolations(page, 'wizard: incidents and changes');

  // 6 Review and confirm: what is answered is ticked, nothing merely walked past; the three
  // questions that need the criteria come after confirming, and there is no Next before it.
  await wizard.goNext(6);
  expect(await wizard.answered()).toEqual(['engagement', 'report', 'categories', 'events']);
  await expect(wizard.next).toHaveCount(0);
  await expect(page.getByTestId('completeness')).toContainText('Subservice organisations');
  await expect(page.getByTestId('completeness')).toContainText(
    'Complementary user entity controls',
  );
  await expect(page.getByTestId('completeness')).toContainText(
    'Criteria not relevant to the system',
  );
  await expect(page.getByTestId('completeness')).toContainText('After confirming');
  await expectNoSeriousA11yViolations(page, 'wizard: review');
  // Confirming lands at the top of the next question.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.getByTestId('confirm-scope').click();
  await expect(page.getByTestId('scope-confirmed').last()).toBeVisible();
  await wizard.expectStep(7);
  await expect.poll(() => page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);

  // 7 Subservice organisations: no question asks to confirm first; the criteria are in.
  await expect(page.getByTestId('needs-confirm')).toHaveCount(0);
  await page.getByRole('button', { name: 'Add organisation' }).click();
  const org = page.getByRole('dialog', { name: 'New subservice organisation' });
  await org.getByRole('textbox', { name: 'Name', exact: true }).fill('Amazon Web Services');
  await org.getByLabel('Services it provides').fill('Hosting of the production environment');
  await wizard.choose(org.getByLabel('Criteria its controls support'), 'CC6.4', 'A1.2');
  await org.getByRole('button', { name: 'Add a control they operate' }).click();
  await org
    .getByLabel('Control 1 at the organisation', { exact: true })
    .fill('Physical access to data centres is restricted');
  await wizard.choose(org.getByLabel('Criteria control 1 supports'), 'CC6.4');
  await wizard.choose(org.getByLabel('Our monitoring control'), 'VEN-03');
  await org.getByRole('button', { name: 'Add organisation' }).click();
  const saved = page.getByRole('dialog', { name: 'Amazon Web Services' });
  await expect(saved).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'wizard: subservice drawer');
  await saved.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('subservice-list')).toContainText('monitored through VEN-03');

  // 8 Our CUECs
  await wizard.goNext(8);
  await page.getByRole('button', { name: 'Add customer control' }).click();
  await wizard.field('What customers must do').fill('Customers remove their leavers promptly');
  await wizard.choose(wizard.field('Criteria it supports'), 'CC6.2');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('cuec-list')).toContainText('Customers remove their leavers');

  // 9 Not relevant: a carved-out criterion is refused; no reason, no mark.
  await wizard.goNext(9);
  await page.getByRole('switch', { name: 'CC6.4 not relevant' }).click();
  await expect(page.getByTestId('relevance-CC6.4')).toContainText(
    'CC6.4 is carved out to Amazon Web Services',
  );
  await page.getByRole('switch', { name: 'A1.3 not relevant' }).click();
  const reason = wizard.field('Why A1.3 does not apply');
  await expect(reason).toBeFocused();
  await page.keyboard.press('Tab');
  await wizard.expectFieldError(reason, 'Say why the criterion is not relevant');
  const criteria = async () =>
    (
      await ask<{ items: { id: string; notRelevantReason: string | null }[] }>(
        page,
        attest,
        'criteria.list',
      )
    ).items;
  expect((await criteria()).find((c) => c.id === 'A1.3')?.notRelevantReason).toBeNull();
  await expectNoSeriousA11yViolations(page, 'wizard: criteria not relevant');
  await page.getByRole('switch', { name: 'A1.3 not relevant' }).click();
  // Nothing marked is not an answer: every criterion applying is said explicitly.
  await page.getByTestId('confirm-none-notRelevant').click();
  await expect(page.getByTestId('confirmed-none-notRelevant')).toContainText(
    'Every criterion in scope applies to the system',
  );

  expect(await wizard.answered()).toEqual([
    'engagement',
    'report',
    'categories',
    'events',
    'review',
    'subservices',
    'cuecs',
    'not-relevant',
  ]);
  await page.getByRole('button', { name: 'Finish: see the scope' }).click();

  // The control set is what Attest holds, with availability and confidentiality controls.
  const view = new ScopeView(page);
  await expect(page.getByRole('link', { name: 'Edit scope' })).toBeVisible();
  const controls = await allControls(page, attest);
  await expect(page.getByTestId('controls-count')).toHaveText(`${controls.length} active`);
  // Exactly the library controls serving Security, Availability or Confidentiality: none that
  // serves only Processing Integrity or Privacy.
  const library = (
    JSON.parse(readFileSync(join(repo, 'resources', 'catalog', 'controls.json'), 'utf8')) as {
      controls: { ref: string; categories: string[] }[];
    }
  ).controls;
  const chosen = new Set(['security', 'availability', 'confidentiality']);
  const expected = library.filter((c) => c.categories.some((cat) => chosen.has(cat)));
  expect(controls.map((c) => c.ref).sort()).toEqual(expected.map((c) => c.ref).sort());
  expect(expected.length).toBeLessThan(library.length);
  expect(controls.map((c) => c.ref)).toEqual(expect.arrayContaining(['BCP-02', 'CON-01']));
  await expect(bench.navLink(STEPS[1])).toContainText(`${controls.length} controls`);
  await view.tab('Controls');
  const listed = await view.controlRefs();
  expect([...listed.refs].sort()).toEqual(controls.map((c) => c.ref).sort());
  await expect(await view.findControlRow('BCP-02')).toBeVisible();
  await expect(await view.findControlRow('CON-01')).toBeVisible();

  // The narrative names the carved-out provider and the period.
  await view.tab('System description');
  const narrative = page.getByTestId('markdown');
  await expect(narrative).toContainText('Amazon Web Services using the carve-out method');
  await expect(narrative).toContainText('1 January 2026 to 30 June 2026');
  await expectNoSeriousA11yViolations(page, 'scope: narrative');
});

interface SdTexts {
  texts: Record<'services' | 'commitments' | 'systemRequirements' | 'boundaries', string>;
}

test('text typed just before changing step or reloading is saved, not lost', async ({
  page,
  attest,
}) => {
  await createVaultByApi(page, attest, {
    name: 'Autosave SOC 2',
    reportType: 'type2',
    period: PERIOD,
    categories: ['security'],
  });
  await new Workbench(page).expectOpen('Autosave SOC 2');
  const wizard = new ScopeWizard(page);
  const texts = async () => (await ask<SdTexts>(page, attest, 'sd.get')).texts;
  await wizard.open(4);
  await wizard.expectStep(4);

  // Typed, then straight on to the next step: no pause for the autosave to wait for.
  const boundaries = 'The production platform and its pipeline; not the marketing website.';
  await wizard.field('System boundaries').fill(boundaries);
  await wizard.next.click();
  await wizard.expectStep(5);
  await expect.poll(async () => (await texts()).boundaries).toBe(boundaries);

  // Typed, then the page reloaded at once: leaving sends it (a browser tab asks to confirm first).
  await wizard.open(4);
  await wizard.expectStep(4);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  const commitments = '99.9 % monthly availability; incident notice within 72 hours.';
  await wizard.field('Principal service commitments').fill(commitments);
  await page.reload();
  await expect.poll(async () => (await texts()).commitments).toBe(commitments);
  expect(dialogs.every((type) => type === 'beforeunload')).toBe(true);
  await new Workbench(page).expectOpen('Autosave SOC 2');
  await wizard.open(4);
  await expect(wizard.field('Principal service commitments')).toHaveValue(commitments);
  await expect(wizard.field('System boundaries')).toHaveValue(boundaries);
  await wizard.expectSaved();
});

test('the palette opens criteria and controls in the scope view', async ({ page, attest }) => {
  await openDemo(page, attest);
  const bench = new Workbench(page);
  await bench.runFromPalette('CC6.1', /^CC6\.1 — /);
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText('Mapped controls');
  await expect(drawer).toContainText('CC6.1');
  await expectNoSeriousA11yViolations(page, 'criterion drawer');
  // On a loaded machine an Esc pressed as the drawer settles can land before it takes focus;
  // pressed again until the drawer is gone, as a person would.
  await expect(async () => {
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden({ timeout: 2_000 });
  }).toPass();
  await bench.runFromPalette('AC-04 approved', /^AC-04 Approved access requests/);
  await expect(page.getByRole('dialog')).toContainText('Approved access requests');
  await expect(page.getByRole('dialog').getByLabel('Reference')).toHaveValue('AC-04');
});

test('matrix filters stay put; the narrative is edited, exported and reset', async ({
  page,
  attest,
}) => {
  await openDemo(page, attest);
  const bench = new Workbench(page);
  const view = new ScopeView(page);
  await view.open();
  await expectNoSeriousA11yViolations(page, 'criteria × controls');
  await page.getByLabel('Search criteria and controls').fill('physical');
  await expect(view.matrixRow('CC6.4')).toBeVisible();
  await expect(view.matrixRow('CC1.1')).toBeHidden();
  await bench.goByMouse(STEPS[0]);
  await bench.goByMouse(STEPS[1]);
  await expect(page.getByLabel('Search criteria and controls')).toHaveValue('physical');
  await page.getByLabel('Search criteria and controls').fill('');
  await page.getByRole('switch', { name: 'Not mapped only' }).click();
  await expect(page.getByText('Every criterion shown has a control mapped to it.')).toBeVisible();

  await view.tab('System description');
  await expect(page.getByTestId('markdown')).toContainText('Description of the Northwind');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const editor = page.getByTestId('draft-editor');
  await editor.press('ControlOrMeta+End');
  await editor.pressSequentially('\n\nA sentence written by management.');
  await expect(page.getByText('Edited by you')).toBeVisible();
  await page.getByRole('button', { name: 'Done editing' }).click();
  await expect(page.getByTestId('markdown')).toContainText('A sentence written by management.');
  await expectNoSeriousA11yViolations(page, 'narrative (edited)');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'PDF (.pdf)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^System-Description_.*\.pdf$/);
  await expect(page.getByTestId('last-export')).toBeVisible();

  await page.getByRole('button', { name: 'Discard edits' }).click();
  await page
    .getByRole('dialog', { name: 'Discard your edits?' })
    .getByRole('button', { name: 'Discard edits' })
    .click();
  await expect(page.getByText('Generated from your answers')).toBeVisible();
  await expect(page.getByTestId('markdown')).not.toContainText('A sentence written by management.');
});

test('a subservice organisation’s SOC report file is stored and linked', async ({
  page,
  attest,
}) => {
  await openDemo(page, attest);
  const wizard = new ScopeWizard(page);
  await wizard.open(7);
  await page.getByRole('button', { name: /^Edit CloudHost/ }).click();
  const drawer = page.getByRole('dialog', { name: 'CloudHost (fictional cloud provider)' });
  const chooser = page.waitForEvent('filechooser');
  await drawer.getByRole('button', { name: 'Attach report file…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'CloudHost SOC 2 Type II 2026.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 a pretend vendor report for the end-to-end test\n'),
  });
  await expect(drawer.getByTestId('report-file')).toHaveText('CloudHost SOC 2 Type II 2026.pdf');
  const sd = await ask<{ subservices: { reportFile: { fileName: string } | null }[] }>(
    page,
    attest,
    'sd.get',
  );
  expect(sd.subservices[0]?.reportFile?.fileName).toBe('CloudHost SOC 2 Type II 2026.pdf');
  await expectNoSeriousA11yViolations(page, 'subservice drawer with its report');
});

test('our review of a vendor report records the bridge letter and how its exceptions were assessed', async ({
  page,
  attest,
}) => {
  await openDemo(page, attest);
  const wizard = new ScopeWizard(page);
  await wizard.open(7);
  await page.getByRole('button', { name: /^Edit CloudHost/ }).click();
  const drawer = page.getByRole('dialog', { name: 'CloudHost (fictional cloud provider)' });
  // The demo's report ended before our period does: ticking proposes the gap as the stretch.
  await drawer.getByRole('checkbox', { name: 'Bridge letter received' }).check();
  await expect(drawer.getByLabel('Covers to')).not.toHaveValue('');
  await fillDate(drawer.getByLabel('Received on'), '2026-05-10');
  await drawer.getByText('Assessed', { exact: true }).click();
  await drawer.getByLabel('Our conclusion').fill('No exception touches a control we rely on.');
  await drawer.getByLabel('Our conclusion').blur();
  await expect
    .poll(async () => {
      const sd = await ask<{
        subservices: {
          report: { exceptionsAssessment: string; bridgeLetter: { receivedOn: string } | null };
        }[];
      }>(page, attest, 'sd.get');
      const r = sd.subservices[0]!.report;
      return [r.exceptionsAssessment, r.bridgeLetter?.receivedOn ?? null];
    })
    .toEqual(['assessed', '2026-05-10']);
  await expectNoSeriousA11yViolations(page, 'subservice drawer with its review');
});
