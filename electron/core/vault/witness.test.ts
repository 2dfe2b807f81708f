import { appendFileSync, copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WitnessEvent } from '../../../shared/api/witness';
import { WitnessStore } from '../../platform/witness-store';
import { rewriteChainLikeTheProbe } from '../../testing/rewrite-chain';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { createPerson } from '../people/people';
import { applyScope } from '../scope/apply-scope';
import { saveCopy } from './compact';
import { type Vault, closeVault, openVault } from './session';
import { verifyVaultFile } from './verify-file';
import { consultWitness, recordHead, vaultFingerprint } from './witness';

let people = 0;
function edit(vault: Vault, times = 1): void {
  for (let i = 0; i < times; i++) createPerson(vault, { name: `Person ${++people}` });
}

/** A scoped vault (it has controls) whose creation was recorded, as the app does. */
async function witnessedVault() {
  const dir = tempDir();
  const store = new WitnessStore(join(dir, 'home', 'witness'));
  const vault = await newTestVault(dir);
  applyScope(vault);
  const record = (v: Vault, event: WitnessEvent) =>
    recordHead(store, v.db, { event, file: v.path, now: v.now() });
  record(vault, 'create');
  return { dir, store, vault, record };
}

async function verdictOf(path: string, store: WitnessStore) {
  const { report } = await verifyVaultFile(path, { witness: store });
  return report;
}

describe('the witness of the audit chain', () => {
  it('ordinary use — edit, close, reopen, verify — is sound, and heads are recorded as they move', async () => {
    const { store, vault, record } = await witnessedVault();
    const fingerprint = vaultFingerprint(vault.db);
    expect(store.read(fingerprint)).toHaveLength(1);
    edit(vault, 3);
    expect(consultWitness(store, vault.db)).toMatchObject({ status: 'sound', entriesSince: 3 });
    expect(record(vault, 'change').recorded).toBe(true);
    // Nothing moved: nothing written.
    expect(record(vault, 'close').recorded).toBe(false);
    closeVault(vault);

    const again = await openVault(vault.path);
    expect(record(again, 'open')).toMatchObject({
      recorded: false,
      witness: { status: 'sound', entriesSince: 0 },
    });
    edit(again);
    record(again, 'close');
    closeVault(again);
    const report = await verdictOf(vault.path, store);
    expect(report.ok).toBe(true);
    expect(report.witness).toMatchObject({ status: 'sound', entriesSince: 0 });
    expect(report.witness!.message).toMatch(/continues what this computer last recorded/);
    const lines = store.read(fingerprint);
    expect(lines.map((l) => l.event)).toEqual(['create', 'change', 'close']);
    // Each head names the one it grew from.
    expect(lines[1]!.base).toEqual({ seq: lines[0]!.seq, hash: lines[0]!.hash });
  });

  it('catches the probe: a control rewritten and every hash recomputed is sound to the chain alone, rewritten to the witness', async () => {
    const { store, vault, record } = await witnessedVault();
    edit(vault, 2);
    record(vault, 'close');
    closeVault(vault);

    const { chainHashesChanged } = rewriteChainLikeTheProbe(vault.path);
    expect(chainHashesChanged).toBeGreaterThan(50);

    // The honest limit: without a secret, the chain checks out by itself.
    const alone = (await verifyVaultFile(vault.path)).report;
    expect(alone.ok).toBe(true);
    expect(alone.witness).toBeUndefined();

    const report = await verdictOf(vault.path, store);
    expect(report.ok).toBe(false);
    expect(report.witness?.status).toBe('rewritten');
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'chain_rewritten',
        message: expect.stringMatching(/no longer extends entry \d+ recorded on 2026-01-15/),
      }),
    ]);
  });

  it('does not launder a rewritten chain when the vault is opened in Attest', async () => {
    const { store, vault, record } = await witnessedVault();
    closeVault(vault);
    rewriteChainLikeTheProbe(vault.path);
    const opened = await openVault(vault.path);
    expect(record(opened, 'open')).toMatchObject({
      recorded: false,
      witness: { status: 'rewritten' },
    });
    edit(opened);
    expect(record(opened, 'change').recorded).toBe(false);
    closeVault(opened);
    expect((await verdictOf(vault.path, store)).witness?.status).toBe('rewritten');
  });

  it('says a restored backup is behind, by how many entries and since when, and records nothing for it', async () => {
    const { dir, store, vault, record } = await witnessedVault();
    closeVault(vault);
    const backup = join(dir, 'backup.attest');
    copyFileSync(vault.path, backup);

    const later = await openVault(vault.path);
    edit(later, 4);
    record(later, 'close');
    closeVault(later);

    copyFileSync(backup, vault.path); // restored by hand
    const report = await verdictOf(vault.path, store);
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.witness).toMatchObject({ status: 'behind', entriesBehind: 4 });
    expect(report.witness!.message).toMatch(
      /^This vault is 4 entries behind what this computer last saw on \d{4}-\d\d-\d\d \d\d:\d\d UTC \(entry \d+\): a restored backup/,
    );

    const reopened = await openVault(vault.path);
    expect(record(reopened, 'open').recorded).toBe(false);
    closeVault(reopened);
  });

  it('after "Save a copy" and edits to both, the one edited last here is sound and the other diverged (a warning)', async () => {
    const { dir, store, vault, record } = await witnessedVault();
    const copyPath = join(dir, 'copy.attest');
    await saveCopy(vault, copyPath);
    edit(vault, 2);
    record(vault, 'close');
    closeVault(vault);

    const copy = await openVault(copyPath);
    // The copy holds a head this computer saw, two entries before the newest.
    expect(record(copy, 'open')).toMatchObject({
      recorded: false,
      witness: { status: 'behind', entriesBehind: 2 },
    });
    edit(copy, 3);
    expect(record(copy, 'change').recorded).toBe(false);
    closeVault(copy);

    const original = await verdictOf(vault.path, store);
    expect(original).toMatchObject({ ok: true, witness: { status: 'sound' } });
    const copied = await verdictOf(copyPath, store);
    expect(copied.ok).toBe(true);
    expect(copied.problems).toEqual([]);
    expect(copied.witness?.status).toBe('diverged');
    expect(copied.witness!.message).toMatch(/went its own way/);
  });

  it('a copy that moves on first becomes the newest head; the original is then behind, and diverges once edited', async () => {
    const { dir, store, vault, record } = await witnessedVault();
    const copyPath = join(dir, 'copy.attest');
    await saveCopy(vault, copyPath);
    closeVault(vault);

    const copy = await openVault(copyPath);
    edit(copy, 2);
    expect(record(copy, 'close').recorded).toBe(true);
    closeVault(copy);

    expect((await verdictOf(vault.path, store)).witness).toMatchObject({
      status: 'behind',
      entriesBehind: 2,
    });
    const original = await openVault(vault.path);
    edit(original);
    closeVault(original);
    expect((await verdictOf(vault.path, store)).witness?.status).toBe('diverged');
    expect((await verdictOf(copyPath, store)).witness?.status).toBe('sound');
  });

  it('a vault copied to another ATTEST_HOME is not witnessed there, and that is not a problem', async () => {
    const { dir, vault, record } = await witnessedVault();
    record(vault, 'close');
    closeVault(vault);
    const elsewhere = new WitnessStore(join(dir, 'other-home', 'witness'));
    const report = await verdictOf(vault.path, elsewhere);
    expect(report.ok).toBe(true);
    expect(report.witness).toMatchObject({ status: 'unwitnessed', latest: null });
    expect(report.witness!.message).toMatch(/^Not witnessed on this computer before/);
  });

  it('--accept-witness makes a behind vault the baseline; the newer file then no longer is', async () => {
    const { dir, store, vault, record } = await witnessedVault();
    closeVault(vault);
    const newer = join(dir, 'newer.attest');
    copyFileSync(vault.path, newer);
    const grown = await openVault(newer);
    edit(grown, 2);
    record(grown, 'close');
    closeVault(grown);

    const { report, accepted } = await verifyVaultFile(vault.path, {
      witness: store,
      acceptWitness: true,
    });
    expect(report.witness?.status).toBe('behind');
    expect(accepted).toMatchObject({ status: 'sound', entriesSince: 0 });
    expect((await verdictOf(vault.path, store)).witness?.status).toBe('sound');
    // The newer file grew from the accepted head: it is simply ahead, so sound too.
    expect((await verdictOf(newer, store)).witness).toMatchObject({
      status: 'sound',
      entriesSince: 2,
    });
  });

  it('refuses to accept a chain with other problems', async () => {
    const { store, vault } = await witnessedVault();
    closeVault(vault);
    rewriteChainLikeTheProbe(vault.path);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(vault.path);
    raw.prepare(`UPDATE engagement SET client = 'Someone Else'`).run();
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const { accepted, notAccepted } = await verifyVaultFile(vault.path, {
      witness: store,
      acceptWitness: true,
    });
    expect(accepted).toBeNull();
    expect(notAccepted).toMatch(/a problem besides its history/);
    expect((await verdictOf(vault.path, store)).witness?.status).toBe('rewritten');
  });

  it('skips a line cut short by a crash without losing the line written after it', async () => {
    const { store, vault, record } = await witnessedVault();
    const fingerprint = vaultFingerprint(vault.db);
    appendFileSync(store.fileFor(fingerprint), '{"at":"2026-01-15T09:00:00.000Z","seq":4');
    edit(vault);
    expect(record(vault, 'change').recorded).toBe(true);
    expect(store.read(fingerprint).map((l) => l.event)).toEqual(['create', 'change']);
    expect(readFileSync(store.fileFor(fingerprint), 'utf8').split('\n')).toHaveLength(4);
    closeVault(vault);
  });
});
