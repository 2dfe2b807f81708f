import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { Policies } from './pages/Policies';
import { Requests } from './pages/Requests';
import { openDemo } from './pages/Workbench';
import { rpc } from './pages/rpc';
import { scratchDir } from './scratch';

// Pictures of the dialogs whose lists moved to the shared DataTable (the vault files of "Open
// vault", the request-list and acknowledgement import previews), in both themes, for people to
// look at (not an assertion). The backups, the catalog update and auditor mode are pictured by
// their own specs (backups, catalog-update, a11y-scan). Run with SCREENSHOTS=1 … screenshots-dialogs
const OUT = '/tmp/attest-shots/dialogs';

test.skip(!process.env.SCREENSHOTS, 'Screenshots are taken only when SCREENSHOTS=1 is set');

const PBC = [
  'PBC #,Item Requested,TSC Ref.,Evidence Owner,Due',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `PBC-${String(i + 1).padStart(3, '0')},Population of changes deployed to production in month ${i + 1} with approvals,CC8.1,Priya Raman,2026-06-${String((i % 28) + 1).padStart(2, '0')}`,
  ),
].join('\r\n');

const ACKS = [
  'Email,Completed on',
  'grace@northwind-demo.test,2026-05-15',
  'nobody@elsewhere.test,2026-05-14',
  ...Array.from({ length: 20 }, (_, i) => `person${i}@elsewhere.test,2026-05-${10 + (i % 9)}`),
].join('\r\n');

for (const scheme of ['light', 'dark'] as const) {
  test(`the dialogs' tables in the ${scheme} theme`, async ({ page, attest }) => {
    test.setTimeout(180_000);
    mkdirSync(OUT, { recursive: true });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const shot = async (name: string) => {
      await page.mouse.move(1350, 850);
      await page.waitForTimeout(350);
      await page.screenshot({ path: `${OUT}/${scheme}-${name}.png` });
      await expectNoSeriousA11yViolations(page, `${name} (${scheme})`);
    };

    const bench = await openDemo(page, attest);
    // Open vault (browser mode): the vault files in ATTEST_HOME.
    copyFileSync(join(attest.home, 'demo.attest'), join(attest.home, 'northwind-2025.attest'));
    await bench.closeVault();
    await page.getByTestId('start-open-vault').click();
    const open = page.getByRole('dialog', { name: 'Open vault' });
    await expect(open.getByTestId('available-vaults').getByRole('row')).toHaveCount(3);
    await shot('01-open-vault');
    await open.getByRole('row', { name: 'demo.attest', exact: true }).click();
    await bench.expectOpen('Demo — Northwind Analytics SOC 2 Type II');

    // The request list's import preview.
    const requests = new Requests(page);
    await requests.open();
    await requests.startImport();
    const file = join(scratchDir('shots-pbc'), `PBC list ${scheme}.csv`);
    writeFileSync(file, PBC);
    await requests.chooseFile(file);
    await expect(requests.wizard.getByTestId('mapping-table')).toBeVisible();
    await requests.toPreview();
    await expect(requests.wizard.getByTestId('preview-table')).toContainText('PBC-001');
    await shot('02-request-import-preview');
    await page.keyboard.press('Escape');

    // An HR export's acknowledgements, previewed.
    const list = await rpc<{ items: { title: string; inForceVersionId: string | null }[] }>(
      page,
      attest,
      'policies.list',
    );
    const approved = list.items.find((p) => p.inForceVersionId !== null);
    // The demo always has an approved policy: a missing one is a failure, not a reason to skip.
    expect(approved, 'the demo has an approved policy').toBeDefined();
    const policies = new Policies(page);
    await policies.open();
    await policies.row(approved!.title).click();
    await policies.tab('Acknowledgements').click();
    await policies.drawer
      .getByRole('button', { name: 'Import from HR or training export…' })
      .click();
    const wizard = page.getByRole('dialog', { name: /^Import acknowledgements of version/ });
    const chooser = page.waitForEvent('filechooser');
    await wizard.getByRole('button', { name: 'Choose a file…' }).click();
    await (
      await chooser
    ).setFiles({ name: 'lms-export.csv', mimeType: 'text/csv', buffer: Buffer.from(ACKS) });
    await expect(wizard.getByTestId('ack-import-rows')).toContainText('grace@northwind-demo.test');
    await shot('03-ack-import-preview');
  });
}
