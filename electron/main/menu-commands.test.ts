import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/api/index';
import { type MenuCommandDeps, runMenuCommand } from './menu-commands';

function deps(overrides: Partial<MenuCommandDeps['dialogs']> = {}, reply?: Envelope) {
  const calls: [string, unknown][] = [];
  const errors: [string, string][] = [];
  const d: MenuCommandDeps = {
    dispatch: vi.fn(async (method: string, input: unknown): Promise<Envelope> => {
      calls.push([method, input]);
      if (method === 'vault.recent') {
        return { ok: true, value: { items: [{ path: '/v/a.attest' }, { path: '/v/b.attest' }] } };
      }
      return reply ?? { ok: true, value: {} };
    }),
    dialogs: {
      pickVault: vi.fn(async () => '/v/acme.attest'),
      pickNewVaultPath: vi.fn(async () => '/v/Acme 2026.attest'),
      pickSavePath: vi.fn(async () => '/backup/acme copy'),
      pickFiles: vi.fn(async () => ['/downloads/Audit-Package.zip']),
      revealInFolder: vi.fn(async () => undefined),
      ...overrides,
    },
    currentVaultPath: () => '/v/acme.attest',
    logFile: '/home/me/.config/Attest/logs/attest.log',
    showError: (title, message) => errors.push([title, message]),
    refreshMenu: vi.fn(),
  };
  return { d, calls, errors };
}

describe('runMenuCommand', () => {
  it('New vault… creates a vault named after the chosen file', async () => {
    const { d, calls } = deps();
    await runMenuCommand({ kind: 'newVault' }, d);
    expect(d.dialogs.pickNewVaultPath).toHaveBeenCalledWith('New engagement.attest');
    expect(calls).toEqual([
      ['vault.create', { file: '/v/Acme 2026.attest', engagement: { name: 'Acme 2026' } }],
    ]);
  });

  it('does nothing when the user cancels a dialog', async () => {
    const { d, calls } = deps({
      pickVault: async () => null,
      pickNewVaultPath: async () => null,
      pickSavePath: async () => null,
    });
    await runMenuCommand({ kind: 'newVault' }, d);
    await runMenuCommand({ kind: 'openVault' }, d);
    await runMenuCommand({ kind: 'saveCopy' }, d);
    expect(calls).toEqual([]);
  });

  it('opens a picked or recent vault, and says why when it cannot', async () => {
    const { d, calls, errors } = deps(
      {},
      {
        ok: false,
        error: { code: 'vault_locked', message: 'acme.attest is open in attest serve' },
      },
    );
    await runMenuCommand({ kind: 'openVault' }, d);
    await runMenuCommand({ kind: 'openPath', path: '/v/old.attest' }, d);
    expect(calls).toEqual([
      ['vault.open', { file: '/v/acme.attest' }],
      ['vault.open', { file: '/v/old.attest' }],
    ]);
    expect(errors[0]).toEqual(['Could not open the vault', 'acme.attest is open in attest serve']);
  });

  it('Save a copy… proposes a name beside the vault and keeps the extension', async () => {
    const { d, calls } = deps();
    await runMenuCommand({ kind: 'saveCopy' }, d);
    expect(d.dialogs.pickSavePath).toHaveBeenCalledWith(
      expect.objectContaining({ defaultName: 'acme copy.attest' }),
    );
    expect(calls).toEqual([['vault.saveCopy', { file: '/backup/acme copy.attest' }]]);
  });

  it('Clear Menu forgets every recent vault and refreshes the menu', async () => {
    const { d, calls } = deps();
    await runMenuCommand({ kind: 'clearRecent' }, d);
    expect(calls.map(([m, i]) => [m, i])).toEqual([
      ['vault.recent', {}],
      ['vault.forgetRecent', { path: '/v/a.attest' }],
      ['vault.forgetRecent', { path: '/v/b.attest' }],
    ]);
    expect(d.refreshMenu).toHaveBeenCalled();
  });

  it('Open audit package… opens the chosen zip as auditor mode, and says why when it cannot', async () => {
    const { d, calls, errors } = deps(
      {},
      { ok: false, error: { code: 'conflict', message: 'Close the vault first.' } },
    );
    await runMenuCommand({ kind: 'openPackage' }, d);
    expect(d.dialogs.pickFiles).toHaveBeenCalledWith(
      expect.objectContaining({ filters: [{ name: 'Audit package', extensions: ['zip'] }] }),
    );
    expect(calls).toEqual([
      ['auditor.openPackage', { source: { path: '/downloads/Audit-Package.zip' } }],
    ]);
    expect(errors).toEqual([['Could not open the audit package', 'Close the vault first.']]);

    const cancelled = deps({ pickFiles: async () => null });
    await runMenuCommand({ kind: 'openPackage' }, cancelled.d);
    expect(cancelled.calls).toEqual([]);
  });

  it('Close audit package closes it, refreshes the menu, and says why when it cannot', async () => {
    const { d, calls, errors } = deps(
      {},
      { ok: false, error: { code: 'internal', message: 'The package could not be closed.' } },
    );
    await runMenuCommand({ kind: 'closePackage' }, d);
    expect(calls).toEqual([['auditor.closePackage', {}]]);
    expect(d.refreshMenu).toHaveBeenCalled();
    expect(errors).toEqual([
      ['Could not close the audit package', 'The package could not be closed.'],
    ]);
  });

  it('closes the vault and reveals the logs', async () => {
    const { d, calls } = deps();
    await runMenuCommand({ kind: 'closeVault' }, d);
    await runMenuCommand({ kind: 'revealLogs' }, d);
    expect(calls).toEqual([['vault.close', {}]]);
    expect(d.dialogs.revealInFolder).toHaveBeenCalledWith(d.logFile);
  });
});
