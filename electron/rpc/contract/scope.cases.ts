import { expect } from 'vitest';
import { FREQUENCIES } from '../../../shared/domain/catalog';
import { type Case, type Harness, fails, freshVault, ok, preparedVault } from './harness';

async function confirmAvailability(t: Harness) {
  await ok(t, 'scope.update', { categories: ['availability'] });
  return ok(t, 'scope.confirm', {});
}

/** A Type II vault with Security + Availability confirmed; answers the confirmation's change. */
async function scopedVault(t: Harness) {
  return (await preparedVault(t, 'security+availability', confirmAvailability)).prepared;
}

async function controlByRef(t: Harness, ref: string) {
  const page = await ok(t, 'controls.list', { search: ref, includeArchived: true, limit: 1000 });
  const control = page.items.find((c) => c.ref === ref);
  if (!control) throw new Error(`no control ${ref}`);
  return control;
}

export const scopeCases = {
  'scope.update': async (t) => {
    await freshVault(t);
    const e = await ok(t, 'scope.update', {
      client: 'Acme Ltd',
      services: 'Hosted analytics',
      auditorFirm: 'Example & Co',
      contacts: [{ name: 'Ana', role: 'CTO', email: 'ana@acme.test' }],
      categories: ['confidentiality'],
      scopeStep: 2,
    });
    expect(e).toMatchObject({
      client: 'Acme Ltd',
      categories: ['security', 'confidentiality'],
      scopeStep: 2,
    });
    // Switching to Type I clears the period; a later period end before its start is refused.
    const t1 = await ok(t, 'scope.update', { reportType: 'type1', asOf: '2026-03-31' });
    expect(t1).toMatchObject({ reportType: 'type1', asOf: '2026-03-31', period: null });
    const error = await fails(
      t,
      'scope.update',
      { reportType: 'type2', period: { start: '2026-06-01', end: '2026-01-01' } },
      'validation',
    );
    expect(error.details).toEqual([
      { path: ['period', 'end'], message: 'The period must end after it starts' },
    ]);
    await fails(t, 'scope.update', { categories: ['finance'] }, 'validation');
    // Nothing of the refused update was saved.
    expect((await ok(t, 'vault.info', {})).engagement.reportType).toBe('type1');
  },
  'scope.confirm': async (t) => {
    await freshVault(t);
    const first = await confirmAvailability(t);
    expect(first.criteriaInScope).toBe(36); // 33 common criteria + A1.1–A1.3
    expect(first.added.length).toBe(first.controlsInScope);
    expect(first.added).toEqual(expect.arrayContaining(['AC-01']));
    // Edit a control, drop Availability, add it back: the edit survives, controls come back.
    const availabilityOnly = (
      await ok(t, 'controls.list', { criterionId: 'A1.2', limit: 1000 })
    ).items.find((c) => c.criteria.every((id) => id.startsWith('A1')))!;
    await ok(t, 'controls.update', {
      id: availabilityOnly.id,
      patch: { title: 'Our own wording' },
    });
    await ok(t, 'scope.update', { categories: [] });
    const narrowed = await ok(t, 'scope.confirm', {});
    expect(narrowed.archived).toContain(availabilityOnly.ref);
    expect(narrowed.added).toEqual([]);
    expect((await controlByRef(t, availabilityOnly.ref)).archivedReason).toBe('descoped');
    await ok(t, 'scope.update', { categories: ['availability'] });
    const widened = await ok(t, 'scope.confirm', {});
    expect(widened.restored).toContain(availabilityOnly.ref);
    expect(widened.added).toEqual([]);
    expect(await controlByRef(t, availabilityOnly.ref)).toMatchObject({
      title: 'Our own wording',
      archived: false,
    });
  },
  'criteria.list': async (t) => {
    await freshVault(t);
    expect((await ok(t, 'criteria.list', {})).items).toEqual([]);
    await scopedVault(t);
    const inScope = (await ok(t, 'criteria.list', {})).items;
    expect(inScope.map((c) => c.id)).toContain('A1.3');
    expect(inScope.every((c) => c.controlIds.length > 0)).toBe(true);
    const all = (await ok(t, 'criteria.list', { inScopeOnly: false })).items;
    expect(all).toHaveLength(61);
    expect(all.find((c) => c.id === 'P1.1')?.inScope).toBe(false);
  },
  'criteria.setNotRelevant': async (t) => {
    await scopedVault(t);
    const c = await ok(t, 'criteria.setNotRelevant', {
      id: 'CC6.4',
      reason: 'No physical premises; all hosting is carved out',
    });
    expect(c.notRelevantReason).toContain('No physical premises');
    expect(
      (await ok(t, 'criteria.setNotRelevant', { id: 'CC6.4', reason: null })).notRelevantReason,
    ).toBeNull();
    await fails(t, 'criteria.setNotRelevant', { id: 'CC6.4', reason: '   ' }, 'validation');
    await fails(t, 'criteria.setNotRelevant', { id: 'P1.1', reason: 'x' }, 'conflict');
    await fails(t, 'criteria.setNotRelevant', { id: 'CC9.9', reason: 'x' }, 'validation');
    // A carved-out criterion is met through the subservice organisation, not "not relevant".
    await ok(t, 'sd.saveSubservice', {
      name: 'CloudHost',
      method: 'carve_out',
      criteria: ['CC6.4'],
    });
    const carved = await fails(
      t,
      'criteria.setNotRelevant',
      { id: 'CC6.4', reason: 'Hosted' },
      'conflict',
    );
    expect(carved.message).toContain('carved out to CloudHost');
  },
  'controls.list': async (t) => {
    const change = await scopedVault(t);
    const first = await ok(t, 'controls.list', { limit: 10 });
    expect(first.items).toHaveLength(10);
    const second = await ok(t, 'controls.list', { limit: 1000, cursor: first.nextCursor! });
    expect(first.items.length + second.items.length).toBe(change.controlsInScope);
    expect(second.nextCursor).toBeNull();
    const access = await ok(t, 'controls.list', { domain: 'access', limit: 1000 });
    expect(access.items.every((c) => c.domain === 'access')).toBe(true);
    // Sorted on the server, numbers in references as numbers; the cursor follows the order.
    for (const ref of ['ZZ-10', 'ZZ-2', 'zz-3'])
      await ok(t, 'controls.create', { ref, title: `Custom ${ref}`, criteria: ['CC1.1'] });
    const zz = await ok(t, 'controls.list', { search: 'Custom ZZ', limit: 10 });
    expect(zz.items.map((c) => c.ref)).toEqual(['ZZ-2', 'zz-3', 'ZZ-10']);
    const desc = await ok(t, 'controls.list', {
      search: 'Custom ZZ',
      sort: { key: 'ref', dir: 'desc' },
      limit: 2,
    });
    expect(desc.items.map((c) => c.ref)).toEqual(['ZZ-10', 'zz-3']);
    const rest = await ok(t, 'controls.list', {
      search: 'Custom ZZ',
      sort: { key: 'ref', dir: 'desc' },
      limit: 2,
      cursor: desc.nextCursor!,
    });
    expect(rest.items.map((c) => c.ref)).toEqual(['ZZ-2']);
    const byCriteria = await ok(t, 'controls.list', {
      sort: { key: 'criteria', dir: 'desc' },
      limit: 1000,
    });
    const counts = byCriteria.items.map((c) => c.criteria.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const byFrequency = (
      await ok(t, 'controls.list', { sort: { key: 'frequency', dir: 'asc' }, limit: 1000 })
    ).items.map((c) => FREQUENCIES.indexOf(c.frequency));
    expect(byFrequency).toEqual([...byFrequency].sort((a, b) => a - b));
    await fails(t, 'controls.list', { sort: { key: 'status', dir: 'asc' } }, 'validation');
  },
  'controls.get': async (t) => {
    await scopedVault(t);
    const ac = await controlByRef(t, 'AC-01');
    expect(await ok(t, 'controls.get', { id: ac.id })).toEqual(ac);
    await fails(t, 'controls.get', { id: 'ctl_missing' }, 'not_found');
  },
  'controls.update': async (t) => {
    await scopedVault(t);
    const ac = await controlByRef(t, 'AC-01');
    const owner = await ok(t, 'people.create', { name: 'Ana Lima' });
    const updated = await ok(t, 'controls.update', {
      id: ac.id,
      patch: { ownerId: owner.id, criteria: ['CC6.1', 'CC6.2'], operatingSince: '2025-11-01' },
    });
    expect(updated).toMatchObject({
      ownerId: owner.id,
      criteria: ['CC6.1', 'CC6.2'],
      operatingSince: '2025-11-01',
    });
    const bad = await fails(
      t,
      'controls.update',
      { id: ac.id, patch: { criteria: ['CC6.1', 'P9.9'] } },
      'validation',
    );
    expect(bad.details).toEqual([
      { path: ['patch', 'criteria', '1'], message: expect.any(String) },
    ]);
    const unknownPerson = await fails(
      t,
      'controls.update',
      { id: ac.id, patch: { reviewerId: 'per_ghost' } },
      'validation',
    );
    expect(unknownPerson.details).toEqual([
      { path: ['reviewerId'], message: 'No person per_ghost in this vault' },
    ]);
    expect((await ok(t, 'controls.get', { id: ac.id })).reviewerId).toBeNull();
  },
  'controls.setCriterionRole': async (t) => {
    await scopedVault(t);
    const ac = await controlByRef(t, 'AC-01');
    const [first, second] = ac.criteria;
    await ok(t, 'controls.update', { id: ac.id, patch: { criteria: [first!, second ?? 'CC6.2'] } });
    const criterionId = first!;
    // Demoting a key control needs a reason; without one nothing changes.
    const noReason = await fails(
      t,
      'controls.setCriterionRole',
      { id: ac.id, criterionId, role: 'supporting' },
      'validation',
    );
    expect(noReason.details).toEqual([{ path: ['reason'], message: expect.any(String) }]);
    expect((await ok(t, 'controls.get', { id: ac.id })).supportingCriteria).not.toContain(
      criterionId,
    );
    const demoted = await ok(t, 'controls.setCriterionRole', {
      id: ac.id,
      criterionId,
      role: 'supporting',
      reason: 'AC-02 carries this criterion; AC-01 only helps',
    });
    expect(demoted.supportingCriteria).toContain(criterionId);
    expect(demoted.criteria).toContain(criterionId);
    // Promoting needs no reason.
    const promoted = await ok(t, 'controls.setCriterionRole', {
      id: ac.id,
      criterionId,
      role: 'key',
    });
    expect(promoted.supportingCriteria).not.toContain(criterionId);
    await fails(
      t,
      'controls.setCriterionRole',
      { id: ac.id, criterionId: 'A1.3', role: 'key' },
      'not_found',
    );
    await fails(
      t,
      'controls.setCriterionRole',
      { id: ac.id, criterionId: 'CC9.9', role: 'key' },
      'validation',
    );
  },
  'controls.itgcs': async (t) => {
    await scopedVault(t);
    // Scoping links an automated control to the change-management and access controls.
    const sso = await controlByRef(t, 'AC-01');
    const view = await ok(t, 'controls.itgcs', { id: sso.id });
    const refs = view.reliesOn.map((r) => r.ref);
    expect(refs).toEqual(expect.arrayContaining(['AC-05', 'AC-06', 'CHG-04']));
    expect(refs).not.toContain('AC-01');
    // None is met yet (nothing assessed): the automated control must be sampled.
    expect(view).toMatchObject({ state: 'failing', mustSample: true });
    await fails(t, 'controls.itgcs', { id: 'ctl_ghost' }, 'not_found');
  },
  'controls.linkItgc': async (t) => {
    await scopedVault(t);
    const backups = await controlByRef(t, 'BCP-02');
    const chg = await controlByRef(t, 'CHG-04');
    for (const r of (await ok(t, 'controls.itgcs', { id: backups.id })).reliesOn)
      await ok(t, 'controls.unlinkItgc', { id: backups.id, reliesOnId: r.id });
    expect(await ok(t, 'controls.itgcs', { id: backups.id })).toMatchObject({
      reliesOn: [],
      state: 'unknown',
      mustSample: false,
    });
    const linked = await ok(t, 'controls.linkItgc', { id: backups.id, reliesOnId: chg.id });
    expect(linked.reliesOn.map((r) => r.ref)).toEqual(['CHG-04']);
    // Twice is once.
    expect(
      (await ok(t, 'controls.linkItgc', { id: backups.id, reliesOnId: chg.id })).reliesOn,
    ).toHaveLength(1);
    const self = await fails(
      t,
      'controls.linkItgc',
      { id: backups.id, reliesOnId: backups.id },
      'validation',
    );
    expect(self.details).toEqual([{ path: ['reliesOnId'], message: expect.any(String) }]);
    await fails(t, 'controls.linkItgc', { id: backups.id, reliesOnId: 'ctl_ghost' }, 'not_found');
  },
  'controls.unlinkItgc': async (t) => {
    await scopedVault(t);
    const sso = await controlByRef(t, 'AC-01');
    const before = await ok(t, 'controls.itgcs', { id: sso.id });
    const gone = before.reliesOn[0]!;
    const after = await ok(t, 'controls.unlinkItgc', { id: sso.id, reliesOnId: gone.id });
    expect(after.reliesOn.map((r) => r.id)).not.toContain(gone.id);
    expect(after.reliesOn).toHaveLength(before.reliesOn.length - 1);
    // Unlinking again changes nothing.
    expect(
      (await ok(t, 'controls.unlinkItgc', { id: sso.id, reliesOnId: gone.id })).reliesOn,
    ).toHaveLength(before.reliesOn.length - 1);
  },
  'controls.create': async (t) => {
    await scopedVault(t);
    const c = await ok(t, 'controls.create', {
      title: 'Quarterly board security briefing',
      criteria: ['CC1.2'],
    });
    expect(c).toMatchObject({
      ref: 'CUS-01',
      source: 'custom',
      criteria: ['CC1.2'],
      archived: false,
    });
    const again = await ok(t, 'controls.create', { title: 'Another', criteria: ['CC1.2'] });
    expect(again.ref).toBe('CUS-02');
    await fails(
      t,
      'controls.create',
      { title: 'Dup', ref: 'CUS-01', criteria: ['CC1.2'] },
      'validation',
    );
    await fails(t, 'controls.create', { title: 'No criteria', criteria: [] }, 'validation');
    const outOfScope = await fails(
      t,
      'controls.create',
      { title: 'Out', criteria: ['PI1.1'] },
      'validation',
    );
    expect(outOfScope.message).toContain('in-scope criterion');
    const unknown = await fails(
      t,
      'controls.create',
      { title: 'Unknown', criteria: ['CC9.8'] },
      'validation',
    );
    expect(unknown.details).toEqual([{ path: ['criteria'], message: 'Unknown criterion CC9.8' }]);
    // "In the description" follows the default (null) until the user decides.
    expect(c.inDescription).toBeNull();
    const out = await ok(t, 'controls.update', { id: c.id, patch: { inDescription: false } });
    expect(out.inDescription).toBe(false);
  },
  'controls.archive': async (t) => {
    await scopedVault(t);
    const ac = await controlByRef(t, 'AC-01');
    expect(await ok(t, 'controls.archive', { id: ac.id, archived: true })).toMatchObject({
      archived: true,
      archivedReason: 'user',
    });
    expect(
      (await ok(t, 'controls.list', { search: 'AC-01', limit: 100 })).items.map((c) => c.ref),
    ).not.toContain('AC-01');
    // Re-scoping never brings back what the user archived by hand.
    expect((await ok(t, 'scope.confirm', {})).restored).not.toContain('AC-01');
    expect((await ok(t, 'controls.archive', { id: ac.id, archived: false })).archived).toBe(false);
  },
} satisfies Record<string, Case>;
