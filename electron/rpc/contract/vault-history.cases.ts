import { expect } from 'vitest';
import { type Case, fails, finish, freshVault, nextId, ok } from './harness';

/** The witness of the audit chain and the backups: kept outside the vault, in the shared home. */
export const vaultHistoryCases = {
  'vault.witness': async (t) => {
    const { file } = await freshVault(t);
    // Recorded at creation.
    const created = await ok(t, 'vault.witness', {});
    expect(created).toMatchObject({ status: 'sound', entriesSince: 0 });
    expect(created.latest).toMatchObject({ event: 'create', seq: created.head.seq });
    expect(created.file).toMatch(/witness[/\\][0-9a-f]{64}\.jsonl$/);
    await ok(t, 'people.create', { name: 'Ana Lima' });
    expect((await ok(t, 'vault.witness', {})).status).toBe('sound');
    // Recorded at the latest when the vault closes (upkeep.test.ts: a few seconds after a change).
    await ok(t, 'vault.close', {});
    await ok(t, 'vault.open', { file });
    const reopened = await ok(t, 'vault.witness', {});
    expect(reopened).toMatchObject({ status: 'sound', entriesSince: 0 });
    expect(reopened.head.seq).toBe(created.head.seq + 1);
    await ok(t, 'vault.close', {});
    await fails(t, 'vault.witness', {}, 'no_vault');
  },
  'vault.acceptWitness': async (t) => {
    const { file } = await freshVault(t);
    const copy = `copy-${nextId()}.attest`;
    await ok(t, 'vault.saveCopy', { file: copy });
    await ok(t, 'people.create', { name: 'Ana Lima' });
    await ok(t, 'vault.close', {});
    // The copy holds a head seen here, one entry before the newest: behind, not tampering.
    await ok(t, 'vault.open', { file: copy });
    const behind = await ok(t, 'vault.witness', {});
    expect(behind).toMatchObject({ status: 'behind', entriesBehind: 1 });
    const verify = await finish(t, (await ok(t, 'vault.verify', {})).jobId);
    expect(verify.result).toMatchObject({ ok: true, witness: { status: 'behind' } });
    const accepted = await ok(t, 'vault.acceptWitness', {});
    expect(accepted).toMatchObject({ status: 'sound', latest: { event: 'accept' } });
    await ok(t, 'people.create', { name: 'Bo Chen' });
    await ok(t, 'vault.close', {});
    // The original went another way from the accepted head: a warning, never "rewritten".
    await ok(t, 'vault.open', { file });
    expect((await ok(t, 'vault.witness', {})).status).toBe('diverged');
    await ok(t, 'vault.close', {});
    await fails(t, 'vault.acceptWitness', {}, 'no_vault');
    await fails(t, 'vault.acceptWitness', { surprise: true }, 'validation');
  },
  'vault.backups': async (t) => {
    const { info } = await freshVault(t);
    const empty = await ok(t, 'vault.backups', {});
    expect(empty.items).toEqual([]);
    expect(empty.folder).toContain(info.fingerprint);
    await finish(t, (await ok(t, 'vault.backup', {})).jobId);
    await ok(t, 'people.create', { name: 'Ana Lima' });
    const { items } = await ok(t, 'vault.backups', {});
    expect(items).toEqual([
      expect.objectContaining({ reason: 'manual', current: false, source: info.path }),
    ]);
    await ok(t, 'vault.close', {});
    await fails(t, 'vault.backups', {}, 'no_vault');
  },
  'vault.backup': async (t) => {
    await freshVault(t);
    const job = await finish(t, (await ok(t, 'vault.backup', {})).jobId);
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({ reason: 'manual', current: true });
    expect((job.result as { id: string }).id).toMatch(/^\d{8}T\d{9}Z-manual$/);
    await ok(t, 'vault.close', {});
    await fails(t, 'vault.backup', {}, 'no_vault');
  },
  'vault.restoreBackup': async (t) => {
    const { info } = await freshVault(t);
    const backup = (await finish(t, (await ok(t, 'vault.backup', {})).jobId)).result as {
      id: string;
    };
    await ok(t, 'people.create', { name: 'Ana Lima' });
    await ok(t, 'people.create', { name: 'Bo Chen' });
    const job = await finish(t, (await ok(t, 'vault.restoreBackup', { id: backup.id })).jobId);
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({
      path: info.path,
      restored: { id: backup.id, current: true },
      keptAs: { reason: 'before-restore' },
      witnessBefore: { status: 'behind', entriesBehind: 2 },
      witness: { status: 'sound' },
    });
    // The vault is open again on the restored file: the two people are gone, and it is sound.
    expect((await ok(t, 'vault.info', {})).counts.people).toBe(0);
    const verify = await finish(t, (await ok(t, 'vault.verify', {})).jobId);
    expect(verify.result).toMatchObject({ ok: true, witness: { status: 'sound' } });
    // The vault as it was is listed, and can be restored in turn.
    const kept = (job.result as { keptAs: { id: string } }).keptAs;
    expect((await ok(t, 'vault.backups', {})).items.map((b) => b.id)).toContain(kept.id);

    // A backup id, never a path.
    await fails(t, 'vault.restoreBackup', { id: '../../elsewhere.attest' }, 'validation');
    const unknown = await finish(
      t,
      (await ok(t, 'vault.restoreBackup', { id: '20200101T000000000Z-open' })).jobId,
    );
    expect(unknown).toMatchObject({ state: 'failed', error: { code: 'not_found' } });
    await ok(t, 'vault.close', {});
    await fails(t, 'vault.restoreBackup', { id: backup.id }, 'no_vault');
  },
} satisfies Record<string, Case>;
