import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listControls } from '../../core/scope/controls';
import { closeVault, openVault } from '../../core/vault/session';
import { verifyVault } from '../../core/vault/verify';
import { fixtureCopy } from '../../testing/fixtures';

const all = { includeArchived: true, limit: 1000 };

describe('migration 012: in the description, key and supporting', () => {
  it('upgrades a format-11 vault: every control follows the default, every link stays key, nothing re-recorded', async () => {
    const path = fixtureCopy('format11-demo.attest');
    const file = new Database(path, { readonly: true });
    expect(file.pragma('user_version', { simple: true })).toBe(11);
    const links = file.prepare('SELECT count(*) FROM control_criterion').pluck().get() as number;
    const entries = file.prepare('SELECT count(*) FROM audit_event').pluck().get() as number;
    file.close();

    const vault = await openVault(path);
    expect(vault.migratedFrom?.version).toBe(11);
    const controls = listControls(vault, all).items;
    expect(controls.length).toBe(130);
    expect(controls.every((c) => c.inDescription === null)).toBe(true);
    // A vault that has not taken catalog 2026.4 keeps the rule it had: every mapping key.
    expect(controls.every((c) => c.supportingCriteria.length === 0)).toBe(true);
    expect(controls.reduce((n, c) => n + c.criteria.length, 0)).toBe(links);
    // An empty column is no change of state: the log gains nothing for it (migration 013's
    // reliance links are new rows, logged as such) and still verifies.
    expect(
      vault.db.sqlite
        .prepare("SELECT count(*) FROM audit_event WHERE entity <> 'control_reliance'")
        .pluck()
        .get(),
    ).toBe(entries);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('upgrades a format-6 vault through every migration to the same state', async () => {
    const vault = await openVault(fixtureCopy('format6-demo.attest'));
    const controls = listControls(vault, all).items;
    expect(controls.length).toBeGreaterThan(100);
    expect(
      controls.every((c) => c.inDescription === null && c.supportingCriteria.length === 0),
    ).toBe(true);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('refuses a flag other than in, out or empty', async () => {
    const vault = await openVault(fixtureCopy('format11-demo.attest'));
    expect(() => vault.db.sqlite.prepare('UPDATE control SET in_description = 2').run()).toThrow(
      /CHECK constraint/,
    );
    closeVault(vault);
  });
});
