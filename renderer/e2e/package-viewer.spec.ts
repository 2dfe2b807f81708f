import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { renderViewerHtml } from '../../shared/domain/package/viewer-html';
import { sampleViewerData } from '../../electron/testing/viewer-sample';
import { DEMO_TEMPLATE_ENV } from './global-setup';
import { scratchDir } from './scratch';

const CLI = fileURLToPath(new URL('../../electron/cli/attest.mjs', import.meta.url));

/**
 * The package's `index.html` (DESIGN §6) opened the way an auditor would: from `file://`, in
 * Chromium, with the network off, no Attest server anywhere. The three views are there, search
 * narrows them, and a link opens the evidence file beside the page.
 */
let folder: string;

test.beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'attest-viewer-'));
  const data = sampleViewerData();
  writeFileSync(join(folder, 'index.html'), renderViewerHtml(data));
  for (const f of data.files) {
    if (f.path === null) continue; // a link: no file
    mkdirSync(join(folder, dirname(f.path)), { recursive: true });
    writeFileSync(join(folder, f.path), `Contents of ${f.evidenceId}\n`);
  }
});

test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('opens from file:// offline: three views, search, and links that resolve', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await context.setOffline(true);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file://')) problems.push(`request to ${r.url()}`);
  });
  await page.goto(pathToFileURL(join(folder, 'index.html')).href);

  await expect(page.getByRole('heading', { level: 1, name: 'Acme Cloud SOC 2' })).toBeVisible();
  await expect(page.getByText('for comparison only')).toBeVisible();
  await expect(page.getByText('f'.repeat(64))).toBeVisible();

  // By request (the first view): the request and its file.
  const byRequest = page.locator('#by-request');
  await expect(byRequest.getByRole('heading', { name: /PBC-001/ })).toBeVisible();
  await expect(byRequest.getByRole('link', { name: 'EV-0001' })).toBeVisible();
  await expect(page.locator('#by-control')).toBeHidden();

  await page.getByRole('button', { name: 'By criterion' }).click();
  await expect(
    page.locator('#by-criterion').getByRole('heading', { name: /CC6\.2/ }),
  ).toBeVisible();
  await expect(byRequest).toBeHidden();

  await page.getByRole('button', { name: 'By control' }).click();
  const byControl = page.locator('#by-control');
  await expect(
    byControl.getByRole('heading', { name: /AC-01 — Quarterly access review/ }),
  ).toBeVisible();
  // The hash is shortened, the full one on hover.
  await expect(byControl.locator('code[title="' + 'a'.repeat(64) + '"]').first()).toHaveText(
    'aaaaaaaaaaaa…',
  );

  // Search narrows every view to matching rows.
  await page.getByRole('searchbox', { name: 'Search' }).fill('terminations');
  await expect(byControl.getByRole('link', { name: 'EV-0002' })).toBeVisible();
  await expect(byControl.getByRole('link', { name: 'EV-0001' })).toBeHidden();
  await page.getByRole('searchbox', { name: 'Search' }).fill('');

  // A link opens the file beside the page.
  await byControl.getByRole('link', { name: 'EV-0001' }).first().click();
  await expect(page).toHaveURL(/04_Evidence\/AC-01\/EV-0001_2026-03-31_access-review-Q1\.txt$/);
  await expect(page.locator('body')).toContainText('Contents of EV-0001');
  expect(problems).toEqual([]);
  await context.close();
});

test('reads without the script: every view one after the other', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.setOffline(true);
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(folder, 'index.html')).href);
  for (const name of ['By request', 'By criterion', 'By control']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await expect(page.getByRole('searchbox')).toBeHidden();
  await context.close();
});

test('a real exported package: its index.html opens offline and every link in it resolves', async ({
  browser,
}) => {
  // The demo engagement exported by `attest export`, unzipped as an auditor would.
  const template = process.env[DEMO_TEMPLATE_ENV];
  if (!template) throw new Error(`${DEMO_TEMPLATE_ENV} is not set: use build/playwright.config.ts`);
  const dir = scratchDir('viewer-real');
  const vault = join(dir, 'demo.attest');
  copyFileSync(template, vault);
  const zip = join(dir, 'package.zip');
  const env = { ...process.env, ATTEST_HOME: join(dir, 'home') };
  execFileSync(process.execPath, [CLI, 'export', vault, '--out', zip], { env, stdio: 'ignore' });
  const unzipped = join(dir, 'package');
  execFileSync('unzip', ['-q', zip, '-d', unzipped]);

  const context = await browser.newContext();
  await context.setOffline(true);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file://')) problems.push(`request to ${r.url()}`);
  });
  await page.goto(pathToFileURL(join(unzipped, 'index.html')).href);

  // The three views hold the demo's evidence (its requests have none linked, so by request it is
  // all under "Other"), criteria and controls.
  await expect(page.locator('#by-request a[href^="04_Evidence/"]').first()).toBeVisible();
  await page.getByRole('button', { name: 'By criterion' }).click();
  await expect(page.locator('#by-criterion h3').first()).toContainText(/CC\d/);
  await page.getByRole('button', { name: 'By control' }).click();
  const byControl = page.locator('#by-control');
  await expect(byControl.locator('h3').first()).toBeVisible();

  // Every link in the page (evidence, populations, policies, documents) names a file that is in
  // the unzipped package.
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith('#')));
  const evidence = hrefs.filter((h) => h.startsWith('04_Evidence/'));
  expect(evidence.length).toBeGreaterThan(10);
  expect(hrefs.some((h) => h.startsWith('03_Policies/'))).toBe(true);
  expect(hrefs.some((h) => h.startsWith('05_Populations/'))).toBe(true);
  const missing = hrefs.filter(
    (h) => !existsSync(join(unzipped, ...h.split('/').map(decodeURIComponent))),
  );
  expect(missing).toEqual([]);

  // And following one opens the file beside the page.
  const png = byControl.locator('a[href$=".png"]').first();
  const href = (await png.getAttribute('href'))!;
  await png.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.locator('img')).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();
});
