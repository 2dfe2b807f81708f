import { describe, expect, it } from 'vitest';
import { tx } from '../../db/connection';
import { recordChange } from '../../db/audit';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { NEWER, newerCatalog } from '../../testing/newer-catalog';
import { applyScope } from '../scope/apply-scope';
import { listControls, updateControl } from '../scope/controls';
import { listCriteria } from '../scope/criteria';
import { closeVault, type Vault } from '../vault/session';
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
