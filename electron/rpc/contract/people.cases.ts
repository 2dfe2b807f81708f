import { expect } from 'vitest';
import { type Case, fails, freshVault, ok } from './harness';

export const peopleCases = {
  'people.list': async (t) => {
    await freshVault(t);
    expect(await ok(t, 'people.list', {})).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
      currentPersonId: null,
    });
    const ana = await ok(t, 'people.create', {
      name: 'Ana Lima',
      email: 'ana@acme.test',
      role: 'CTO',
    });
    const bo = await ok(t, 'people.create', { name: 'Bo Chen' });
    await ok(t, 'people.archive', { id: bo.id, archived: true });
    expect((await ok(t, 'people.list', {})).items.map((p) => p.id)).toEqual([ana.id]);
    expect(
      (await ok(t, 'people.list', { includeArchived: true })).items.map((p) => p.name),
    ).toEqual(['Ana Lima', 'Bo Chen']);
  },
  'people.create': async (t) => {
    await freshVault(t);
    const p = await ok(t, 'people.create', {
      name: '  Ana Lima ',
      email: 'ana@acme.test',
      team: 'Engineering',
    });
    expect(p).toMatchObject({
      name: 'Ana Lima',
      email: 'ana@acme.test',
      role: '',
      team: 'Engineering',
      archived: false,
    });
    const error = await fails(
      t,
      'people.create',
      { name: 'X', email: 'not-an-email' },
      'validation',
    );
    expect(error.details).toEqual([
      { path: ['email'], message: expect.stringContaining('email address') },
    ]);
    await fails(t, 'people.create', { name: '' }, 'validation');
  },
  'people.update': async (t) => {
    await freshVault(t);
    const p = await ok(t, 'people.create', {
      name: 'Ana Lima',
      email: 'ana@acme.test',
      team: 'Security',
    });
    const updated = await ok(t, 'people.update', { id: p.id, patch: { role: 'Security Lead' } });
    // Fields left out of the patch are left alone.
    expect(updated).toMatchObject({
      name: 'Ana Lima',
      role: 'Security Lead',
      email: 'ana@acme.test',
      team: 'Security',
    });
    await fails(t, 'people.update', { id: 'per_missing', patch: { role: 'x' } }, 'not_found');
    await fails(t, 'people.update', { id: p.id, patch: { salary: 1 } }, 'validation');
  },
  'people.archive': async (t) => {
    await freshVault(t);
    const p = await ok(t, 'people.create', { name: 'Ana Lima' });
    expect((await ok(t, 'people.archive', { id: p.id, archived: true })).archived).toBe(true);
    expect((await ok(t, 'people.archive', { id: p.id, archived: false })).archived).toBe(false);
    await ok(t, 'people.setCurrent', { id: p.id });
    await fails(t, 'people.archive', { id: p.id, archived: true }, 'conflict');
  },
  'people.setCurrent': async (t) => {
    await freshVault(t);
    const p = await ok(t, 'people.create', { name: 'Ana Lima' });
    expect(await ok(t, 'people.setCurrent', { id: p.id })).toEqual({
      currentPersonId: p.id,
      actor: 'Ana Lima',
    });
    expect((await ok(t, 'vault.info', {})).currentUser).toEqual({
      personId: p.id,
      name: 'Ana Lima',
    });
    const back = await ok(t, 'people.setCurrent', { id: null });
    expect(back.currentPersonId).toBeNull();
    await fails(t, 'people.setCurrent', { id: 'per_nobody' }, 'not_found');
    // Every change above is in the audit log, and the vault still verifies.
    const { jobId } = await ok(t, 'vault.verify', {});
    for (let i = 0; i < 200; i++) {
      const job = await ok(t, 'jobs.get', { jobId });
      if (job.state === 'succeeded') {
        expect(job.result).toMatchObject({ ok: true });
        return;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('verify did not finish');
  },
} satisfies Record<string, Case>;
