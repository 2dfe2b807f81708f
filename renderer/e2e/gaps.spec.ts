import { createVaultByApi, expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { GapAnalysis } from './pages/GapAnalysis';
import { STEPS, Workbench, openDemo } from './pages/Workbench';
import { assessmentSummary, assessments, controls, rpc } from './pages/rpc';

const GAPS = STEPS[2];

test.beforeEach(async ({ page, attest }) => {
  const bench = await openDemo(page, attest);
  await bench.goByMouse(GAPS);
});

test('assess controls with the keyboard in focused mode and see the progress change', async ({
  page,
  attest,
}) => {
  const gaps = new GapAnalysis(page);
  const bench = new Workbench(page);
  const before = await assessmentSummary(page, attest);
  const byRef = new Map((await controls(page, attest)).map((c) => [c.ref, c.id]));
  await gaps.expectProgress(before.assessed, before.controls);
  await expect(bench.navLink(GAPS)).toContainText(`${before.assessed}/${before.controls} assessed`);
  await expectNoSeriousA11yViolations(page, 'focused mode');

  // Focused mode opens on the first control not yet assessed: 1 marks it implemented.
  const first = (await gaps.controlRef.textContent())!;
  await gaps.press('1');
  await gaps.expectProgress(before.assessed + 1, before.controls);
  await expect(gaps.statusButton('Implemented')).toHaveAttribute('aria-pressed', 'true');
  await expect(bench.navLink(GAPS)).toContainText(`${before.assessed + 1}/${before.controls}`);

  // j and k move; the arrows too.
  const position = (await gaps.position.textContent())!;
  await gaps.press('j');
  await expect(gaps.position).not.toHaveText(position);
  await gaps.press('k');
  await expect(gaps.controlRef).toHaveText(first);
  await gaps.press('ArrowRight');
  await expect(gaps.controlRef).not.toHaveText(first);
  await gaps.press('ArrowLeft');
  await expect(gaps.controlRef).toHaveText(first);

  // n jumps to the next unassessed control; 2 marks it partial, 3 changes it.
  await gaps.press('n');
  await expect(gaps.controlRef).not.toHaveText(first);
  const second = (await gaps.controlRef.textContent())!;
  await gaps.press('2');
  await gaps.expectProgress(before.assessed + 2, before.controls);
  await gaps.press('3');
  await expect(gaps.statusButton('Not implemented')).toHaveAttribute('aria-pressed', 'true');
  await gaps.expectProgress(before.assessed + 2, before.controls);

  // Keys typed faster than the screen draws still land on the control they were meant for.
  await gaps.press('n', '1');
  await gaps.expectProgress(before.assessed + 3, before.controls);
  const third = (await gaps.controlRef.textContent())!;
  expect([first, second]).not.toContain(third);

  const saved = new Map((await assessments(page, attest)).map((a) => [a.controlId, a]));
  expect(saved.get(byRef.get(first)!)?.status).toBe('implemented');
  expect(saved.get(byRef.get(second)!)?.status).toBe('not_implemented');
  expect(saved.get(byRef.get(third)!)?.status).toBe('implemented');
});

test('not applicable is saved once it says why, with no button, and survives a reload', async ({
  page,
  attest,
}) => {
  const gaps = new GapAnalysis(page);
  const byRef = new Map((await controls(page, attest)).map((c) => [c.ref, c.id]));
  const ref = (await gaps.controlRef.textContent())!;
  const id = byRef.get(ref)!;

  await gaps.press('4');
  await expect(gaps.naReason).toBeFocused();
  // Left without a reason: nothing is saved, and the field says why.
  await page.keyboard.press('Tab');
  await expect(gaps.naReason).toHaveAttribute('aria-invalid', 'true');
  await expect(gaps.naReason).toHaveAccessibleDescription(/Say why the control does not apply/);
  expect((await assessments(page, attest)).some((a) => a.controlId === id)).toBe(false);
  await expectNoSeriousA11yViolations(page, 'focused mode with a field error');
  await expect(
    page.getByRole('button', { name: /^(Mark not applicable|Save reason)$/ }),
  ).toHaveCount(0);

  await gaps.naReason.fill('No office: every employee works remotely.');
  await expect(gaps.statusButton('Not applicable')).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await assessments(page, attest)).find((a) => a.controlId === id))
    .toMatchObject({
      status: 'not_applicable',
      naReason: 'No office: every employee works remotely.',
    });

  // A changed reason saves after a pause too, and both survive a reload.
  await gaps.naReason.fill('No office: everyone works remotely, since 2024.');
  await expect
    .poll(async () => (await assessments(page, attest)).find((a) => a.controlId === id)?.naReason)
    .toBe('No office: everyone works remotely, since 2024.');
  await page.reload();
  await expect(gaps.controlRef).toHaveText(ref);
  await expect(gaps.statusButton('Not applicable')).toHaveAttribute('aria-pressed', 'true');
  await expect(gaps.naReason).toHaveValue('No office: everyone works remotely, since 2024.');
});

test('bulk status change in table mode, with filters that stay put', async ({ page, attest }) => {
  const gaps = new GapAnalysis(page);
  const bench = new Workbench(page);
  const before = await assessmentSummary(page, attest);
  await gaps.tab('All controls');
  await gaps.expectListed(before.controls);
  expect(await gaps.tableRefs()).toHaveLength(before.controls);
  // The heading's tick box ticks every row listed, drawn or not; Clear unticks them.
  const selected = page.getByTestId('selection-bar');
  await page.getByRole('checkbox', { name: 'Select every loaded control' }).check();
  await expect(selected).toContainText(`${before.controls} controls selected`);
  await selected.getByRole('button', { name: 'Clear' }).click();
  await expect(selected).toBeHidden();
  await expectNoSeriousA11yViolations(page, 'the controls table');

  await gaps.chooseFilter('Status', 'Not assessed yet');
  await gaps.expectListed(before.byStatus.not_assessed!);
  const unassessed = await gaps.tableRefs();
  expect(unassessed).toHaveLength(before.byStatus.not_assessed!);
  // The heading's tick box ticks every row the filters show, drawn or not.
  await page.getByRole('checkbox', { name: 'Select every loaded control' }).check();
  await expect(selected).toContainText(`${unassessed.length} controls selected`);
  await selected.getByRole('button', { name: 'Set status' }).click();
  await page.getByRole('menuitem', { name: 'Not implemented' }).click();
  const dialog = page.getByRole('dialog', {
    name: `Mark ${unassessed.length} controls not implemented?`,
  });
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('bulk-confirm').click();
  await expect(dialog).toBeHidden();
  await gaps.expectListed(0);
  await expect(gaps.tableRows).toHaveCount(0);

  const byRef = new Map((await controls(page, attest)).map((c) => [c.ref, c.id]));
  const saved = new Map((await assessments(page, attest)).map((a) => [a.controlId, a]));
  for (const ref of unassessed) expect(saved.get(byRef.get(ref)!)?.status).toBe('not_implemented');

  // The filter is still there after a trip to the Dashboard.
  await bench.goByMouse(STEPS[0]);
  await bench.goByMouse(GAPS);
  await gaps.tab('All controls');
  await expect(gaps.filter('Status')).toHaveValue('Not assessed yet');
});

test('bulk not applicable needs a reason and keeps each control’s notes', async ({
  page,
  attest,
}) => {
  const gaps = new GapAnalysis(page);
  await gaps.tab('All controls');
  await gaps.chooseFilter('Status', 'Partially implemented');
  const refs = await gaps.tableRows.evaluateAll((rows) =>
    rows.slice(0, 2).map((r) => r.getAttribute('data-control-ref')!),
  );
  for (const ref of refs) await gaps.row(ref).getByRole('checkbox').check();
  await page.getByTestId('selection-bar').getByRole('button', { name: 'Set status' }).click();
  await page.getByRole('menuitem', { name: 'Not applicable' }).click();
  const dialog = page.getByRole('dialog', { name: /Mark 2 controls not applicable/ });
  await dialog.getByTestId('bulk-confirm').click();
  const reason = dialog.getByRole('textbox', { name: 'Why they do not apply' });
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page, 'the bulk dialog with a field error');

  const byRef = new Map((await controls(page, attest)).map((c) => [c.ref, c.id]));
  const ids = refs.map((ref) => byRef.get(ref)!);
  const notes = new Map((await assessments(page, attest)).map((a) => [a.controlId, a.notes]));
  expect(ids.every((id) => notes.get(id))).toBe(true);

  await reason.fill('Handled by the parent company’s shared service.');
  await dialog.getByTestId('bulk-confirm').click();
  await expect(dialog).toBeHidden();
  const saved = new Map((await assessments(page, attest)).map((a) => [a.controlId, a]));
  for (const id of ids) {
    expect(saved.get(id)).toMatchObject({
      status: 'not_applicable',
      naReason: 'Handled by the parent company’s shared service.',
      notes: notes.get(id),
    });
  }

  // A row opens beside the table with Enter, and Esc closes it and gives the row its focus back.
  await gaps.chooseFilter('Status', 'Implemented');
  await gaps.tableRows.first().focus();
  await page.keyboard.press('j');
  const second = gaps.row((await gaps.tableRows.nth(1).getAttribute('data-control-ref'))!);
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(gaps.controlDrawer).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the control drawer');
  await page.keyboard.press('Escape');
  await expect(gaps.controlDrawer).toBeHidden();
  await expect(second).toBeFocused();
});

test('coverage heat map and gaps ordered by severity', async ({ page, attest }) => {
  const gaps = new GapAnalysis(page);
  const coverage = await rpc<{
    criteria: { id: string; status: string; reason: string; controlIds: string[] }[];
    gaps: { ref: string; severity: string }[];
  }>(page, attest, 'coverage.get');
  await gaps.tab('Coverage and gaps');
  await expect(gaps.heatMap.locator('[data-criterion]')).toHaveCount(coverage.criteria.length);
  for (const status of ['met', 'mapped', 'not_mapped', 'not_relevant']) {
    await expect(page.getByTestId(`legend-count-${status}`)).toHaveText(
      String(coverage.criteria.filter((c) => c.status === status).length),
    );
  }
  // Never "covered" or "compliant".
  await expect(page.getByTestId('coverage-card')).not.toContainText(/covered|compliant/i);
  await expectNoSeriousA11yViolations(page, 'coverage and gaps');

  const cc61 = coverage.criteria.find((c) => c.id === 'CC6.1')!;
  // The reason shows on hover, and is in the cell's name for keyboard and screen reader users.
  await expect(gaps.cell('CC6.1')).toHaveAccessibleName(new RegExp(cc61.reason));
  await gaps.cell('CC6.1').hover();
  await expect(page.getByRole('tooltip')).toContainText(cc61.reason);
  await gaps.cell('CC6.1').click();
  await expect(gaps.criterionDrawer).toContainText(cc61.reason);
  await expect(gaps.criterionDrawer.getByRole('button', { name: /^Assess / })).toHaveCount(
    cc61.controlIds.length,
    { timeout: 5000 },
  );
  // Each mapped control says whether it is key for the criterion (catalog 2026.4: AC-01 is key
  // for CC6.1, NET-01 only supports it).
  await expect(gaps.criterionDrawer.getByTestId('role-AC-01')).toHaveText('Key: must be met');
  await expect(gaps.criterionDrawer.getByTestId('role-NET-01')).toHaveText(
    'Supporting: never meets it alone',
  );
  await page.keyboard.press('Escape');

  // The shared table: it lists every gap (drawn or not) and draws the first ones in view.
  const rows = gaps.gapsList.locator('tbody tr[data-row]');
  await expect(gaps.gapsList.getByRole('table')).toHaveAttribute(
    'aria-rowcount',
    String(coverage.gaps.length + 1),
  );
  await expect(rows.first()).toHaveAttribute('data-gap', coverage.gaps[0]!.ref);
  await expect(rows.first()).toContainText(/Blocking|Major|Minor/);
  // A row opens its control in focused mode.
  await rows.first().click();
  await expect(gaps.controlRef).toHaveText(coverage.gaps[0]!.ref);
});

test('create a risk and see it in the matrix; accept a starter risk', async ({ page, attest }) => {
  const gaps = new GapAnalysis(page);
  await gaps.tab('Risks');
  await expect(gaps.riskTable).toBeVisible();
  // The register comes first, in the first screenful; suggestions and the matrices follow it.
  // Positions are polled: the cards above settle once their data has arrived.
  const top = async (testId: string) => (await page.getByTestId(testId).boundingBox())?.y ?? NaN;
  const layout = async () => {
    const [register, starters, matrix] = await Promise.all(
      ['risk-register', 'starter-risks', 'risk-matrix-card'].map(top),
    );
    return (
      register! < page.viewportSize()!.height / 2 && starters! > register! && matrix! > starters!
    );
  };
  await expect
    .poll(layout, { message: 'register first, then suggestions, then the matrices' })
    .toBe(true);
  await expectNoSeriousA11yViolations(page, 'the risk register');
  const inherent = await gaps.matrixCount('inherent', 5, 5);
  const residual = await gaps.matrixCount('residual', 2, 3);

  await page.getByRole('button', { name: 'Add risk' }).click();
  const drawer = gaps.riskDrawer;
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: 'Add risk' }).click();
  const title = drawer.getByRole('textbox', { name: 'Title' });
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription(/Give the risk a title/);
  await expectNoSeriousA11yViolations(page, 'the risk drawer');

  await title.fill('Payroll data leaked by a contractor');
  await gaps.chooseInDrawer(drawer, 'Likelihood', '5 · Almost certain');
  await gaps.chooseInDrawer(drawer, 'Impact', '5 · Severe');
  await gaps.chooseInDrawer(drawer, 'Residual likelihood', '2 · Unlikely');
  await gaps.chooseInDrawer(drawer, 'Residual impact', '3 · Moderate');
  await expect(drawer).toContainText('5 × 5 = 25 · High');
  await expect(drawer).toContainText('2 × 3 = 6 · Low');
  await drawer.getByRole('button', { name: 'Add risk' }).click();
  await expect(drawer).toBeHidden();
  await expect(gaps.riskRow('Payroll data leaked by a contractor')).toBeVisible();
  expect(await gaps.matrixCount('inherent', 5, 5)).toBe(inherent + 1);
  expect(await gaps.matrixCount('residual', 2, 3)).toBe(residual + 1);

  // The matrix filters the register to a cell.
  await gaps.matrixCell('inherent', 5, 5).click();
  await expect(gaps.riskTable.locator('tbody tr')).toHaveCount(inherent + 1);
  await page.getByRole('button', { name: 'Show all' }).click();

  // Starter risks come one at a time, folded under a register that already has risks.
  const { starters } = await rpc<{ starters: { title: string }[] }>(page, attest, 'risks.list');
  const suggested = page.getByRole('button', { name: /^Suggested risks/ });
  await expect(suggested).toHaveAttribute('aria-expanded', String(starters.length <= 5));
  if (starters.length > 5) await suggested.click();
  await expect(page.getByTestId('starter-title')).toHaveText(starters[0]!.title);
  // Unfolded all the way (not clipped by the card while it opens) before it is pressed.
  const add = page.getByRole('button', { name: 'Add to register' });
  await add.scrollIntoViewIfNeeded();
  await expect(add).toBeInViewport({ ratio: 1 });
  await add.click();
  await expect(gaps.riskRow(starters[0]!.title)).toBeVisible();
  await expect(page.getByTestId('starter-title')).toHaveText(starters[1]!.title);
  const after = await rpc<{ items: { title: string }[]; starters: unknown[] }>(
    page,
    attest,
    'risks.list',
  );
  expect(after.starters).toHaveLength(starters.length - 1);
  expect(after.items.map((r) => r.title)).toContain(starters[0]!.title);

  // An assessment date older than twelve months is flagged.
  const date = page.getByRole('textbox', { name: 'Risk assessment performed on' });
  await date.fill('2024-01-10');
  await date.blur();
  await expect(page.getByTestId('risk-assessed-note')).toContainText('more than 12 months ago');
});

test('the palette lists a control once, assesses it, and opens a risk', async ({ page }) => {
  const gaps = new GapAnalysis(page);
  const bench = new Workbench(page);
  // One row for the control (it opens it), with "Assess" beside it on the same row.
  await bench.openPalette();
  await bench.palette.getByRole('textbox').fill('AC-04');
  await expect(bench.palette.getByRole('button', { name: /^AC-04 / })).toHaveCount(1);
  const assess = bench.palette.getByRole('button', { name: 'Assess AC-04', exact: true });
  await expect(assess).toHaveCount(1);
  await expect(assess).toHaveText('Assess');
  await expectNoSeriousA11yViolations(page, 'the palette with a control and its actions');
  await assess.click();
  await expect(bench.palette).toBeHidden();
  await expect(gaps.controlRef).toHaveText('AC-04');
  // Typed as a command, "assess" finds the action on its own.
  await bench.runFromPalette('Assess AC-02', /^Assess AC-02/);
  await expect(gaps.controlRef).toHaveText('AC-02');
  await bench.runFromPalette('Staff account taken over', /Risk: Staff account taken over/);
  await expect(gaps.riskDrawer).toBeVisible();
  await expect(gaps.riskDrawer.getByRole('textbox', { name: 'Title' })).toHaveValue(
    /Staff account taken over/,
  );
});

test('a fresh vault has no gaps: its controls are not assessed yet, in a neutral tone', async ({
  page,
  attest,
}) => {
  await createVaultByApi(page, attest);
  const bench = new Workbench(page);
  await bench.expectOpen('Acme SOC 2 2026');
  await rpc(page, attest, 'scope.confirm');
  // The window has taken the confirmed scope in (the Scope step counts its criteria) before the
  // clicks below: the navigation grows as it does, and a click in mid-change can land on the
  // step below the one aimed at (a run once clicked "Dashboard" and opened Gap analysis).
  await expect(bench.navLink(STEPS[1])).toContainText(/[1-9]\d* criteria · [1-9]/);
  const summary = await assessmentSummary(page, attest);
  expect(summary.assessed).toBe(0);

  await bench.goByMouse(STEPS[0]);
  await expect(page.getByTestId('dashboard-assessment')).toContainText(
    `Not assessed yet${summary.controls}`,
  );
  await bench.goByMouse(GAPS);
  const gaps = new GapAnalysis(page);
  await gaps.tab('Coverage and gaps');
  await expect(gaps.gapsList.getByRole('radio', { name: 'Blocking 0' })).toBeAttached();
  await expect(gaps.gapsList.locator('tbody tr[data-row]')).toHaveCount(0);
  await expect(gaps.gapsList).not.toContainText('No task yet');
  await expect(page.getByTestId('gaps-not-assessed')).toContainText(
    `Not assessed yet${summary.controls} controls are not assessed yet`,
  );
});
