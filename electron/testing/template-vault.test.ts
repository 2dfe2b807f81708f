import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyScope } from '../core/scope/apply-scope';
import { vaultInfo } from '../core/vault/info';
import { closeVault, openVault } from '../core/vault/session';
import { verifyVault } from '../core/vault/verify';
import { copyAsNewVault } from './template-vault';
import { tempDir } from './tmp';
import { newScopedTestVault, newTestVault } from './vaults';

describe('copyAsNewVault (the tests’ template vaults)', () => {
  it('makes a copy that is its own vault: sound, with its own key and vault id, content kept', async () => {
    const dir = tempDir();
    const template = await newTestVault(dir, 'template.attest');
    applyScope(template);
    const before = vaultInfo(template);
    closeVault(template);

    const copies = ['a.attest', 'b.attest'].map((name) => {
      copyAsNewVault(join(dir, 'template.attest'), join(dir, name));
      return join(dir, name);
    });
    const seen = new Set([before.fingerprint]);
    const vaultIds = new Set([before.vaultId]);
    for (const path of copies) {
      const copy = await openVault(path);
      try {
        const info = vaultInfo(copy);
        expect(await verifyVault(copy)).toMatchObject({ ok: true, problems: [] });
        expect(info.scope.controls).toEqual(before.scope.controls);
        expect(info.engagement).toEqual(before.engagement);
        seen.add(info.fingerprint);
        vaultIds.add(info.vaultId);
      } finally {
        closeVault(copy);
      }
    }
    expect(seen.size).toBe(3);
    expect(vaultIds.size).toBe(3);
    // The template itself is untouched and still sound.
    const again = await openVault(join(dir, 'template.attest'));
    try {
      expect(vaultInfo(again).fingerprint).toBe(before.fingerprint);
      expect((await verifyVault(again)).ok).toBe(true);
    } finally {
      closeVault(again);
    }
  });

  it('newScopedTestVault is newTestVault + applyScope: the same rows, ids and times, and they go on alike', async () => {
    const built = await newTestVault(tempDir());
    applyScope(built);
    const copies = [await newScopedTestVault(tempDir()), await newScopedTestVault(tempDir())];
    const events = (v: typeof built) =>
      v.db.sqlite
        .prepare(
          `SELECT seq, at, actor, action, entity, entity_id, payload FROM audit_event
           WHERE entity <> 'vault_key' ORDER BY seq`,
        )
        .all();
    const controls = (v: typeof built) =>
      v.db.sqlite.prepare('SELECT * FROM control ORDER BY id').all();
    try {
      for (const copy of copies) {
        expect(events(copy)).toEqual(events(built));
        expect(controls(copy)).toEqual(controls(built));
      }
      const next = (v: typeof built) => [v.ids.next('ctl'), v.now()];
      const expected = next(built);
      for (const copy of copies) expect(next(copy)).toEqual(expected);
    } finally {
      for (const v of [built, ...copies]) closeVault(v);
    }
  });
});
