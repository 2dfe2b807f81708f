import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainHead } from '../../db/audit';
import { WitnessStore } from '../../platform/witness-store';
import { rewriteChainLikeTheProbe } from '../../testing/rewrite-chain';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { createPerson, listPersons } from '../people/people';
import { applyScope } from '../scope/apply-scope';
import {
  KEEP_AUTOMATIC,
  backupDue,
  backupId,
  createBackup,
  listBackups,
  toBackup,
} from './backups';
import { restoreBackup } from './restore';
import { type Vault, closeVault } from './session';
import { verifyVaultFile } from './verify-file';
import { recordHead, vaultFingerprint } from './witness';

let people = 0;
const edit = (vault: Vault, times = 1) => {
  for (let i = 0; i < times; i++) createPerson(vault, { name: `Person ${++people}` });
};

async function setup() {
  const dir = tempDir();
  const root = join(dir, 'home', 'backups');
  const witness = new WitnessStore(join(dir, 'home', 'witness'));
  const vault = await newTestVault(dir);
  applyScope(vault);
  recordHead(witness, vault.db, { event: 'create', file: vault.path, now: vault.now() });
  return { dir, root, witness, vault, fingerprint: vaultFingerprint(vault.db) };
}

describe('backups', () => {
  it('names a backup by when and why, so ids sort by time', () => {
    expect(backupId('2026-12-03T10:15:00.123Z', 'open')).toBe('20261203T101500123Z-open');
    expect(backupId('2026-12-03T10:15:00Z', 'daily')).toBe('20261203T101500000Z-daily');
  });

  it('writes a whole vault that verifies sound, described beside it, and lists it newest first', async () => {
    const { root, witness, vault, fingerprint } = await setup();
    const first = await createBackup(vault, root, { reason: 'open', witness });
    edit(vault);
    const second = await createBackup(vault, root, { reason: 'manual', witness });
    const listed = listBackups(root, fingerprint);
    expect(listed.map((b) => b.id)).toEqual([second.id, first.id]);
    expect(second.head).toEqual(chainHead(vault.db));
    expect(second.source).toBe(vault.path);
    expect(toBackup(second, chainHead(vault.db)).current).toBe(true);
    expect(toBackup(first, chainHead(vault.db)).current).toBe(false);
    const report = (await verifyVaultFile(second.path, { witness })).report;
    expect(report).toMatchObject({ ok: true, witness: { status: 'sound' } });
    // Read back with SQLite itself: the person added before the second backup is in it.
    const raw = new Database(second.path, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM person').pluck().get()).toBe(1);
    raw.close();
    expect(JSON.parse(readFileSync(second.path.replace(/attest$/, 'json'), 'utf8'))).toMatchObject({
      reason: 'manual',
      fingerprint,
    });
    // Nothing half-written is left in the folder.
    expect(readdirSync(join(root, fingerprint)).filter((n) => n.startsWith('.'))).toEqual([]);
    closeVault(vault);
  });

  it('is due at open unless the newest backup holds the same state, and daily once a day has passed', async () => {
    const { root, vault, fingerprint } = await setup();
    const head = chainHead(vault.db);
    expect(backupDue(undefined, head, vault.now(), 'open')).toBe(true);
    const made = await createBackup(vault, root, { reason: 'open' });
    const newest = listBackups(root, fingerprint)[0];
    expect(newest?.id).toBe(made.id);
    expect(backupDue(newest, head, vault.now(), 'open')).toBe(false);
    edit(vault);
    const moved = chainHead(vault.db);
    expect(backupDue(newest, moved, vault.now(), 'open')).toBe(true);
    const hourLater = new Date(Date.parse(made.createdAt) + 3600_000).toISOString();
    const dayLater = new Date(Date.parse(made.createdAt) + 24 * 3600_000).toISOString();
    expect(backupDue(newest, moved, hourLater, 'daily')).toBe(false);
    expect(backupDue(newest, moved, dayLater, 'daily')).toBe(true);
    expect(backupDue(newest, head, dayLater, 'daily')).toBe(false);
    closeVault(vault);
  });

  it(`keeps the newest ${KEEP_AUTOMATIC} automatic backups, and every one made by hand or before a restore`, async () => {
    const { root, vault, fingerprint } = await setup();
    const manual = await createBackup(vault, root, { reason: 'manual' });
    const kept = await createBackup(vault, root, { reason: 'before-restore' });
    const automatic = [];
    for (let i = 0; i < KEEP_AUTOMATIC + 3; i++) {
      edit(vault);
      automatic.push(await createBackup(vault, root, { reason: i % 2 ? 'daily' : 'open' }));
    }
    const ids = listBackups(root, fingerprint).map((b) => b.id);
    expect(ids).toEqual([
      ...automatic
        .slice(-KEEP_AUTOMATIC)
        .map((b) => b.id)
        .reverse(),
      kept.id,
      manual.id,
    ]);
    for (const gone of automatic.slice(0, 3)) expect(existsSync(gone.path)).toBe(false);
    closeVault(vault);
  });

  it('refuses when the disk is too small, leaving nothing behind', async () => {
    const { root, vault, fingerprint } = await setup();
    await expect(
      createBackup(vault, root, { reason: 'manual', diskFreeBytes: () => 1024 }),
    ).rejects.toMatchObject({ code: 'disk_full' });
    expect(readdirSync(join(root, fingerprint))).toEqual([]);
    closeVault(vault);
  });
});

describe('restoring a backup', () => {
  it('replaces the vault with the backup, keeps the vault as it was, and the witness sees it as behind, not tampering', async () => {
    const { root, witness, vault, fingerprint } = await setup();
    const backup = await createBackup(vault, root, { reason: 'open', witness });
    edit(vault, 3);
    recordHead(witness, vault.db, { event: 'change', file: vault.path, now: vault.now() });
    const before = chainHead(vault.db);

    const { vault: restored, result } = await restoreBackup(vault, root, backup.id, { witness });
    expect(vault.db.sqlite.open).toBe(false);
    expect(listPersons(restored)).toEqual([]);
    expect(chainHead(restored.db)).toEqual(backup.head);
    expect(result.witnessBefore).toMatchObject({ status: 'behind', entriesBehind: 3 });
    expect(result.witness).toMatchObject({
      status: 'sound',
      latest: { event: 'restore', seq: backup.head.seq },
    });
    expect(result.restored).toMatchObject({ id: backup.id, current: true });
    expect(result.keptAs).toMatchObject({ reason: 'before-restore', head: before });
    closeVault(restored);

    const report = (await verifyVaultFile(vault.path, { witness })).report;
    expect(report).toMatchObject({ ok: true, problems: [], witness: { status: 'sound' } });
    // The replaced vault is a whole backup, and restoring it brings the three people back.
    const again = await (await import('./session')).openVault(vault.path);
    const undo = await restoreBackup(again, root, result.keptAs.id, { witness });
    expect(listPersons(undo.vault)).toHaveLength(3);
    expect(
      listBackups(root, fingerprint).filter((b) => b.reason === 'before-restore'),
    ).toHaveLength(2);
    closeVault(undo.vault);
    expect((await verifyVaultFile(vault.path, { witness })).report.witness?.status).toBe('sound');
  });

  it('refuses a backup whose history was rewritten, and leaves the vault as it was', async () => {
    const { root, witness, vault } = await setup();
    const backup = await createBackup(vault, root, { reason: 'open', witness });
    rewriteChainLikeTheProbe(backup.path);
    edit(vault);
    const head = chainHead(vault.db);
    await expect(restoreBackup(vault, root, backup.id, { witness })).rejects.toMatchObject({
      code: 'integrity',
      message: expect.stringMatching(/does not hold a history this computer recorded/),
    });
    expect(chainHead(vault.db)).toEqual(head);
    edit(vault); // changes are allowed again
    closeVault(vault);
  });

  it('refuses an id that names no backup of this vault', async () => {
    const { root, witness, vault } = await setup();
    await expect(
      restoreBackup(vault, root, '20261203T101500123Z-open', { witness }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(restoreBackup(vault, root, '../../etc/passwd', { witness })).rejects.toMatchObject(
      { code: 'not_found' },
    );
    closeVault(vault);
  });

  it('refuses changes while it copies, and a cancel leaves the vault as it was', async () => {
    const { root, witness, vault } = await setup();
    const backup = await createBackup(vault, root, { reason: 'open', witness });
    edit(vault);
    const head = chainHead(vault.db);
    const controller = new AbortController();
    const restoring = restoreBackup(vault, root, backup.id, {
      witness,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(() => edit(vault)).toThrow(/being restored from a backup/);
    await expect(restoring).rejects.toMatchObject({ code: 'cancelled' });
    expect(chainHead(vault.db)).toEqual(head);
    edit(vault);
    closeVault(vault);
  });
});
