import { linkTo } from '../app/routes';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { openDemo } from './pages/Workbench';
import { rpc } from './pages/rpc';

interface Info {
  path: string;
  engagement: { name: string; period: { start: string; end: string } | null };
  scope: { controls: unknown[] };
}

test('starts the next period from the vault menu and opens it: the new period, the controls, no evidence', async ({
  page,
  attest,
}) => {
  const bench = await openDemo(page, attest);
  const before = await rpc<Info>(page, attest, 'vault.info');
  const scopeBefore = (await page.getByTestId('engagement-scope').textContent()) ?? '';
  expect((await rpc<{ total: number }>(page, attest, 'evidence.list', {})).total).toBeGreaterThan(
    0,
  );

  await bench.vaultMenu('Start next period…');
  const dialog = page.getByRole('dialog', { name: 'Start next period' });
  await expect(dialog).toContainText('Carried to the new vault');
  await expect(dialog).toContainText('Stays with this vault');
  await expect(dialog.getByTestId('vault-file-name')).toHaveValue(/^demo-northwind-.*-\d{4}$/);
  await expectNoSeriousA11yViolations(page, 'the start-next-period dialog');
  // With SCREENSHOTS=1, a picture of the dialog for review (as the screenshot specs keep).
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: '/tmp/attest-shots/roll-forward.png' });
  await dialog.getByRole('button', { name: 'Create and open' }).click();

  await expect(page.getByText(/^Started the next period: .* is open\./)).toBeVisible();
  await expect(dialog).toBeHidden();
  await bench.expectOpen(before.engagement.name);
  await expect(page.getByTestId('engagement-scope')).not.toHaveText(scopeBefore);
  const after = await rpc<Info>(page, attest, 'vault.info');
  expect(after.path).not.toBe(before.path);
  // The day after the demo's period ends, the same six months.
  const end = new Date(`${before.engagement.period!.end}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  expect(after.engagement.period!.start).toBe(end.toISOString().slice(0, 10));
  expect(after.scope.controls.length).toBe(before.scope.controls.length);

  // The controls are there; the evidence stayed with the old period.
  await page.goto(`${attest.origin}/#${linkTo('documentationEvidence')}`);
  await expect(page.getByText('No evidence yet')).toBeVisible();
  expect((await rpc<{ total: number }>(page, attest, 'evidence.list', {})).total).toBe(0);
  await page.goto(`${attest.origin}/#${linkTo('gapsTable')}`);
  await expect(page.getByRole('row').filter({ hasText: 'AC-01' }).first()).toBeVisible();
});
