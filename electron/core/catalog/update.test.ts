import { describe, expect, it } from 'vitest';
import { tx } from '../../db/connection';
import { recordChange } from '../../db/audit';
import { fixtureCopy } from '../../testing/fixtures';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { NEWER, newerCatalog } from '../../testing/newer-catalog';
import { applyScope } from '../scope/apply-scope';
import { listControls, updateControl } from '../scope/controls';
import { setCriterionRole } from '../scope/criterion-roles';
import { listCriteria } from '../scope/criteria';
import { closeVault, openVault, type Vault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { applyCatalogUpdate } from './apply-update';
import { builtInCatalog } from './catalog';
import { planCatalogUpdate } from './update-plan';

const all = { includeArchived: true, limit: 1000 };
const byRef = (vault: Vault, ref: string) =>
  listControls(vault, all).items.find((c) => c.ref === ref);
const auditCount = (vault: Vault) =>
  vault.db.sqlite.prepare('SELECT count(*) FROM audit_event').pluck().get() as number;

/** A Security + Availability vault scoped with the built-in catalog, with two user edits. */
async function scopedAndEdited() {
  const vault = await newTestVault(tempDir());
  applyScope(vault, builtInCatalog());
  const ac01 = byRef(vault, NEWER.retitled.ref)!;
  const ac02 = byRef(vault, NEWER.newProcedure.ref)!;
  updateControl(vault, ac01.id, { title: 'Named accounts (our wording)' });
  updateControl(vault, ac02.id, { description: 'Joiners get access by ticket only.' });
  return { vault, ac01, ac02 };
}

/**
 * The controls the library gained for U19 (written as 2026.2, shipped in 2026.3 with the policy
 * templates: 2026.2 never left a build).
 */
const ADDED_IN_2026_2 = ['AC-14', 'AC-15', 'CHG-11', 'DAT-09', 'END-08', 'MON-08'];

describe('catalog 2026.3 and 2026.4', () => {
  it('is offered to a vault scoped with 2026.1, lists its six new controls, and is accepted', async () => {
    // A real vault written by an earlier build (`attest demo`, catalog 2026.1).
    const vault = await openVault(fixtureCopy('format6-demo.attest'));
    const plan = planCatalogUpdate(vault);
    expect(plan).toMatchObject({
      status: 'update_available',
      vaultVersion: '2026.1',
      buildVersion: '2026.4',
    });
    expect(plan.controls.added.map((c) => c.ref).sort()).toEqual(ADDED_IN_2026_2);
    expect(plan.controls.retired).toEqual([]);
    const fields = (ref: string) =>
      plan.controls.updated.find((u) => u.ref === ref)?.changes.map((c) => c.field);
    expect(fields('VUL-02')).toEqual(expect.arrayContaining(['type', 'testProcedure']));
    expect(fields('HR-08')).toEqual(expect.arrayContaining(['frequency', 'description']));

    const result = applyCatalogUpdate(vault, { toVersion: '2026.4' });
    expect(result).toMatchObject({ fromVersion: '2026.1', toVersion: '2026.4' });
    expect([...result.added].sort()).toEqual(ADDED_IN_2026_2);
    for (const ref of ADDED_IN_2026_2)
      expect(byRef(vault, ref), ref).toMatchObject({ source: 'library', archived: false });
    expect(byRef(vault, 'VUL-02')!.type).toBe('corrective');
    expect(byRef(vault, 'AC-05')!.testProcedure).toMatch(/^Inquire of the IT Lead /);
    expect(planCatalogUpdate(vault).status).toBe('up_to_date');
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });
});

describe('catalog 2026.4: key and supporting controls', () => {
  it('is offered to a 2026.3 vault, which keeps every link key until it accepts', async () => {
    // A real vault written by the previous format (`attest demo`, catalog 2026.3, all links key).
    const vault = await openVault(fixtureCopy('format11-demo.attest'));
    const plan = planCatalogUpdate(vault);
    expect(plan).toMatchObject({
      status: 'update_available',
      vaultVersion: '2026.3',
      buildVersion: '2026.4',
    });
    // Declined (not applied): the vault keeps working with every link key.
    const before = listControls(vault, all).items;
    expect(before.every((c) => c.supportingCriteria.length === 0)).toBe(true);
    const library = new Map(builtInCatalog().controls.map((c) => [c.ref, c]));
    const expected = before
      .filter((c) => c.libraryRef)
      .flatMap((c) =>
        (library.get(c.libraryRef!)!.supporting ?? [])
          .filter((id) => c.criteria.includes(id))
          .map((id) => `${c.ref} ${id}`),
      )
      .sort();
    expect(expected.length).toBeGreaterThan(50);
    expect(plan.controls.roles.map((r) => `${r.ref} ${r.criterionId}`).sort()).toEqual(expected);
    expect(plan.controls.roles.every((r) => r.role === 'supporting' && !r.edited)).toBe(true);

    const result = applyCatalogUpdate(vault, { toVersion: '2026.4' });
    expect(result).toMatchObject({ rolesChanged: expected.length, rolesKept: 0 });
    const after = listControls(vault, all).items;
    expect(after.flatMap((c) => c.supportingCriteria.map((id) => `${c.ref} ${id}`)).sort()).toEqual(
      expected,
    );
    expect(planCatalogUpdate(vault).status).toBe('up_to_date');
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('keeps a mark a user set before the update, and logs the library’s marks as its own', async () => {
    const vault = await openVault(fixtureCopy('format11-demo.attest'));
    const gov01 = byRef(vault, 'GOV-01')!; // the library makes it supporting for CC1.5
    setCriterionRole(vault, { id: gov01.id, criterionId: 'CC1.5', role: 'key' }); // no change
    const ac01 = byRef(vault, 'AC-01')!; // key for CC6.1 in the library; the user demotes it
    setCriterionRole(vault, {
      id: ac01.id,
      criterionId: 'CC6.1',
      role: 'supporting',
      reason: 'SSO supports; named accounts carry it',
    });
    const plan = planCatalogUpdate(vault);
    expect(plan.controls.roles.find((r) => r.ref === 'GOV-01')).toMatchObject({
      criterionId: 'CC1.5',
      role: 'supporting',
      edited: false,
    });
    const result = applyCatalogUpdate(vault, { toVersion: '2026.4' });
    expect(plan.controls.roles.find((r) => r.ref === 'AC-01')).toMatchObject({
      criterionId: 'CC6.1',
      role: 'key',
      edited: true,
    });
    expect(result.rolesKept).toBe(1);
    expect(byRef(vault, 'GOV-01')!.supportingCriteria).toEqual(['CC1.5']);
    // AC-01 CC6.1 is key in the library, but the user's demotion stands.
    expect(byRef(vault, 'AC-01')!.supportingCriteria).toContain('CC6.1');
    const logged = vault.db.sqlite
      .prepare(
        `SELECT payload FROM audit_event WHERE entity = 'control_criterion' AND entity_id = ?`,
      )
      .pluck()
      .all(`${gov01.id}|CC1.5`) as string[];
    expect(JSON.parse(logged.at(-1)!)).toEqual({
      role: 'supporting',
      catalogUpdate: { to: '2026.4' },
    });
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('marks a vault scoped fresh with the library’s key and supporting links', async () => {
    const vault = await newTestVault(tempDir());
    applyScope(vault, builtInCatalog());
    expect(byRef(vault, 'GOV-01')!.supportingCriteria).toEqual(['CC1.5']);
    expect(byRef(vault, 'AC-04')!.supportingCriteria).toEqual([]);
    closeVault(vault);
  });
});

describe('the catalog update', () => {
  it('says when there is nothing to update', async () => {
    const vault = await newTestVault(tempDir());
    expect(planCatalogUpdate(vault, builtInCatalog()).status).toBe('not_scoped');
    applyScope(vault, builtInCatalog());
    const same = planCatalogUpdate(vault, builtInCatalog());
    expect(same).toMatchObject({ status: 'up_to_date', vaultVersion: builtInCatalog().version });
    expect(same.controls.updated).toEqual([]);
    expect(() =>
      applyCatalogUpdate(vault, { toVersion: builtInCatalog().version }, builtInCatalog()),
    ).toThrow(expect.objectContaining({ code: 'conflict' }));
    closeVault(vault);
  });

  it('refuses an older build’s catalog for a vault scoped with a newer one', async () => {
    const vault = await newTestVault(tempDir());
    applyScope(vault, newerCatalog());
    expect(planCatalogUpdate(vault, builtInCatalog()).status).toBe('vault_newer');
    expect(() => applyScope(vault, builtInCatalog())).toThrow(/newer than this build/);
    closeVault(vault);
  });

  it('shows what changes — library changes only, edits marked — and changes nothing', async () => {
    const { vault, ac01, ac02 } = await scopedAndEdited();
    const before = auditCount(vault);
    const plan = planCatalogUpdate(vault, newerCatalog());
    expect(plan).toMatchObject({
      status: 'update_available',
      vaultVersion: builtInCatalog().version,
      buildVersion: NEWER.version,
    });
    expect(plan.criteria.changed).toEqual([
      expect.objectContaining({ id: NEWER.criterion.id, fields: ['guidance'] }),
    ]);
    expect(plan.controls.added).toEqual([
      { ref: NEWER.added.ref, title: NEWER.added.title, criteria: [...NEWER.added.criteria] },
    ]);
    expect(plan.controls.retired.map((c) => c.ref)).toEqual([NEWER.retired.ref]);

    const updated = new Map(plan.controls.updated.map((u) => [u.ref, u.changes]));
    expect([...updated.keys()].sort()).toEqual(
      [NEWER.retitled.ref, NEWER.newProcedure.ref, NEWER.remapped.ref].sort(),
    );
    expect(updated.get(ac01.ref)).toEqual([
      {
        field: 'title',
        current: 'Named accounts (our wording)',
        library: NEWER.retitled.title,
        edited: true,
      },
    ]);
    // AC-02's description edit is the user's own business: the library did not change it.
    expect(updated.get(ac02.ref)!.map((c) => [c.field, c.edited])).toEqual([
      ['testProcedure', false],
    ]);
    expect(updated.get(NEWER.remapped.ref)).toEqual([
      expect.objectContaining({ field: 'criteria', library: [...NEWER.remapped.criteria] }),
    ]);
    expect(auditCount(vault)).toBe(before);
    closeVault(vault);
  });

  it('applies library text, keeps edits, adds and retires controls, and verifies', async () => {
    const { vault, ac01, ac02 } = await scopedAndEdited();
    const newer = newerCatalog();
    const result = applyCatalogUpdate(vault, { toVersion: NEWER.version }, newer);
    expect(result).toMatchObject({
      fromVersion: builtInCatalog().version,
      toVersion: NEWER.version,
      criteriaChanged: 1,
      controlsUpdated: 3,
      fieldsUpdated: 2,
      editsKept: 1,
      added: [NEWER.added.ref],
      retired: [NEWER.retired.ref],
    });
    expect(byRef(vault, ac01.ref)!.title).toBe('Named accounts (our wording)');
    const after02 = byRef(vault, ac02.ref)!;
    expect(after02.description).toBe('Joiners get access by ticket only.');
    expect(after02.testProcedure).toBe(
      newer.controls.find((c) => c.ref === ac02.ref)!.testProcedure,
    );
    // A set of link rows, listed in catalog order.
    expect([...byRef(vault, NEWER.remapped.ref)!.criteria].sort()).toEqual(
      [...NEWER.remapped.criteria].sort(),
    );
    expect(byRef(vault, NEWER.added.ref)).toMatchObject({ source: 'library', archived: false });
    expect(byRef(vault, NEWER.retired.ref)).toMatchObject({ source: 'custom', libraryRef: null });
    const cc11 = listCriteria(vault, true).find((c) => c.id === NEWER.criterion.id)!;
    expect(cc11.guidance.asks).toMatch(/^Leaders show/);

    // Now current: nothing more to apply, a re-scope works again, the audit chain holds.
    expect(planCatalogUpdate(vault, newer).status).toBe('up_to_date');
    expect(() => applyScope(vault, newer)).not.toThrow();
    const logged = vault.db.sqlite
      .prepare(`SELECT count(*) FROM audit_event WHERE payload LIKE '%catalogUpdate%'`)
      .pluck()
      .get() as number;
    expect(logged).toBeGreaterThanOrEqual(5);
    expect((await verifyVault(vault)).problems).toEqual([]);

    // Edits kept in this update stay the user's in the next one: AC-01's title is not offered again.
    const later = structuredClone(newer) as typeof newer & { version: string };
    later.version = '2026.5';
    expect(planCatalogUpdate(vault, later).controls.updated).toEqual([]);
    closeVault(vault);
  });

  it('takes the library’s text for an edited field when the user chooses it', async () => {
    const { vault, ac01 } = await scopedAndEdited();
    const result = applyCatalogUpdate(
      vault,
      { toVersion: NEWER.version, takeLibrary: [{ controlId: ac01.id, fields: ['title'] }] },
      newerCatalog(),
    );
    expect(result).toMatchObject({ fieldsUpdated: 3, editsKept: 0 });
    expect(byRef(vault, ac01.ref)!.title).toBe(NEWER.retitled.title);
    closeVault(vault);
  });

  it('refuses a choice the plan does not offer, or a version the user did not review', async () => {
    const { vault, ac02 } = await scopedAndEdited();
    const before = auditCount(vault);
    expect(() =>
      applyCatalogUpdate(
        vault,
        { toVersion: NEWER.version, takeLibrary: [{ controlId: ac02.id, fields: ['title'] }] },
        newerCatalog(),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'validation',
        details: [expect.objectContaining({ path: ['takeLibrary', '0', 'fields'] })],
      }),
    );
    expect(() => applyCatalogUpdate(vault, { toVersion: '2026.9' }, newerCatalog())).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(auditCount(vault)).toBe(before);
    expect(planCatalogUpdate(vault, newerCatalog()).status).toBe('update_available');
    closeVault(vault);
  });

  it('reads edits from the audit log for controls scoped before baselines existed', async () => {
    const { vault, ac01, ac02 } = await scopedAndEdited();
    // As a format-5 vault left them: no baseline on any control (recorded, so the chain holds).
    tx(vault.db, () => {
      for (const c of listControls(vault, all).items) {
        vault.db.sqlite
          .prepare('UPDATE control SET library_baseline = NULL WHERE id = ?')
          .run(c.id);
        recordChange(vault, { action: 'update', entity: 'control', entityId: c.id });
      }
    });
    const updated = new Map(
      planCatalogUpdate(vault, newerCatalog()).controls.updated.map((u) => [u.ref, u.changes]),
    );
    expect(updated.get(ac01.ref)!.map((c) => [c.field, c.edited])).toEqual([['title', true]]);
    // Without a baseline an edit cannot be told from a library change: it is shown, kept by default.
    expect(updated.get(ac02.ref)!.map((c) => [c.field, c.edited])).toEqual([
      ['description', true],
      ['testProcedure', false],
    ]);
    applyCatalogUpdate(vault, { toVersion: NEWER.version }, newerCatalog());
    expect(byRef(vault, ac02.ref)!.description).toBe('Joiners get access by ticket only.');
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });
});
