import { expect, openDemoVault, test } from './fixtures';
import { EvidencePage } from './pages/EvidencePage';
import { DEMO_ENGAGEMENT, Workbench } from './pages/Workbench';

/*
 * A consultant with two clients opens the second vault while the first is open (a recent file,
 * the Vault menu): the screen they were on stays, but nothing chosen in the first vault carries
 * over — a filter left set would hide the second vault's rows with nothing on screen saying why.
 */
test("another vault opened over this one keeps the screen but not the first vault's filters", async ({
  page,
  attest,
}) => {
  await openDemoVault(page, attest, 'client-a.attest');
  await new Workbench(page).expectOpen(DEMO_ENGAGEMENT);
  const evidence = new EvidencePage(page);
  await evidence.open(attest);
  await expect(evidence.table.locator('tbody tr[data-row]').first()).toBeVisible();
  const everything = await evidence.table.getAttribute('aria-rowcount');
  const type = page.getByRole('combobox', { name: 'Type', exact: true });
  await type.click();
  await page.getByRole('option', { name: 'Population', exact: true }).click();
  await expect(type).toHaveValue('Population');
  // The demo's three populations (and the header row).
  await expect(evidence.table).toHaveAttribute('aria-rowcount', '4');

  // The second client's vault, opened the way the desktop's recent list does it.
  await openDemoVault(page, attest, 'client-b.attest');
  await expect(page.getByText('client-b.attest', { exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Evidence' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('combobox', { name: 'Type', exact: true })).toHaveValue('');
  await expect(evidence.table).toHaveAttribute('aria-rowcount', everything!);
});
