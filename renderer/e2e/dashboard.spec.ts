import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { STEPS, openDemo } from './pages/Workbench';
import { assessmentSummary, rpc, tasks } from './pages/rpc';

const CATEGORY = {
  security: 'Security',
  availability: 'Availability',
  confidentiality: 'Confidentiality',
};

test('the dashboard shows what coverage.get, tasks.list and risks.list return', async ({
  page,
  attest,
}) => {
  const bench = await openDemo(page, attest);
  await bench.expectOn(STEPS[0]);

  const summary = await assessmentSummary(page, attest);
  await expect(page.getByTestId('assessment-ring')).toContainText(
    `${summary.assessed} of ${summary.controls} assessed`,
  );

  const { criteria } = await rpc<{ criteria: { category: string; status: string }[] }>(
    page,
    attest,
    'coverage.get',
  );
  for (const [category, label] of Object.entries(CATEGORY)) {
    const of = (status: string) =>
      criteria.filter((c) => c.category === category && c.status === status).length;
    await expect(page.getByTestId(`coverage-${category}`)).toHaveText(
      `${label}: ${of('met')} met · ${of('mapped')} mapped · ${of('not_mapped')} not mapped · ${of('not_relevant')} not relevant`,
    );
  }

  const all = await tasks(page, attest);
  await expect(page.getByTestId('dashboard-open-tasks')).toHaveText(
    String(all.filter((t) => t.status !== 'done').length),
  );
  await expect(page.getByTestId('dashboard-overdue-tasks')).toHaveText(
    String(all.filter((t) => t.overdue).length),
  );

  const { items: risks } = await rpc<{ items: { title: string; residualScore: number }[] }>(
    page,
    attest,
    'risks.list',
  );
  const highest = Math.max(...risks.map((r) => r.residualScore));
  const firstShown = await page.locator('[data-top-risk]').first().getAttribute('data-top-risk');
  expect(risks.find((r) => r.title === firstShown)?.residualScore).toBe(highest);

  // Honest words: never compliant, and the next step follows from the real state.
  await expect(page.locator('main')).not.toContainText(/compliant|certified|covered/i);
  const next = page.getByTestId('next-step');
  await expect(next).toContainText(`Assess ${summary.controls - summary.assessed} more controls`);
  await expectNoSeriousA11yViolations(page, 'the dashboard');
  await next.getByRole('link', { name: 'Continue assessing' }).click();
  await bench.expectOn(STEPS[2]);
  await expect(page.getByTestId('focused-mode')).toBeVisible();
});

test('the dashboard, gap analysis and remediation pass axe in the dark theme too', async ({
  page,
  attest,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const bench = await openDemo(page, attest);
  await expect(page.getByTestId('dashboard-assessment')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the dashboard (dark)');
  await bench.goByMouse(STEPS[2]);
  for (const tab of ['Assess', 'All controls', 'Coverage and gaps', 'Risks']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expectNoSeriousA11yViolations(page, `gap analysis: ${tab} (dark)`);
  }
  await bench.goByMouse(STEPS[3]);
  await expect(page.getByTestId('task-board')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the board (dark)');
  await page
    .getByRole('radiogroup', { name: 'View' })
    .locator('label')
    .filter({ hasText: 'Table' })
    .click();
  await expect(page.getByTestId('task-table')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the task table (dark)');
});

test('this week lists what is overdue and due soon, each linking to where it is dealt with', async ({
  page,
  attest,
}) => {
  const bench = await openDemo(page, attest);
  await bench.expectOn(STEPS[0]);
  const agenda = await rpc<{
    overdue: { kind: string; object: string }[];
    dueSoon: { kind: string; object: string }[];
  }>(page, attest, 'readiness.agenda');
  const card = page.getByTestId('dashboard-agenda');
  await expect(card.getByText(`Overdue (${agenda.overdue.length})`)).toBeVisible();
  await expect(card.getByText(`Due in the next 7 days (${agenda.dueSoon.length})`)).toBeVisible();

  // The demo's overdue task (on purpose) is listed, and its link opens it in the remediation plan.
  const overdueTasks = (await tasks(page, attest)).filter((t) => t.overdue);
  expect(overdueTasks.length).toBeGreaterThan(0);
  const task = overdueTasks[0]!;
  expect(agenda.overdue.some((i) => i.kind === 'task' && i.object === task.ref)).toBe(true);
  // Tasks come before owed evidence, so the few things someone was asked to do are not buried.
  await page.getByTestId('agenda-overdue').getByRole('link', { name: task.ref }).click();
  await bench.expectOn(STEPS[3]);
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText(task.ref);
  await expect(drawer.getByLabel('Title')).toHaveValue(task.title);
});
