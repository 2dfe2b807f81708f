import type { Page } from '@playwright/test';
import {
  type AttestServer,
  expect,
  expectNoSeriousA11yViolations,
  openDemoVault,
  test,
} from './fixtures';
import { goHash } from './pages/hash';
import { controls as allControls, rpc as ask } from './pages/rpc';
import { ScopeView } from './pages/ScopeView';
import { Workbench } from './pages/Workbench';

/*
 * The control and criterion drawers of the scope view (scope.spec.ts has the wizard and the
 * matrix): custom controls, edits kept, key or supporting marks, policies and mappings.
 */

/** The demo engagement, open in the window (which first shows its Dashboard). */
async function openDemo(page: Page, attest: AttestServer) {
  await openDemoVault(page, attest);
  await new Workbench(page).expectOpen('Demo — Northwind Analytics SOC 2 Type II');
}

test('a custom control mapped to a criterion that does not exist is refused under the field', async ({
  page,
  attest,
}) => {
  await openDemo(page, attest);
  const view = new ScopeView(page);
  await view.open();
  await page.getByRole('button', { name: 'Add custom control' }).click();
  const drawer = page.getByRole('dialog', { name: 'New custom control' });
  await drawer.getByLabel('Title').fill('Quarterly board security briefing');
  const criteria = drawer.getByLabel('Mapped criteria');
  await criteria.fill('CC9.8');
  await criteria.press('Enter');
  await drawer.getByRole('button', { name: 'Add control' }).click();
  await expect(criteria).toHaveAttribute('aria-invalid', 'true');
  await expect(drawer).toContainText('Unknown criterion CC9.8');
  expect((await allControls(page, attest)).some((c) => c.title.startsWith('Quarterly board'))).toBe(
    false,
  );
  await expectNoSeriousA11yViolations(page, 'new control with an error');

  await criteria.press('Backspace');
  await criteria.fill('cc1.2');
  await criteria.press('Enter');
  await drawer.getByRole('button', { name: 'Add control' }).click();
  await expect(page.getByRole('dialog')).toContainText('CUS-01');
  expect((await allControls(page, attest)).find((c) => c.ref === 'CUS-01')?.title).toBe(
    'Quarterly board security briefing',
  );
});

test('a control edited in its drawer keeps the change after a reload', async ({ page, attest }) => {
  await openDemo(page, attest);
  const view = new ScopeView(page);
  await view.open();
  await view.tab('Controls');
  // The keyboard: j moves down, Enter opens, Esc closes and gives the row its focus back.
  await view.controlRow('AC-01').focus();
  await page.keyboard.press('j');
  await expect(view.controlRow('AC-02')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(view.drawer).toContainText('Multi-factor authentication');
  await page.keyboard.press('Escape');
  await expect(view.drawer).toBeHidden();
  await expect(view.controlRow('AC-02')).toBeFocused();

  await view.openControl('AC-04');
  await expectNoSeriousA11yViolations(page, 'control drawer');
  await view.drawerField('Title').fill('Approved and ticketed access requests');
  const reviewer = await view.drawerField('Reviewer').inputValue();
  await view.drawerField('Performer').click();
  await page.getByRole('option', { name: reviewer }).click();
  await expect(page.getByTestId('sod-warning')).toBeVisible();
  const ac04 = (await allControls(page, attest)).find((c) => c.ref === 'AC-04')!;
  await expect
    .poll(
      async () =>
        (await ask<{ title: string }>(page, attest, 'controls.get', { id: ac04.id })).title,
    )
    .toBe('Approved and ticketed access requests');

  await page.reload();
  await view.open();
  await view.openControl('AC-04');
  await expect(view.drawerField('Title')).toHaveValue('Approved and ticketed access requests');
  await expect(page.getByTestId('sod-warning')).toBeVisible();
});

test('a control is key or supporting per criterion (a reason to demote) and in the description or not', async ({
  page,
  attest,
}) => {
  await openDemo(page, attest);
  const view = new ScopeView(page);
  await view.open();
  await view.tab('Controls');
  await view.openControl('AC-01');
  const roles = view.drawer.getByTestId('criterion-roles');
  // The library (catalog 2026.4) makes AC-01 key for CC6.1 and supporting for CC6.2.
  await expect(roles.getByTestId('role-CC6.1').getByRole('radio', { name: 'Key' })).toBeChecked();
  await expect(
    roles.getByTestId('role-CC6.2').getByRole('radio', { name: 'Supporting' }),
  ).toBeChecked();

  await roles.getByTestId('role-CC6.1').getByText('Supporting').click();
  const demote = roles.getByTestId('demote-CC6.1');
  const confirm = demote.getByRole('button', { name: 'Make supporting' });
  await expect(confirm).toBeDisabled();
  await demote.getByLabel('Why is AC-01 no longer key for CC6.1?').fill('AC-02 carries it');
  await confirm.click();
  await expect(demote).toBeHidden();

  const ac01 = (await allControls(page, attest)).find((c) => c.ref === 'AC-01')!;
  const saved = () =>
    ask<{ supportingCriteria: string[]; inDescription: boolean | null }>(
      page,
      attest,
      'controls.get',
      { id: ac01.id },
    );
  await expect.poll(async () => (await saved()).supportingCriteria).toEqual(['CC6.1', 'CC6.2']);

  const inDescription = view.drawer.getByTestId('in-description');
  await expect(inDescription).toBeChecked();
  await view.drawer.getByRole('switch', { name: 'In the description (will be tested)' }).click();
  await expect.poll(async () => (await saved()).inDescription).toBe(false);
  await expectNoSeriousA11yViolations(page, 'control drawer: key or supporting');
  if (process.env.SCREENSHOTS) {
    // Look at it (light and dark), as the screenshot specs do.
    await view.drawer.getByTestId('control-testing').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/attest-shots/met/control-drawer.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(400); // let the theme's transitions settle
    await page.screenshot({ path: '/tmp/attest-shots/met/dark-control-drawer.png' });
    await page.emulateMedia({ colorScheme: 'light' });
  }

  await page.reload();
  await view.open();
  await view.openControl('AC-01');
  await expect(
    view.drawer.getByTestId('role-CC6.1').getByRole('radio', { name: 'Supporting' }),
  ).toBeChecked();
  await expect(view.drawer.getByTestId('in-description')).not.toBeChecked();
});

interface ControlWithScope {
  id: string;
  ref: string;
  title: string;
  archived: boolean;
  source: 'library' | 'custom';
  policyKey: string | null;
  criteria: string[];
}

const scopedControls = async (page: Page, attest: AttestServer) =>
  (
    await ask<{ items: ControlWithScope[] }>(page, attest, 'controls.list', {
      limit: 1000,
    })
  ).items;

const control = (page: Page, attest: AttestServer, id: string) =>
  ask<ControlWithScope>(page, attest, 'controls.get', { id });

test('the policy a control rests on is shown by title and can be changed', async ({
  page,
  attest,
}) => {
  await openDemo(page, attest);
  const { items: policies } = await ask<{ items: { key: string; title: string }[] }>(
    page,
    attest,
    'catalog.policies',
  );
  const label = (key: string) => {
    const p = policies.find((x) => x.key === key)!;
    return `${p.title} (${p.key})`;
  };
  const view = new ScopeView(page);
  await view.open();
  const ac04 = (await scopedControls(page, attest)).find((c) => c.ref === 'AC-04')!;
  expect(ac04.policyKey).not.toBeNull();
  await view.openControl('AC-04');
  const policy = view.drawer.getByLabel('Policy', { exact: true });
  await expect(policy).toHaveValue(label(ac04.policyKey!));

  // Searchable by title; a library control always keeps a policy (no clear button).
  const other =
    policies.find((p) => p.key !== ac04.policyKey && p.key === 'access-control') ??
    policies.find((p) => p.key !== ac04.policyKey)!;
  await policy.click();
  await policy.fill(other.title.slice(0, 10));
  await page.getByRole('option', { name: label(other.key) }).click();
  await expect(policy).toHaveValue(label(other.key));
  await expect.poll(async () => (await control(page, attest, ac04.id)).policyKey).toBe(other.key);
  await expectNoSeriousA11yViolations(page, 'control drawer with its policy');
  await page.keyboard.press('Escape');
  await expect(view.drawer).toBeHidden();

  // A new custom control: a policy chosen in the form is saved with it, and can be cleared.
  await page.getByRole('button', { name: 'Add custom control' }).click();
  const drawer = page.getByRole('dialog', { name: 'New custom control' });
  await drawer.getByLabel('Title').fill('Quarterly board security briefing');
  const criteria = drawer.getByLabel('Mapped criteria');
  await criteria.fill('CC1.2');
  await criteria.press('Enter');
  const newPolicy = drawer.getByLabel('Policy', { exact: true });
  await newPolicy.click();
  await newPolicy.fill('risk');
  const risk = policies.find((p) => p.key === 'risk-management')!;
  await page.getByRole('option', { name: label(risk.key) }).click();
  await drawer.getByRole('button', { name: 'Add control' }).click();
  await expect(page.getByRole('dialog')).toContainText('CUS-01');
  const custom = (await scopedControls(page, attest)).find((c) => c.ref === 'CUS-01')!;
  expect(custom.policyKey).toBe('risk-management');
  const customPolicy = view.drawer.getByLabel('Policy', { exact: true });
  await expect(customPolicy).toHaveValue(label('risk-management'));
  await view.drawer.getByRole('button', { name: 'Clear the policy' }).click();
  await expect(customPolicy).toHaveValue('');
  await expect.poll(async () => (await control(page, attest, custom.id)).policyKey).toBeNull();
});

test('the criterion drawer maps an existing control to it and unmaps one', async ({
  page,
  attest,
}) => {
  await openDemo(page, attest);
  const view = new ScopeView(page);
  await view.open();
  const all = await scopedControls(page, attest);
  const criterion = 'CC6.1';
  const candidate = all.find(
    (c) => !c.archived && !c.criteria.includes(criterion) && c.criteria.length > 0,
  )!;
  await goHash(page, `/scope?criterion=${criterion}`);
  const drawer = page.getByRole('dialog');
  const mapped = drawer.getByTestId('mapped-controls');
  await expect(drawer).toContainText('Mapped controls');
  await expect(mapped).not.toContainText(candidate.ref);

  // Map: a searchable list of the active controls not yet mapped here.
  const pick = drawer.getByLabel('Map an existing control');
  await pick.click();
  await pick.fill(candidate.ref);
  await page.getByRole('option', { name: `${candidate.ref} ${candidate.title}` }).click();
  await drawer.getByRole('button', { name: 'Map', exact: true }).click();
  await expect(mapped).toContainText(candidate.ref);
  // A control's criteria are link rows, listed in catalog order.
  await expect
    .poll(async () => [...(await control(page, attest, candidate.id)).criteria].sort())
    .toEqual([...candidate.criteria, criterion].sort());
  await expect(view.matrixRow(criterion)).toContainText(candidate.ref);
  await expectNoSeriousA11yViolations(page, 'criterion drawer after mapping');

  // Unmap: the control keeps its other criteria.
  await drawer.getByRole('button', { name: `Unmap ${candidate.ref} from ${criterion}` }).click();
  await expect(mapped).not.toContainText(candidate.ref);
  await expect
    .poll(async () => (await control(page, attest, candidate.id)).criteria)
    .toEqual(candidate.criteria);

  // A control must keep one in-scope criterion: Attest refuses, and the drawer says why.
  const single = all.find((c) => !c.archived && c.criteria.length === 1)!;
  const only = single.criteria[0]!;
  await goHash(page, `/scope?criterion=${only}`);
  await expect(drawer).toContainText(only);
  await drawer.getByRole('button', { name: `Unmap ${single.ref} from ${only}` }).click();
  await expect(drawer.getByTestId('mapping-error')).toContainText(`${single.ref} was not changed`);
  await expect(drawer.getByTestId('mapping-error')).toContainText('at least one');
  await expect(mapped).toContainText(single.ref);
  expect((await control(page, attest, single.id)).criteria).toEqual([only]);
  await expectNoSeriousA11yViolations(page, 'criterion drawer with a refused unmap');
});

test('the controls table draws only the rows in view, and scrolling or End reaches the last control', async ({
  page,
  attest,
}) => {
  await openDemo(page, attest);
  const view = new ScopeView(page);
  await view.open();
  await view.tab('Controls');
  const active = (await allControls(page, attest)).map((c) => c.ref);
  const byRef = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });

  // Scrolled through, the table lists every active control by reference, never drawing more
  // than a window's worth of rows at once.
  const { refs, mostDrawn } = await view.controlRefs();
  expect(refs).toEqual([...active].sort(byRef));
  expect(mostDrawn).toBeGreaterThan(0);
  expect(mostDrawn).toBeLessThanOrEqual(60);
  expect(mostDrawn).toBeLessThan(active.length / 2);
  await expect(view.controlsTable).toHaveAttribute('aria-rowcount', String(active.length + 1));

  // The heading stays at the top of the table's box at the bottom of the list.
  const header = view.controlsTable.getByRole('columnheader', { name: 'Ref' });
  const box = (await view.controlsViewport.boundingBox())!;
  expect(Math.abs((await header.boundingBox())!.y - box.y)).toBeLessThanOrEqual(1);
  await expect(view.controlRow(refs.at(-1)!)).toBeVisible();

  // The keyboard reaches a row not drawn: End from the first row focuses the last, Enter opens
  // it, Esc gives it its focus back.
  const first = await view.findControlRow(refs[0]!);
  await first.focus();
  await page.keyboard.press('End');
  const last = view.controlsTable.locator(`tr[data-ref="${refs.at(-1)}"]`);
  await expect(last).toBeFocused();
  await page.keyboard.press('k');
  await expect(view.controlsTable.locator(`tr[data-ref="${refs.at(-2)}"]`)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(view.drawer).toContainText(refs.at(-1)!);
  await page.keyboard.press('Escape');
  await expect(view.drawer).toBeHidden();
  await expect(last).toBeFocused();
  expect(await view.controlsTable.locator('tbody tr[data-row]').count()).toBeLessThanOrEqual(60);
});
