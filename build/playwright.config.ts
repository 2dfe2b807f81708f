import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const repo = fileURLToPath(new URL('..', import.meta.url));

// One "today" for the whole run (the demo built in global setup, every `attest serve`, the
// renderer through app.info), so dated screens and specs read the same on any day. 15 May 2026
// gives the demo the period it was first written with: 1 Jan – 30 Jun 2026.
process.env.ATTEST_NOW ??= '2026-05-15';

/**
 * End-to-end specs in Debian's Chromium against `attest serve` (see renderer/e2e/fixtures.ts).
 * Build the UI first: `npm run build:renderer`.
 */
export default defineConfig({
  testDir: `${repo}renderer/e2e`,
  testMatch: '**/*.spec.ts',
  // Checks the `attest` bundle is current and builds the demo vault every spec copies.
  globalSetup: `${repo}renderer/e2e/global-setup.ts`,
  outputDir: `${repo}test-results`,
  // Two files at a time on the two-core machines: a spec spends much of its time waiting on its
  // own `attest serve` and on the page, so two side by side keep both cores busy (one at a time,
  // 72 specs took 9.8 min in CI; two at a time, 83 took 10.4 min here). Each spec has its own
  // server and home.
  workers: 2,
  // Tests, not files, are handed out: every test has its own server and home, so a long file
  // (requests.spec.ts, 6 tests) no longer leaves the other worker idle at the end of the run.
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // One retry: a spec that passes only on its second try is listed as "flaky" in the report
  // and is a bug to find, not a pass to forget (the closing note names any seen).
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1360, height: 860 },
    // As a user who asked the system for less motion: drawers and menus open without sliding,
    // so no frame of a transition is drawn (software rendering, two cores) and no check reads a
    // screen mid-fade. A spec that is about motion can ask for 'no-preference'.
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
