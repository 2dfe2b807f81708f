import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu as plain data, so what it offers in each state is unit-tested; menu.ts
 * hands the template to Electron. Commands are data too: main runs them (menu-commands.ts).
 */
export type MenuCommand =
  | { kind: 'newVault' }
  | { kind: 'openVault' }
  /** Open the vault at this path: a recent item, a launch argument, a file opened in Finder. */
  | { kind: 'openPath'; path: string }
  /** Open an audit package (.zip) read-only, in auditor mode: the window shows its check. */
  | { kind: 'openPackage' }
  /** Close the audit package open in auditor mode (the window goes back to the start screen). */
  | { kind: 'closePackage' }
  | { kind: 'clearRecent' }
  | { kind: 'saveCopy' }
  | { kind: 'closeVault' }
  | { kind: 'revealLogs' };

/** Electron roles used here: the OS supplies label, shortcut and behaviour. */
export type MenuRole = NonNullable<MenuItemConstructorOptions['role']>;

export type MenuItemModel =
  | { type: 'separator' }
  | { type: 'command'; label: string; command: MenuCommand; accelerator?: string; enabled: boolean }
  | { type: 'role'; role: MenuRole }
  | { type: 'submenu'; label: string; items: MenuItemModel[]; role?: MenuRole };

export interface MenuModelInput {
  hasVault: boolean;
  /** An audit package is open in auditor mode (no vault is, then). */
  hasPackage?: boolean;
  recent: readonly { path: string; name: string }[];
  platform: string;
  appName: string;
  /** Reload and developer tools only in an unpackaged build. */
  dev?: boolean;
}

const MAX_RECENT_ITEMS = 10;
const separator: MenuItemModel = { type: 'separator' };
const role = (r: MenuRole): MenuItemModel => ({ type: 'role', role: r });

export function buildMenuModel(input: MenuModelInput): MenuItemModel[] {
  const mac = input.platform === 'darwin';
  const menus: MenuItemModel[] = [];
  if (mac) {
    menus.push({
      type: 'submenu',
      label: input.appName,
      role: 'appMenu',
      items: [
        role('about'),
        separator,
        role('services'),
        separator,
        role('hide'),
        role('hideOthers'),
        role('unhide'),
        separator,
        role('quit'),
      ],
    });
  }
  menus.push(
    fileMenu(input, mac),
    editMenu(mac),
    viewMenu(input.dev === true),
    windowMenu(mac),
    helpMenu(mac),
  );
  return menus;
}

function fileMenu(input: MenuModelInput, mac: boolean): MenuItemModel {
  const items: MenuItemModel[] = [
    command('New vault…', { kind: 'newVault' }, 'CmdOrCtrl+N'),
    command('Open vault…', { kind: 'openVault' }, 'CmdOrCtrl+O'),
    { type: 'submenu', label: 'Open Recent', items: recentItems(input.recent) },
    command('Open audit package…', { kind: 'openPackage' }, 'CmdOrCtrl+Shift+O', !input.hasVault),
    command('Close audit package', { kind: 'closePackage' }, undefined, input.hasPackage === true),
    separator,
    command('Save a copy…', { kind: 'saveCopy' }, 'CmdOrCtrl+Shift+S', input.hasVault),
    command('Close vault', { kind: 'closeVault' }, undefined, input.hasVault),
  ];
  if (!mac) items.push(separator, role('quit'));
  return { type: 'submenu', label: 'File', items };
}

function recentItems(recent: MenuModelInput['recent']): MenuItemModel[] {
  if (recent.length === 0) {
    return [
      {
        type: 'command',
        label: 'No recent vaults',
        command: { kind: 'openVault' },
        enabled: false,
      },
    ];
  }
  return [
    ...recent
      .slice(0, MAX_RECENT_ITEMS)
      .map((r) => command(`${r.name} — ${basename(r.path)}`, { kind: 'openPath', path: r.path })),
    separator,
    command('Clear Menu', { kind: 'clearRecent' }),
  ];
}

function editMenu(mac: boolean): MenuItemModel {
  return {
    type: 'submenu',
    label: 'Edit',
    items: [
      role('undo'),
      role('redo'),
      separator,
      role('cut'),
      role('copy'),
      role('paste'),
      ...(mac ? [role('pasteAndMatchStyle')] : []),
      role('delete'),
      separator,
      role('selectAll'),
    ],
  };
}

function viewMenu(dev: boolean): MenuItemModel {
  return {
    type: 'submenu',
    label: 'View',
    items: [
      ...(dev ? [role('reload'), role('forceReload'), role('toggleDevTools'), separator] : []),
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      separator,
      role('togglefullscreen'),
    ],
  };
}

function windowMenu(mac: boolean): MenuItemModel {
  return {
    type: 'submenu',
    label: 'Window',
    role: 'windowMenu',
    items: mac
      ? [role('minimize'), role('zoom'), separator, role('front')]
      : [role('minimize'), role('close')],
  };
}

function helpMenu(mac: boolean): MenuItemModel {
  return {
    type: 'submenu',
    label: 'Help',
    role: 'help',
    items: [
      command('Show Logs Folder', { kind: 'revealLogs' }),
      ...(mac ? [] : [separator, role('about')]),
    ],
  };
}

function command(
  label: string,
  cmd: MenuCommand,
  accelerator?: string,
  enabled = true,
): MenuItemModel {
  return accelerator === undefined
    ? { type: 'command', label, command: cmd, enabled }
    : { type: 'command', label, command: cmd, accelerator, enabled };
}

/** The model as Electron's template (plain objects; no Electron call, so this is tested too). */
export function toMenuTemplate(
  items: readonly MenuItemModel[],
  run: (command: MenuCommand) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { role: item.role };
      case 'submenu':
        return {
          label: item.label,
          submenu: toMenuTemplate(item.items, run),
          ...(item.role ? { role: item.role } : {}),
        };
      case 'command':
        return {
          label: item.label,
          enabled: item.enabled,
          ...(item.accelerator ? { accelerator: item.accelerator } : {}),
          click: () => run(item.command),
        };
    }
  });
}
