import { readFileSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { Policies } from './pages/Policies';
import { openDemo } from './pages/Workbench';
import { goHash } from './pages/hash';
import { rpc } from './pages/rpc';
import { linkTo } from '../app/routes';

/**
 * The policy library end to end, as a user does it: a policy written from a template with the
 * engagement's values, edited beside its live preview, approved and so locked, edited again as a
 * new draft, the two versions compared, and acknowledgements of the version in force recorded
 * by hand and imported from an HR export.
 */
test('a policy is written from a template, edited, approved and locked, redrafted, diffed and acknowledged', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  const bench = await openDemo(page, attest);
  const policies = new Policies(page);
  await policies.open();
  await expect(await policies.findRow('Access Control Policy')).toContainText('Not written');

  await policies.createFromTemplate('Access Control Policy', 'Maya Okafor');
  await expect(policies.editor).toHaveValue(/Maya Okafor/);
  await expect(policies.editor).not.toHaveValue(/\{\{/);

  // The preview follows the text, rendered (a heading, not "## …").
  const v1 = `${await policies.editor.inputValue()}\n\n## Review log\n\nThe owner keeps a review log, checked every quarter.`;
  await policies.typeInDraft(v1);
  await expect(policies.preview.getByRole('heading', { name: 'Review log' })).toBeVisible();

  // Approve: the version locks, the editor gives way to "Edit starts a new draft".
  await policies.drawer.getByRole('button', { name: 'Approve version 1…' }).click();
  const approve = policies.drawer.getByTestId('approve-form');
  await policies.choosePerson(approve, 'Approved by', 'Tom Alvarez');
  await approve.getByRole('button', { name: 'Approve version 1' }).click();
  const locked = policies.drawer.getByTestId('version-locked');
  await expect(locked).toContainText('Version 1 is approved and locked');
  await expect(locked).toContainText(/Approved by Tom Alvarez on (15 May|May 15,) 2026/);
  await expect(policies.editor).toHaveCount(0);
  await expect(policies.preview.getByRole('heading', { name: 'Review log' })).toBeVisible();

  // Edit → a new draft from the approved text.
  await locked.getByRole('button', { name: 'Edit starts a new draft' }).click();
  await expect(policies.drawer.getByText('Version 2 · draft')).toBeVisible();
  await expect(policies.editor).toHaveValue(v1);
  await policies.typeInDraft(
    `${v1.replace('every quarter', 'every month')}\n\nA line added in version 2.`,
  );
  await expect(policies.preview).toContainText('every month');

  // The diff of the two versions: the changed words, and the added line.
  await policies.tab('Versions').click();
  await expect(policies.drawer.getByTestId('version-row')).toHaveCount(2);
  const diff = policies.drawer.getByTestId('policy-diff');
  await expect(diff.getByTestId('diff-counts')).toContainText('1 changed, 2 added, 0 removed');
  const changed = diff.locator('[data-testid="diff-line"][data-kind="changed"]');
  await expect(changed.locator('del')).toContainText('quarter');
  await expect(changed.locator('ins')).toContainText('month');
  await expect(diff.locator('[data-testid="diff-line"][data-kind="added"]').last()).toContainText(
    'A line added in version 2.',
  );

  // An acknowledgement of the version in force (v1): recorded, and the person leaves the gaps.
  await policies.tab('Acknowledgements').click();
  const record = policies.drawer.getByTestId('record-ack');
  await policies.choosePerson(record, 'Who acknowledged version 1', 'Lena Fischer');
  await record.getByRole('button', { name: 'Record' }).click();
  await expect(policies.drawer.getByTestId('ack-row')).toContainText(['Lena Fischer']);
  await expect(
    policies.drawer.getByTestId('missing-ack-row').filter({ hasText: 'Lena Fischer' }),
  ).toHaveCount(0);

  // An HR export: the matched row is recorded, the unknown person is shown and left out.
  await policies.drawer.getByRole('button', { name: 'Import from HR or training export…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import acknowledgements of version 1' });
  const chooser = page.waitForEvent('filechooser');
  await wizard.getByRole('button', { name: 'Choose a file…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'lms-export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Email,Completed on\r\ngrace@northwind-demo.test,2026-05-15\r\nnobody@elsewhere.test,2026-05-14\r\n',
    ),
  });
  await expect(wizard.getByTestId('ack-import-counts')).toHaveText(
    '1 row will be recorded, 1 cannot be (see why below).',
  );
  await wizard.getByRole('button', { name: 'Import 1 acknowledgement' }).click();
  await expect(wizard).toContainText('Recorded 1 acknowledgement; 1 row left out.');
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(policies.drawer.getByTestId('ack-row')).toHaveCount(2);
  await expect(
    policies.drawer.getByTestId('ack-row').filter({ hasText: 'Grace Liu' }),
  ).toContainText('From lms-export.csv');
  await expectNoSeriousA11yViolations(page, 'the policy drawer');

  // The list shows it approved, in force since today, with a new draft.
  await page.keyboard.press('Escape');
  await expect(policies.row('Access Control Policy')).toHaveAttribute(
    'data-status',
    'approved_with_draft',
  );
  await expect(policies.row('Access Control Policy')).toContainText('Approved+ new draft');
  await expect(policies.row('Access Control Policy')).toContainText(
    /v1 since (15 May|May 15,) 2026/,
  );

  // The palette opens a policy by name.
  await bench.runFromPalette('Access Control Policy', /^Access Control Policy/);
  await expect(policies.drawer.getByRole('tab', { name: 'Text' })).toBeVisible();
});

/**
 * A policy that promises quarterly access reviews, linked to a control set to annual: the policy
 * and the control each say so, with the fix, and the list counts the warning.
 */
test('a control whose frequency disagrees with its policy is flagged on both, with the fix', async ({
  page,
  attest,
}) => {
  await openDemo(page, attest);
  const { policy } = await rpc<{ policy: { id: string } }>(
    page,
    attest,
    'policies.createFromTemplate',
    { templateKey: 'access-control' },
  );
  const controls = await rpc<{ items: { id: string; ref: string }[] }>(
    page,
    attest,
    'controls.list',
    { limit: 1000 },
  );
  const ac06 = controls.items.find((c) => c.ref === 'AC-06')!;
  await rpc(page, attest, 'controls.update', { id: ac06.id, patch: { frequency: 'annual' } });

  const policies = new Policies(page);
  await policies.open();
  await expect(policies.row('Access Control Policy').getByTestId('policy-warnings')).toHaveText(
    '1 warning',
  );
  await goHash(page, linkTo('policy', policy.id));
  await policies.tab(/Controls/).click();
  const finding = policies.drawer.getByTestId('consistency-finding');
  await expect(finding).toContainText('AC-06');
  await expect(finding).toContainText('set AC-06 to quarterly');

  await goHash(page, linkTo('scopeControl', ac06.id));
  const onControl = page.getByRole('dialog').getByTestId('consistency-finding');
  await expect(onControl).toContainText('set AC-06 to quarterly');
  await onControl.getByRole('link', { name: 'Access Control Policy' }).click();
  await expect(policies.drawer.getByRole('tab', { name: 'Text' })).toBeVisible();
});

/** A version downloads as a PDF in the browser (the desktop asks where to save it instead). */
test('an approved version downloads as PDF', async ({ page, attest }) => {
  await openDemo(page, attest);
  const people = await rpc<{ items: { id: string }[] }>(page, attest, 'people.list', {});
  const { policy, draft } = await rpc<{ policy: { id: string }; draft: { id: string } }>(
    page,
    attest,
    'policies.createFromTemplate',
    { templateKey: 'encryption' },
  );
  await rpc(page, attest, 'policies.approve', {
    versionId: draft.id,
    approverId: people.items[0]!.id,
    approvedOn: '2026-05-15',
  });
  const policies = new Policies(page);
  await goHash(page, linkTo('policy', policy.id));
  await expect(policies.drawer.getByTestId('version-locked')).toBeVisible();
  const download = page.waitForEvent('download');
  await policies.drawer.getByRole('button', { name: 'Download version 1' }).click();
  await page.getByRole('menuitem', { name: 'Version 1 as PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Encryption.*\.pdf$/);
  const path = await file.path();
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
});

test('sorting a policy column reorders the rows in Attest’s order', async ({ page, attest }) => {
  await openDemo(page, attest);
  const policies = new Policies(page);
  await policies.open();
  const rows = page.getByTestId('policy-row');
  const order = async (key: string, dir: 'asc' | 'desc') =>
    (
      await rpc<{ items: { title: string }[] }>(page, attest, 'policies.list', {
        sort: { key, dir },
        limit: 1000,
      })
    ).items.map((p) => p.title);
  const state = policies.table.getByRole('columnheader', { name: 'State' });
  await state.getByRole('button').click();
  await expect(state).toHaveAttribute('aria-sort', 'ascending');
  const byState = await order('status', 'asc');
  await expect(rows.first()).toHaveAttribute('data-title', byState[0]!);
  await state.getByRole('button').click();
  await expect(state).toHaveAttribute('aria-sort', 'descending');
  const byStateDown = await order('status', 'desc');
  expect(byStateDown[0]).not.toBe(byState[0]);
  await expect(rows.first()).toHaveAttribute('data-title', byStateDown[0]!);
  await expect(rows.first()).toHaveAttribute('data-status', /approved/);
});
