import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledScript } from '../../electron/testing/spawn';
import { expect, expectNoSeriousA11yViolations, openDemoVault, test } from './fixtures';
import { goHash } from './pages/hash';
import { rpc } from './pages/rpc';
import { ScopeView } from './pages/ScopeView';
import { Workbench } from './pages/Workbench';
import { scratchDir } from './scratch';

// "This build" ships catalog 2026.5 (the vault is built by `attest demo` with the built-in one):
// a newer title for AC-01, a rewritten test procedure for AC-02, BCP-03 remapped, AC-90 added,
// GOV-03 dropped, CC1.1's guidance rewritten — see electron/testing/newer-catalog.ts.
const repo = fileURLToPath(new URL('../..', import.meta.url));
const newerDir = join(scratchDir('catalog'), 'catalog');
execFileSync(
  process.execPath,
  [bundledScript('electron/testing/write-newer-catalog.ts'), newerDir],
  { cwd: repo },
);
test.use({ attestEnv: { ATTEST_CATALOG: newerDir } });

/** With SCREENSHOTS=1, keeps a picture of the screen for review (as the screenshot specs do). */
async function shoot(page: Parameters<typeof rpc>[0], name: string) {
  if (!process.env.SCREENSHOTS) return;
  await page.screenshot({ path: `/tmp/attest-shots/${name}.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(400); // let the theme's transitions settle
  await page.screenshot({ path: `/tmp/attest-shots/dark-${name}.png` });
  await page.emulateMedia({ colorScheme: 'light' });
}

interface ControlRow {
  id: string;
  ref: string;
  title: string;
  archived: boolean;
}
const controlByRef = async (
  page: Parameters<typeof rpc>[0],
  attest: Parameters<typeof rpc>[1],
  ref: string,
) =>
  (
    await rpc<{ items: ControlRow[] }>(page, attest, 'controls.list', {
      search: ref,
      includeArchived: true,
      limit: 50,
    })
  ).items.find((c) => c.ref === ref);

test('a newer catalog is offered, reviewed field by field and applied only when asked', async ({
  page,
  attest,
}) => {
  await openDemoVault(page, attest);
  const ac01 = (await controlByRef(page, attest, 'AC-01'))!;
  await rpc(page, attest, 'controls.update', {
    id: ac01.id,
    patch: { title: 'Named accounts (our wording)' },
  });

  // The Dashboard says so too, and its button leads to the review in Scope.
  await goHash(page, '/');
  const notice = page.getByTestId('catalog-update-notice');
  await expect(notice).toContainText('Catalog 2026.5 is available');
  await notice.getByRole('button', { name: 'Review update' }).click();
  const dialog = page.getByRole('dialog', { name: 'Catalog update 2026.4 → 2026.5' });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/#\/scope/);
  await dialog.getByRole('button', { name: 'Not now' }).click();
  await expect(dialog).toBeHidden();
  // …and so does the command palette.
  await new Workbench(page).runFromPalette('catalog', /Review catalog update 2026\.4 → 2026\.5/);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Not now' }).click();
  await expect(dialog).toBeHidden();

  const scope = new ScopeView(page);
  await scope.open();
  const banner = page.getByTestId('catalog-update-banner');
  await expect(banner).toContainText('Catalog 2026.5 is available');
  await expect(banner).toContainText('scoped with catalog 2026.4');
  await expectNoSeriousA11yViolations(page, 'the scope with a catalog update offered');
  await shoot(page, 'catalog-update-banner');

  await banner.getByRole('button', { name: 'Review update' }).click();
  await expect(dialog).toBeVisible();
  const edited = dialog.getByTestId('change-AC-01-title');
  await expect(edited).toContainText('Edited here — kept');
  await expect(edited).toContainText('Named accounts (our wording)');
  await expect(edited).toContainText('Unique named accounts for every person');
  await expect(dialog.getByTestId('change-AC-02-testProcedure')).toContainText(
    'Follows the catalog',
  );
  await expect(dialog.getByTestId('added-controls')).toContainText('AC-90');
  await dialog.getByRole('button', { name: /Dropped from the library/ }).click();
  await expect(dialog).toContainText('GOV-03');
  await expectNoSeriousA11yViolations(page, 'the catalog update review');
  await shoot(page, 'catalog-update-review');

  // Nothing has changed yet: closing the review leaves the vault as it was.
  await dialog.getByRole('button', { name: 'Not now' }).click();
  await expect(dialog).toBeHidden();
  expect((await rpc<{ status: string }>(page, attest, 'catalog.updatePlan')).status).toBe(
    'update_available',
  );

  await banner.getByRole('button', { name: 'Review update' }).click();
  await dialog.getByLabel('Use the catalog’s title for AC-01').check();
  await expect(edited).toContainText('Your edit will be replaced');
  await dialog.getByRole('button', { name: 'Apply update' }).click();
  await expect(page.getByText(/^Catalog updated to 2026\.5/)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(banner).toBeHidden();

  expect((await controlByRef(page, attest, 'AC-01'))!.title).toBe(
    'Unique named accounts for every person',
  );
  expect((await controlByRef(page, attest, 'GOV-03'))!.archived).toBe(false);
  await scope.tab('Controls');
  await expect(scope.controlRow('AC-90')).toBeVisible();
  const info = await rpc<{ engagement: { catalogVersion: string } }>(page, attest, 'vault.info');
  expect(info.engagement.catalogVersion).toBe('2026.5');
});
