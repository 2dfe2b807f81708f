import { createVaultByApi, expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { STEPS, Workbench } from './pages/Workbench';

test('compact the vault from the vault menu, after a confirmation that says what it needs', async ({
  page,
  attest,
}) => {
  await createVaultByApi(page, attest);
  const bench = new Workbench(page);
  await bench.expectOpen('Acme SOC 2 2026');
  await bench.vaultMenu('Compact vault…');
  const dialog = page.getByRole('dialog', { name: 'Compact vault' });
  await expect(dialog).toContainText('Needs free on disk');
  await expect(dialog).toContainText('up to twice the vault’s size');
  await expect(dialog).toContainText('Free on disk');
  await expectNoSeriousA11yViolations(page, 'the compact confirmation');
  await dialog.getByRole('button', { name: 'Compact' }).click();
  await expect(page.getByText(/^Compacted: .* → .*\.$/)).toBeVisible();
  await expect(dialog).toBeHidden();
  // The vault is open again on the compacted file, and sound. (The Dashboard is chosen here:
  // a vault created while the page was starting opens on the Dashboard or, if the page had
  // already seen no vault, on the scoping wizard.)
  await bench.goByMouse(STEPS[0]!);
  await page.getByTestId('verify-vault').click();
  await expect(page.getByTestId('verify-result')).toContainText('The vault is sound');
});
