import { expect } from 'vitest';
import { type Case, scopedVault, ok } from './harness';

export const auditCases = {
  'audit.list': async (t) => {
    await scopedVault(t);
    const all = await ok(t, 'audit.list', { limit: 5 });
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThan(5);
    // Newest first, and the next page carries on below the last entry shown.
    expect(all.items[0]!.seq).toBeGreaterThan(all.items[4]!.seq);
    const next = await ok(t, 'audit.list', { limit: 5, cursor: all.nextCursor! });
    expect(next.items[0]!.seq).toBe(all.items[4]!.seq - 1);

    // What changed since an entry: a person created and renamed, told in words.
    const since = all.items[0]!.seq;
    const ana = await ok(t, 'people.create', { name: 'Ana Lima' });
    await ok(t, 'people.update', { id: ana.id, patch: { role: 'CTO' } });
    const changed = await ok(t, 'audit.list', { afterSeq: since });
    expect(changed.total).toBe(2);
    expect(changed.items.map((e) => [e.action, e.kind, e.label])).toEqual([
      ['update', 'Person', 'Ana Lima'],
      ['create', 'Person', 'Ana Lima'],
    ]);
    expect(changed.items[0]!.details).toContain('CTO');

    // One record's history includes its links; one kind of record alone.
    const control = (await ok(t, 'controls.list', { limit: 1 })).items[0]!;
    const record = await ok(t, 'audit.list', { entityId: control.id, limit: 100 });
    expect(record.items.some((e) => e.entity === 'control_criterion')).toBe(true);
    expect(record.items.every((e) => e.entityId.split('|').includes(control.id))).toBe(true);
    // Who a change names is told by name, not by the id stored in the record.
    await ok(t, 'controls.update', { id: control.id, patch: { ownerId: ana.id } });
    const owned = (await ok(t, 'audit.list', { entityId: control.id, limit: 1 })).items[0]!;
    expect(owned.details).toContain('Ana Lima');
    expect(owned.details).not.toContain(ana.id);
    // A second owner: the entry tells the one before it, from the control's previous entry.
    const ben = await ok(t, 'people.create', { name: 'Ben Ortiz' });
    await ok(t, 'controls.update', { id: control.id, patch: { ownerId: ben.id } });
    const reowned = (await ok(t, 'audit.list', { entityId: control.id, limit: 1 })).items[0]!;
    expect(reowned.changes).toEqual([{ field: 'owner', before: 'Ana Lima', after: 'Ben Ortiz' }]);
    expect(reowned.details).toBe('owner: Ana Lima → Ben Ortiz');
    // A creation has values only: nothing came before it.
    expect(changed.items[1]!.changes.every((c) => c.before === undefined)).toBe(true);
    const people = await ok(t, 'audit.list', { entity: 'person' });
    expect(people.items.every((e) => e.entity === 'person')).toBe(true);
  },
} satisfies Record<string, Case>;
