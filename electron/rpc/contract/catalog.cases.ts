import { expect } from 'vitest';
import { useCatalog } from '../../core/catalog/catalog';
import { NEWER, newerCatalog } from '../../testing/newer-catalog';
import { type Case, type Harness, fails, freshVault, scopedVault, ok } from './harness';

/**
 * A vault scoped with the built-in catalog, then "this build" switched to a newer one — as if the
 * consultant had installed an update. `use` runs with the newer catalog and always switches back.
 */
async function withNewerBuild(t: Harness, use: () => Promise<void>): Promise<void> {
  await scopedVault(t);
  useCatalog(newerCatalog());
  try {
    await use();
  } finally {
    useCatalog(null);
  }
}

export const catalogCases = {
  'catalog.get': async (t) => {
    // The whole catalog, no vault needed: what `attest catalog --json` prints.
    await ok(t, 'vault.close', {});
    const catalog = await ok(t, 'catalog.get', {});
    expect(catalog.criteria).toHaveLength(61);
    expect(catalog.controls.length).toBeGreaterThan(100);
    expect(catalog.policies.map((p) => p.key)).toEqual(
      (await ok(t, 'catalog.policies', {})).items.map((p) => p.key),
    );
    await fails(t, 'catalog.get', { version: '2026.1' }, 'validation');
  },
  'catalog.policies': async (t) => {
    // The catalog needs no vault: the control drawer offers its policies by title.
    const { items } = await ok(t, 'catalog.policies', {});
    expect(items.length).toBeGreaterThan(10);
    expect(items).toContainEqual({
      key: 'information-security',
      title: 'Information Security Policy',
    });
    expect(new Set(items.map((p) => p.key)).size).toBe(items.length);
    // Every library control's policy is one of them.
    await scopedVault(t);
    const keys = new Set(items.map((p) => p.key));
    const { items: controls } = await ok(t, 'controls.list', {});
    expect(controls.length).toBeGreaterThan(0);
    for (const c of controls) if (c.policyKey) expect(keys).toContain(c.policyKey);
    await fails(t, 'catalog.policies', { extra: 1 }, 'validation');
  },
  'catalog.updatePlan': async (t) => {
    await freshVault(t);
    expect((await ok(t, 'catalog.updatePlan', {})).status).toBe('not_scoped');
    await withNewerBuild(t, async () => {
      const plan = await ok(t, 'catalog.updatePlan', {});
      expect(plan).toMatchObject({ status: 'update_available', buildVersion: NEWER.version });
      // Security only: BCP-03 (availability) joins because its new mapping adds CC7.4.
      expect(plan.controls.added.map((c) => c.ref)).toEqual([NEWER.remapped.ref, NEWER.added.ref]);
      expect(plan.controls.retired.map((c) => c.ref)).toEqual([NEWER.retired.ref]);
      // A re-scope is refused until the update is applied.
      await fails(t, 'scope.confirm', {}, 'conflict');
    });
  },
  'catalog.applyUpdate': async (t) => {
    await withNewerBuild(t, async () => {
      const plan = await ok(t, 'catalog.updatePlan', {});
      const retitled = plan.controls.updated.find((u) => u.ref === NEWER.retitled.ref)!;
      // Field-level errors: a bad id, a field the plan does not offer as an edit; nothing saved.
      const bad = await fails(
        t,
        'catalog.applyUpdate',
        { toVersion: NEWER.version, takeLibrary: [{ controlId: 'nope', fields: ['title'] }] },
        'validation',
      );
      expect(bad.details).toEqual([
        expect.objectContaining({ path: ['takeLibrary', '0', 'controlId'] }),
      ]);
      const notEdited = await fails(
        t,
        'catalog.applyUpdate',
        { toVersion: NEWER.version, takeLibrary: [{ controlId: retitled.id, fields: ['title'] }] },
        'validation',
      );
      expect(notEdited.message).toMatch(/not an edited field/);
      await fails(t, 'catalog.applyUpdate', { toVersion: '2099.1' }, 'conflict');
      expect((await ok(t, 'catalog.updatePlan', {})).status).toBe('update_available');

      const result = await ok(t, 'catalog.applyUpdate', { toVersion: NEWER.version });
      expect(result).toMatchObject({
        toVersion: NEWER.version,
        added: [NEWER.remapped.ref, NEWER.added.ref],
      });
      expect((await ok(t, 'vault.info', {})).engagement.catalogVersion).toBe(NEWER.version);
      expect((await ok(t, 'controls.get', { id: retitled.id })).title).toBe(NEWER.retitled.title);
      expect((await ok(t, 'catalog.updatePlan', {})).status).toBe('up_to_date');
      await ok(t, 'scope.confirm', {});
    });
  },
} satisfies Record<string, Case>;
