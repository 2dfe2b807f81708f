import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_TEMPLATE_ENV } from './global-setup';

const repo = fileURLToPath(new URL('../..', import.meta.url));
// The bundle itself: global-setup.ts has made sure it matches the sources for this run.
const CLI = join(repo, 'dist', 'cli', 'attest.mjs');
// ATTEST_UI_DIR lets parallel work build the UI into its own folder.
const UI_DIR = process.env.ATTEST_UI_DIR ?? join(repo, 'dist', 'renderer');
const STARTUP_MS = 45_000;

export interface AttestServer {
  /** The printed one-time URL with its token. */
  tokenUrl: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The temporary ATTEST_HOME of this test. */
  home: string;
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`attest serve printed no URL in ${STARTUP_MS} ms.\n${out}${err}`)),
      STARTUP_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Attest is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`attest serve exited (${code}) before it was ready.\n${out}${err}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<{ attest: AttestServer; attestEnv: Record<string, string> }>({
  /** Extra environment for `attest serve` (e.g. ATTEST_CATALOG, to stand in a newer build). */
  attestEnv: [{}, { option: true }],

  // A fresh `attest serve` with its own temporary ATTEST_HOME for every test.
  attest: async ({ attestEnv }, use, testInfo) => {
    const home = mkdtempSync(join(tmpdir(), 'attest-e2e-'));
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
      cwd: repo,
      env: { ...process.env, ...attestEnv, ATTEST_HOME: home, ATTEST_UI_DIR: UI_DIR },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const tokenUrl = await waitForUrl(child);
      await use({ tokenUrl, origin: new URL(tokenUrl).origin, home });
    } finally {
      await stop(child);
      if (testInfo.status !== testInfo.expectedStatus) {
        const log = join(home, 'logs', 'attest.log');
        const text = `${output}\n--- attest.log ---\n${existsSync(log) ? readFileSync(log, 'utf8') : '(none)'}`;
        await testInfo.attach('attest serve output', { body: text, contentType: 'text/plain' });
      }
      rmSync(home, { recursive: true, force: true });
    }
  },

  // The page has visited the token URL; afterwards, no console error and no CSP violation.
  page: async ({ page, attest }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(
          `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        );
      });
    });
    await page.goto(attest.tokenUrl);
    await use(page);
    expect(problems, 'console errors or CSP violations during the test').toEqual([]);
  },
});

export { expect };

/**
 * axe-core as @axe-core/playwright resolves it: its own dependency, in the version it pins.
 * The scan below runs it directly rather than through AxeBuilder.analyze(), which evaluates the
 * 1.3 MB source twice per scan and, by default, finishes every run in a new blank page after
 * serialising each node's partial results: measured at two to three times the audit itself.
 * It is the same `axe.run` with the same default rules on the same document; what is left out
 * is scanning cross-origin frames, which the app does not have.
 */
const AXE_SOURCE: string = createRequire(
  createRequire(import.meta.url).resolve('@axe-core/playwright'),
)('axe-core').source;

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Loaded once per document: it survives the app's client-side navigation, not a reload.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
    };
    // Details only for violations: passes and inapplicable rules are not reported node by node.
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** axe-core scan of what is on screen; fails on serious or critical violations. */
export async function expectNoSeriousA11yViolations(page: Page, what = 'this screen') {
  // Scan the settled screen: mid-transition (a drawer fading in) text is blended with what is
  // behind it and would be measured at a contrast it never has once shown. A transition starts
  // only on the frame after its element mounts, so let two frames pass before asking whether
  // any is still running (under load the check could otherwise come before the fade began).
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, {
      timeout: 3_000,
    })
    .catch(() => undefined);
  const serious = (await axeViolations(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`)
          .join('\n    ')}`,
    );
  expect(serious, `accessibility violations on ${what}`).toEqual([]);
}

/** Creates a vault through the contract (fast set-up for specs that are not about creating). */
export async function createVaultByApi(
  page: Page,
  attest: AttestServer,
  engagement: Record<string, unknown> = {
    name: 'Acme SOC 2 2026',
    client: 'Acme Corp',
    reportType: 'type2',
    period: { start: '2026-01-01', end: '2026-06-30' },
    categories: ['security', 'availability'],
  },
  file = 'acme.attest',
) {
  const res = await page.request.post(`${attest.origin}/rpc/vault.create`, {
    data: { file, engagement },
  });
  const body = (await res.json()) as { ok: boolean };
  expect(body.ok, JSON.stringify(body)).toBe(true);
}

/**
 * Puts the demo engagement (`attest demo`) in this test's ATTEST_HOME and opens it through the
 * contract, so screens are tested with realistic content rather than empty. The vault is a copy
 * of the one global-setup.ts built for this run: the same bytes `attest demo` writes, without
 * building it again for every test.
 */
export async function openDemoVault(page: Page, attest: AttestServer, file = 'demo.attest') {
  const template = process.env[DEMO_TEMPLATE_ENV];
  if (!template)
    throw new Error(
      `${DEMO_TEMPLATE_ENV} is not set: run the specs with build/playwright.config.ts`,
    );
  copyFileSync(template, join(attest.home, file));
  const res = await page.request.post(`${attest.origin}/rpc/vault.open`, { data: { file } });
  const body = (await res.json()) as { ok: boolean };
  expect(body.ok, JSON.stringify(body)).toBe(true);
}
