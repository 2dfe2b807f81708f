import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoSeriousA11yViolations, openDemoVault, test } from './fixtures';
import { Requests } from './pages/Requests';
import { rpc } from './pages/rpc';
import { STEPS, Workbench } from './pages/Workbench';
import { scratchDir } from './scratch';

/**
 * An auditor's list as they come: unusual headers, an owner column Attest cannot place
 * ("Evidence Owner"), a cell over two lines, a blank row, a row without a number, an owner who
 * is not in People and a due date that is no date. Rows 2–7 as the spreadsheet numbers them.
 */
const PBC_CSV = [
  'PBC #,TSC Ref.,Item Requested,Evidence Owner,Due,Wave,Auditor Status,Notes',
  'PBC-001,CC6.1,"Access control policy\n(current approved version)",Priya Raman,15/01/2026,1,,',
  'PBC-002,"CC6.2, CC6.3",List of new hires in the period with their start dates,Tom Alvarez,30/09/2027,1,,Please include contractors',
  ',,,,,,,',
  'PBC-003,CC6.2,Terminated users list and the tickets removing their access,J. Smith,31/10/2027,2,,',
  'PBC-004,CC7.2,Incident tickets for the period,Priya Raman,soon,2,,',
  ',CC1.1,Organisation chart,,,1,,',
].join('\r\n');

function writeTemp(name: string, content: string | Buffer): string {
  const path = join(scratchDir('pbc'), name);
  writeFileSync(path, content);
  return path;
}

interface ListPage {
  items: { ref: string; status: string; submittedOn: string | null; ownerId: string | null }[];
  total: number;
}

test('import the auditor’s list, work a request through to submitted, and re-import it', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  await openDemoVault(page, attest);
  const bench = new Workbench(page);
  await bench.expectOpen('Demo — Northwind Analytics SOC 2 Type II');
  const requests = new Requests(page);
  await requests.open();
  await expect(page.getByTestId('empty-state')).toContainText('No requests from the auditor yet');
  await expectNoSeriousA11yViolations(page, 'the empty request list');

  // 1. The file.
  await requests.startImport();
  await expectNoSeriousA11yViolations(page, 'the import wizard’s first step');
  const file = writeTemp('Northwind PBC list v1.csv', PBC_CSV);
  await requests.chooseFile(file);

  // 2. The columns: guessed, one corrected by hand.
  await expect(requests.mappingRow('PBC #')).not.toHaveAttribute('data-unplaced');
  await expect(requests.fieldFor('Item Requested')).toHaveValue('Description');
  await expect(requests.fieldFor('TSC Ref.')).toHaveValue('Criteria');
  await expect(requests.fieldFor('Due')).toHaveValue('Due date');
  await expect(requests.mappingRow('Evidence Owner')).toHaveAttribute('data-unplaced', 'true');
  await expect(requests.mappingRow('Auditor Status')).toHaveAttribute('data-unplaced', 'true');
  await expectNoSeriousA11yViolations(page, 'the column mapping');
  await requests.mapColumn('Evidence Owner', 'Owner');
  await expect(requests.mappingRow('Evidence Owner')).not.toHaveAttribute('data-unplaced');

  // 3. The preview: problems by row, counts; nothing saved yet.
  await requests.toPreview();
  await expect(requests.count('new')).toHaveText('4');
  await expect(requests.count('updated')).toHaveText('0');
  await expect(requests.count('unchanged')).toHaveText('0');
  await expect(requests.count('skipped')).toHaveText('1');
  await expect(requests.problem(7, 'error')).toContainText('No request number');
  await expect(requests.problem(5, 'warning')).toContainText('J. Smith');
  await expect(requests.problem(6, 'warning')).toContainText('soon');
  await expect(requests.wizard.getByTestId('preview-table')).toContainText(
    'Access control policy (current approved version)',
  );
  await expectNoSeriousA11yViolations(page, 'the import preview');
  expect((await rpc<ListPage>(page, attest, 'requests.list')).total).toBe(0);

  // 4. The import.
  await requests.runImport();
  await expect(requests.count('new')).toHaveText('4');
  await requests.finishImport();
  await expect(requests.rows).toHaveCount(4);
  await expect(requests.row('PBC-001')).toContainText('Priya Raman');
  await expect(
    requests.row('PBC-001').locator('td').nth(6).locator('[data-overdue]'),
  ).toBeVisible();
  await expect(bench.navLink(STEPS[4])).toContainText('4 requests · 1 overdue');
  await expectNoSeriousA11yViolations(page, 'the request table');

  // The filters narrow the list and stay put.
  await requests.filters.getByText(/^Overdue/).click();
  await expect(requests.rows).toHaveCount(1);
  await requests.filters.getByText(/^Overdue/).click();
  await expect(requests.rows).toHaveCount(4);

  // Keyboard: the first row, two down, Enter opens PBC-003 in the drawer.
  await requests.row('PBC-001').focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await requests.expectDrawerFor('PBC-003');
  await expect(requests.drawer.getByTestId('auditor-columns')).toContainText('J. Smith');
  await expect(requests.drawer.getByTestId('auditor-status')).toContainText('no response yet');
  await expect(requests.drawer.getByTestId('status-next')).toBeDisabled();
  await expectNoSeriousA11yViolations(page, 'the request drawer');

  // The lifecycle: an owner assigns it; then in progress, ready for review, submitted.
  await requests.choosePerson('Owner', 'Lena Fischer');
  await expect(requests.drawer.getByTestId('status-next')).toHaveText('Start work');
  await requests.choosePerson('Internal reviewer', 'Lena Fischer');
  await expect(requests.drawer.getByTestId('request-fields')).toContainText(
    'choose someone other than the owner',
  );
  await requests.choosePerson('Internal reviewer', 'Priya Raman');
  await requests.drawer.getByTestId('status-next').click();
  await expect(requests.drawer.getByTestId('status-next')).toHaveText('Ready for review');
  await requests.drawer.getByTestId('status-next').click();
  await expect(requests.drawer.getByTestId('status-next')).toHaveText('Submit to the auditor');
  await requests.drawer.getByTestId('status-next').click();
  await expect(requests.drawer.getByTestId('submitted-on')).toBeVisible();
  await expect(requests.drawer.getByRole('button', { name: 'Reopen…' })).toBeVisible();

  // The follow-up thread.
  await requests.drawer
    .getByRole('textbox', { name: 'Add to the thread' })
    .fill('Auditor agreed on the call that the HR export is enough.');
  await requests.drawer.getByRole('button', { name: 'Add comment' }).click();
  await expect(requests.drawer.getByTestId('request-comment')).toContainText(
    'Auditor agreed on the call',
  );
  await expectNoSeriousA11yViolations(page, 'the request drawer, submitted');
  await page.keyboard.press('Escape');
  await expect(requests.drawer).toBeHidden();
  await requests.expectStatus('PBC-003', 'Submitted');

  const saved = await rpc<ListPage>(page, attest, 'requests.list', { search: 'PBC-003' });
  expect(saved.items[0]).toMatchObject({ status: 'submitted', submittedOn: expect.any(String) });

  // The palette opens a request's drawer.
  await bench.runFromPalette('PBC-002', /PBC-002/);
  await requests.expectDrawerFor('PBC-002');
  await expect(requests.drawer.getByTestId('request-comment')).toContainText(
    'Please include contractors',
  );
  await expect(requests.drawer.getByTestId('request-comment')).toContainText(
    'From the auditor’s file',
  );
  await page.keyboard.press('Escape');

  // The same file again: nothing new, everything unchanged, our work kept.
  await requests.startImport();
  await requests.chooseFile(file);
  await requests.mapColumn('Evidence Owner', 'Owner');
  await requests.toPreview();
  await expect(requests.count('new')).toHaveText('0');
  await expect(requests.count('unchanged')).toHaveText('4');
  await requests.runImport();
  await requests.finishImport();
  await expect(requests.rows).toHaveCount(4);
  await requests.expectStatus('PBC-003', 'Submitted');

  // Export back as CSV: the auditor's columns first.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-requests').click();
  await page.getByRole('menuitem', { name: 'As CSV' }).click();
  const saved2 = await (await download).path();
  expect(readFileSync(saved2, 'utf8')).toContain('PBC #');
});

test('a file that is not a spreadsheet is refused clearly and nothing is saved', async ({
  page,
  attest,
}) => {
  await openDemoVault(page, attest);
  const requests = new Requests(page);
  await requests.open();
  await requests.startImport();
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
  await requests.chooseFile(writeTemp('requests.csv', png));
  await expect(requests.wizard.getByTestId('import-problem')).toContainText(
    'requests.csv is not a spreadsheet (it looks like a PNG image)',
  );
  await expect(requests.wizard.getByTestId('import-problem')).toContainText('Nothing was imported');
  await expect(requests.wizard.getByRole('button', { name: 'Choose a file…' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the import wizard with a refused file');
  expect((await rpc<ListPage>(page, attest, 'requests.list')).total).toBe(0);
});

test('a list mixing two text encodings is read sensibly and the preview says which lines', async ({
  page,
  attest,
}) => {
  await openDemoVault(page, attest);
  const requests = new Requests(page);
  await requests.open();
  await requests.startImport();
  const mixed = Buffer.concat([
    Buffer.from('PBC #,Item Requested\r\nPBC-1,Café access review – Q1\r\n', 'utf8'),
    Buffer.from('PBC-2,Résumé of the badge list\r\n', 'latin1'),
  ]);
  await requests.chooseFile(writeTemp('mixed.csv', mixed));
  await requests.toPreview();
  await expect(requests.wizard.getByTestId('file-warning')).toContainText(
    'mixed.csv mixes two encodings: line 3 is not UTF-8 like the rest of the file',
  );
  await expect(requests.wizard.getByTestId('preview-table')).toContainText('Café access review');
  await expect(requests.wizard.getByTestId('preview-table')).toContainText(
    'Résumé of the badge list',
  );
  await expectNoSeriousA11yViolations(page, 'the import preview with a warning about the file');
});

test('a list of a thousand requests pages in and draws only the rows in view', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  await openDemoVault(page, attest);
  const lines = ['Request ID,Description,Due date,Wave'];
  for (let i = 1; i <= 1000; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      `R-${String(i).padStart(4, '0')},Sample ${i} of the change tickets,2027-03-${day},${(i % 4) + 1}`,
    );
  }
  const requests = new Requests(page);
  await requests.open();
  await requests.startImport();
  await requests.chooseFile(writeTemp('big list.csv', lines.join('\n')));
  await requests.toPreview();
  await expect(requests.count('new')).toHaveText('1000');
  await requests.runImport();
  await requests.finishImport();

  const footer = page.getByTestId('requests-footer');
  await expect(footer).toContainText('200 of 1,000 requests loaded');
  expect(await requests.rows.count()).toBeLessThan(80);

  // Scrolling to the end of what is loaded asks for the next page.
  await requests.viewport.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(footer).toContainText('400 of 1,000 requests loaded');
  expect(await requests.rows.count()).toBeLessThan(80);

  // The keyboard reaches rows that are not drawn yet: End draws the last and focuses it.
  await requests.viewport.evaluate((el) => (el.scrollTop = 0));
  await requests.row('R-0001').focus();
  await page.keyboard.press('End');
  await expect(page.locator('tr[data-ref]:focus')).toHaveAttribute('data-ref', /R-0[34]\d\d/);

  // Attest sorts the whole list and pages it in that order: one page is enough to show it.
  const due = requests.table.getByRole('columnheader', { name: 'Due' });
  await due.getByRole('button').click();
  await expect(due).toHaveAttribute('aria-sort', 'ascending');
  await expect(requests.rows.first()).toHaveAttribute('data-ref', 'R-0028');
  await expect(footer).toContainText('200 of 1,000 requests loaded');
  await due.getByRole('button').click();
  await expect(due).toHaveAttribute('aria-sort', 'descending');
  await expect(requests.rows.first()).toHaveAttribute('data-ref', 'R-0027');
  await expect(footer).toContainText('200 of 1,000 requests loaded');
  // The next page continues the same order: the latest due dates, then earlier ones.
  const byDue = await rpc<{ items: { ref: string }[] }>(page, attest, 'requests.list', {
    limit: 1000,
    sort: { key: 'dueOn', dir: 'desc' },
  });
  await requests.viewport.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(footer).toContainText('400 of 1,000 requests loaded');
  const drawn = await requests.rows.evaluateAll((rows) =>
    rows.map((r) => ({
      ref: r.getAttribute('data-ref'),
      position: Number(r.getAttribute('aria-rowindex')) - 2,
    })),
  );
  expect(drawn.length).toBeGreaterThan(0);
  for (const { ref, position } of drawn) expect(byDue.items[position]?.ref).toBe(ref);
  await expectNoSeriousA11yViolations(page, 'a long request list');
});

/** Files staged by `POST /upload` in this server's home and not yet used or discarded. */
function stagedFiles(home: string): string[] {
  const staging = join(home, 'staging');
  if (!existsSync(staging)) return [];
  return readdirSync(staging, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

test('closing the import wizard discards the file it was sent', async ({ page, attest }) => {
  await openDemoVault(page, attest);
  const requests = new Requests(page);
  await requests.open();
  await requests.startImport();
  await requests.chooseFile(writeTemp('pbc.csv', PBC_CSV));
  await expect(requests.mappingRow('PBC #')).toBeVisible();
  expect(stagedFiles(attest.home)).toHaveLength(1);
  // "Another file", then a file that is not a spreadsheet: neither is kept.
  await requests.wizard.getByRole('button', { name: 'Another file' }).click();
  await expect.poll(() => stagedFiles(attest.home)).toEqual([]);
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
  await requests.chooseFile(writeTemp('requests.csv', png));
  await expect(requests.wizard.getByTestId('import-problem')).toBeVisible();
  await expect.poll(() => stagedFiles(attest.home)).toEqual([]);
  // A file read and mapped, then Cancel: nothing imported and nothing left staged.
  await requests.chooseFile(writeTemp('pbc.csv', PBC_CSV));
  await requests.toPreview();
  expect(stagedFiles(attest.home)).toHaveLength(1);
  await requests.wizard.getByRole('button', { name: 'Cancel' }).click();
  await expect(requests.wizard).toBeHidden();
  await expect.poll(() => stagedFiles(attest.home)).toEqual([]);
  expect((await rpc<ListPage>(page, attest, 'requests.list')).total).toBe(0);
});

test('one field edit costs one save and one re-read of each answer shown', async ({
  page,
  attest,
}) => {
  await openDemoVault(page, attest);
  const requests = new Requests(page);
  await requests.open();
  await requests.startImport();
  await requests.chooseFile(writeTemp('pbc.csv', PBC_CSV));
  await requests.toPreview();
  await requests.runImport();
  await requests.finishImport();
  await requests.row('PBC-002').click();
  await requests.expectDrawerFor('PBC-002');
  await expect(requests.field('Wave')).toHaveValue('1');

  // Every contract call the page makes from here on, by method.
  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/rpc/')) calls.push(path.slice('/rpc/'.length));
  });
  await requests.field('Wave').fill('3');
  await requests.field('Wave').press('Enter');

  // The save, then the change's vault.changed re-reads what shows requests: the table's page,
  // the whole list (counts, waves, navigation), the drawer, the evidence the drawer lists
  // (each item shows the requests it answers) and the drawer's History (the edit is its newest
  // entry). Nothing else is reloaded.
  const expected = [
    'audit.list',
    'evidence.list',
    'requests.get',
    'requests.list',
    'requests.list',
    'requests.update',
  ];
  await expect.poll(() => [...calls].sort()).toEqual(expected);
  await expect(requests.row('PBC-002').locator('td').nth(3), 'its Wave cell').toHaveText('3');
  await expect(requests.field('Wave')).toHaveValue('3');
  expect([...calls].sort()).toEqual(expected);
});
