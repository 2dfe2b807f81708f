import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Input, MethodName } from '../../shared/api/index';
import { listBackups } from '../core/vault/backups';
import { vaultFingerprint } from '../core/vault/witness';
import type { Clock } from '../platform/clock';
import { silentLogger } from '../platform/logger';
import { tempDir } from '../testing/tmp';
import { CLI_CALLER } from './callers';
import { dispatch } from './dispatch';
import { createRuntime } from './runtime';
import { BACKUP_CHECK_MS, WITNESS_DELAY_MS, maybeBackUp } from './upkeep';

/** A clock the test moves by hand. */
function handClock(start = '2026-03-02T09:00:00.000Z') {
  let t = Date.parse(start);
  const clock: Clock = { now: () => new Date(t).toISOString() };
  return { clock, advance: (ms: number) => (t += ms) };
}

function setup(options: { automaticBackups?: boolean } = {}) {
  const home = tempDir();
  const time = handClock();
  const ctx = createRuntime({
    home,
    shared: join(home, 'shared'),
    app: 'upkeep test',
    logger: silentLogger,
    clock: time.clock,
    automaticBackups: options.automaticBackups ?? false,
  });
  const call = async <M extends MethodName>(method: M, input: Input<M>) => {
    const envelope = await dispatch(ctx, method, input, CLI_CALLER);
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
    return envelope.value as never;
  };
  const create = (file = 'v.attest') =>
    call('vault.create', { file: join(home, file), engagement: { name: 'Upkeep' } });
  const lines = () => ctx.witness.read(vaultFingerprint(ctx.vault!.db));
  return { home, ctx, call, create, lines, time };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the witness is kept up to date', () => {
  it('records the head a few seconds after the last change, never once per change', async () => {
    const { ctx, call, create, lines } = setup();
    await create();
    expect(lines().map((l) => l.event)).toEqual(['create']);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (const name of ['Ana', 'Bo', 'Cy']) {
      await call('people.create', { name });
      vi.advanceTimersByTime(WITNESS_DELAY_MS - 1);
    }
    expect(lines()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const after = lines();
    expect(after.map((l) => l.event)).toEqual(['create', 'change']);
    expect(after[1]!.seq).toBe(after[0]!.seq + 3);
    expect(after[1]!.file).toBe(ctx.vault!.path);
    await ctx.dispose();
  });

  it('records the last head at close, and nothing when the vault did not move', async () => {
    const { ctx, call, create, lines, home } = setup();
    await create();
    await call('people.create', { name: 'Ana' });
    const fingerprint = vaultFingerprint(ctx.vault!.db);
    await call('vault.close', {});
    expect(ctx.witness.read(fingerprint).map((l) => l.event)).toEqual(['create', 'close']);
    await call('vault.open', { file: join(home, 'v.attest') });
    expect(lines()).toHaveLength(2);
    await ctx.dispose();
    expect(ctx.witness.read(fingerprint)).toHaveLength(2);
  });
});

describe('automatic backups', () => {
  it('back a vault up when it is opened, unless the newest backup already holds that state', async () => {
    const { ctx, call, create, home } = setup({ automaticBackups: true });
    await create();
    // A new vault holds nothing worth a copy yet.
    expect(ctx.jobs.list().filter((j) => j.kind === 'vault.backup')).toEqual([]);
    await call('people.create', { name: 'Ana' });
    await call('vault.close', {});
    await call('vault.open', { file: join(home, 'v.attest') });
    const [job] = ctx.jobs.list().filter((j) => j.kind === 'vault.backup');
    expect((await ctx.jobs.wait(job!.id)).state).toBe('succeeded');
    const fingerprint = vaultFingerprint(ctx.vault!.db);
    expect(listBackups(ctx.backupsRoot, fingerprint).map((b) => b.reason)).toEqual(['open']);
    expect(ctx.backupsRoot).toBe(join(home, 'shared', 'backups'));

    await call('vault.close', {});
    await call('vault.open', { file: join(home, 'v.attest') });
    expect(ctx.jobs.list().filter((j) => j.kind === 'vault.backup')).toHaveLength(1);
    await ctx.dispose();
  });

  it('back up once a day while the vault stays open and changes, checking every hour', async () => {
    const { ctx, call, create, home, time } = setup({ automaticBackups: true });
    await create();
    await call('vault.close', {});
    await call('vault.open', { file: join(home, 'v.attest') });
    for (const j of ctx.jobs.list()) await ctx.jobs.wait(j.id);
    expect(ctx.state.backupTimer).not.toBeNull();
    await call('people.create', { name: 'Ana' });
    time.advance(23 * 3600_000);
    expect(maybeBackUp(ctx, 'daily')).toBeNull();
    time.advance(BACKUP_CHECK_MS);
    const started = maybeBackUp(ctx, 'daily');
    expect(started).not.toBeNull();
    await ctx.jobs.wait(started!.jobId);
    const fingerprint = vaultFingerprint(ctx.vault!.db);
    expect(listBackups(ctx.backupsRoot, fingerprint).map((b) => b.reason)).toEqual([
      'daily',
      'open',
    ]);
    // Nothing changed since: the next day brings no copy of the same state.
    time.advance(25 * 3600_000);
    expect(maybeBackUp(ctx, 'daily')).toBeNull();
    await call('vault.close', {});
    expect(ctx.state.backupTimer).toBeNull();
    await ctx.dispose();
  });

  it('are off unless asked for (the CLI opens vaults without them)', async () => {
    const { ctx, call, create, home } = setup();
    await create();
    await call('vault.close', {});
    await call('vault.open', { file: join(home, 'v.attest') });
    expect(ctx.jobs.list()).toEqual([]);
    expect(ctx.state.backupTimer).toBeNull();
    await ctx.dispose();
  });
});
