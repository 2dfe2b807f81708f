import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileURLToPath as pathOf } from 'node:url';
import { type BrowserWindow, app, dialog, ipcMain, session, utilityProcess } from 'electron';
import type { IPC_EVENT } from '../../shared/api/bridge';
import { createDialogHost } from '../platform/electron-dialogs';
import { attestHome, sharedHome } from '../platform/home';
import { fileLogger } from '../platform/logger';
import { listRecent } from '../platform/recent';
import { APP_VERSION } from '../platform/version';
import { type IpcEventMessage, registerIpc } from '../rpc/ipc';
import { grantingHost, registerHostIpc } from '../rpc/ipc-host';
import { locateHost } from '../runtime/fork';
import { HostSupervisor } from '../runtime/supervisor';
import { installMenu } from './menu';
import { type MenuCommandDeps, runMenuCommand } from './menu-commands';
import type { MenuCommand } from './menu-model';
import { denyPermissions, hardenWebContents } from './navigation';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { isTrustedSender } from './trust';
import { vaultPathFromArgv } from './vault-paths';
import { utilityHost } from './utility-host';
import { createMainWindow } from './window';

/**
 * The desktop entry (bundled to dist/electron/main.js). One instance, one window, one open vault.
 * The vault, the dispatcher and the jobs live in the runtime host, a utilityProcess (DESIGN §1):
 * main relays the window's calls, events, app://blob streams, menu commands and the quit
 * sequence to it and never opens a vault itself, so heavy work never stalls windows and menus.
 * Everything it wires up is decided in pure modules next to it.
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
  const logger = fileLogger(home);
  // The witness and the backups live where the `attest` command finds them too (~/Attest).
  // Started again on the next call if it dies (the window then offers to reopen the vault).
  const runtime = new HostSupervisor(
    () =>
      utilityHost(
        utilityProcess.fork(pathOf(locateHost().url), [], {
          serviceName: 'Attest runtime',
          stdio: 'inherit',
        }),
      ),
    { home, app: 'Attest desktop', shared: sharedHome(process.env), automaticBackups: true },
    logger,
  );
  let win: BrowserWindow | null = null;
  let ready = false;
  let pendingVault = vaultPathFromArgv(process.argv, process.cwd());

  // Paths the user chose: picked in a dialog, dropped on the window or named on the command
  // line are granted to the host, which also counts its recent list as chosen. Only these may
  // be read or opened over IPC (docs/decisions.md).
  const granted = { grant: (...paths: string[]) => runtime.grant(paths) };
  const dialogs = grantingHost(
    createDialogHost(() => win),
    granted,
  );
  const commandDeps: MenuCommandDeps = {
    dispatch: (method, input) => runtime.call(method, input, 'ipc'),
    dialogs,
    currentVaultPath: () => runtime.vaultPath,
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

  let menuRefreshes = 0;
  /**
   * Whether a package is open is the runtime's to say (a call, as the window asks it) — except
   * after the runtime stopped, which took any package with it (and asking would start a new one).
   */
  function refreshMenu(askForPackage = true): void {
    const hasVault = runtime.vaultPath !== null;
    const refresh = ++menuRefreshes;
    const packageOpen =
      hasVault || !askForPackage
        ? Promise.resolve(false)
        : runtime
            .call('auditor.package', {}, 'ipc')
            .then((reply) => reply.ok && reply.value !== null)
            .catch(() => false);
    void packageOpen.then((hasPackage) => {
      // An older refresh answering late never replaces a newer menu.
      if (refresh !== menuRefreshes) return;
      installMenu(
        {
          hasVault,
          hasPackage,
          recent: listRecent(home),
          platform: process.platform,
          appName: app.name,
          dev: !app.isPackaged,
        },
        run,
      );
    });
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
    serveAppProtocol({ uiRoot: join(app.getAppPath(), 'dist', 'renderer'), backend: runtime });
    const disposeIpc = registerIpc({
      ipcMain,
      backend: runtime,
      isTrustedSender,
      send: broadcast,
      grant: (paths) => runtime.grant(paths),
    });
    const disposeHost = registerHostIpc({ ipcMain, host: dialogs, logger, isTrustedSender });
    // The menu depends on whether a vault is open and on the recent list; a host that stopped
    // took its vault with it.
    runtime.events.listen((event, payload) => {
      if (event === 'runtime.stopped') refreshMenu(false);
      const change = payload as { reason: string; domains?: readonly string[] };
      if (
        event === 'vault.changed' &&
        (change.reason !== 'updated' || change.domains?.includes('auditor'))
      ) {
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

    // The host closes the vault cleanly (jobs cancelled, lock released, journal removed) and
    // exits before main does.
    let closed = false;
    app.on('will-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      disposeHost();
      disposeIpc();
      runtime
        .shutdown()
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
