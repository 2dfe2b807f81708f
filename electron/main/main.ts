import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserWindow, app, dialog, ipcMain, session } from 'electron';
import type { IPC_EVENT } from '../../shared/api/bridge';
import { createDialogHost } from '../platform/electron-dialogs';
import { attestHome, sharedHome } from '../platform/home';
import { listRecent } from '../platform/recent';
import { APP_VERSION } from '../platform/version';
import { dispatch } from '../rpc/dispatch';
import { type IpcEventMessage, registerIpc } from '../rpc/ipc';
import { GrantedPaths } from '../rpc/callers';
import { grantingHost, registerHostIpc } from '../rpc/ipc-host';
import { createRuntime } from '../rpc/runtime';
import { installMenu } from './menu';
import { type MenuCommandDeps, runMenuCommand } from './menu-commands';
import type { MenuCommand } from './menu-model';
import { denyPermissions, hardenWebContents } from './navigation';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { isTrustedSender } from './trust';
import { vaultPathFromArgv } from './vault-paths';
import { createMainWindow } from './window';

/**
 * The desktop entry (bundled to dist/electron/main.js). One instance, one window, one open vault
 * per process. Everything it wires up is decided in pure modules next to it.
 */

const here = dirname(fileURLToPath(import.meta.url));

// Same user-data folder in development (package name "attest") and packaged ("Attest").
app.setName('Attest');
// An explicit ATTEST_HOME (tests) also holds Chromium's profile: such a run shares no storage
// with the user's own Attest, and is not turned away by its single-instance lock.
if (process.env.ATTEST_HOME) {
  app.setPath('userData', join(attestHome(process.env), 'chromium-profile'));
}
registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Attest is running: it receives our command line in 'second-instance' and opens it.
  app.quit();
} else {
  start();
}

function start(): void {
  // Tests set ATTEST_HOME to a temporary folder; users get the platform's user-data folder.
  const home = attestHome(process.env, app.getPath('userData'));
  // The witness and the backups live where the `attest` command finds them too (~/Attest).
  const ctx = createRuntime({
    home,
    app: 'Attest desktop',
    shared: sharedHome(process.env),
    automaticBackups: true,
  });
  const logger = ctx.logger;
  let win: BrowserWindow | null = null;
  let ready = false;
  let pendingVault = vaultPathFromArgv(process.argv, process.cwd());

  // Paths the user chose: picked in a dialog, dropped on the window, opened before (recent) or
  // named on the command line. Only these may be read or opened over IPC (docs/decisions.md).
  const granted = new GrantedPaths();
  const isRecent = (path: string) =>
    listRecent(home).some((r) => resolve(r.path) === resolve(path));
  const dialogs = grantingHost(
    createDialogHost(() => win),
    granted,
  );
  const mainCaller = granted.caller(isRecent);
  const commandDeps: MenuCommandDeps = {
    dispatch: (method, input) => dispatch(ctx, method, input, mainCaller),
    dialogs,
    currentVaultPath: () => ctx.vault?.path ?? null,
    logFile: join(home, 'logs', 'attest.log'),
    showError: (title, message) => {
      const options = { type: 'error' as const, title, message: title, detail: message };
      void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
    },
    refreshMenu: () => refreshMenu(),
  };

  function run(command: MenuCommand): void {
    showWindow();
    runMenuCommand(command, commandDeps).catch((e: unknown) => {
      logger.error('menu command failed', { command: command.kind, error: String(e) });
    });
  }

  function refreshMenu(): void {
    installMenu(
      {
        hasVault: ctx.vault !== null,
        recent: listRecent(home),
        platform: process.platform,
        appName: app.name,
        dev: !app.isPackaged,
      },
      run,
    );
  }

  function showWindow(): void {
    if (!ready) return;
    if (!win || win.isDestroyed()) {
      win = createMainWindow({ home, preload: join(here, 'preload.cjs'), logger });
      win.on('closed', () => {
        win = null;
      });
    }
    if (win.isMinimized()) win.restore();
    win.focus();
  }

  function openVault(path: string): void {
    granted.grant(path);
    if (ready) run({ kind: 'openPath', path });
    else pendingVault = path;
  }

  /** Events go only to windows showing our own UI. */
  function broadcast(channel: typeof IPC_EVENT, message: IpcEventMessage): void {
    const contents = win && !win.isDestroyed() ? win.webContents : null;
    if (contents && !contents.isDestroyed() && isTrustedSender(contents.getURL())) {
      contents.send(channel, message);
    }
  }

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger));
  // macOS: a double-clicked .attest file, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openVault(path);
  });
  app.on('second-instance', (_event, argv, cwd) => {
    showWindow();
    const path = vaultPathFromArgv(argv, cwd);
    if (path) openVault(path);
  });

  app.setAboutPanelOptions({ applicationName: 'Attest', applicationVersion: APP_VERSION });

  void app.whenReady().then(() => {
    denyPermissions(session.defaultSession);
    serveAppProtocol({ uiRoot: join(app.getAppPath(), 'dist', 'renderer'), ctx });
    const disposeIpc = registerIpc({
      ipcMain,
      ctx,
      isTrustedSender,
      send: broadcast,
      granted,
      alsoGranted: isRecent,
    });
    const disposeHost = registerHostIpc({ ipcMain, host: dialogs, logger, isTrustedSender });
    // The menu depends on whether a vault is open and on the recent list.
    ctx.events.listen((event, payload) => {
      if (event === 'vault.changed' && (payload as { reason: string }).reason !== 'updated') {
        refreshMenu();
      }
    });
    ready = true;
    refreshMenu();
    showWindow();
    if (pendingVault) openVault(pendingVault);
    pendingVault = null;

    app.on('activate', () => showWindow());
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });

    // Close the vault cleanly (jobs cancelled, lock released, journal removed) before exiting.
    let closed = false;
    app.on('will-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      disposeHost();
      disposeIpc();
      ctx
        .dispose()
        .catch((e: unknown) =>
          logger.error('closing the vault on quit failed', { error: String(e) }),
        )
        .finally(() => {
          closed = true;
          app.quit();
        });
    });
  });
}
