import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoSeriousA11yViolations, openDemoVault, test } from './fixtures';
import { rpc } from './pages/rpc';
import { STEPS, Workbench } from './pages/Workbench';
import { scratchDir } from './scratch';

test('export the audit package: options, progress, the fingerprint to send separately, a zip that checks out', async ({
  page,
  attest,
}) => {
  await openDemoVault(page, attest);
  const bench = new Workbench(page);
  await bench.expectOpen('Demo — Northwind Analytics SOC 2 Type II');
  await bench.goByMouse(STEPS[6]!);
  const card = page.getByTestId('package-export');
  await expect(card.getByRole('checkbox', { name: 'Evidence files' })).toBeChecked();
  await expect(
    card.getByRole('checkbox', { name: /Include internal working papers/ }),
  ).not.toBeChecked();
  await expectNoSeriousA11yViolations(page, 'the Export step');

  // Nothing to include: nothing to export.
  for (const box of await card.getByRole('group', { name: 'Include' }).getByRole('checkbox').all())
    await box.uncheck();
  await expect(card.getByRole('button', { name: 'Export audit package…' })).toBeDisabled();
  await card.getByRole('checkbox', { name: 'Evidence files' }).check();
  await card.getByRole('checkbox', { name: /Indexes/ }).check();
  await card.getByRole('checkbox', { name: /by request/ }).check();

  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Export audit package…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Audit-Package_.*\.zip$/);
  const result = page.getByTestId('package-result');
  await expect(result).toContainText(/files, .*B\./);
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: '/tmp/attest-shots/export/export-done.png', fullPage: true });
  const shown = (await page.getByTestId('package-fingerprint').innerText()).replace(/\s/g, '');
  const info = await page.request.post(`${attest.origin}/rpc/vault.info`, { data: {} });
  const { value } = (await info.json()) as { value: { fingerprint: string } };
  expect(shown).toBe(value.fingerprint);

  const zip = join(scratchDir('package'), 'package.zip');
  await file.saveAs(zip);
  expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toMatch(/No errors detected/);
  const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' });
  expect(names).toMatch(/^04_Evidence\/No-request\//m);
  expect(names).toMatch(/^01_Index\/evidence-index\.csv$/m);
  expect(names).not.toMatch(/^03_Policies\//m);
});

test('a delta package: exported twice, the second only what changed since the first', async ({
  page,
  attest,
}) => {
  test.setTimeout(180_000);
  await openDemoVault(page, attest);
  const bench = new Workbench(page);
  await bench.expectOpen('Demo — Northwind Analytics SOC 2 Type II');
  await bench.goByMouse(STEPS[6]!);
  const card = page.getByTestId('package-export');
  const folder = scratchDir('delta');

  // The first wave: a full package.
  const first = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Export audit package…' }).click();
  const wave1 = join(folder, 'wave1.zip');
  await (await first).saveAs(wave1);
  await expect(page.getByTestId('package-result')).toContainText('Package exported');

  // One evidence item re-titled since.
  const list = await rpc<{ items: { id: string; ref: string; kind: string; file: unknown }[] }>(
    page,
    attest,
    'evidence.list',
    { limit: 50 },
  );
  const item = list.items.find((e) => e.kind === 'file' && e.file !== null)!;
  await rpc(page, attest, 'evidence.update', {
    id: item.id,
    patch: { title: 'Renamed for the second wave' },
  });

  // The second: only what changed since the first, which is dropped on the page.
  await card.getByRole('checkbox', { name: /Only what changed since an earlier package/ }).check();
  await expect(card.getByRole('button', { name: 'Export delta package…' })).toBeDisabled();
  await expect(card.getByText('Choose the earlier package this delta follows.')).toBeVisible();
  await card.getByTestId('delta-dropzone').locator('input[type="file"]').setInputFiles(wave1);
  await expect(card.getByTestId('delta-earlier')).toContainText('wave1.zip');
  await expectNoSeriousA11yViolations(page, 'the Export step with a delta');
  if (process.env.SCREENSHOTS) {
    mkdirSync('/tmp/attest-shots/export', { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.waitForTimeout(300);
      await card.screenshot({ path: `/tmp/attest-shots/export/${scheme}-export-delta.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
  const second = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Export delta package…' }).click();
  const file = await second;
  expect(file.suggestedFilename()).toMatch(/_delta\.zip$/);
  const result = page.getByTestId('package-result');
  await expect(result).toContainText('Delta package exported');
  await expect(page.getByTestId('package-delta')).toContainText(/0 new, [1-9]\d* changed/);
  if (process.env.SCREENSHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.waitForTimeout(300);
      await card.screenshot({ path: `/tmp/attest-shots/export/${scheme}-export-delta-done.png` });
    }
  }
  const wave2 = join(folder, 'wave2.zip');
  await file.saveAs(wave2);
  expect(execFileSync('unzip', ['-t', wave2], { encoding: 'utf8' })).toMatch(/No errors detected/);
  const names = execFileSync('unzip', ['-Z1', wave2], { encoding: 'utf8' });
  const evidence = names.split('\n').filter((n) => n.startsWith('04_Evidence/'));
  expect(evidence).toEqual([expect.stringMatching(/_Renamed-for-the-second-wave\.[a-z]+$/)]);
  expect(names).toMatch(/^01_Index\/removed-since-previous\.csv$/m);
  const manifest = JSON.parse(
    execFileSync('unzip', ['-p', wave2, 'manifest.json'], { encoding: 'utf8' }),
  );
  expect(manifest.delta.counts.new).toBe(0);
  expect(evidence[0]).toContain(item.ref);
});

test('a refused earlier package is said under the drop area, with its reason', async ({
  page,
  attest,
}) => {
  await openDemoVault(page, attest);
  const bench = new Workbench(page);
  await bench.expectOpen('Demo — Northwind Analytics SOC 2 Type II');
  await bench.goByMouse(STEPS[6]!);
  const card = page.getByTestId('package-export');
  await card.getByRole('checkbox', { name: /Only what changed since an earlier package/ }).check();
  const input = card.getByTestId('delta-dropzone').locator('input[type="file"]');
  const error = card.getByTestId('delta-error');

  // Not a zip file at all: refused by the drop area itself.
  await input.setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('notes'),
  });
  await expect(error).toHaveText(
    'notes.txt is not an audit package: choose the .zip Attest exported.',
  );

  // A .zip that is not one: the export refuses it, and the reason stays under the drop area
  // (the upload was used up, so the area asks for the package again).
  await input.setInputFiles({
    name: 'wave1.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from('These bytes were never a zip archive.'),
  });
  await expect(card.getByTestId('delta-earlier')).toContainText('wave1.zip');
  await expect(error).toBeHidden();
  await card.getByRole('button', { name: 'Export delta package…' }).click();
  await expect(error).toContainText('cannot be read as a zip archive');
  await expect(card.getByTestId('delta-dropzone')).toBeVisible();
  await expect(page.getByTestId('package-result')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'a refused earlier package');
  if (process.env.SCREENSHOTS) {
    mkdirSync('/tmp/attest-shots/export', { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.waitForTimeout(300);
      await card.screenshot({
        path: `/tmp/attest-shots/export/${scheme}-export-delta-refused.png`,
      });
    }
  }

  // Unticking the option forgets the refusal.
  await card
    .getByRole('checkbox', { name: /Only what changed since an earlier package/ })
    .uncheck();
  await card.getByRole('checkbox', { name: /Only what changed since an earlier package/ }).check();
  await expect(error).toBeHidden();
});
