import { expect } from 'vitest';
import { type Case, type Harness, fails, freshVault, ok } from './harness';

/** The list's orders, search and paging over both transports. */
async function peopleListOrders(t: Harness) {
  await freshVault(t);
  await ok(t, 'people.create', { name: 'Ana Lima', team: 'Security' });
  await ok(t, 'people.create', { name: 'Bo Chen', team: 'Engineering' });
  await ok(t, 'people.create', { name: 'Cy Diaz' });
  const names = async (input: object) =>
    (await ok(t, 'people.list', input)).items.map((p) => p.name);
  // By name unless asked.
  expect(await names({})).toEqual(['Ana Lima', 'Bo Chen', 'Cy Diaz']);
  expect(await names({ sort: { key: 'name', dir: 'desc' } })).toEqual([
    'Cy Diaz',
    'Bo Chen',
    'Ana Lima',
  ]);
  // A team's order keeps the people without one last, whichever the direction.
  expect(await names({ sort: { key: 'team', dir: 'desc' } })).toEqual([
    'Ana Lima',
    'Bo Chen',
    'Cy Diaz',
  ]);
  expect(await names({ search: 'engin' })).toEqual(['Bo Chen']);
  const first = await ok(t, 'people.list', { sort: { key: 'team', dir: 'asc' }, limit: 2 });
  expect(first.items.map((p) => p.name)).toEqual(['Bo Chen', 'Ana Lima']);
  expect(first.total).toBe(3);
  const rest = await ok(t, 'people.list', {
    sort: { key: 'team', dir: 'asc' },
    limit: 2,
    cursor: first.nextCursor!,
  });
  expect(rest.items.map((p) => p.name)).toEqual(['Cy Diaz']);
  expect(rest.nextCursor).toBeNull();
  await fails(t, 'people.list', { sort: { key: 'archived', dir: 'asc' } }, 'validation');
}

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
    await peopleListOrders(t);
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
    // One email, one person: the same person entered twice is refused, whatever the case.
    const twice = await fails(
      t,
      'people.create',
      { name: 'Ana Lima', email: 'ANA@acme.test' },
      'validation',
    );
    expect(twice.message).toBe('Ana Lima already has the email ana@acme.test.');
    expect(twice.details).toEqual([
      { path: ['email'], message: 'Ana Lima already has this email' },
    ]);
    // An archived person keeps their email: restoring them is the way back.
    await ok(t, 'people.archive', { id: p.id, archived: true });
    const archived = await fails(
      t,
      'people.create',
      { name: 'Ana', email: 'ana@acme.test' },
      'validation',
    );
    expect(archived.message).toContain('(archived)');
    expect(archived.message).toContain('restore them');
    // Two people may share a name (the form warns), and many may have no email.
    await ok(t, 'people.create', { name: 'Ana Lima', email: 'ana.lima@other.test' });
    await ok(t, 'people.create', { name: 'No Email' });
    await ok(t, 'people.create', { name: 'No Email Either' });
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
    // Keeping one's own email is fine; taking someone else's is not.
    await ok(t, 'people.update', { id: p.id, patch: { email: 'Ana@acme.test' } });
    const bo = await ok(t, 'people.create', { name: 'Bo Chen', email: 'bo@acme.test' });
    await fails(t, 'people.update', { id: bo.id, patch: { email: 'ana@acme.test' } }, 'validation');
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
