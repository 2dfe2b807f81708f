import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { Requests } from './pages/Requests';
import { rpc } from './pages/rpc';
import { openDemo } from './pages/Workbench';

// Pictures of the auditor's requests in both themes, for people to look at (not an assertion).
// Run with SCREENSHOTS=1 … screenshots-requests
const OUT = '/tmp/attest-shots';

test.skip(!process.env.SCREENSHOTS, 'Screenshots are taken only when SCREENSHOTS=1 is set');

/** A realistic PBC list (ref | criteria | control | item | type | owner | due | wave); every due
 * date reads either way, so the wizard asks how dates are written. */
const ROWS = `
PBC-001 | CC1.1 | GOV-01 | Code of conduct and evidence that staff acknowledged it during the period | Document | Maya Okafor | 02/11/2026 | 1
PBC-002 | CC1.3 | HR-02 | Organisation chart as of the period end | Document | Tom Alvarez | 09/11/2026 | 1
PBC-003 | CC1.4 | HR-01 | Population of new hires during the period with start dates | Population | Tom Alvarez | 04/12/2026 | 1
PBC-004 | CC1.4 | HR-01 | Background check results for the sampled new hires | Sample | Tom Alvarez | 11/12/2026 | 2
PBC-005 | CC2.2 | HR-05 | Security awareness training completion report | Document | Priya Raman | 04/12/2026 | 1
PBC-006 | CC6.1 | AC-01 | Screenshot of the SSO configuration showing enforced MFA | Configuration | Sam Whitfield | 04/12/2026 | 1
PBC-007 | CC6.2, CC6.3 | AC-04 | Population of access requests granted during the period | Population | Sam Whitfield | 11/12/2026 | 2
PBC-008 | CC6.2 | AC-05 | Terminated users list and the tickets removing their access | Population | IT team | 09/11/2026 | 1
PBC-009 | CC6.2, CC6.3 | AC-06 | Quarterly user access reviews, with reviewer sign-off | Sample | Priya Raman | 11/12/2026 | 2
PBC-010 | CC6.1 | AC-07 | List of administrators of the production cloud account | Document | Daniel Brandt | 04/12/2026 | 1
PBC-011 | CC6.6 | AC-02 | MFA enforcement report for the identity provider | Configuration | Sam Whitfield | 08/01/2027 | 3
PBC-012 | CC7.2 | MON-01 | Alerting rules for security events and an example alert | Configuration | Daniel Brandt | 08/01/2027 | 3
PBC-013 | CC7.3, CC7.4 | INC-03 | Incident tickets during the period, with severity and resolution | Population | Priya Raman | 11/12/2026 | 2
PBC-014 | CC7.4 | INC-05 | Incident response exercise report (tabletop) | Document | Priya Raman | 08/01/2027 | 3
PBC-015 | CC8.1 | CHG-01 | Population of production changes merged during the period | Population | Lena Fischer | 11/12/2026 | 2
PBC-016 | CC8.1 | CHG-01 | Pull request approvals for the sampled changes | Sample | Lena Fischer | 08/01/2027 | 3
PBC-017 | CC8.1 | CHG-04 | Emergency changes during the period and their after-the-fact approvals | Population | Lena Fischer | 08/01/2027 | 3
PBC-018 | A1.2 |  | Backup configuration and the most recent restore test | Configuration | Daniel Brandt | 08/01/2027 | 3
PBC-019 | CC9.2 | HR-09 | Vendor risk assessments for critical vendors | Document | Omar Haddad | 11/12/2026 | 2
PBC-020 | C1.1 |  | Data classification policy and the data inventory | Document | Grace Liu | 08/01/2027 | 3
PBC-021 |  |  | Walkthrough of the customer onboarding process | Walkthrough | Grace Liu |  | 2
 | CC3.2 |  | Risk assessment (annual) | Document | Maya Okafor | 04/12/2026 | 1
`
  .trim()
  .split('\n')
  .map((line) => line.split('|').map((cell) => cell.trim()));

function csv(): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header =
    'PBC #,TSC Ref.,Control,Item Requested,Evidence Type,Evidence Owner,Due,Wave,Auditor Status,Notes';
  const lines = ROWS.map((r, i) =>
    [...r, '', i === 6 ? 'Include contractors and\nservice accounts' : ''].map(quote).join(','),
  );
  lines.splice(12, 0, ',,,,,,,,,');
  return [header, ...lines].join('\r\n');
}

interface Row {
  id: string;
  ref: string;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the auditor’s requests in the ${scheme} theme`, async ({ page, attest }) => {
    test.setTimeout(150_000);
    mkdirSync(OUT, { recursive: true });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    // Each picture is also scanned: both themes must pass, not only the light one.
    const shot = async (name: string, scan = true) => {
      await page.mouse.move(1350, 850);
      await page.waitForTimeout(350);
      await page.screenshot({ path: `${OUT}/${scheme}-requests-${name}.png` });
      if (scan) await expectNoSeriousA11yViolations(page, `${name} (${scheme})`);
    };
    const bench = await openDemo(page, attest);
    const requests = new Requests(page);
    await requests.open();
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await shot('01-empty');

    await requests.startImport();
    await shot('02-choose-file');
    const dir = mkdtempSync(join(tmpdir(), 'attest-shots-'));
    const file = join(dir, 'Northwind SOC 2 PBC list — wave 1-3.csv');
    writeFileSync(file, csv());
    await requests.chooseFile(file);
    await requests.mapColumn('Evidence Owner', 'Owner');
    await requests.wizard.getByRole('radio', { name: /Day first/ }).check();
    await expect(requests.mappingRow('Due')).toContainText('Nov 2, 2026');
    await shot('03-mapping');
    await requests.toPreview();
    await shot('04-preview');
    await requests.runImport();
    await shot('05-imported');
    await requests.finishImport();

    // Work in progress, as it looks a few days before a call with the auditor.
    const { items } = await rpc<{ items: Row[] }>(page, attest, 'requests.list', { limit: 100 });
    const id = (ref: string) => items.find((r) => r.ref === ref)!.id;
    const people = await rpc<{ items: { id: string; name: string }[] }>(
      page,
      attest,
      'people.list',
    );
    const person = (name: string) => people.items.find((p) => p.name === name)!.id;
    const status = (ref: string, s: string) =>
      rpc(page, attest, 'requests.setStatus', { id: id(ref), status: s });
    for (const ref of ['PBC-002', 'PBC-005', 'PBC-006', 'PBC-010']) await status(ref, 'submitted');
    for (const ref of ['PBC-001', 'PBC-003', 'PBC-009']) await status(ref, 'ready_for_review');
    for (const ref of ['PBC-004', 'PBC-007', 'PBC-013', 'PBC-015'])
      await status(ref, 'in_progress');
    await rpc(page, attest, 'requests.update', {
      id: id('PBC-008'),
      patch: { ownerId: person('Sam Whitfield'), reviewerId: person('Priya Raman') },
    });
    await rpc(page, attest, 'requests.update', {
      id: id('PBC-007'),
      patch: { reviewerId: person('Priya Raman') },
    });
    await status('PBC-008', 'in_progress');
    await rpc(page, attest, 'requests.comment', {
      id: id('PBC-007'),
      body: 'Okta export covers employees; contractors come from the vendor portal. Sam to merge both by Friday.',
    });
    await rpc(page, attest, 'requests.comment', {
      id: id('PBC-007'),
      body: 'On the call the auditor agreed that service accounts can be a separate list.',
    });

    // Away and back: the list is read afresh when it opens.
    await bench.goByMouse({ id: 'dashboard', label: 'Dashboard', goKey: 'd', digit: '0' });
    await requests.open();
    await expect(requests.rows.first()).toBeVisible();
    await expect(requests.row('PBC-002')).toContainText('Submitted');
    await shot('06-table');

    await requests.filters.getByText(/^Not yet submitted/).click();
    await requests.filters.getByRole('combobox', { name: 'Wave' }).click();
    await page.getByRole('option', { name: 'Wave 2', exact: true }).click();
    await expect(requests.rows).not.toHaveCount(21);
    await shot('07-table-filtered');

    await requests.row('PBC-007').click();
    await requests.expectDrawerFor('PBC-007');
    await shot('08-drawer');
    await requests.drawer.getByTestId('follow-up').scrollIntoViewIfNeeded();
    await shot('09-drawer-thread');
    await page.keyboard.press('Escape');

    await requests.filters.getByRole('button', { name: 'Clear filters' }).click();
    await requests.row('PBC-002').click();
    await requests.expectDrawerFor('PBC-002');
    await requests.drawer.getByRole('button', { name: 'Reopen…' }).click();
    await shot('10-drawer-reopen');
    await page.keyboard.press('Escape');

    await bench.openPalette();
    await bench.palette.getByRole('textbox').fill('terminated');
    await shot('11-palette');
    await page.keyboard.press('Escape');

    await requests.startImport();
    const png = join(dir, 'PBC list.csv');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'));
    await requests.chooseFile(png);
    await expect(requests.wizard.getByTestId('import-problem')).toBeVisible();
    await shot('12-not-a-spreadsheet');
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: 'Evidence' }).click();
    await shot('13-evidence-later');
  });
}
