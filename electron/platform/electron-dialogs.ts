import { basename, isAbsolute, join } from 'node:path';
import {
  type BrowserWindow,
  type OpenDialogOptions,
  type SaveDialogOptions,
  app,
  dialog,
  shell,
} from 'electron';
import { AttestError } from '../../shared/api/errors';
import { isSafeExternalUrl } from '../main/trust';
import { ensureVaultExtension } from '../main/vault-paths';
import type { HostOps } from '../rpc/ipc-host';

/**
 * The desktop host bridge: native dialogs (modal to the app window), reveal in the file manager,
 * and https links in the system browser. Arguments were validated by ipc-host.ts already; the
 * checks that protect the OS (https only, absolute paths) are repeated here on purpose.
 */
const VAULT_FILTER = { name: 'Attest vault', extensions: ['attest'] };

export function createDialogHost(parentWindow: () => BrowserWindow | null): HostOps {
  async function open(options: OpenDialogOptions): Promise<string[] | null> {
    const win = parentWindow();
    const result = win
      ? await dialog.showOpenDialog(win, options)
      : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
  }

  async function save(options: SaveDialogOptions): Promise<string | null> {
    const win = parentWindow();
    const result = win
      ? await dialog.showSaveDialog(win, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }

  /** A suggested name only: never a path the renderer chose. */
  const inDocuments = (name: string) => join(app.getPath('documents'), basename(name));

  return {
    pickFiles: ({ title, multiple, filters }) =>
      open({
        ...(title ? { title } : {}),
        ...(filters ? { filters } : {}),
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      }),

    pickSavePath: ({ title, defaultName, filters }) =>
      save({
        ...(title ? { title } : {}),
        ...(filters ? { filters } : {}),
        defaultPath: inDocuments(defaultName),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }),

    pickVault: async () => {
      const paths = await open({
        title: 'Open vault',
        filters: [VAULT_FILTER],
        properties: ['openFile'],
      });
      return paths?.[0] ?? null;
    },

    pickNewVaultPath: async (defaultName) => {
      const path = await save({
        title: 'New vault',
        buttonLabel: 'Create',
        defaultPath: inDocuments(ensureVaultExtension(defaultName)),
        filters: [VAULT_FILTER],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return path ? ensureVaultExtension(path) : null;
    },

    revealInFolder: async (path) => {
      if (!isAbsolute(path)) throw new AttestError('validation', 'Give the full path of a file');
      shell.showItemInFolder(path);
    },

    openExternal: async (url) => {
      if (!isSafeExternalUrl(url)) {
        throw new AttestError('validation', 'Only https:// links can be opened in the browser.');
      }
      await shell.openExternal(url);
    },
  };
}
