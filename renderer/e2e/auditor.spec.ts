import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { AuditorMode, PACKAGE_LINK, makeDeltaPackage, makePackages } from './pages/AuditorMode';
import { rpc } from './pages/rpc';
import { StartPage } from './pages/StartPage';

let packages: ReturnType<typeof makePackages>;
test.beforeAll(() => {
  packages = makePackages();
});

const ENGAGEMENT = 'Demo — Northwind Analytics SOC 2 Type II';
const shot = (page: Page, name: string) =>
  process.env.SCREENSHOTS
    ? page.screenshot({ path: `/tmp/attest-shots/auditor/${name}.png`, fullPage: true })
    : Promise.resolve();

test('open an audit package: verified, its fingerprint to compare, still open after a reload, closed again', async ({
  page,
  attest,
}) => {
  const start = new StartPage(page);
  await start.expectShown();
  const auditor = new AuditorMode(page);
  await auditor.openFromStart(packages.good);
  await auditor.expectOpen(ENGAGEMENT);
  await expect(auditor.verified).toContainText(
    'Package integrity verified: files unchanged since export',
  );
  await expect(auditor.verified).toContainText('another channel');
  const open = await rpc<{ fingerprint: string; filesChecked: number }>(
    page,
    attest,
    'auditor.package',
  );
  expect(await auditor.shownFingerprint()).toBe(open.fingerprint);
  await expect(auditor.verified).toContainText(`${open.filesChecked} files`);
  // No vault step is offered while a package is open.
  await expect(page.getByRole('navigation', { name: 'Steps' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the audit package view');
  await shot(page, 'package-light');

  await page.reload();
  await auditor.expectOpen(ENGAGEMENT);
  await expect(auditor.verified).toBeVisible();

  // Closed from elsewhere (the desktop menu's Close audit package calls the same method): the
  // window leaves the package's screens for the start screen by itself.
  await rpc(page, attest, 'auditor.closePackage');
  await start.expectShown();
  await expect(page).toHaveURL(/#\/$/);
  expect(await rpc(page, attest, 'auditor.package')).toBeNull();

  await auditor.openFromStart(packages.good);
  await auditor.expectOpen(ENGAGEMENT);
  await auditor.close();
  await start.expectShown();
  expect(await rpc(page, attest, 'auditor.package')).toBeNull();
});

test('a delta package says so: since which package, what is new, changed and removed, the removed list viewable', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  const delta = makeDeltaPackage(packages);
  const start = new StartPage(page);
  await start.expectShown();
  const auditor = new AuditorMode(page);
  await auditor.openFromStart(delta);
  await auditor.expectOpen(ENGAGEMENT);
  await expect(auditor.banner.getByTestId('audit-delta-badge')).toHaveText('Delta');
  const open = await rpc<{
    delta: {
      counts: { new: number; changed: number; removed: number };
      removed: { kind: string; id: string; paths: string[] }[];
    } | null;
  }>(page, attest, 'auditor.package');
  const counts = open.delta!.counts;
  // The new evidence file is new; its control and request rows changed; the draft policy left
  // out by "approved policies only" is removed.
  expect(counts.new).toBeGreaterThanOrEqual(1);
  expect(counts.removed).toBeGreaterThanOrEqual(1);
  const notice = page.getByTestId('audit-delta');
  await expect(notice).toContainText(
    'Delta package — only what is new or changed since the package exported',
  );
  await expect(notice).toContainText(
    `(${counts.new} new, ${counts.changed} changed, ${counts.removed} removed)`,
  );
  // It is still a verified package.
  await expect(auditor.verified).toContainText('Package integrity verified');

  const draft = open.delta!.removed.find((r) => r.kind === 'policy')!;
  expect(draft.paths.some((p) => p.endsWith('_draft.pdf'))).toBe(true);
  const removed = notice.getByTestId('delta-removed');
  await expect(removed.first()).toBeHidden();
  await notice.getByRole('button', { name: `Show what was removed (${counts.removed})` }).click();
  await expect(removed).toHaveCount(counts.removed);
  const row = removed.filter({ hasText: draft.id });
  await expect(row).toContainText('Policy version');
  await expect(row).toContainText(draft.paths[0]!);
  await expectNoSeriousA11yViolations(page, 'a delta package');
  await shot(page, 'delta-light');
  if (process.env.SCREENSHOTS) {
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'delta-dark');
  }
});

test('a package changed after export is refused: every problem named, nothing opened', async ({
  page,
  attest,
}) => {
  const start = new StartPage(page);
  await start.expectShown();
  const auditor = new AuditorMode(page);
  await auditor.openFromStart(packages.tampered);
  await expect(auditor.openDialog).toContainText(
    'This package did not pass its check: nothing was opened',
  );
  await expect(auditor.problems().filter({ hasText: packages.tamperedPath })).toContainText(
    'Changed since export',
  );
  await expectNoSeriousA11yViolations(page, 'a refused audit package');
  await shot(page, 'refused-light');
  expect(await rpc(page, attest, 'auditor.package')).toBeNull();
  await auditor.openDialog.getByRole('button', { name: 'Done' }).click();
  await expect(auditor.root).toHaveCount(0);
  await start.expectShown();
});

interface Contents {
  requests: { ref: string; evidence: string[] }[];
  criteria: { id: string }[];
  controls: { ref: string }[];
  evidence: { id: string; file: { path: string } | null; kind: string }[];
  populations: { id: string; title: string; rows: number | null }[];
}
interface Draft {
  items: { kind: string; rowKeys?: string[]; status?: string; requestRef?: string }[];
}

test('browse a package, comment, set a status, pick population rows, save the signed response', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  const auditor = new AuditorMode(page);
  await auditor.openFromStart(packages.good);
  await auditor.expectOpen(ENGAGEMENT);
  const contents = await rpc<Contents>(page, attest, 'auditor.contents');

  // By request: every request of the package; one with evidence opened in the panel.
  await auditor.view('By request').click();
  await expect(page.getByTestId('audit-requests').getByRole('row')).not.toHaveCount(0);
  const request = contents.requests.find((r) => r.ref === 'PBC-001')!;
  await auditor.openRow('audit-requests', request.ref);
  await auditor.panel.getByRole('radio', { name: /Follow-up/ }).check();
  await expect(auditor.panel.getByRole('radio', { name: /Follow-up/ })).toBeChecked();
  await auditor.comment(request.ref, 'Which period does this cover?');

  // An evidence item, from the request, previewed from the package itself.
  const textEvidence = contents.evidence
    .filter((e) => request.evidence.includes(e.id))
    .map((e) => ({ id: e.id, path: e.file?.path ?? '' }))
    .find((e) => e.path.endsWith('.txt'))!;
  await auditor.panel
    .getByTestId('audit-evidence-list')
    .getByRole('row', { name: new RegExp(`^${textEvidence.id} `) })
    .click();
  await expect(auditor.panel.getByTestId('evidence-preview')).toBeVisible();
  await expect(auditor.panel).toContainText(textEvidence.path);
  await auditor.comment(textEvidence.id, 'The screenshot is cut off at the right.');
  // The address keeps the panel: a reload shows the same evidence.
  await page.reload();
  await expect(auditor.panel).toContainText(textEvidence.path);
  await auditor.closePanel();
  await expect(auditor.panel).toContainText(request.ref);
  await auditor.closePanel();
  await expect(auditor.panel).toBeHidden();

  // A link answers PBC-002: listed from the evidence index, its address shown, no preview.
  const link = contents.evidence.find((e) => e.file === null)!;
  await auditor.openRow('audit-requests', 'PBC-002');
  await auditor.panel
    .getByTestId('audit-evidence-list')
    .getByRole('row', { name: new RegExp(`^${link.id} `) })
    .click();
  await expect(auditor.panel.getByRole('link', { name: PACKAGE_LINK })).toBeVisible();
  await expect(auditor.panel).toContainText('A link is not in the package');
  await expect(auditor.panel.getByTestId('evidence-preview')).toHaveCount(0);
  await shot(page, 'link-evidence');
  await auditor.closePanel();
  await auditor.closePanel();
  await expect(auditor.panel).toBeHidden();

  // By criterion and by control.
  await auditor.view('By criterion').click();
  await auditor.openRow('audit-criteria', contents.criteria[0]!.id);
  await auditor.closePanel();
  await auditor.view('By control').click();
  await auditor.openRow('audit-controls', contents.controls[0]!.ref);
  await auditor.closePanel();
  await expect(auditor.panel).toBeHidden();

  // Populations: tick two rows and pick them, saying what to show.
  await auditor.view('Populations').click();
  const rows = page.getByTestId('population-rows');
  // Another population than the first, with rows to pick from.
  const population =
    contents.populations.slice(1).find((p) => (p.rows ?? 0) >= 2) ?? contents.populations[0]!;
  await page.getByRole('combobox', { name: 'Population' }).click();
  await page.getByRole('option', { name: new RegExp(`^${population.id} `) }).click();
  await expect(page.getByTestId('population-rows')).toHaveAttribute(
    'aria-label',
    `Rows of ${population.title}`,
  );
  await rows.getByRole('checkbox').nth(1).check();
  await rows.getByRole('checkbox').nth(2).check();
  await page.getByRole('button', { name: 'Pick 2 items…' }).click();
  const pick = page.getByTestId('pick-dialog');
  await pick.getByLabel('What to show for each item').fill('The ticket removing access');
  await pick.getByRole('button', { name: 'Pick 2 items' }).click();
  await expect(pick).toBeHidden();
  await expect(rows.getByText('Picked')).toHaveCount(2);
  // The population shown is in the address: a reload keeps it.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Population' })).toHaveValue(
    new RegExp(`^${population.id} `),
  );
  await expect(rows.getByText('Picked')).toHaveCount(2);

  // A new request.
  await auditor.view('By request').click();
  await page.getByRole('button', { name: 'New request…' }).click();
  const dialog = page.getByTestId('new-request-dialog');
  await dialog.getByLabel('Title').fill('Firewall rule review for Q2');
  await dialog.getByRole('button', { name: 'Add to response' }).click();
  await expect(dialog).toBeHidden();

  const draft = await rpc<Draft>(page, attest, 'auditor.draft');
  expect(draft.items.map((i) => i.kind).sort()).toEqual(
    ['comment', 'comment', 'request', 'sample', 'status'].sort(),
  );
  expect(draft.items.find((i) => i.kind === 'status')).toMatchObject({
    requestRef: request.ref,
    status: 'follow_up',
  });
  expect(draft.items.find((i) => i.kind === 'sample')?.rowKeys).toHaveLength(2);

  // Your response: who signs it (asked the first time), the items, remove one, save.
  await auditor.view('Your response').click();
  const identity = page.getByTestId('auditor-identity');
  await expect(page.getByRole('button', { name: 'Save response…' })).toBeDisabled();
  await identity.getByLabel('Your name').fill('Dana Auditor');
  await identity.getByLabel('Audit firm').fill('Example & Co LLP');
  await identity.getByRole('button', { name: 'Save and create my key' }).click();
  const me = await rpc<{ fingerprint: string }>(page, attest, 'auditor.identity');
  await expect(identity.getByTestId('auditor-fingerprint')).toHaveText(
    me.fingerprint.match(/.{1,4}/g)!.join(' '),
  );
  const items = page.getByTestId('draft-item');
  await expect(items).toHaveCount(5);
  await items
    .filter({ hasText: 'Firewall rule review' })
    .getByRole('button', { name: /^Remove/ })
    .click();
  await expect(items).toHaveCount(4);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save response…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Auditor-Response_.*\.json$/);
  const saved = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
    response: { auditor: { name: string }; items: unknown[] };
    signature: { algorithm: string } | null;
  };
  expect(saved.response.auditor.name).toBe('Dana Auditor');
  expect(saved.response.items).toHaveLength(4);
  expect(saved.signature?.algorithm).toBe('ed25519');

  await auditor.close();
  await new StartPage(page).expectShown();
});
