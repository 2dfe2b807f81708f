import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApi } from '../../api/provider';
import { notifyError, notifySuccess } from '../../app/notify';
import { fileName } from '../../components/format';
import { useVaultDialogs } from './dialogs';
import { suggestFileName } from './new-vault-form';
import { useVaultSession } from './session';
import { currentOpenId } from './store';
import { cachedVaultInfo } from './vault-info';

/** User flows shared by the start screen, the vault menu and the command palette. */
export interface VaultActions {
  openVaultFile(file: string): Promise<boolean>;
  /** Desktop: the system's file dialog. Browser: a list of the vaults inside ATTEST_HOME. */
  chooseVaultToOpen(): Promise<void>;
  /** Saves a copy (throws, so a form can show the error under its field). */
  saveCopyTo(file: string): Promise<void>;
  /** Desktop: the system's save dialog. Browser: a file name inside the vaults folder. */
  saveVaultCopy(): Promise<void>;
  closeVault(): Promise<void>;
  forgetRecentVault(path: string): Promise<void>;
}

export function useVaultActions(): VaultActions {
  const client = useApi();
  const queries = useQueryClient();
  const session = useVaultSession();
  return useMemo(() => {
    const engagementName = () => cachedVaultInfo(queries, currentOpenId())?.engagement.name;
    const actions: VaultActions = {
      async openVaultFile(file) {
        try {
          await session.open(file);
          useVaultDialogs.getState().hide();
          return true;
        } catch (e) {
          notifyError(e);
          return false;
        }
      },
      async chooseVaultToOpen() {
        if (client.kind === 'browser') {
          useVaultDialogs.getState().show('open');
          return;
        }
        try {
          const path = await client.host.pickVault();
          if (path) await actions.openVaultFile(path);
        } catch (e) {
          notifyError(e);
        }
      },
      async saveCopyTo(file) {
        const { path } = await client.call('vault.saveCopy', { file });
        notifySuccess(`Saved a copy as ${fileName(path)}.`);
      },
      async saveVaultCopy() {
        if (client.kind === 'browser') {
          useVaultDialogs.getState().show('saveCopy');
          return;
        }
        try {
          const path = await client.host.pickSavePath({
            title: 'Save a copy of the vault',
            defaultName: `${suggestFileName(engagementName() ?? 'vault')}-copy.attest`,
            filters: [{ name: 'Attest vault', extensions: ['attest'] }],
          });
          if (path) await actions.saveCopyTo(path);
        } catch (e) {
          notifyError(e);
        }
      },
      async closeVault() {
        const name = engagementName();
        try {
          await session.close();
          notifySuccess(name ? `Closed “${name}”. Everything was already saved.` : 'Vault closed.');
        } catch (e) {
          notifyError(e);
        }
      },
      async forgetRecentVault(path) {
        try {
          await session.forgetRecent(path);
          notifySuccess(
            `Removed ${fileName(path)} from the list. The file itself was not touched.`,
          );
        } catch (e) {
          notifyError(e);
        }
      },
    };
    return actions;
  }, [client, queries, session]);
}

export function startNewVault(): void {
  useVaultDialogs.getState().show('new');
}

/** "Compact vault…": a confirmation that says what it gives back and needs, then the job. */
export function compactVault(): void {
  useVaultDialogs.getState().show('compact');
}

/** "Backups…": the vault's backups, each restorable after a confirmation; "Back up now". */
export function showBackups(): void {
  useVaultDialogs.getState().show('backups');
}

/** "Start next period…": the next engagement's vault, built from the open one. */
export function startNextPeriod(): void {
  useVaultDialogs.getState().show('rollForward');
}
