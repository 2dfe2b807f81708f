import { mkdirSync } from 'node:fs';
import { addressOf } from '../app/routes';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { Requests } from './pages/Requests';
import { openDemo } from './pages/Workbench';
import { goHash } from './pages/hash';
import { importRequestList } from './pages/rpc';

// Pictures of the record tables on the shared DataTable (requests, risks, tasks) in both themes,
// for people to look at (not an assertion). Run with SCREENSHOTS=1 … screenshots-tables
const OUT = '/tmp/attest-shots/tables';

test.skip(!process.env.SCREENSHOTS, 'Screenshots are taken only when SCREENSHOTS=1 is set');

for (const scheme of ['light', 'dark'] as const) {
  test(`the requests, risks and tasks tables in the ${scheme} theme`, async ({ page, attest }) => {
    test.setTimeout(150_000);
    mkdirSync(OUT, { recursive: true });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const shot = async (name: string) => {
      await page.mouse.move(1350, 850);
      await page.waitForTimeout(350);
      await page.screenshot({ path: `${OUT}/${scheme}-${name}.png` });
      await expectNoSeriousA11yViolations(page, `${name} (${scheme})`);
    };
    await openDemo(page, attest);
    const lines = ['PBC #,Item Requested'];
    for (let i = 1; i <= 400; i++)
      lines.push(`PBC-${i},Population of production changes merged during period ${i}`);
    await importRequestList(page, attest, lines.join('\n'));

    const requests = new Requests(page);
    await requests.open();
    await expect(requests.row('PBC-1')).toBeVisible();
    await requests.row('PBC-3').click();
    await requests.expectDrawerFor('PBC-3');
    await page.keyboard.press('Escape');
    await expect(requests.drawer).toBeHidden();
    await shot('01-requests');

    await goHash(page, addressOf('gapsRisks'));
    await expect(page.getByTestId('risk-table').locator('tr[data-risk]').first()).toBeVisible();
    await shot('02-risks');

    await goHash(page, addressOf('remediationTable'));
    await expect(page.getByTestId('task-table').locator('tr[data-task-ref]').first()).toBeVisible();
    await page.getByTestId('task-table').getByRole('button', { name: 'Priority' }).click();
    await shot('03-tasks');
  });
}
