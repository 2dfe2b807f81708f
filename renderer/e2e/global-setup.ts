import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Where the demo vault built for this run is (set here, read by `openDemoVault`). */
export const DEMO_TEMPLATE_ENV = 'ATTEST_E2E_DEMO_TEMPLATE';

/**
 * Once per run, before any spec: makes sure the `attest` bundle matches the sources (the launcher
 * rebuilds it if not; ATTEST_CLI=bundle makes a build error fail the run rather than fall back
 * to tsx) and builds the demo vault with it into a temporary folder. Specs copy that vault instead
 * of building their own; the returned function removes the folder when the run ends.
 */
export default function globalSetup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'attest-e2e-template-'));
  const template = join(dir, 'demo.attest');
  execFileSync(process.execPath, [join(repo, 'electron', 'cli', 'attest.mjs'), 'demo', template], {
    cwd: repo,
    env: { ...process.env, ATTEST_HOME: join(dir, 'home'), ATTEST_CLI: 'bundle' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.env[DEMO_TEMPLATE_ENV] = template;
  return () => rmSync(dir, { recursive: true, force: true });
}
