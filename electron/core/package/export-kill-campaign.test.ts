import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import { seededRandom } from '../../testing/random';
import { REPO_ROOT } from '../../testing/spawn';
import { captureIo, tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { closeVault, openVault } from '../vault/session';
import { verifyVault } from '../vault/verify';

const ATTEST = join(REPO_ROOT, 'electron', 'cli', 'attest.mjs');

/**
 * Runs `attest export` in its own process and, `killAfterMs` after its partial file appears,
 * SIGKILLs it (unless it finished first). `writeMs`: from that moment to the process's end.
 */
function exportAndKill(dir: string, vault: string, out: string, killAfterMs: number | null) {
  return new Promise<{ killed: boolean; code: number | null; writeMs: number }>((resolve) => {
    const child = spawn(
      process.execPath,
      [ATTEST, 'export', vault, '--out', out, '--categories', 'evidence'],
      { cwd: dir, env: { ...process.env, ATTEST_HOME: join(dir, 'home') }, stdio: 'ignore' },
    );
    let seenAt = 0;
    let killed = false;
    const watch = setInterval(() => {
      if (seenAt || !readdirSync(dir).some((n) => n.startsWith('package.zip.partial-'))) return;
      seenAt = Date.now();
      clearInterval(watch);
      if (killAfterMs === null) return;
      setTimeout(() => {
        killed = child.exitCode === null && child.signalCode === null;
        if (killed) child.kill('SIGKILL');
      }, killAfterMs);
    }, 2);
    child.on('exit', (code) => {
      clearInterval(watch);
      resolve({ killed, code, writeMs: seenAt ? Date.now() - seenAt : 0 });
    });
  });
}

describe('killing attest export', () => {
  it('never leaves a file at the destination, and the vault stays sound (30 seeded kills)', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    closeVault(vault);
    const files = ['a.bin', 'b.txt', 'c.bin'].map((name, i) => {
      const path = join(dir, name);
      const bytes = Buffer.alloc(i === 0 ? 12 * 1024 * 1024 : 64 * 1024);
      for (let j = 0; j + 4 <= bytes.length; j += 4)
        bytes.writeUInt32LE(Math.imul(j + i, 2654435761) >>> 0, j);
      writeFileSync(path, bytes);
      return path;
    });
    const cli = captureIo(dir);
    expect(await run(['evidence', 'add', vault.path, ...files], cli.io), cli.err).toBe(0);

    const out = join(dir, 'package.zip');
    const reference = await exportAndKill(dir, vault.path, join(dir, 'reference.zip'), null);
    expect(reference.code).toBe(0);
    // The reference watched for package.zip's partial file, which it never writes: time the
    // first real run instead.
    const first = await exportAndKill(dir, vault.path, out, null);
    expect(first.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    rmSync(out);

    const random = seededRandom(20261204);
    let killedWhileWriting = 0;
    for (let i = 0; i < 30; i++) {
      const at = Math.floor(random() * Math.max(first.writeMs, 20));
      const r = await exportAndKill(dir, vault.path, out, at);
      if (r.killed && !existsSync(out)) {
        killedWhileWriting++;
      } else if (r.killed) {
        // Killed after the rename (while closing the vault or printing): the package is whole.
        execFileSync('unzip', ['-tq', out]);
        expect(execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' })).toMatch(/^SHA256SUMS$/m);
        rmSync(out);
      } else {
        expect(r.code).toBe(0);
        rmSync(out);
      }
      const opened = await openVault(vault.path);
      try {
        expect((await verifyVault(opened)).problems, `run ${i}`).toEqual([]);
      } finally {
        closeVault(opened);
      }
    }
    // Most kills land while the package is being written (the rest: after the rename).
    expect(killedWhileWriting).toBeGreaterThanOrEqual(15);
    // What they left beside the destination goes with the next export to it.
    expect((await exportAndKill(dir, vault.path, out, null)).code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.startsWith('package.zip.partial-'))).toEqual([]);
  }, 180_000);
});
