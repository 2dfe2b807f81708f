import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ElectronApplication,
  type Page,
  _electron as electron,
  expect,
  test,
} from '@playwright/test';
import type { AttestBridge } from '../../shared/api/bridge';
import { CONTENT_SECURITY_POLICY } from '../platform/csp';
import { REPO_ROOT } from '../testing/spawn';

/**
 * The Electron smoke suite (DESIGN §9): the bridge and the window hardening, in the real desktop
 * app. Runs where the Electron runtime is installed; elsewhere it is skipped, saying why.
 * Run: npm run build && npx playwright test --config build/playwright-electron.config.ts
 */

/** What `require('electron')` would resolve to, found without letting it start a download. */
function electronRuntime(): { path: string | null; why: string } {
  const pkg = join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      path: null,
      why: 'the Electron runtime is not installed here (npm installed only its types: the binary download is switched off or impossible)',
    };
  }
  const executable = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable)
    ? { path: executable, why: '' }
    : { path: null, why: `the Electron runtime is missing (${executable} does not exist)` };
}

const runtime = electronRuntime();
if (!runtime.path) console.log(`Skipping the Electron smoke suite: ${runtime.why}.`);

type PageGlobals = {
  attest?: AttestBridge;
  require?: unknown;
  process?: unknown;
  location: { href: string };
  open(url: string): unknown;
};

test.describe('desktop app', () => {
  test.skip(!runtime.path, runtime.why);

  let app: ElectronApplication;
  let page: Page;
  let home: string;

  test.beforeAll(async () => {
    for (const built of [
      'dist/electron/main.js',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
    ]) {
      if (!existsSync(join(REPO_ROOT, built)))
        throw new Error(`${built} is missing: run npm run build first`);
    }
    home = mkdtempSync(join(tmpdir(), 'attest-electron-'));
    app = await electron.launch({
      executablePath: runtime.path!,
      args: [REPO_ROOT],
      env: { ...process.env, ATTEST_HOME: home } as Record<string, string>,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  test('exposes only the attest bridge, and app.info answers', async () => {
    const seen = await page.evaluate(async () => {
      const g = globalThis as unknown as PageGlobals;
      return {
        bridge: g.attest ? Object.keys(g.attest).sort() : null,
        host: g.attest?.host.kind,
        node: typeof g.require !== 'undefined' || typeof g.process !== 'undefined',
        info: await g.attest?.invoke('app.info', {}),
      };
    });
    expect(seen.bridge).toEqual(['host', 'invoke', 'subscribe']);
    expect(seen.host).toBe('desktop');
    expect(seen.node).toBe(false);
    expect(seen.info).toMatchObject({ ok: true, value: { home } });
  });

  test('serves the UI from app:// with the CSP on every response', async () => {
    expect(page.url()).toMatch(/^app:\/\/attest\//);
    const headers = await page.evaluate(async () => {
      const ok = await fetch('app://attest/index.html');
      const missing = await fetch('app://attest/no-such-file.js');
      return {
        ok: [ok.status, ok.headers.get('content-security-policy')],
        missing: [missing.status, missing.headers.get('content-security-policy')],
      };
    });
    expect(headers.ok).toEqual([200, CONTENT_SECURITY_POLICY]);
    expect(headers.missing).toEqual([404, CONTENT_SECURITY_POLICY]);
  });

  test('refuses to navigate away from the app', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/attest\//);
  });

  test('opens no new windows', async () => {
    const before = app.windows().length;
    const opened = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return [g.open('app://attest/index.html'), g.open('about:blank')].map((w) => w === null);
    });
    await page.waitForTimeout(500);
    expect(opened).toEqual([true, true]);
    expect(app.windows()).toHaveLength(before);
  });
});
