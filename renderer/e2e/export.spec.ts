import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, expectNoSeriousA11yViolations, openDemoVault, test } from './fixtures';
import { STEPS, Workbench } from './pages/Workbench';
import { scratchDir } from './scratch';

test('export the audit package: options, progress, the fingerprint to send separately, a zip that checks out', async ({
  page,
  attest,
}) => {
  await openDemoVault(page, attest);
  const bench = new Workbench(page);
  await bench.expectOpen('Demo — Northwind Analytics SOC 2 Type II');
  await bench.goByMouse(STEPS[6]!);
  const card = page.getByTestId('package-export');
  await expect(card.getByRole('checkbox', { name: 'Evidence files' })).toBeChecked();
  await expect(
    card.getByRole('checkbox', { name: /Include internal working papers/ }),
  ).not.toBeChecked();
  await expectNoSeriousA11yViolations(page, 'the Export step');

  // Nothing to include: nothing to export.
  for (const box of await card.getByRole('group', { name: 'Include' }).getByRole('checkbox').all())
    await box.uncheck();
  await expect(card.getByRole('button', { name: 'Export audit package…' })).toBeDisabled();
  await card.getByRole('checkbox', { name: 'Evidence files' }).check();
  await card.getByRole('checkbox', { name: /Indexes/ }).check();
  await card.getByRole('checkbox', { name: /by request/ }).check();

  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Export audit package…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Audit-Package_.*\.zip$/);
  const result = page.getByTestId('package-result');
  await expect(result).toContainText(/files, .*B\./);
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: '/tmp/attest-shots/export/export-done.png', fullPage: true });
  const shown = (await page.getByTestId('package-fingerprint').innerText()).replace(/\s/g, '');
  const info = await page.request.post(`${attest.origin}/rpc/vault.info`, { data: {} });
  const { value } = (await info.json()) as { value: { fingerprint: string } };
  expect(shown).toBe(value.fingerprint);

  const zip = join(scratchDir('package'), 'package.zip');
  await file.saveAs(zip);
  expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toMatch(/No errors detected/);
  const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' });
  expect(names).toMatch(/^04_Evidence\/No-request\//m);
  expect(names).toMatch(/^01_Index\/evidence-index\.csv$/m);
  expect(names).not.toMatch(/^03_Policies\//m);
});
