import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Locator, type Page, expect } from '@playwright/test';
import { DEMO_TEMPLATE_ENV } from '../global-setup';
import { scratchDir } from '../scratch';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = join(repo, 'dist', 'cli', 'attest.mjs');

/**
 * An audit package of the demo engagement, exported by `attest export` from a copy of the demo
 * vault (exporting notes the package in the vault, so the run's template is never touched), and
 * a copy of it with one evidence file changed after export.
 */
/** The link evidence the auditor's package carries (answering PBC-002). */
export const PACKAGE_LINK = 'https://hr.example.com/reports/leavers?period=q1';

export function makePackages(): {
  good: string;
  tampered: string;
  tamperedPath: string;
  vault: string;
} {
  const template = process.env[DEMO_TEMPLATE_ENV];
  if (!template) throw new Error(`${DEMO_TEMPLATE_ENV} is not set`);
  const dir = scratchDir('auditor');
  const vault = join(dir, 'demo.attest');
  copyFileSync(template, vault);
  const attest = cliIn(dir);
  // The auditor's own request list, answered with one file, as a consultant would before export.
  const pbc = join(dir, 'pbc.csv');
  writeFileSync(
    pbc,
    'PBC #,Item Requested,Criteria\r\nPBC-001,Quarterly user access reviews,CC6.2\r\nPBC-002,List of terminated users,CC6.2\r\n',
  );
  attest('requests', 'import', vault, pbc);
  const review = join(dir, 'Q1 access review.txt');
  writeFileSync(review, 'Quarterly access review for Q1, signed off by the CTO.\n');
  attest(
    'evidence',
    'add',
    vault,
    review,
    '--control',
    'AC-01',
    '--request',
    'PBC-001',
    '--window',
    '2026-01-01..2026-03-31',
  );
  // And one link (no file: only the evidence index lists it).
  attest(
    'evidence',
    'add-link',
    vault,
    PACKAGE_LINK,
    '--title',
    'Leavers report in the HR system',
    '--request',
    'PBC-002',
  );
  const good = join(dir, 'Audit-Package.zip');
  attest('export', vault, '--out', good);
  const names = execFileSync('unzip', ['-Z1', good], { encoding: 'utf8' }).split('\n');
  const tamperedPath = names.find((n) => n.startsWith('04_Evidence/') && !n.endsWith('/'));
  if (!tamperedPath) throw new Error('the package holds no evidence file');
  const tampered = join(dir, 'Audit-Package-tampered.zip');
  copyFileSync(good, tampered);
  const work = join(dir, 'tamper');
  mkdirSync(dirname(join(work, tamperedPath)), { recursive: true });
  writeFileSync(join(work, tamperedPath), 'Changed after export.\n');
  execFileSync('zip', ['-q', tampered, tamperedPath], { cwd: work });
  return { good, tampered, tamperedPath, vault };
}

/** Runs `attest` with the home of the scratch folder `dir`. */
const cliIn =
  (dir: string) =>
  (...args: string[]) =>
    execFileSync(process.execPath, [CLI, ...args], {
      cwd: repo,
      env: { ...process.env, ATTEST_HOME: join(dir, 'home') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });

/**
 * A delta of the good package, as a second wave: one more evidence file added to the vault, and
 * only approved policies this time (so the demo's draft policy is "removed").
 */
export function makeDeltaPackage(packages: { good: string; vault: string }): string {
  const dir = dirname(packages.vault);
  const attest = cliIn(dir);
  const list = join(dir, 'Terminated users Q1.txt');
  writeFileSync(list, 'Users terminated in Q1 and the day their access was removed.\n');
  attest(
    'evidence',
    'add',
    packages.vault,
    list,
    '--control',
    'AC-01',
    '--request',
    'PBC-002',
    '--as-of',
    '2026-04-01',
  );
  const delta = join(dir, 'Audit-Package-wave-2.zip');
  attest(
    'export',
    packages.vault,
    '--out',
    delta,
    '--since',
    packages.good,
    '--approved-policies-only',
  );
  return delta;
}

/** Auditor mode: an audit package open read-only, and the way into it from the start screen. */
export class AuditorMode {
  readonly root: Locator;
  readonly banner: Locator;
  readonly verified: Locator;
  readonly openDialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('auditor-mode');
    this.banner = page.getByTestId('audit-banner');
    this.verified = page.getByTestId('package-verified');
    this.openDialog = page.getByTestId('open-package-dialog');
  }

  /** "Open audit package" on the start screen, choosing `zip` in the browser's file input. */
  async openFromStart(zip: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('start-open-package').click();
    await (await chooser).setFiles(zip);
  }

  async expectOpen(engagement: string) {
    await expect(this.root).toBeVisible();
    await expect(this.banner).toContainText('Audit package — read-only');
    await expect(this.banner.getByTestId('audit-engagement')).toHaveText(engagement);
  }

  /** The fingerprint as shown in full on the package view, without its grouping spaces. */
  async shownFingerprint(): Promise<string> {
    return (await this.verified.getByTestId('package-fingerprint').innerText()).replace(/\s/g, '');
  }

  problems(): Locator {
    return this.openDialog.getByTestId('package-problem');
  }

  view(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Audit package' }).getByRole('link', { name });
  }

  /** The side panel (a request, criterion, control or evidence item). */
  get panel(): Locator {
    return this.page.getByTestId('audit-panel');
  }

  /** Opens a row of the list shown (its accessible name starts with the reference). */
  async openRow(testId: string, ref: string) {
    await this.page
      .getByTestId(testId)
      .getByRole('row', { name: new RegExp(`^${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) })
      .click();
    await expect(this.panel).toContainText(ref);
  }

  /** The panel's close button: back to the record below it, or to the list. */
  async closePanel() {
    await this.panel.getByRole('button', { name: 'Close', exact: true }).click();
  }

  async comment(on: string, body: string) {
    await this.panel.getByLabel(`Comment on ${on}`).fill(body);
    await this.panel.getByRole('button', { name: 'Add comment' }).click();
    await expect(this.panel.getByTestId('audit-comment').filter({ hasText: body })).toBeVisible();
  }

  async close() {
    await this.banner.getByRole('button', { name: 'Close package' }).click();
    await expect(this.root).toBeHidden();
  }
}

/** Opens `zip` in auditor mode through the contract (for specs not about opening), then shows it. */
export async function openPackageByApi(page: Page, origin: string, zip: string) {
  const res = await page.request.post(`${origin}/upload?name=package.zip`, {
    data: readFileSync(zip),
  });
  expect(res.ok(), await res.text()).toBe(true);
  const { uploadId } = (await res.json()) as { uploadId: string };
  const started = await page.request.post(`${origin}/rpc/auditor.openPackage`, {
    data: { source: { uploadId } },
  });
  const { value } = (await started.json()) as { value: { jobId: string } };
  await expect
    .poll(async () => {
      const job = await page.request.post(`${origin}/rpc/jobs.get`, {
        data: { jobId: value.jobId },
      });
      return ((await job.json()) as { value: { state: string } }).value.state;
    })
    .toBe('succeeded');
  await page.reload();
  await expect(page.getByTestId('auditor-mode')).toBeVisible();
}
