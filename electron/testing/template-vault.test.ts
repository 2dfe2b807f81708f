import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyScope } from '../core/scope/apply-scope';
import { vaultInfo } from '../core/vault/info';
import { closeVault, openVault } from '../core/vault/session';
import { verifyVault } from '../core/vault/verify';
import { copyAsNewVault } from './template-vault';
import { tempDir } from './tmp';
import { newTestVault } from './vaults';

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
});
