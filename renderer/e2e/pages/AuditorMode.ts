import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Locator, type Page, expect } from '@playwright/test';
import { DEMO_TEMPLATE_ENV } from '../global-setup';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = join(repo, 'dist', 'cli', 'attest.mjs');

/**
 * An audit package of the demo engagement, exported by `attest export` from a copy of the demo
 * vault (exporting notes the package in the vault, so the run's template is never touched), and
 * a copy of it with one evidence file changed after export.
 */
export function makePackages(): { good: string; tampered: string; tamperedPath: string } {
  const template = process.env[DEMO_TEMPLATE_ENV];
  if (!template) throw new Error(`${DEMO_TEMPLATE_ENV} is not set`);
  const dir = mkdtempSync(join(tmpdir(), 'attest-e2e-auditor-'));
  const vault = join(dir, 'demo.attest');
  copyFileSync(template, vault);
  const good = join(dir, 'Audit-Package.zip');
  execFileSync(process.execPath, [CLI, 'export', vault, '--out', good], {
    cwd: repo,
    env: { ...process.env, ATTEST_HOME: join(dir, 'home') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const names = execFileSync('unzip', ['-Z1', good], { encoding: 'utf8' }).split('\n');
  const tamperedPath = names.find((n) => n.startsWith('04_Evidence/') && !n.endsWith('/'));
  if (!tamperedPath) throw new Error('the package holds no evidence file');
  const tampered = join(dir, 'Audit-Package-tampered.zip');
  copyFileSync(good, tampered);
  const work = join(dir, 'tamper');
  mkdirSync(dirname(join(work, tamperedPath)), { recursive: true });
  writeFileSync(join(work, tamperedPath), 'Changed after export.\n');
  execFileSync('zip', ['-q', tampered, tamperedPath], { cwd: work });
  return { good, tampered, tamperedPath };
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

  async close() {
    await this.banner.getByRole('button', { name: 'Close package' }).click();
    await expect(this.root).toBeHidden();
  }
}
