import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listPolicies } from '../../core/policies/policies';
import { listControls } from '../../core/scope/controls';
import { closeVault, openVault } from '../../core/vault/session';
import { verifyVault } from '../../core/vault/verify';
import { fixtureCopy } from '../../testing/fixtures';

describe('migration 011: the policy library', () => {
  it('turns every control’s policy key into a link to a policy of that template, drops the column, and verifies sound', async () => {
    const path = fixtureCopy('format6-demo.attest');
    const file = new Database(path, { readonly: true });
    const before = file.prepare('SELECT id, ref, policy_key FROM control').all() as {
      id: string;
      ref: string;
      policy_key: string | null;
    }[];
    file.close();
    expect(before.filter((c) => c.policy_key).length).toBeGreaterThan(20);

    const vault = await openVault(path);
    const controls = new Map(
      listControls(vault, { includeArchived: true, limit: 1000 }).items.map((c) => [c.id, c]),
    );
    for (const row of before) expect(controls.get(row.id)!.policyKey, row.ref).toBe(row.policy_key);
    const columns = vault.db.sqlite
      .prepare(`SELECT name FROM pragma_table_info('control')`)
      .pluck()
      .all();
    expect(columns).not.toContain('policy_key');

    // One policy per key, not written yet, titled as the catalog named it, linked to its controls.
    const policies = listPolicies(vault, true);
    const keys = [...new Set(before.map((c) => c.policy_key).filter((k) => k !== null))].sort();
    expect(policies.map((p) => p.templateKey).sort()).toEqual(keys);
    const access = policies.find((p) => p.templateKey === 'access-control')!;
    expect(access).toMatchObject({ title: 'Access Control Policy', status: 'not_written' });
    expect(access.controlIds.sort()).toEqual(
      before
        .filter((c) => c.policy_key === 'access-control')
        .map((c) => c.id)
        .sort(),
    );
    // Every new row and re-recorded control is in the chain, written by the migration.
    const entries = vault.db.sqlite
      .prepare(
        `SELECT count(*) FROM audit_event WHERE actor = 'migration' AND payload LIKE '%011_policies%'`,
      )
      .pluck()
      .get() as number;
    expect(entries).toBe(
      policies.length + before.filter((c) => c.policy_key).length + before.length,
    );
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('keeps naming a control changed outside Attest before the upgrade', async () => {
    const path = fixtureCopy('format6-tampered.attest');
    const vault = await openVault(path);
    const ac04 = listControls(vault, { includeArchived: true, limit: 1000 }).items.find(
      (c) => c.ref === 'AC-04',
    )!;
    expect(ac04.policyKey).toBe('access-control');
    const problems = (await verifyVault(vault)).problems;
    expect(JSON.stringify(problems)).toContain(ac04.id);
    closeVault(vault);
  });
});
