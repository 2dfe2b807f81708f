import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import { applyScope } from '../scope/apply-scope';
import { buildFormat1Vault } from '../../testing/old-vault';
import { seededRandom } from '../../testing/random';
import { REPO_ROOT, spawnTs, waitForLine } from '../../testing/spawn';
import { captureIo, fingerprintFile, tempDir } from '../../testing/tmp';
import { newTestVault, storeOwnedFile } from '../../testing/vaults';
import { closeVault } from './session';

async function attest(dir: string, ...argv: string[]) {
  const c = captureIo(dir);
  const code = await run(argv, c.io);
  return { code, out: c.out, err: c.err };
}

/** A closed vault with a scope (many records) and a stored file of a few MiB. */
async function richVault(dir: string): Promise<string> {
  const vault = await newTestVault(dir, 'rich.attest');
  applyScope(vault);
  const file = join(dir, 'evidence.bin');
  const bytes = Buffer.alloc(3 * 1024 * 1024);
  for (let i = 0; i + 4 <= bytes.length; i += 4)
    bytes.writeUInt32LE(Math.imul(i, 2654435761) >>> 0, i);
  writeFileSync(file, bytes);
  await storeOwnedFile(vault, file);
  closeVault(vault);
  return vault.path;
}

/** Everything in the folder with its content and modification time. */
function folderState(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n !== 'home')
    .sort()
    .map((n) => `${n} ${statSync(join(dir, n)).isFile() ? fingerprintFile(join(dir, n)) : 'dir'}`);
}

describe('attest verify never writes', () => {
  it('leaves a vault with an interrupted import exactly as it was (no clean-up, no lock note)', async () => {
    const dir = tempDir();
    const path = await richVault(dir);
    const raw = new Database(path);
    raw
      .prepare(
        `INSERT INTO blob (sha256, size, state, created_at) VALUES (NULL, NULL, 'pending', 'x')`,
      )
      .run();
    raw
      .prepare(
        `INSERT INTO blob_chunk (blob_id, idx, bytes) VALUES (last_insert_rowid(), 0, zeroblob(1000))`,
      )
      .run();
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = folderState(dir);
    const r = await attest(dir, 'verify', 'rich.attest');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sound');
    expect(folderState(dir)).toEqual(before);
  });

  it('checks an older vault in an upgraded temporary copy, says so, and leaves the file as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.attest');
    await buildFormat1Vault(path);
    const before = folderState(dir);
    const r = await attest(dir, 'verify', 'old.attest');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sound');
    expect(r.out).toMatch(/format 1; it was checked in a temporary copy upgraded to format \d+/);
    expect(folderState(dir)).toEqual(before);
    // --json keeps the contract's shape; the note goes to stderr.
    const json = await attest(dir, 'verify', 'old.attest', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, problems: [] });
    expect(json.err).toMatch(/temporary copy/);
  });

  it('checks a vault with an unfinished write in a copy where it is undone, leaving file and journal alone', async () => {
    const dir = tempDir();
    const path = await richVault(dir);
    // A writer dies mid-transaction, after overwriting stored bytes in the file itself.
    const died = spawnSync(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(process.argv[1]);
         db.pragma('journal_mode = TRUNCATE'); db.pragma('cache_size = 2');
         db.exec('BEGIN IMMEDIATE'); db.exec('UPDATE blob_chunk SET bytes = zeroblob(length(bytes))');
         process.kill(process.pid, 'SIGKILL');`,
        path,
      ],
      { cwd: REPO_ROOT },
    );
    expect(died.signal).toBe('SIGKILL');
    expect(statSync(`${path}-journal`).size).toBeGreaterThan(0);
    const before = folderState(dir);
    const r = await attest(dir, 'verify', 'rich.attest');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('unfinished change');
    expect(folderState(dir)).toEqual(before);
  });

  it('refuses while another process holds the vault, naming it', async () => {
    const dir = tempDir();
    const path = await richVault(dir);
    const holder = spawnTs('electron/testing/hold-vault.ts', [path]);
    try {
      await waitForLine(holder, /^ready$/);
      const r = await attest(dir, 'verify', 'rich.attest');
      expect(r.code).toBe(2);
      expect(r.err).toContain(`hold-vault test helper (pid ${holder.pid})`);
    } finally {
      holder.stdin!.end();
      await new Promise((resolve) => holder.on('exit', resolve));
    }
  });
});

describe('attest verify on a damaged vault', () => {
  function flipBytes(path: string, seed: number, from: number, to: number, count: number) {
    const bytes = readFileSync(path);
    const random = seededRandom(seed);
    for (let i = 0; i < count; i++) {
      const at = from + Math.floor(random() * (Math.min(to, bytes.length) - from));
      bytes[at] = bytes[at]! ^ (1 + Math.floor(random() * 255));
    }
    writeFileSync(path, bytes);
  }

  it('reports what SQLite and the chain can still say, exit 1, for random damage past the header (seeded)', async () => {
    const dir = tempDir();
    const pristine = await richVault(dir);
    for (const seed of [1, 2, 3, 4]) {
      const path = join(dir, `damaged-${seed}.attest`);
      copyFileSync(pristine, path);
      flipBytes(path, seed, 100, Infinity, 200);
      const before = fingerprintFile(path);
      const r = await attest(dir, 'verify', `damaged-${seed}.attest`);
      const label = `seed ${seed}: ${r.err}`;
      expect(r.err, label).not.toContain('unexpected');
      expect(r.code, label).toBe(1);
      expect(r.out, label).toMatch(/\d+ problems? found/);
      const json = JSON.parse(
        (await attest(dir, 'verify', `damaged-${seed}.attest`, '--json')).out,
      );
      expect(json.ok).toBe(false);
      expect(json.problems.length).toBeGreaterThan(0);
      expect(fingerprintFile(path)).toBe(before);
    }
  });

  it('refuses a damaged header clearly (exit 2) or reports the damage (exit 1), never crashes', async () => {
    const dir = tempDir();
    const pristine = await richVault(dir);
    for (const seed of [11, 12, 13, 14]) {
      const path = join(dir, `header-${seed}.attest`);
      copyFileSync(pristine, path);
      flipBytes(path, seed, 16, 100, 8);
      const r = await attest(dir, 'verify', `header-${seed}.attest`);
      const label = `seed ${seed}: ${r.err}`;
      expect(r.err, label).not.toContain('unexpected');
      expect([1, 2], label).toContain(r.code);
      if (r.code === 2)
        expect(r.err, label).toMatch(/not an Attest vault|damaged|cannot be read|newer Attest/i);
    }
  });
});
