import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openDemoVault, test } from './fixtures';
import { Workbench } from './pages/Workbench';

/**
 * The runtime host (the process `attest serve` forks to work on the vault) dies under the open
 * window: the window says so, the vault can be reopened in one click, and it is all there.
 */
test('when the part of Attest that works on the vault stops, the window says so and reopens it', async ({
  page,
  attest,
}) => {
  await openDemoVault(page, attest);
  await page.reload();
  const bench = new Workbench(page);
  await expect(bench.engagementName).toContainText('Northwind');

  // The vault's lock note names the process holding it: the host, not the server.
  const holder = JSON.parse(readFileSync(join(attest.home, 'demo.attest.lock'), 'utf8')) as {
    pid: number;
  };
  process.kill(holder.pid, 'SIGKILL');

  const dialog = page.getByRole('dialog', {
    name: 'The part of Attest that works on the vault stopped',
  });
  await expect(dialog).toContainText('demo.attest was closed with it');
  await dialog.getByRole('button', { name: 'Reopen the vault' }).click();
  await expect(dialog).toBeHidden();
  await expect(bench.engagementName).toContainText('Northwind');
  const now = JSON.parse(readFileSync(join(attest.home, 'demo.attest.lock'), 'utf8')) as {
    pid: number;
  };
  expect(now.pid).not.toBe(holder.pid);
});
