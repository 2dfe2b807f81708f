import { expect, expectNoSeriousA11yViolations, openDemoVault, test } from './fixtures';
import { Remediation } from './pages/Remediation';
import { STEPS, Workbench } from './pages/Workbench';
import { fillDate } from './pages/dates';
import { type TaskRow, rpc, tasks } from './pages/rpc';

const REMEDIATION = STEPS[3];

interface Proposal {
  controlId: string;
  ref: string;
  title: string;
}

interface FullTask extends TaskRow {
  ownerId: string | null;
  dueOn: string | null;
  priority: string;
  fromGapControlId: string | null;
}

const proposals = async (...args: Parameters<typeof tasks>) =>
  (await rpc<{ items: Proposal[] }>(args[0], args[1], 'tasks.proposals')).items;

/** A column's tasks in board order, as Attest keeps them. */
const column = (list: TaskRow[], status: string) =>
  list.filter((t) => t.status === status).sort((a, b) => a.boardOrder - b.boardOrder);

test.beforeEach(async ({ page, attest }) => {
  await openDemoVault(page, attest);
  const bench = new Workbench(page);
  await bench.expectOpen('Demo — Northwind Analytics SOC 2 Type II');
  await bench.goByMouse(REMEDIATION);
});

test('accept proposed tasks one by one, edited, and all at once — never twice', async ({
  page,
  attest,
}) => {
  const plan = new Remediation(page);
  const offered = await proposals(page, attest);
  const before = await tasks(page, attest);
  await expect(plan.proposals).toContainText(`${offered.length} proposed tasks from gaps`);
  // The plan comes first; the many proposals are folded beneath it until opened.
  await expect(plan.board).toBeVisible();
  const [boardBox, proposalsBox] = [
    await plan.board.boundingBox(),
    await plan.proposals.boundingBox(),
  ];
  expect(proposalsBox!.y).toBeGreaterThan(boardBox!.y + boardBox!.height - 1);
  await expect(plan.proposal(offered[0]!.ref)).toBeHidden();
  await page.getByTestId('review-proposals').click();
  await expect(plan.proposal(offered[0]!.ref)).toBeVisible();
  await plan.openProposals();
  await expectNoSeriousA11yViolations(page, 'remediation with proposals');

  // Edit, then accept: owner, due date and priority chosen before it joins the plan.
  const first = offered[0]!;
  await plan.proposals.getByRole('button', { name: `Edit, then accept ${first.title}` }).click();
  await expect(plan.drawer).toBeVisible();
  await plan.drawer.getByLabel('Owner', { exact: true }).click();
  await page.getByRole('option', { name: /^Tom Alvarez/ }).click();
  await fillDate(plan.drawer.getByLabel('Due', { exact: true }), '2026-12-15');
  await plan.drawer.getByLabel('Priority', { exact: true }).click();
  await page.getByRole('option', { name: 'Low', exact: true }).click();
  await expectNoSeriousA11yViolations(page, 'the proposal drawer');
  await plan.drawer.getByRole('button', { name: 'Accept task' }).click();
  await expect(plan.drawer).toBeHidden();
  const { items: people } = await rpc<{ items: { id: string; name: string }[] }>(
    page,
    attest,
    'people.list',
  );
  const accepted = (await rpc<{ items: FullTask[] }>(page, attest, 'tasks.list')).items.find(
    (t) => t.fromGapControlId === first.controlId,
  );
  expect(accepted).toMatchObject({
    title: first.title,
    dueOn: '2026-12-15',
    priority: 'low',
    ownerId: people.find((p) => p.name === 'Tom Alvarez')!.id,
  });

  // Dismiss one.
  const second = offered[1]!;
  await plan.proposals.getByRole('button', { name: `Dismiss ${second.title}` }).click();
  await expect(plan.proposal(second.ref)).toBeHidden();

  // Accept two chosen ones at once, after saying how many tasks that creates.
  const [third, fourth] = [offered[2]!, offered[3]!];
  await plan.select(third.title);
  await plan.select(fourth.title);
  await expect(plan.acceptButton).toHaveText('Accept selected (2)');
  await plan.acceptButton.click();
  await expect(plan.acceptDialog).toBeVisible();
  await expect(plan.acceptDialog).toContainText('Add 2 tasks to the plan?');
  await expect(plan.acceptDialog).toContainText(third.title);
  await expectNoSeriousA11yViolations(page, 'accepting chosen proposals');
  await plan.acceptDialog.getByRole('button', { name: 'Create 2 tasks' }).click();
  await expect(plan.acceptDialog).toBeHidden();
  await expect(plan.proposal(third.ref)).toBeHidden();
  await expect(plan.proposal(fourth.ref)).toBeHidden();
  const fromGaps = (await rpc<{ items: FullTask[] }>(page, attest, 'tasks.list')).items.map(
    (t) => t.fromGapControlId,
  );
  expect(fromGaps).toEqual(expect.arrayContaining([third.controlId, fourth.controlId]));

  // The rest at once: Cancel first changes nothing, then all of them.
  const rest = offered.length - 4;
  await expect(plan.acceptButton).toHaveText(`Accept all ${rest}`);
  await plan.acceptButton.click();
  await expect(plan.acceptDialog).toContainText(`Add ${rest} tasks to the plan?`);
  await plan.acceptDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(plan.acceptDialog).toBeHidden();
  expect(await proposals(page, attest)).toHaveLength(rest);
  await plan.acceptButton.click();
  await plan.acceptDialog.getByRole('button', { name: `Create ${rest} tasks` }).click();
  await expect(plan.proposals).toBeHidden();

  const after = await tasks(page, attest);
  expect(after).toHaveLength(before.length + offered.length - 1);
  // Proposing again makes no duplicates: every gap has its task or was dismissed.
  expect(await proposals(page, attest)).toEqual([]);
  await page.reload();
  await new Workbench(page).expectOn(REMEDIATION);
  await expect(plan.board).toBeVisible();
  await expect(plan.proposals).toBeHidden();
  expect(await tasks(page, attest)).toHaveLength(after.length);
});

test('move tasks on the board by drag and drop and by keyboard', async ({ page, attest }) => {
  // Tall enough for the whole board: a drag that scrolls the page mid-way starts elsewhere.
  await page.setViewportSize({ width: 1360, height: 1600 });
  const plan = new Remediation(page);
  await expect(plan.board).toBeVisible();
  await plan.board.scrollIntoViewIfNeeded();
  await expectNoSeriousA11yViolations(page, 'the board');
  const start = await tasks(page, attest);
  const todo = column(start, 'todo');

  // Drag a card to another column.
  const dragged = todo[0]!.ref;
  await plan.card(dragged).dragTo(plan.column('blocked'), { targetPosition: { x: 60, y: 60 } });
  await plan.expectInColumn(dragged, 'blocked');
  await expect
    .poll(async () => (await tasks(page, attest)).find((t) => t.ref === dragged)?.status)
    .toBe('blocked');

  // Drag within a column: the last card of To do to the top.
  const last = todo.at(-1)!.ref;
  const top = todo[1]!.ref;
  await plan.card(last).dragTo(plan.card(top), { targetPosition: { x: 40, y: 4 } });
  await expect.poll(async () => column(await tasks(page, attest), 'todo')[0]?.ref).toBe(last);

  // The keyboard: Alt+→ moves a card to the next column and keeps the focus on it.
  const moved = todo[1]!.ref;
  await plan.card(moved).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await plan.expectInColumn(moved, 'in_progress');
  await expect(plan.card(moved)).toBeFocused();
  await expect
    .poll(async () => (await tasks(page, attest)).find((t) => t.ref === moved)?.status)
    .toBe('in_progress');

  // Alt+↑ moves it up within its column.
  await page.keyboard.press('Alt+ArrowUp');
  await expect
    .poll(async () => {
      const list = column(await tasks(page, attest), 'in_progress').map((t) => t.ref);
      return list.indexOf(moved) === list.length - 2;
    })
    .toBe(true);

  // The card's menu: Move to… Done.
  await plan
    .card(moved)
    .getByRole('button', { name: `Actions for ${moved}` })
    .click();
  await page.getByRole('menuitem', { name: 'Done' }).click();
  await plan.expectInColumn(moved, 'done');
  await expect
    .poll(async () => (await tasks(page, attest)).find((t) => t.ref === moved)?.status)
    .toBe('done');
});

test('the table filters, highlights overdue tasks, and adds and archives tasks', async ({
  page,
  attest,
}) => {
  const plan = new Remediation(page);
  const bench = new Workbench(page);
  const all = await tasks(page, attest);
  const overdue = all.filter((t) => t.overdue);
  const open = all.filter((t) => t.status !== 'done');
  await expect(bench.navLink(REMEDIATION)).toContainText(
    `${open.length} open · ${overdue.length} overdue`,
  );
  await plan.show('Table');
  // Read by scrolling through: the table draws only the rows in view.
  const refs = (list: { ref: string }[]) => list.map((t) => t.ref).sort();
  await expect.poll(async () => (await plan.tableRefs()).sort()).toEqual(refs(all));
  await expectNoSeriousA11yViolations(page, 'the task table');

  await page.getByTestId('task-filters').getByLabel('Overdue only').check();
  await expect.poll(async () => (await plan.tableRefs()).sort()).toEqual(refs(overdue));
  for (const t of overdue) await expect(await plan.findRow(t.ref)).toContainText('Overdue');
  await page.getByTestId('task-filters').getByLabel('Overdue only').uncheck();

  // A new task: the title is required, in the contract's words.
  await page.getByRole('button', { name: 'New task' }).click();
  await expect(plan.drawer).toBeVisible();
  await plan.drawer.getByRole('button', { name: 'Add task' }).click();
  const title = plan.drawer.getByRole('textbox', { name: 'Title' });
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription(/Give the task a title/);
  await expectNoSeriousA11yViolations(page, 'the task drawer with a field error');
  await title.fill('Rotate the production database credentials');
  await fillDate(plan.drawer.getByLabel('Due', { exact: true }), '2027-01-31');
  await plan.drawer.getByRole('button', { name: 'Add task' }).click();
  await expect(plan.drawer).toBeHidden();
  const created = (await tasks(page, attest)).find(
    (t) => t.title === 'Rotate the production database credentials',
  )!;
  await expect.poll(async () => (await plan.tableRefs()).includes(created.ref)).toBe(true);
  await expect(await plan.findRow(created.ref)).toBeVisible();

  // Open it with the keyboard and archive it (it asks first).
  await plan.row(created.ref).focus();
  await page.keyboard.press('Enter');
  await expect(plan.drawer).toBeVisible();
  await plan.drawer.getByRole('button', { name: 'Archive' }).click();
  await plan.drawer.getByRole('alertdialog').getByRole('button', { name: 'Archive' }).click();
  await expect(plan.drawer).toBeHidden();
  await expect.poll(async () => (await plan.tableRefs()).includes(created.ref)).toBe(false);
  expect((await tasks(page, attest)).some((t) => t.id === created.id)).toBe(false);

  // Archive is never delete: shown on request, marked, and restored as it was.
  const showArchived = page.getByTestId('task-filters').getByLabel(/^Show archived/);
  await showArchived.check();
  await expect.poll(async () => (await plan.tableRefs()).includes(created.ref)).toBe(true);
  await expect(await plan.findRow(created.ref)).toHaveAttribute('data-archived', 'true');
  await expect(plan.row(created.ref)).toContainText('Archived');
  await expectNoSeriousA11yViolations(page, 'the task table with archived tasks');
  await plan
    .row(created.ref)
    .getByRole('button', { name: `Restore ${created.ref}` })
    .click();
  await expect(plan.row(created.ref)).not.toHaveAttribute('data-archived');
  await expect(plan.row(created.ref)).not.toContainText('Archived');
  await showArchived.uncheck();
  await expect.poll(async () => (await plan.tableRefs()).includes(created.ref)).toBe(true);
  await expect(await plan.findRow(created.ref)).toBeVisible();
  expect((await tasks(page, attest)).find((t) => t.id === created.id)).toMatchObject({
    ref: created.ref,
    title: 'Rotate the production database credentials',
  });
});

test('archived risks are shown on request and restored to the register', async ({
  page,
  attest,
}) => {
  // The register lives in Gap analysis; its archived risks are restored like tasks.
  await new Workbench(page).goByMouse(STEPS[2]);
  await page.getByRole('tab', { name: 'Risks' }).click();
  const register = page.getByTestId('risk-register');
  const table = page.getByTestId('risk-table');
  const list = async () =>
    (
      await rpc<{ items: { id: string; title: string; archived: boolean }[] }>(
        page,
        attest,
        'risks.list',
        { includeArchived: true },
      )
    ).items;
  const risk = (await list()).find((r) => !r.archived)!;
  await table.locator(`tr[data-risk="${risk.title}"]`).click();
  const drawer = page.getByRole('dialog', { name: /risk/i });
  await drawer.getByRole('button', { name: 'Archive' }).click();
  await drawer.getByRole('alertdialog').getByRole('button', { name: 'Archive' }).click();
  await expect(table.locator(`tr[data-risk="${risk.title}"]`)).toBeHidden();

  const archived = (await list()).filter((r) => r.archived);
  expect(archived.map((r) => r.id)).toContain(risk.id);
  await register.getByLabel(`Show archived (${archived.length})`).check();
  await expect(table.locator('tr[data-archived]')).toHaveCount(archived.length);
  const row = table.locator(`tr[data-risk="${risk.title}"]`);
  await expect(row).toContainText('Archived');
  await expectNoSeriousA11yViolations(page, 'the risk register with archived risks');
  await row.getByRole('button', { name: `Restore ${risk.title}` }).click();
  await expect(row).not.toHaveAttribute('data-archived');
  await register.getByLabel(/^Show archived/).uncheck();
  await expect(row).toBeVisible();
  expect((await list()).find((r) => r.id === risk.id)?.archived).toBe(false);
});

test('a risk lowered on controls not in place is flagged, and its residual never exceeds the inherent level', async ({
  page,
  attest,
}) => {
  type RiskRow = {
    title: string;
    controlIds: string[];
    likelihood: number;
    residualLikelihood: number;
    residualScore: number;
    inherentScore: number;
  };
  const { items } = await rpc<{ items: RiskRow[] }>(page, attest, 'risks.list', {});
  const risk = items.find(
    (r) => r.controlIds.length > 0 && r.residualScore < r.inherentScore && r.residualLikelihood > 1,
  )!;
  for (const controlId of risk.controlIds)
    await rpc(page, attest, 'assessments.set', { controlId, status: 'implemented' });
  await rpc(page, attest, 'assessments.set', { controlId: risk.controlIds[0], status: 'partial' });
  await page.reload();
  await new Workbench(page).goByMouse(STEPS[2]);
  await page.getByRole('tab', { name: 'Risks' }).click();
  await page.getByTestId('risk-table').locator(`tr[data-risk="${risk.title}"]`).click();
  const drawer = page.getByRole('dialog', { name: /risk/i });
  await expect(drawer.getByTestId('unproven-controls')).toContainText(
    'not assessed as implemented',
  );
  await expectNoSeriousA11yViolations(page, 'a risk drawer warning about unproven controls');

  // Lowering the inherent likelihood to 1 brings the residual likelihood down with it.
  await drawer.getByRole('combobox', { name: 'Likelihood', exact: true }).click();
  await page.getByRole('option', { name: /^1 · / }).click();
  await expect(drawer.getByRole('combobox', { name: 'Residual likelihood' })).toHaveValue(/^1 · /);

  // Accepting it names who accepts it (the current person, changeable) and when.
  const { currentPersonId, items: people } = await rpc<{
    currentPersonId: string;
    items: { id: string; name: string }[];
  }>(page, attest, 'people.list', {});
  const me = people.find((p) => p.id === currentPersonId)!;
  await drawer.getByRole('combobox', { name: 'Treatment' }).click();
  await page.getByRole('option', { name: 'Accept', exact: true }).click();
  const acceptance = drawer.getByTestId('risk-acceptance');
  await expect(acceptance.getByRole('combobox', { name: 'Accepted by' })).toHaveValue(
    new RegExp(`^${me.name}`),
  );
  await fillDate(acceptance.getByLabel('Accepted on'), '2026-11-30');
  // Saved as it is changed: Done only closes the drawer.
  await drawer.getByRole('button', { name: 'Done' }).click();
  await expect(drawer).toBeHidden();
  const saved = (
    await rpc<{ items: { title: string; acceptedById: string; acceptedOn: string }[] }>(
      page,
      attest,
      'risks.list',
      {},
    )
  ).items.find((r) => r.title === risk.title);
  expect(saved).toMatchObject({ acceptedById: me.id, acceptedOn: '2026-11-30' });
});

test('export the plan as XLSX and open a task from the palette', async ({ page }) => {
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Plan as Excel (XLSX)' }).click();
  expect((await download).suggestedFilename()).toMatch(
    /^Remediation-Plan_.+_\d{4}-\d{2}-\d{2}\.xlsx$/,
  );

  const plan = new Remediation(page);
  await new Workbench(page).runFromPalette('T-001', /^T-001/);
  await expect(plan.drawer).toBeVisible();
  await expect(plan.drawer).toContainText('T-001');
});
