import { describe, expect, it } from 'vitest';
import { closeVault, openVault } from '../../core/vault/session';
import { verifyVault } from '../../core/vault/verify';
import { fixtureCopy } from '../../testing/fixtures';
import { LATEST_FORMAT_VERSION } from './index';

describe('migration 016: exported packages and imported auditor responses', () => {
  it('adds both tables empty to an older vault, records nothing of its own, and verifies sound', async () => {
    const vault = await openVault(fixtureCopy('format11-demo.attest'));
    const count = (sql: string) => vault.db.sqlite.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(*) FROM package_export')).toBe(0);
    expect(count('SELECT count(*) FROM auditor_response')).toBe(0);
    expect(
      count(
        "SELECT count(*) FROM audit_event WHERE entity IN ('auditor_response', 'package_export')",
      ),
    ).toBe(0);
    expect(vault.db.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_FORMAT_VERSION);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });
});
