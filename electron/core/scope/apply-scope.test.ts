import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { loadCatalog } from '../catalog/catalog';
import { closeVault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { applyScope } from './apply-scope';
import { assessControl, assessmentsByControl } from '../gaps/assessments';
import { createControl, listControls, updateControl } from './controls';
import { updateEngagementDetails } from './engagement';

const all = { includeArchived: true, limit: 1000 };

describe('confirming and re-scoping', () => {
  it('instantiates exactly the library controls that serve an in-scope criterion', async () => {
    const vault = await newTestVault(tempDir()); // Security + Availability
    const change = applyScope(vault);
    const expected = loadCatalog()
      .controls.filter((c) =>
        c.categories.some((cat) => cat === 'security' || cat === 'availability'),
      )
      .map((c) => c.ref)
      .sort();
    expect([...change.added].sort()).toEqual(expected);
    closeVault(vault);
  });

  it('keeps every control edit and custom control through a round trip, and logs each change', async () => {
    const vault = await newTestVault(tempDir());
    applyScope(vault);
    const a1Only = listControls(vault, all).items.find((c) =>
      c.criteria.every((id) => id.startsWith('A1')),
    )!;
    updateControl(vault, a1Only.id, {
      description: 'Edited by the consultant',
      operatingSince: '2025-12-01',
    });
    const custom = createControl(vault, { title: 'Status page uptime review', criteria: ['A1.1'] });

    updateEngagementDetails(vault, { categories: ['security'] });
    const narrowed = applyScope(vault);
    expect(narrowed.archived).toEqual(expect.arrayContaining([a1Only.ref, custom.ref]));

    updateEngagementDetails(vault, { categories: ['security', 'availability'] });
    const widened = applyScope(vault);
    expect([...widened.restored].sort()).toEqual([...narrowed.archived].sort());
    expect(widened.added).toEqual([]);

    const after = listControls(vault, all).items;
    expect(after.find((c) => c.id === a1Only.id)).toMatchObject({
      description: 'Edited by the consultant',
      operatingSince: '2025-12-01',
      archived: false,
    });
    expect(after.find((c) => c.id === custom.id)?.archived).toBe(false);

    const actions = vault.db.sqlite
      .prepare(
        `SELECT action, count(*) AS n FROM audit_event WHERE entity = 'control' GROUP BY action`,
      )
      .all() as { action: string; n: number }[];
    const count = Object.fromEntries(actions.map((a) => [a.action, a.n]));
    expect(count.archive).toBe(narrowed.archived.length);
    expect(count.restore).toBe(widened.restored.length);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('keeps assessments through a re-scoping round trip (C)', async () => {
    const vault = await newTestVault(tempDir());
    applyScope(vault);
    const a1Only = listControls(vault, all).items.find((c) =>
      c.criteria.every((id) => id.startsWith('A1')),
    )!;
    assessControl(vault, {
      controlId: a1Only.id,
      status: 'partial',
      notes: 'Restore test overdue',
    });
    updateEngagementDetails(vault, { categories: ['security'] });
    applyScope(vault);
    updateEngagementDetails(vault, { categories: ['security', 'availability'] });
    applyScope(vault);
    expect(assessmentsByControl(vault).get(a1Only.id)).toMatchObject({
      status: 'partial',
      notes: 'Restore test overdue',
    });
    closeVault(vault);
  });

  it('refuses to re-scope silently against a different catalog version', async () => {
    const vault = await newTestVault(tempDir());
    applyScope(vault);
    const newer = { ...loadCatalog(), version: '2027.1' };
    expect(() => applyScope(vault, newer)).toThrow(expect.objectContaining({ code: 'conflict' }));
    closeVault(vault);
  });
});
