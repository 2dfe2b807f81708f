import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type AttestServer, expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { openDemo } from './pages/Workbench';
import { rpc } from './pages/rpc';

/** With SCREENSHOTS=1, keeps a picture of the screen for review (as the screenshot specs do). */
async function shoot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  await page.screenshot({ path: `/tmp/attest-shots/${name}.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(400); // let the theme's transitions settle
  await page.screenshot({ path: `/tmp/attest-shots/dark-${name}.png` });
  await page.emulateMedia({ colorScheme: 'light' });
}

interface Backup {
  id: string;
  reason: string;
  current: boolean;
  head: { seq: number };
}

/** The backup `attest serve` makes when it opens a vault, once that job has finished. */
async function backupMadeAtOpen(page: Page, attest: AttestServer) {
  let listing = { folder: '', items: [] as Backup[] };
  await expect
    .poll(async () => {
      listing = await rpc(page, attest, 'vault.backups');
      return listing.items.map((b) => b.reason);
    })
    .toEqual(['open']);
  return { folder: listing.folder, backup: listing.items[0]! };
}

test('lists the backups made at open and restores one, after a confirmation that says what it replaces', async ({
  page,
  attest,
}) => {
  const bench = await openDemo(page, attest);
  const { backup } = await backupMadeAtOpen(page, attest);
  await rpc(page, attest, 'people.create', { name: 'Added after the backup' });
  const now = await rpc<{ counts: { auditEvents: number } }>(page, attest, 'vault.info');

  await bench.vaultMenu('Backups…');
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  const table = dialog.getByTestId('backups-table');
  await expect(table.getByRole('row')).toHaveCount(2); // the header and one backup
  await expect(table).toContainText('When opened');
  await expect(table).toContainText(backup.head.seq.toLocaleString('en-US'));
  await expectNoSeriousA11yViolations(page, 'the backups dialog');
  await shoot(page, 'backups-list');

  await dialog.getByRole('button', { name: /^Restore the backup of / }).click();
  const confirmation = dialog.getByTestId('restore-confirmation');
  await expect(confirmation).toContainText(
    `replaces the vault as it is now (${now.counts.auditEvents.toLocaleString('en-US')} audit entries)`,
  );
  await expect(confirmation).toContainText('kept as a backup first');
  await expectNoSeriousA11yViolations(page, 'the restore confirmation');
  await shoot(page, 'backups-confirm-restore');
  await confirmation.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByText(/^Restored the backup of .*kept as a backup/)).toBeVisible();
  await expect(dialog).toBeHidden();

  // The vault is the backup now, and the witness took the restore as the new baseline.
  const people = await rpc<{ items: { name: string }[] }>(page, attest, 'people.list', {
    limit: 1000,
  });
  expect(people.items.map((p) => p.name)).not.toContain('Added after the backup');
  await expect(page.getByTestId('witness-sound')).toContainText('when a backup was restored');
  await page.getByTestId('verify-card').scrollIntoViewIfNeeded();
  await shoot(page, 'backups-restored-dashboard');

  // The vault as it was is listed too, and can be restored in turn.
  await bench.vaultMenu('Backups…');
  await expect(dialog.getByTestId('backups-table')).toContainText('Before a restore');
  await expect(dialog.getByTestId('backups-table')).toContainText('Same as now');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});

test('a backup put back by hand shows as behind on the Dashboard until it is accepted', async ({
  page,
  attest,
}) => {
  await openDemo(page, attest);
  const { folder, backup } = await backupMadeAtOpen(page, attest);
  const { path } = await rpc<{ path: string }>(page, attest, 'vault.info');
  await rpc(page, attest, 'people.create', { name: 'Added after the backup' });
  await rpc(page, attest, 'vault.close');
  copyFileSync(join(folder, `${backup.id}.attest`), path);
  await rpc(page, attest, 'vault.open', { file: path });

  const behind = page.getByTestId('witness-behind');
  await expect(behind).toContainText('This vault is 1 audit entry behind what this computer');
  await expect(behind).toContainText('Nothing in it was changed outside Attest');
  await expectNoSeriousA11yViolations(page, 'a vault behind its witness');
  await shoot(page, 'witness-behind');
  await behind.getByRole('button', { name: 'Accept as the new baseline' }).click();
  await expect(page.getByTestId('witness-sound')).toBeVisible();

  // Verify agrees, and says what the chain alone can and cannot prove.
  await page.getByTestId('verify-vault').click();
  await expect(page.getByTestId('verify-result')).toContainText(
    'unless someone recomputed all of it',
  );
});
