import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { closeVault, openVault } from '../core/vault/session';
import { verifyVault } from '../core/vault/verify';
import { REPO_ROOT, bundledScript } from './spawn';
import { tempDir } from './tmp';
import { newTestVault } from './vaults';

/** A small deterministic generator, so a failing seed can be replayed. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the ingest child and SIGKILLs it after `killAfter` committed batches (or a delay). */
function ingestAndKill(vault: string, file: string, killAfter: { batches?: number; ms?: number }) {
  return new Promise<string>((resolve) => {
    const script = bundledScript('electron/testing/ingest-until-killed.ts');
    const child = spawn(process.execPath, [script, vault, file], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let last = 'started';
    const kill = () => child.kill('SIGKILL');
    if (killAfter.ms !== undefined) setTimeout(kill, killAfter.ms);
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().trim().split('\n')) {
        last = line;
        if (
          line === 'done' ||
          (killAfter.batches !== undefined && line === `chunks ${killAfter.batches * 16}`)
        )
          kill();
      }
    });
    child.on('exit', () => resolve(last));
  });
}

/**
 * Ingests a 96 MiB file `runs` times in a child process and SIGKILLs it — on even runs at a
 * chosen batch boundary, on odd runs at a random moment from the seed — and checks after each
 * kill that the vault holds either the whole file or nothing and verifies clean.
 */
export async function killCampaign({ runs, seed }: { runs: number; seed: number }) {
  const dir = tempDir();
  const created = await newTestVault(dir);
  closeVault(created);
  const file = join(dir, 'evidence.bin');
  const bytes = Buffer.alloc(96 * 1024 * 1024);
  for (let i = 0; i + 4 <= bytes.length; i += 4)
    bytes.writeUInt32LE(Math.imul(i, 2654435761) >>> 0, i);
  writeFileSync(file, bytes);

  const random = mulberry32(seed);
  const outcomes: string[] = [];
  for (let run = 0; run < runs; run++) {
    // Half the runs at a chosen batch boundary, half at a random moment.
    const killAfter =
      run % 2 === 0 ? { batches: 1 + (run % 5) } : { ms: 300 + Math.floor(random() * 1500) };
    const last = await ingestAndKill(created.path, file, killAfter);
    const vault = await openVault(created.path);
    const blobs = vault.db.sqlite.prepare('SELECT state, size FROM blob').all() as {
      state: string;
      size: number;
    }[];
    const chunks = vault.db.sqlite
      .prepare('SELECT count(*) FROM blob_chunk')
      .pluck()
      .get() as number;
    // Pending rows were removed at open; a complete blob is whole.
    expect(blobs.every((b) => b.state === 'complete' && b.size === bytes.length)).toBe(true);
    expect(chunks).toBe(blobs.length * 96);
    const report = await verifyVault(vault);
    expect(report.problems, `run ${run} (killed after "${last}")`).toEqual([]);
    outcomes.push(blobs.length === 0 ? 'nothing' : 'whole');
    // Start every run from an empty store, so "whole" is possible again.
    vault.db.sqlite.exec('DELETE FROM blob_chunk; DELETE FROM blob;');
    closeVault(vault);
  }
  return outcomes;
}
