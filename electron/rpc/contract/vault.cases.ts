import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type Case, fails, finish, freshVault, scopedVault, nextId, ok } from './harness';

export const vaultCases = {
  'app.info': async (t) => {
    const info = await ok(t, 'app.info', {});
    expect(info.home).toBe(t.home);
    // The renderer's "today" (risk assessment age, "none as of" dates) comes from here.
    expect(info.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await fails(t, 'app.info', { surprise: 1 }, 'validation');
  },
  'vault.create': async (t) => {
    const { info } = await freshVault(t);
    expect(info.engagement.categories).toEqual(['security']);
    expect(info.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const error = await fails(
      t,
      'vault.create',
      {
        file: 'bad.attest',
        engagement: {
          name: 'X',
          reportType: 'type2',
          period: { start: '2026-06-30', end: '2026-01-01' },
        },
      },
      'validation',
    );
    expect(error.details).toEqual([
      { path: ['engagement', 'period', 'end'], message: 'The period must end after it starts' },
    ]);
    await fails(
      t,
      'vault.create',
      { file: '../escape.attest', engagement: { name: 'X' } },
      'validation',
    );
    // Scripted creation confirms the scope before the file takes its name.
    const scoped = await ok(t, 'vault.create', {
      file: `scoped-${nextId()}.attest`,
      engagement: { name: 'Scoped', reportType: 'type1', asOf: '2026-03-31' },
      confirmScope: true,
    });
    expect(scoped.scope.criteria).toHaveLength(33);
    expect(scoped.engagement.scopeConfirmedAt).not.toBeNull();
    expect((await ok(t, 'vault.info', {})).path).toBe(scoped.path);
  },
  'vault.createDemo': async (t) => {
    const file = `demo-${nextId()}.attest`;
    const job = await finish(t, (await ok(t, 'vault.createDemo', { file })).jobId);
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({
      path: join(t.home, file),
      engagement: { name: expect.stringMatching(/^Demo — /) },
      counts: { people: 8 },
    });
    // It is the open vault now.
    expect((await ok(t, 'vault.info', {})).path).toBe(join(t.home, file));
    // A taken name is refused before any work; so is a scale that does not exist.
    const taken = await fails(t, 'vault.createDemo', { file }, 'conflict');
    expect(taken.message).toContain('already exists');
    await fails(t, 'vault.createDemo', { file: 'x.attest', scale: 'huge' }, 'validation');
    // Cancelled at once: nothing takes the name, no half-built file stays, the open vault stays.
    const cancelled = `cancelled-${nextId()}.attest`;
    const started = await ok(t, 'vault.createDemo', { file: cancelled });
    await ok(t, 'jobs.cancel', { jobId: started.jobId });
    expect((await finish(t, started.jobId)).state).toBe('cancelled');
    expect(existsSync(join(t.home, cancelled))).toBe(false);
    expect(readdirSync(t.home).filter((n) => n.includes('.building-'))).toEqual([]);
    expect((await ok(t, 'vault.info', {})).path).toBe(join(t.home, file));
  },
  'vault.open': async (t) => {
    const { file, info } = await freshVault(t);
    await ok(t, 'vault.close', {});
    const reopened = await ok(t, 'vault.open', { file });
    expect(reopened.fingerprint).toBe(info.fingerprint);
    writeFileSync(join(t.home, 'junk.attest'), 'not a vault at all');
    const error = await fails(t, 'vault.open', { file: 'junk.attest' }, 'not_a_vault');
    expect(error.message).toContain('not an Attest vault');
    await fails(t, 'vault.open', { file: 'missing.attest' }, 'not_found');
    // The failed opens left the open vault alone.
    expect((await ok(t, 'vault.info', {})).path).toBe(info.path);
  },
  'vault.close': async (t) => {
    await freshVault(t);
    expect(await ok(t, 'vault.close', {})).toEqual({ closed: true });
    expect(await ok(t, 'vault.close', {})).toEqual({ closed: false });
    await fails(t, 'vault.info', {}, 'no_vault');
  },
  'vault.info': async (t) => {
    const { info } = await freshVault(t, 'type1');
    const again = await ok(t, 'vault.info', {});
    expect(again).toEqual(info);
    expect(again.engagement.asOf).toBe('2026-03-31');
  },
  'vault.verify': async (t) => {
    await freshVault(t);
    const { jobId } = await ok(t, 'vault.verify', {});
    const job = await finish(t, jobId);
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({ ok: true, problems: [] });
  },
  'vault.verifyFile': async (t) => {
    const { file, info } = await freshVault(t);
    // The open vault is verified with vault.verify; this one reads a file nobody holds.
    const held = await finish(t, (await ok(t, 'vault.verifyFile', { file })).jobId);
    expect(held).toMatchObject({ state: 'failed', error: { code: 'vault_locked' } });
    await ok(t, 'vault.close', {});
    const job = await finish(t, (await ok(t, 'vault.verifyFile', { file })).jobId);
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({ report: { ok: true, problems: [] }, checkedCopy: null });
    const missing = await finish(
      t,
      (await ok(t, 'vault.verifyFile', { file: 'missing.attest' })).jobId,
    );
    expect(missing.error?.code).toBe('not_found');
    const folder = `folder-${nextId()}.attest`;
    mkdirSync(join(t.home, folder));
    const notAFile = await finish(t, (await ok(t, 'vault.verifyFile', { file: folder })).jobId);
    expect(notAFile.error?.message).toContain('is a folder');
    // Where a vault may be named follows vault.open's rules: over HTTP, inside ATTEST_HOME only.
    if (t.transport === 'http') {
      await fails(t, 'vault.verifyFile', { file: info.path.replace(t.home, '/tmp') }, 'validation');
    }
    await fails(t, 'vault.verifyFile', { file: '../x.attest' }, 'validation');
  },
  'vault.storage': async (t) => {
    const { info } = await freshVault(t);
    const storage = await ok(t, 'vault.storage', {});
    expect(storage).toMatchObject({ path: info.path, autoVacuum: 'incremental' });
    expect(storage.fileBytes).toBeGreaterThan(0);
    expect(storage.compactNeedsBytes).toBeGreaterThan(storage.fileBytes);
    expect(storage.diskFreeBytes).toBeGreaterThan(0);
    await ok(t, 'vault.close', {});
    await fails(t, 'vault.storage', {}, 'no_vault');
  },
  'vault.compact': async (t) => {
    const { info } = await freshVault(t);
    const { jobId } = await ok(t, 'vault.compact', {});
    const job = await finish(t, jobId);
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({ path: info.path });
    // The vault is open again on the compacted file and verifies sound.
    expect((await ok(t, 'vault.info', {})).fingerprint).toBe(info.fingerprint);
    const verify = await finish(t, (await ok(t, 'vault.verify', {})).jobId);
    expect(verify.result).toMatchObject({ ok: true });
    await ok(t, 'vault.close', {});
    await fails(t, 'vault.compact', {}, 'no_vault');
  },
  'vault.saveCopy': async (t) => {
    await freshVault(t);
    const file = `copy-${nextId()}.attest`;
    const { path } = await ok(t, 'vault.saveCopy', { file });
    expect(path).toBe(join(t.home, file));
    await fails(t, 'vault.saveCopy', { file }, 'conflict');
  },
  'vault.rollForward': async (t) => {
    await scopedVault(t);
    const info = await ok(t, 'vault.info', {});
    expect(info.scope.controls.length).toBeGreaterThan(0);
    const file = `next-${nextId()}.attest`;
    const job = await finish(t, (await ok(t, 'vault.rollForward', { file })).jobId);
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({
      path: join(t.home, file),
      engagement: {
        name: info.engagement.name,
        period: { start: '2026-07-01', end: '2026-12-31' },
      },
      previous: {
        fingerprint: info.fingerprint,
        period: { start: '2026-01-01', end: '2026-06-30' },
      },
      carried: expect.arrayContaining([{ entity: 'control', count: info.scope.controls.length }]),
    });
    // The open vault stays open; the new one is a file to open.
    expect((await ok(t, 'vault.info', {})).path).toBe(info.path);
    const named = await finish(
      t,
      (
        await ok(t, 'vault.rollForward', {
          file: `named-${nextId()}.attest`,
          name: 'Case FY27',
          period: { start: '2026-07-01', end: '2027-06-30' },
        })
      ).jobId,
    );
    expect(named.result).toMatchObject({
      engagement: { name: 'Case FY27', reportType: 'type2', period: { end: '2027-06-30' } },
    });
    const opened = await ok(t, 'vault.open', { file });
    expect(opened.engagement.period).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(opened.scope.controls).toHaveLength(info.scope.controls.length);
    expect(opened.fingerprint).not.toBe(info.fingerprint);
    // A taken name, dates that cannot be, and the open vault's own name are refused at once.
    await fails(t, 'vault.rollForward', { file }, 'conflict');
    await fails(
      t,
      'vault.rollForward',
      { file: 'x.attest', asOf: '2027-01-01', period: { start: '2027-01-01', end: '2027-12-31' } },
      'validation',
    );
    await fails(
      t,
      'vault.rollForward',
      { file: 'x.attest', period: { start: '2027-01-01', end: '2026-12-31' } },
      'validation',
    );
    // Cancelled at once: nothing takes the name and no half-built file stays.
    const cancelled = `cancelled-next-${nextId()}.attest`;
    const started = await ok(t, 'vault.rollForward', { file: cancelled });
    await ok(t, 'jobs.cancel', { jobId: started.jobId });
    expect((await finish(t, started.jobId)).state).toBe('cancelled');
    expect(existsSync(join(t.home, cancelled))).toBe(false);
    expect(readdirSync(t.home).filter((n) => n.includes('.building-'))).toEqual([]);
    await ok(t, 'vault.close', {});
    await fails(t, 'vault.rollForward', { file: 'x.attest' }, 'no_vault');
  },
  'vault.recent': async (t) => {
    const { info } = await freshVault(t);
    const { items } = await ok(t, 'vault.recent', {});
    expect(items[0]).toMatchObject({ path: info.path, name: info.engagement.name });
  },
  'vault.forgetRecent': async (t) => {
    const { info } = await freshVault(t);
    const { items } = await ok(t, 'vault.forgetRecent', { path: info.path });
    expect(items.map((i) => i.path)).not.toContain(info.path);
  },
  'vault.available': async (t) => {
    const { file } = await freshVault(t);
    const { home, items } = await ok(t, 'vault.available', {});
    expect(home).toBe(t.home);
    expect(items.map((i) => i.fileName)).toContain(file);
  },
} satisfies Record<string, Case>;
