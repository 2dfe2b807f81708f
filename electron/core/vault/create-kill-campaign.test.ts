import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engagementInput } from '../../../shared/api/vault';
import { seededRandom } from '../../testing/random';
import { REPO_ROOT } from '../../testing/spawn';
import { fingerprintFile, tempDir } from '../../testing/tmp';
import { TYPE2_ENGAGEMENT } from '../../testing/vaults';
import { vaultInfo } from './info';
import { closeVault, createVault, openVault } from './session';
import { verifyVault } from './verify';

const ATTEST = join(REPO_ROOT, 'electron', 'cli', 'attest.mjs');
const ENGAGEMENT = engagementInput.parse(TYPE2_ENGAGEMENT);

/**
 * Runs `attest <args>` in its own process and, once the first file of the new vault appears in
 * `dir`, SIGKILLs it after `killAfterMs` (unless it finished first). `buildMs` is how long the
 * build took from that first file to the process's end, for choosing later kill points.
 */
function runAndKill(dir: string, args: string[], killAfterMs: number | null) {
  return new Promise<{ killed: boolean; code: number | null; buildMs: number }>((resolve) => {
    // ATTEST_HOME (created at start-up) is not part of the vault.
    const before = new Set([...readdirSync(dir), 'home']);
    const child = spawn(process.execPath, [ATTEST, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ATTEST_HOME: join(dir, 'home') },
      stdio: 'ignore',
    });
    let firstFileAt = 0;
    let killed = false;
    const watch = setInterval(() => {
      if (firstFileAt || !readdirSync(dir).some((n) => !before.has(n))) return;
      firstFileAt = Date.now();
      clearInterval(watch);
      if (killAfterMs !== null) {
        setTimeout(() => {
          killed = child.exitCode === null && child.signalCode === null;
          if (killed) child.kill('SIGKILL');
        }, killAfterMs);
      }
    }, 2);
    child.on('exit', (code) => {
      clearInterval(watch);
      resolve({ killed, code, buildMs: firstFileAt ? Date.now() - firstFileAt : 0 });
    });
  });
}

/** What a whole vault built by the same command holds (ids and times aside). */
async function shape(path: string) {
  const vault = await openVault(path);
  try {
    const info = vaultInfo(vault);
    const report = await verifyVault(vault);
    return {
      sound: report.ok,
      engagement: info.engagement.name,
      people: info.counts.people,
      auditEvents: info.counts.auditEvents,
      criteria: info.scope.criteria.length,
      controls: info.scope.controls.length,
    };
  } finally {
    closeVault(vault);
  }
}

async function campaign(command: string[], seed: number, runs: number) {
  const dir = tempDir();
  const reference = await runAndKill(dir, [...command, join(dir, 'reference.attest')], null);
  expect(reference.code).toBe(0);
  const whole = await shape(join(dir, 'reference.attest'));
  expect(whole.sound).toBe(true);

  const random = seededRandom(seed);
  const outcomes: string[] = [];
  for (let i = 0; i < runs; i++) {
    const target = join(dir, `run-${i}.attest`);
    // Anywhere from the first file written to a little past the reference's end.
    const killAfterMs = Math.floor(random() * reference.buildMs * 1.2);
    const result = await runAndKill(dir, [...command, target], killAfterMs);
    const label = `run ${i} (seed ${seed}, killed after ${killAfterMs} ms: ${result.killed})`;
    if (existsSync(target)) {
      // Whatever is under the target's name is the whole vault.
      expect(await shape(target), label).toEqual(whole);
      outcomes.push('whole');
    } else {
      // The name is free: a vault can be created under it at once.
      closeVault(await createVault(target, ENGAGEMENT));
      outcomes.push('absent');
    }
    // A half-built file left under its temporary name is refused as a vault and left alone.
    for (const name of readdirSync(dir).filter((n) => n.includes('.building-'))) {
      const before = fingerprintFile(join(dir, name));
      await expect(openVault(join(dir, name)), label).rejects.toMatchObject({
        code: 'not_a_vault',
      });
      expect(fingerprintFile(join(dir, name))).toBe(before);
    }
  }
  // The campaign really interrupted builds, not only finished ones.
  expect(outcomes).toContain('absent');
  // Creating a vault clears what the killed builders left behind.
  closeVault(await createVault(join(dir, 'last.attest'), ENGAGEMENT));
  expect(readdirSync(dir).filter((n) => n.includes('.building-'))).toEqual([]);
}

describe('a process killed while it creates a vault (seeded)', () => {
  it('leaves attest init either nothing or the whole vault under the name, never a half-built one', async () => {
    await campaign(
      ['init', '--name', 'Kill campaign', '--period', '2026-01-01..2026-06-30'],
      20261203,
      5,
    );
  }, 240_000);

  it('leaves attest demo either nothing or the whole vault under the name, never a half-built one', async () => {
    await campaign(['demo'], 20261204, 5);
  }, 240_000);
});
