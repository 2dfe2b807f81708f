import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../core/vault/backups';
import { createPerson } from '../core/people/people';
import { closeVault, openVault } from '../core/vault/session';
import { recordHead } from '../core/vault/witness';
import { WitnessStore } from '../platform/witness-store';
import { rewriteChainLikeTheProbe } from '../testing/rewrite-chain';
import { captureIo, tempDir } from '../testing/tmp';
import { run } from './main';

async function attest(dir: string, ...argv: string[]) {
  return attestIn(dir, {}, ...argv);
}

async function attestIn(dir: string, env: NodeJS.ProcessEnv, ...argv: string[]) {
  const c = captureIo(dir, env);
  const code = await run(argv, c.io);
  return { code, out: c.out, err: c.err };
}

/** What the app does with a vault in this ATTEST_HOME: open it, work, back up, close. */
async function workInTheApp(dir: string, file: string, people: number, backup = false) {
  const home = join(dir, 'home');
  const witness = new WitnessStore(join(home, 'witness'));
  const vault = await openVault(join(dir, file));
  const record = (event: 'open' | 'close') =>
    recordHead(witness, vault.db, { event, file: vault.path, now: vault.now() });
  record('open');
  const made = backup
    ? await createBackup(vault, join(home, 'backups'), { reason: 'open', witness })
    : null;
  for (let i = 0; i < people; i++) createPerson(vault, { name: `Person ${i}` });
  record('close');
  closeVault(vault);
  return made;
}

describe('attest verify and the witness', () => {
  it('says what the chain proves, compares it with the witness, and accepts a baseline on request', async () => {
    const dir = tempDir();
    // Made with another ATTEST_HOME (as on another computer): the witness there saw it made.
    const elsewhere = { ATTEST_HOME: join(dir, 'elsewhere') };
    expect((await attestIn(dir, elsewhere, 'init', 'a.attest', '--name', 'Acme')).code).toBe(0);
    const there = await attestIn(dir, elsewhere, 'verify', 'a.attest');
    expect(there.out).toContain('✓ The audit chain continues what this computer last recorded');

    const fresh = await attest(dir, 'verify', 'a.attest');
    expect(fresh.code).toBe(0);
    expect(fresh.out).toContain('! Not witnessed on this computer before');
    expect(fresh.out).toContain(
      'The audit chain shows any change made outside Attest unless someone recomputed the whole chain (it has no secret)',
    );
    expect(fresh.out).toContain('attest verify --accept-witness a.attest');

    const accept = await attest(dir, 'verify', 'a.attest', '--accept-witness');
    expect(accept.code).toBe(0);
    expect(accept.out).toMatch(/Accepted: entry \d+ is now the baseline/);
    const again = await attest(dir, 'verify', 'a.attest');
    expect(again.out).toContain('✓ The audit chain continues what this computer last recorded');
    expect(again.out).not.toContain('--accept-witness');

    rewriteChainLikeTheProbe(join(dir, 'a.attest'));
    const caught = await attest(dir, 'verify', 'a.attest');
    expect(caught.code).toBe(1);
    expect(caught.out).toContain('1 problem found');
    expect(caught.out).toMatch(/✗ The audit chain no longer extends entry \d+ recorded on/);
    const json = JSON.parse((await attest(dir, 'verify', 'a.attest', '--json')).out);
    expect(json).toMatchObject({ ok: false, witness: { status: 'rewritten' } });
    expect(json.problems.map((p: { kind: string }) => p.kind)).toEqual(['chain_rewritten']);

    // Accepting a rewritten history is the user's explicit decision.
    expect((await attest(dir, 'verify', 'a.attest', '--accept-witness')).code).toBe(0);
    expect((await attest(dir, 'verify', 'a.attest')).code).toBe(0);
  });

  it('a vault copied to another ATTEST_HOME is not witnessed there: not a problem', async () => {
    const dir = tempDir();
    await attest(dir, 'init', 'a.attest', '--name', 'Acme');
    await workInTheApp(dir, 'a.attest', 2);
    const other = await attestIn(dir, { ATTEST_HOME: join(dir, 'other') }, 'verify', 'a.attest');
    expect(other.code).toBe(0);
    expect(other.out).toContain('Sound');
    expect(other.out).toContain('Not witnessed on this computer before');
  });
});

describe('attest backups', () => {
  it('lists the backups and restores one, keeping the vault as it was', async () => {
    const dir = tempDir();
    await attest(dir, 'init', 'a.attest', '--name', 'Acme');
    const backup = (await workInTheApp(dir, 'a.attest', 3, true))!;

    const listed = await attest(dir, 'backups', 'a.attest');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('Backups of');
    expect(listed.out).toMatch(
      new RegExp(`${backup.id}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\s+when opened`),
    );
    const json = JSON.parse((await attest(dir, 'backups', 'a.attest', '--json')).out);
    expect(json.items).toEqual([expect.objectContaining({ id: backup.id, current: false })]);

    const restored = await attest(dir, 'backups', 'a.attest', '--restore', backup.id);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain(`Restored ${join(dir, 'a.attest')} from backup ${backup.id}`);
    expect(restored.out).toMatch(
      /Witness: This vault is 3 entries behind what this computer last saw/,
    );
    expect(restored.out).toMatch(/kept as backup \d{8}T\d{9}Z-before-restore/);

    const verify = await attest(dir, 'verify', 'a.attest');
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('✓ The audit chain continues');
    const after = JSON.parse((await attest(dir, 'backups', 'a.attest', '--json')).out);
    expect(after.items.map((b: { reason: string }) => b.reason)).toEqual([
      'before-restore',
      'open',
    ]);
    expect(after.items[1]).toMatchObject({ id: backup.id, current: true });
  });

  it('a backup put back by hand is behind, not tampering, until accepted', async () => {
    const dir = tempDir();
    await attest(dir, 'init', 'a.attest', '--name', 'Acme');
    const backup = (await workInTheApp(dir, 'a.attest', 2, true))!;
    copyFileSync(backup.path, join(dir, 'a.attest'));
    const r = await attest(dir, 'verify', 'a.attest');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sound');
    expect(r.out).toMatch(/! This vault is 2 entries behind what this computer last saw on/);
    expect(r.out).toContain('attest verify --accept-witness a.attest');
  });

  it('refuses a restore id that is not a backup id, before opening anything', async () => {
    const dir = tempDir();
    await attest(dir, 'init', 'a.attest', '--name', 'Acme');
    const r = await attest(dir, 'backups', 'a.attest', '--restore', '../../a.attest');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--restore takes a backup id');
    const none = await attest(dir, 'backups', 'a.attest');
    expect(none.out).toMatch(/^No backups of .*a\.attest yet/);
  });
});
