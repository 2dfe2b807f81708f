import Database from 'better-sqlite3';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnTs, waitForLine } from '../testing/spawn';
import { captureIo, tempDir } from '../testing/tmp';
import { run } from './main';

async function attest(dir: string, ...argv: string[]) {
  const c = captureIo(dir);
  const code = await run(argv, c.io);
  return { code, out: c.out, err: c.err };
}

/** A vault as older Attest made them (no auto-vacuum), holding 24 MiB of free pages. */
async function bloatedOldVault(dir: string): Promise<string> {
  expect((await attest(dir, 'init', 'a.attest', '--name', 'Acme')).code).toBe(0);
  const path = join(dir, 'a.attest');
  const raw = new Database(path);
  raw.pragma('auto_vacuum = NONE');
  raw.exec('VACUUM');
  raw.exec('CREATE TABLE scratch (b BLOB)');
  const fill = raw.prepare('INSERT INTO scratch VALUES (zeroblob(?))');
  for (let i = 0; i < 24; i++) fill.run(1024 * 1024);
  raw.exec('DROP TABLE scratch');
  raw.pragma('journal_mode = DELETE');
  raw.close();
  return path;
}

describe('attest compact', () => {
  it('gives the free space back, keeps the vault sound, and converts it to incremental auto-vacuum', async () => {
    const dir = tempDir();
    const path = await bloatedOldVault(dir);
    const before = statSync(path).size;
    const r = await attest(dir, 'compact', 'a.attest');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Compacted .*a\.attest: .* → .* \(.* given back\)\n$/);
    expect(before - statSync(path).size).toBeGreaterThan(20 * 1024 * 1024);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('auto_vacuum', { simple: true })).toBe(2);
    raw.close();
    expect((await attest(dir, 'verify', 'a.attest')).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['a.attest', 'home']);
    const json = JSON.parse((await attest(dir, 'compact', 'a.attest', '--json')).out);
    expect(json).toEqual({ path, bytesBefore: expect.any(Number), bytesAfter: expect.any(Number) });
  });

  it('exits 2 naming the holder when another process has the vault open', async () => {
    const dir = tempDir();
    const path = await bloatedOldVault(dir);
    const holder = spawnTs('electron/testing/hold-vault.ts', [path]);
    try {
      await waitForLine(holder, /^ready$/);
      const r = await attest(dir, 'compact', 'a.attest');
      expect(r.code).toBe(2);
      expect(r.err).toContain(`hold-vault test helper (pid ${holder.pid})`);
    } finally {
      holder.stdin!.end();
      await new Promise((resolve) => holder.on('exit', resolve));
    }
  });
});
