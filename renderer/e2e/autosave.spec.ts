import { expect, openDemoVault, test } from './fixtures';
import { GapAnalysis } from './pages/GapAnalysis';
import { Remediation } from './pages/Remediation';
import { ScopeWizard } from './pages/ScopeWizard';
import { fillDate } from './pages/dates';
import { STEPS, Workbench } from './pages/Workbench';
import { assessments, controls, rpc, tasks } from './pages/rpc';

/**
 * One save model (U2): what is typed into a task, a risk or an assessment's notes is kept when
 * the drawer is closed with Esc, when the page is reloaded and when the user moves on.
 */

interface RiskRow {
  id: string;
  title: string;
  description: string;
}
const risks = async (...args: Parameters<typeof tasks>) =>
  (await rpc<{ items: RiskRow[] }>(args[0], args[1], 'risks.list', {})).items;

test.beforeEach(async ({ page, attest }) => {
  await openDemoVault(page, attest);
  await new Workbench(page).expectOpen('Demo — Northwind Analytics SOC 2 Type II');
});

test('a task keeps what is typed through Esc and a reload, and a new one asks before Esc drops it', async ({
  page,
  attest,
}) => {
  const bench = new Workbench(page);
  await bench.goByMouse(STEPS[3]);
  const plan = new Remediation(page);
  await plan.show('Table');
  const task = (await tasks(page, attest))[0]!;
  await (await plan.findRow(task.ref)).click();
  await expect(plan.drawer).toBeVisible();

  // Typed, then Esc at once: the drawer closes and the text is saved all the same.
  const description = plan.drawer.getByRole('textbox', { name: 'Description' });
  await description.fill('Typed, then Esc pressed straight away');
  await page.keyboard.press('Escape');
  await expect(plan.drawer).toBeHidden();
  await expect
    .poll(
      async () =>
        (
          await rpc<{ items: { id: string; description: string }[] }>(page, attest, 'tasks.list')
        ).items.find((t) => t.id === task.id)?.description,
    )
    .toBe('Typed, then Esc pressed straight away');

  // Typed, saved on a pause (with an Undo), then the page reloaded: still there.
  await (await plan.findRow(task.ref)).click();
  const title = plan.drawer.getByRole('textbox', { name: 'Title' });
  await title.fill('Renamed before a reload');
  await expect(
    page.getByTestId('undo-notification').filter({ hasText: 'Title saved.' }),
  ).toBeVisible();
  await page.reload();
  await bench.expectOn(STEPS[3]);
  // The drawer's task is in the address: the reload reopens it.
  await expect(plan.drawer).toBeVisible();
  await expect(plan.drawer.getByRole('textbox', { name: 'Title' })).toHaveValue(
    'Renamed before a reload',
  );
  await expect(plan.drawer.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'Typed, then Esc pressed straight away',
  );

  // Undo puts the last change back.
  await plan.drawer.getByRole('textbox', { name: 'Title' }).fill('A title to undo');
  await page
    .getByTestId('undo-notification')
    .filter({ hasText: 'Title saved.' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(plan.drawer.getByRole('textbox', { name: 'Title' })).toHaveValue(
    'Renamed before a reload',
  );
  await expect
    .poll(async () => (await tasks(page, attest)).find((t) => t.id === task.id)?.title)
    .toBe('Renamed before a reload');
  await page.keyboard.press('Escape');
  await expect(plan.drawer).toBeHidden();

  // A new task: Esc asks before dropping what was typed.
  await page.getByRole('button', { name: 'New task' }).click();
  await expect(plan.drawer).toContainText('New task');
  await plan.drawer.getByRole('textbox', { name: 'Title' }).fill('Half-typed new task');
  await page.keyboard.press('Escape');
  const ask = plan.drawer.getByRole('alertdialog', { name: 'Discard this new task?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(plan.drawer.getByRole('textbox', { name: 'Title' })).toHaveValue(
    'Half-typed new task',
  );
});

test('a risk keeps what is typed through Esc, and a new one asks before Esc drops it', async ({
  page,
  attest,
}) => {
  await new Workbench(page).goByMouse(STEPS[2]);
  const gaps = new GapAnalysis(page);
  await gaps.tab('Risks');
  const risk = (await risks(page, attest))[0]!;
  await gaps.riskRow(risk.title).click();
  const drawer = gaps.riskDrawer;
  await drawer
    .getByRole('textbox', { name: 'Description' })
    .fill('A description typed, then Esc pressed at once');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect
    .poll(async () => (await risks(page, attest)).find((r) => r.id === risk.id)?.description)
    .toBe('A description typed, then Esc pressed at once');
  await gaps.riskRow(risk.title).click();
  await expect(drawer.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'A description typed, then Esc pressed at once',
  );
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  await page.getByRole('button', { name: 'Add risk' }).click();
  const added = page.getByRole('dialog', { name: 'New risk' });
  await added.getByRole('textbox', { name: 'Title' }).fill('Half-typed new risk');
  await page.keyboard.press('Escape');
  const ask = added.getByRole('alertdialog', { name: 'Discard this new risk?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(added.getByRole('textbox', { name: 'Title' })).toHaveValue('Half-typed new risk');
});

test('a note typed in Assess mode before a status is chosen survives moving on and a reload', async ({
  page,
  attest,
}) => {
  await new Workbench(page).goByMouse(STEPS[2]);
  const gaps = new GapAnalysis(page);
  await gaps.tab('Assess');
  const ref = (await gaps.controlRef.textContent())!;
  await expect(gaps.statusButton('Implemented')).toHaveAttribute('aria-pressed', 'false');
  const notes = page.getByRole('textbox', { name: 'Notes' });
  await notes.fill('Asked the CTO; waiting for the screenshot');

  await page.getByRole('button', { name: 'Next control' }).click();
  await expect(gaps.controlRef).not.toHaveText(ref);
  await page.getByRole('button', { name: 'Previous control' }).click();
  await expect(gaps.controlRef).toHaveText(ref);
  await expect(notes).toHaveValue('Asked the CTO; waiting for the screenshot');

  await page.reload();
  await gaps.tab('Assess');
  await expect(gaps.controlRef).toHaveText(ref);
  await expect(notes).toHaveValue('Asked the CTO; waiting for the screenshot');

  // Choosing a status saves the note with it.
  await gaps.statusButton('Partial').click();
  await expect(gaps.statusButton('Partial')).toHaveAttribute('aria-pressed', 'true');
  const id = (await controls(page, attest)).find((c) => c.ref === ref)!.id;
  const saved = (await assessments(page, attest)).find((a) => a.controlId === id);
  expect(saved).toMatchObject({
    status: 'partial',
    notes: 'Asked the CTO; waiting for the screenshot',
  });
});

test('the report type and its dates save without a button, as one answer, and survive a reload', async ({
  page,
  attest,
}) => {
  const wizard = new ScopeWizard(page);
  await wizard.open(2);
  await wizard.expectStep(2);
  const engagement = async () =>
    (
      await rpc<{
        engagement: { reportType: string; asOf: string | null; period: unknown };
      }>(page, attest, 'vault.info')
    ).engagement;

  // Type I with its date: the type saves at once, the date after a pause.
  await page.getByText('Type I — one date').click();
  await expect.poll(async () => (await engagement()).reportType).toBe('type1');
  await fillDate(wizard.field('As of'), '2026-06-30');
  await expect.poll(async () => (await engagement()).asOf).toBe('2026-06-30');

  // Back to Type II: the period the form still shows comes back at once; each date changed
  // saves after a pause, type and period as one answer.
  await page.getByText('Type II — a period').click();
  await expect.poll(async () => (await engagement()).reportType).toBe('type2');
  await fillDate(wizard.field('Period starts'), '2026-02-01');
  await fillDate(wizard.field('Period ends'), '2026-07-31');
  await expect
    .poll(async () => (await engagement()).period)
    .toEqual({ start: '2026-02-01', end: '2026-07-31' });
  await wizard.expectSaved();

  await page.reload();
  await wizard.expectStep(2);
  await expect(wizard.field('Period starts')).toHaveValue(/2026|Feb/);
  await expect(wizard.field('Period ends')).toHaveValue(/Jul/);
  expect((await engagement()).period).toEqual({ start: '2026-02-01', end: '2026-07-31' });
});
