import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { closeVault, type Vault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { applyScope } from './apply-scope';
import { listControls, updateControl } from './controls';
import { setCriterionRole } from './criterion-roles';

const lastSeq = (vault: Vault) =>
  vault.db.sqlite.prepare('SELECT max(seq) FROM audit_event').pluck().get() as number;
const entriesSince = (vault: Vault, seq: number) =>
  (
    vault.db.sqlite
      .prepare('SELECT action, entity, entity_id, payload FROM audit_event WHERE seq > ?')
      .all(seq) as { action: string; entity: string; entity_id: string; payload: string }[]
  ).map((e) => ({ ...e, payload: JSON.parse(e.payload) as unknown }));

describe('key and supporting controls', () => {
  it('demoting a key control needs a reason, and the reason is in the audit log', async () => {
    const vault = await newTestVault(tempDir());
    applyScope(vault);
    const ac = listControls(vault, { includeArchived: false, limit: 1000 }).items.find(
      (c) => c.ref === 'AC-01',
    )!;
    const criterionId = ac.criteria[0]!; // CC6.1: key in the library (it supports CC6.2)
    expect(ac.supportingCriteria).not.toContain(criterionId);
    const from = lastSeq(vault);
    expect(() => setCriterionRole(vault, { id: ac.id, criterionId, role: 'supporting' })).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
    expect(lastSeq(vault)).toBe(from);

    const reason = 'Joiner access is carried by AC-02; this one only helps';
    const demoted = setCriterionRole(vault, { id: ac.id, criterionId, role: 'supporting', reason });
    expect(demoted.supportingCriteria).toContain(criterionId);
    expect(entriesSince(vault, from)).toEqual([
      {
        action: 'update',
        entity: 'control_criterion',
        entity_id: `${ac.id}|${criterionId}`,
        payload: { role: 'supporting', reason },
      },
    ]);
    // The same role again is no change and no entry.
    const again = lastSeq(vault);
    setCriterionRole(vault, { id: ac.id, criterionId, role: 'supporting', reason: 'again' });
    expect(lastSeq(vault)).toBe(again);

    // A remapping keeps the flag of the links it keeps.
    updateControl(vault, ac.id, { criteria: [criterionId, 'CC6.3'] });
    const remapped = listControls(vault, { includeArchived: false, limit: 1000 }).items.find(
      (c) => c.id === ac.id,
    )!;
    expect(remapped.supportingCriteria).toEqual([criterionId]); // CC6.3 arrives key
    setCriterionRole(vault, { id: ac.id, criterionId, role: 'key' });
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });
});
