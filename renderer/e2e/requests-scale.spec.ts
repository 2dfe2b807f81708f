import { expect, openDemoVault, test } from './fixtures';
import { Requests } from './pages/Requests';
import { importRequestList, rpc } from './pages/rpc';

/** Far more than the window shows; the table must draw only those in view however many. */
const REQUESTS = 2000;
/** The most `<tr>` the table may hold at any time: a screenful, the overscan and the spacers. */
const MOST_ROWS = 120;

test('a list of thousands keeps a bounded number of rows in the page while scrolled to its end', async ({
  page,
  attest,
}) => {
  await openDemoVault(page, attest);
  const lines = ['PBC #,Item Requested'];
  for (let i = 1; i <= REQUESTS; i++) lines.push(`S-${i},Sample ${i} of the change tickets`);
  await importRequestList(page, attest, lines.join('\n'), 60_000);
  const { total, items } = await rpc<{ total: number; items: { ref: string }[] }>(
    page,
    attest,
    'requests.list',
    { limit: 1, sort: { key: 'ref', dir: 'desc' } },
  );
  expect(total).toBeGreaterThanOrEqual(REQUESTS);
  const last = items[0]!.ref;

  const requests = new Requests(page);
  await requests.open();
  await expect(requests.footer).toContainText(
    `200 of ${total.toLocaleString('en')} requests loaded`,
  );
  const drawn = requests.table.locator('tr');
  const bounded = async () => expect(await drawn.count()).toBeLessThan(MOST_ROWS);
  await bounded();

  // Scrolling reaches the last request, a page at a time, never drawing more than a screenful.
  await requests.scrollToRow(last, bounded);
  await expect(requests.footer).toContainText(`${total.toLocaleString('en')} requests`);
  await expect(requests.footer).not.toContainText('loaded');
  await bounded();
  await expect(requests.row(last)).toHaveAttribute('aria-rowindex', String(total + 1));

  // It opens like any other, and Esc comes back to it.
  await requests.row(last).click();
  await requests.expectDrawerFor(last);
  await page.keyboard.press('Escape');
  await expect(requests.drawer).toBeHidden();
  await expect(requests.row(last)).toBeFocused();
  await page.keyboard.press('k');
  await expect(page.locator('tr[data-ref]:focus')).toHaveAttribute('aria-rowindex', String(total));
  await bounded();
});
