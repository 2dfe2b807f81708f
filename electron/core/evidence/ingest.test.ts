import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceAddInput } from '../../../shared/api/evidence';
import { mapSqliteError } from '../../db/sqlite-errors';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { type Vault, closeVault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { FILES_PER_COMMIT, type IngestProgress, collectFiles, ingestEvidence } from './ingest';

async function addFolder(
  vault: Vault,
  folder: string,
  options: { signal?: AbortSignal; onProgress?: (p: IngestProgress) => void } = {},
) {
  const input = evidenceAddInput.parse({ sources: [{ path: folder }] });
  const { files, skipped } = collectFiles(input.sources as { path: string }[]);
  return ingestEvidence(vault, input, files, skipped, options);
}

const count = (vault: Vault, sql: string) => vault.db.sqlite.prepare(sql).pluck().get() as number;

/** `n` files named f-000… in a new folder; file i holds `body(i)`. */
function folderOf(dir: string, n: number, body: (i: number) => Buffer | string): string {
  const folder = join(dir, 'files');
  mkdirSync(folder);
  for (let i = 0; i < n; i++)
    writeFileSync(join(folder, `f-${String(i).padStart(3, '0')}.txt`), body(i));
  return folder;
}

describe('adding many small files', () => {
  it('stores each as its own whole item, several per commit, identical bytes once', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const n = FILES_PER_COMMIT * 2 + 10;
    // Every fifth file repeats an earlier one's bytes, inside and across commits.
    const folder = folderOf(dir, n, (i) => `evidence ${i % 5 === 4 ? i - 3 : i}`);
    const progress: number[] = [];
    const result = await addFolder(vault, folder, {
      onProgress: (p) => progress.push(p.filesDone),
    });
    expect(result.added).toHaveLength(n);
    expect(result.added.map((a) => a.ref)).toEqual(
      Array.from({ length: n }, (_, i) => `EV-${i + 1}`),
    );
    expect(result.added.filter((a) => a.deduplicated)).toHaveLength(Math.floor(n / 5));
    expect(count(vault, 'SELECT count(*) FROM blob')).toBe(n - Math.floor(n / 5));
    // Each item owns the bytes of its own file.
    const rows = vault.db.sqlite
      .prepare('SELECT file_name, file_sha256 FROM evidence ORDER BY seq')
      .all() as { file_name: string; file_sha256: string }[];
    for (const row of rows) {
      const bytes = readFileSync(join(dir, row.file_name));
      expect(row.file_sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    // Progress moved on commit by commit, not only at the end.
    expect(progress.filter((d) => d > 0 && d < n).length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(n);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('cancelled between commits, keeps the items committed and names the first file not stored', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const n = FILES_PER_COMMIT + 20;
    const folder = folderOf(dir, n, (i) => `file ${i}`);
    const controller = new AbortController();
    const error = await addFolder(vault, folder, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.filesDone > 0) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'cancelled',
      message: `Cancelled; ${FILES_PER_COMMIT} of ${n} files were stored and kept, nothing of ${join('files', `f-${String(FILES_PER_COMMIT).padStart(3, '0')}.txt`)}.`,
    });
    expect(count(vault, 'SELECT count(*) FROM evidence')).toBe(FILES_PER_COMMIT);
    expect(count(vault, 'SELECT count(*) FROM blob')).toBe(FILES_PER_COMMIT);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('on a full disk part-way through a commit, keeps the files before the one that does not fit', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const MiB = 1024 * 1024;
    // Three 2 MiB files: one commit's worth together; room for two of them only.
    const folder = folderOf(dir, 3, (i) => Buffer.alloc(2 * MiB, i + 1));
    const pages = vault.db.sqlite.pragma('page_count', { simple: true }) as number;
    vault.db.sqlite.pragma(`max_page_count = ${pages + 5 * 16}`);
    const error = await addFolder(vault, folder).catch((e: unknown) => e);
    expect(mapSqliteError(error)).toMatchObject({ code: 'disk_full' });
    expect(
      vault.db.sqlite.prepare('SELECT file_name FROM evidence ORDER BY seq').pluck().all(),
    ).toEqual([join('files', 'f-000.txt'), join('files', 'f-001.txt')]);
    expect(count(vault, 'SELECT count(*) FROM blob')).toBe(2);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });
});
