import { api } from '../../api';
import { notifyError, notifySuccess } from '../../app/notify';
import { fileName } from '../../components/format';
import { useVaultDialogs } from './dialogs';
import { suggestFileName } from './new-vault-form';
import { useVault } from './store';

/** User flows shared by the start screen, the vault menu and the command palette. */

export async function openVaultFile(file: string): Promise<boolean> {
  try {
    await useVault.getState().open(file);
    useVaultDialogs.getState().hide();
    return true;
  } catch (e) {
    notifyError(e);
    return false;
  }
}

/** Desktop: the system's file dialog. Browser: a list of the vaults inside ATTEST_HOME. */
export async function chooseVaultToOpen(): Promise<void> {
  if (api.kind === 'browser') {
    useVaultDialogs.getState().show('open');
    return;
  }
  try {
    const path = await api.host.pickVault();
    if (path) await openVaultFile(path);
  } catch (e) {
    notifyError(e);
  }
}

export function startNewVault(): void {
  useVaultDialogs.getState().show('new');
}

/** Saves a copy (throws, so a form can show the error under its field). */
export async function saveCopyTo(file: string): Promise<void> {
  const { path } = await api.call('vault.saveCopy', { file });
  notifySuccess(`Saved a copy as ${fileName(path)}.`);
}

/** Desktop: the system's save dialog. Browser: a file name inside the vaults folder. */
export async function saveVaultCopy(): Promise<void> {
  if (api.kind === 'browser') {
    useVaultDialogs.getState().show('saveCopy');
    return;
  }
  try {
    const name = useVault.getState().info?.engagement.name ?? 'vault';
    const path = await api.host.pickSavePath({
      title: 'Save a copy of the vault',
      defaultName: `${suggestFileName(name)}-copy.attest`,
      filters: [{ name: 'Attest vault', extensions: ['attest'] }],
    });
    if (path) await saveCopyTo(path);
  } catch (e) {
    notifyError(e);
  }
}

/** "Compact vault…": a confirmation that says what it gives back and needs, then the job. */
export function compactVault(): void {
  useVaultDialogs.getState().show('compact');
}

/** "Backups…": the vault's backups, each restorable after a confirmation; "Back up now". */
export function showBackups(): void {
  useVaultDialogs.getState().show('backups');
}

export async function closeVault(): Promise<void> {
  const name = useVault.getState().info?.engagement.name;
  try {
    await useVault.getState().close();
    notifySuccess(name ? `Closed “${name}”. Everything was already saved.` : 'Vault closed.');
  } catch (e) {
    notifyError(e);
  }
}

export async function forgetRecentVault(path: string): Promise<void> {
  try {
    await useVault.getState().forgetRecent(path);
    notifySuccess(`Removed ${fileName(path)} from the list. The file itself was not touched.`);
  } catch (e) {
    notifyError(e);
  }
}
