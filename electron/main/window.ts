import { join } from 'node:path';
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { readJsonFile, writeJsonFile } from '../platform/home';
import type { Logger } from '../platform/logger';
import { APP_ENTRY_URL } from './trust';
import {
  MIN_SIZE,
  WINDOW_STATE_FILE,
  captureWindowState,
  restoreWindowState,
} from './window-state';

export interface MainWindowOptions {
  home: string;
  /** dist/electron/preload.cjs */
  preload: string;
  logger: Logger;
}

/**
 * The one app window, hardened per DESIGN §8 (the navigation rules are applied to every web
 * contents in navigation.ts), at the size and place it was left, if that is still on a screen.
 */
export function createMainWindow({ home, preload, logger }: MainWindowOptions): BrowserWindow {
  const stateFile = join(home, WINDOW_STATE_FILE);
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()];
  const restored = restoreWindowState(
    readJsonFile<unknown>(stateFile, null),
    displays.map((d) => d.workArea),
  );

  const win = new BrowserWindow({
    ...restored.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Attest',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1a1b1e' : '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      // A file dropped outside a drop zone must not replace the UI with the file.
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  if (restored.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  win.on('close', () => {
    try {
      writeJsonFile(stateFile, captureWindowState(win.getNormalBounds(), win.isMaximized()));
    } catch (e) {
      logger.warn('window state not saved', { error: String(e) });
    }
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    logger.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
  });

  void win.loadURL(APP_ENTRY_URL);
  return win;
}
