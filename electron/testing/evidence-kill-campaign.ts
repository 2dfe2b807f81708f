import { spawn } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { closeVault, openVault } from '../core/vault/session';
import { verifyVault } from '../core/vault/verify';
import { REPO_ROOT } from './spawn';
import { tempDir } from './tmp';
import { newTestVault } from './vaults';

const MiB = 1024 * 1024;

/** A small deterministic generator, so a failing seed can be replayed. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `attest evidence add <vault> <folder>` (the real command, through its launcher) and
 * SIGKILLs it once the vault has grown by `grownBytes` (chunks committed mid-file) or after
 * `ms`; resolves with how it ended.
 */
function addAndKill(
  home: string,
  vault: string,
  folder: string,
  when: { grownBytes?: number; ms?: number },
): Promise<string> {
  return new Promise((resolve) => {
    const cli = join(REPO_ROOT, 'electron', 'cli', 'attest.mjs');
    const startSize = statSync(vault).size;
    const child = spawn(process.execPath, [cli, 'evidence', 'add', vault, folder], {
      cwd: REPO_ROOT,
      env: { ...process.env, ATTEST_HOME: home },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    let exited = false;
    const kill = () => {
      if (!exited) child.kill('SIGKILL');
    };
    const timer =
      when.ms !== undefined
        ? setTimeout(kill, when.ms)
        : setInterval(() => {
            const size = statSync(vault, { throwIfNoEntry: false })?.size ?? 0;
            if (size - startSize >= when.grownBytes!) kill();
          }, 5);
    child.on('exit', (code, signal) => {
      exited = true;
      clearTimeout(timer);
      clearInterval(timer);
      resolve(signal ? `killed (${signal})` : `exited ${code}`);
    });
  });
}

/**
 * A seeded SIGKILL campaign of `attest evidence add` (DESIGN §9): each run adds a folder of fresh
 * files (one 20 MiB — more than one commit — and three of 1 MiB) and is killed — on even runs once a chosen number of bytes has
 * been committed, on odd runs at a random moment from the seed. After every kill the vault must
 * open, verify clean, and hold every file either whole (an item whose recorded hash is that of a
 * source file, its bytes re-hashing to it) or not at all.
 */
export async function evidenceKillCampaign({ runs, seed }: { runs: number; seed: number }) {
  const dir = tempDir();
  const home = join(dir, 'home');
  mkdirSync(home);
  const created = await newTestVault(dir);
  const vault = created.path;
  closeVault(created);
  const random = mulberry32(seed);
  const hashes = new Map<string, number>();
  const outcomes: { run: number; ended: string; added: number; of: number }[] = [];
  let before = 0;
  for (let run = 0; run < runs; run++) {
    const folder = join(dir, `run-${run}`);
    mkdirSync(folder);
    const sizes = [20 * MiB, ...Array<number>(3).fill(1 * MiB)];
    sizes.forEach((size, i) => {
      const bytes = randomFillSync(Buffer.alloc(size));
      writeFileSync(join(folder, `file-${i}.bin`), bytes);
      hashes.set(createHash('sha256').update(bytes).digest('hex'), size);
    });
    const when =
      run % 2 === 0
        ? { grownBytes: Math.floor((0.1 + random() * 0.85) * 23 * MiB) }
        : { ms: 200 + Math.floor(random() * 1500) };
    const ended = await addAndKill(home, vault, folder, when);

    const v = await openVault(vault);
    try {
      const db = v.db.sqlite;
      const items = db
        .prepare(
          `SELECT e.ref, e.file_sha256, e.file_size, b.state, b.sha256, b.size
           FROM evidence e LEFT JOIN blob b ON b.id = e.blob_id`,
        )
        .all() as {
        ref: string;
        file_sha256: string;
        file_size: number;
        state: string;
        sha256: string;
        size: number;
      }[];
      for (const item of items) {
        // Whole: a source file's hash and size, its blob complete and the same.
        expect(hashes.get(item.file_sha256), `${item.ref} after run ${run}`).toBe(item.file_size);
        expect(item).toMatchObject({ state: 'complete', sha256: item.file_sha256 });
      }
      expect(db.prepare(`SELECT count(*) FROM blob WHERE state <> 'complete'`).pluck().get()).toBe(
        0,
      );
      const report = await verifyVault(v);
      expect(report.problems, `run ${run} (${ended})`).toEqual([]);
      outcomes.push({ run, ended, added: items.length - before, of: sizes.length });
      before = items.length;
    } finally {
      closeVault(v);
    }
  }
  return outcomes;
}
