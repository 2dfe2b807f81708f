import { describe, expect, it } from 'vitest';
import { closeVault, openVault } from '../../core/vault/session';
import { verifyVault } from '../../core/vault/verify';
import { fixtureCopy } from '../../testing/fixtures';

describe('format-6 fixture vaults', () => {
  it('open at the latest format and verify sound', async () => {
    const vault = await openVault(fixtureCopy('format6-demo.attest'));
    const report = await verifyVault(vault);
    closeVault(vault);
    expect(report.problems).toEqual([]);
    expect(report.checked.blobs).toBe(2);
  });

  it('still name each record changed behind the app’s back', async () => {
    const vault = await openVault(fixtureCopy('format6-tampered.attest'));
    const report = await verifyVault(vault);
    closeVault(vault);
    expect(report.problems.map((p) => [p.kind, 'entity' in p ? p.entity : null])).toEqual([
      ['row_changed', 'control'],
      ['row_changed', 'task'],
      ['row_changed', 'request'],
    ]);
  });
});
