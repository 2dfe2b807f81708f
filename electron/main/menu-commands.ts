import { basename } from 'node:path';
import type { Envelope, MethodName } from '../../shared/api/index';
import type { HostOps } from '../rpc/ipc-host';
import type { MenuCommand } from './menu-model';
import { VAULT_EXT, engagementNameFromFile, ensureVaultExtension } from './vault-paths';

/**
 * What the menu's commands do. Main calls the dispatcher itself, exactly as the UI would; the
 * UI learns of the outcome from the `vault.changed` event it already follows, so the contract
 * needs no menu-specific event. Pure over injected capabilities, so it is unit-tested.
 */
export interface MenuCommandDeps {
  dispatch(method: MethodName, input: unknown): Promise<Envelope>;
  dialogs: Pick<
    HostOps,
    'pickVault' | 'pickNewVaultPath' | 'pickSavePath' | 'pickFiles' | 'revealInFolder'
  >;
  currentVaultPath(): string | null;
  logFile: string;
  /** Tells the user what went wrong, in the words the dispatcher chose. */
  showError(title: string, message: string): void;
  /** The recent list changed in a way no event reports (Clear Menu). */
  refreshMenu(): void;
}

export async function runMenuCommand(command: MenuCommand, deps: MenuCommandDeps): Promise<void> {
  switch (command.kind) {
    case 'newVault': {
      const file = await deps.dialogs.pickNewVaultPath(`New engagement${VAULT_EXT}`);
      if (!file) return;
      await call(deps, 'Could not create the vault', 'vault.create', {
        file,
        engagement: { name: engagementNameFromFile(file) },
      });
      return;
    }
    case 'openVault': {
      const file = await deps.dialogs.pickVault();
      if (file) await call(deps, 'Could not open the vault', 'vault.open', { file });
      return;
    }
    case 'openPath':
      await call(deps, 'Could not open the vault', 'vault.open', { file: command.path });
      return;
    case 'openPackage': {
      // The job's progress and verdict are shown by the window, which follows the job's events
      // (renderer/features/auditor/open-package.ts); a refusal before it starts is said here.
      const [path] =
        (await deps.dialogs.pickFiles({
          title: 'Open audit package',
          filters: [{ name: 'Audit package', extensions: ['zip'] }],
        })) ?? [];
      if (path) {
        await call(deps, 'Could not open the audit package', 'auditor.openPackage', {
          source: { path },
        });
      }
      return;
    }
    case 'closePackage':
      // The window follows: the package's close is announced as the `auditor` domain.
      await call(deps, 'Could not close the audit package', 'auditor.closePackage', {});
      deps.refreshMenu();
      return;
    case 'clearRecent': {
      const recent = await deps.dispatch('vault.recent', {});
      if (recent.ok) {
        for (const item of (recent.value as { items: { path: string }[] }).items) {
          await deps.dispatch('vault.forgetRecent', { path: item.path });
        }
      }
      deps.refreshMenu();
      return;
    }
    case 'saveCopy': {
      const current = deps.currentVaultPath();
      if (!current) return;
      const stem = basename(current).replace(/\.attest$/i, '');
      const picked = await deps.dialogs.pickSavePath({
        title: 'Save a copy of the vault',
        defaultName: `${stem} copy${VAULT_EXT}`,
        filters: [{ name: 'Attest vault', extensions: ['attest'] }],
      });
      if (picked) {
        await call(deps, 'Could not save a copy', 'vault.saveCopy', {
          file: ensureVaultExtension(picked),
        });
      }
      return;
    }
    case 'closeVault':
      await call(deps, 'Could not close the vault', 'vault.close', {});
      return;
    case 'revealLogs':
      await deps.dialogs.revealInFolder(deps.logFile);
      return;
  }
}

async function call(
  deps: MenuCommandDeps,
  title: string,
  method: MethodName,
  input: unknown,
): Promise<void> {
  const reply = await deps.dispatch(method, input);
  if (!reply.ok) deps.showError(title, reply.error.message);
}
