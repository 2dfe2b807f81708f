import { CLI_CALLER } from '../rpc/callers';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../rpc/dispatch';
import { createRuntime } from '../rpc/runtime';
import { silentLogger } from '../platform/logger';
import { closeVault, openVault } from '../core/vault/session';
import { verifyVault } from '../core/vault/verify';
import { tempDir } from '../testing/tmp';
import { newTestVault } from '../testing/vaults';
import { putBlobFromFile } from './blobs';
import { mapSqliteError } from './sqlite-errors';

describe('a full disk', () => {
  it('fails an ingest with disk_full, keeps nothing of it, and leaves the vault sound', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const file = join(dir, 'big.bin');
    writeFileSync(file, Buffer.alloc(40 * 1024 * 1024, 1));
    // Simulate the disk filling up: the database may not grow past its current size + ~8 MiB.
    const pages = vault.db.sqlite.pragma('page_count', { simple: true }) as number;
    vault.db.sqlite.pragma(`max_page_count = ${pages + 128}`);

    const error = await putBlobFromFile(vault.db, file, { now: vault.now }).catch(
      (e: unknown) => e,
    );
    expect(mapSqliteError(error)).toMatchObject({ code: 'disk_full' });
    expect(vault.db.sqlite.prepare('SELECT count(*) FROM blob').pluck().get()).toBe(0);
    expect(vault.db.sqlite.prepare('SELECT count(*) FROM blob_chunk').pluck().get()).toBe(0);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
    closeVault(await openVault(vault.path));
  });

  it('reaches the caller as the disk_full code with a plain message', async () => {
    const home = tempDir();
    const ctx = createRuntime({ home, app: 'test', logger: silentLogger });
    await dispatch(
      ctx,
      'vault.create',
      { file: 'x.attest', engagement: { name: 'X' } },
      CLI_CALLER,
    );
    const pages = ctx.vault!.db.sqlite.pragma('page_count', { simple: true }) as number;
    ctx.vault!.db.sqlite.pragma(`max_page_count = ${pages}`);
    const r = await dispatch(ctx, 'people.create', { name: 'A'.repeat(150) }, CLI_CALLER);
    // A tiny write may still fit in a free page; fill until it does not.
    let last = r;
    for (let i = 0; i < 200 && last.ok; i++)
      last = await dispatch(
        ctx,
        'people.create',
        { name: `Person ${i} ${'x'.repeat(180)}` },
        CLI_CALLER,
      );
    expect(last).toMatchObject({
      ok: false,
      error: { code: 'disk_full', message: expect.stringContaining('disk is full') },
    });
    await ctx.dispose();
  });
});
