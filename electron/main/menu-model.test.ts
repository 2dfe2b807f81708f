import { describe, expect, it } from 'vitest';
import { type MenuCommand, type MenuItemModel, buildMenuModel, toMenuTemplate } from './menu-model';

const recent = [
  { path: '/v/acme.attest', name: 'Acme SOC 2' },
  { path: '/v/globex.attest', name: 'Globex' },
];

function submenu(items: MenuItemModel[], label: string): MenuItemModel[] {
  const found = items.find((i) => i.type === 'submenu' && i.label === label);
  if (!found || found.type !== 'submenu') throw new Error(`no ${label} menu`);
  return found.items;
}

function commands(items: MenuItemModel[]) {
  return items.flatMap((i) =>
    i.type === 'command' ? [{ label: i.label, enabled: i.enabled, kind: i.command.kind }] : [],
  );
}

describe('buildMenuModel', () => {
  it('offers the vault commands, enabled according to whether a vault is open', () => {
    const closed = submenu(
      buildMenuModel({ hasVault: false, recent, platform: 'linux', appName: 'Attest' }),
      'File',
    );
    expect(commands(closed)).toEqual([
      { label: 'New vault…', enabled: true, kind: 'newVault' },
      { label: 'Open vault…', enabled: true, kind: 'openVault' },
      { label: 'Open audit package…', enabled: true, kind: 'openPackage' },
      { label: 'Close audit package', enabled: false, kind: 'closePackage' },
      { label: 'Save a copy…', enabled: false, kind: 'saveCopy' },
      { label: 'Close vault', enabled: false, kind: 'closeVault' },
    ]);
    expect(closed.at(-1)).toEqual({ type: 'role', role: 'quit' });
    const open = submenu(
      buildMenuModel({ hasVault: true, recent, platform: 'linux', appName: 'Attest' }),
      'File',
    );
    // Auditor mode works with no vault open: the package command waits until it is closed.
    expect(commands(open).filter((c) => !c.enabled)).toEqual([
      { label: 'Open audit package…', enabled: false, kind: 'openPackage' },
      { label: 'Close audit package', enabled: false, kind: 'closePackage' },
    ]);
    // With a package open in auditor mode, it can be closed from the menu.
    const auditing = submenu(
      buildMenuModel({
        hasVault: false,
        hasPackage: true,
        recent,
        platform: 'linux',
        appName: 'Attest',
      }),
      'File',
    );
    expect(commands(auditing).find((c) => c.kind === 'closePackage')).toEqual({
      label: 'Close audit package',
      enabled: true,
      kind: 'closePackage',
    });
    const item = closed.find((i) => i.type === 'command' && i.command.kind === 'openPackage');
    expect(item).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+O' });
  });

  it('lists recent vaults, or says there are none', () => {
    const file = submenu(
      buildMenuModel({ hasVault: false, recent, platform: 'win32', appName: 'Attest' }),
      'File',
    );
    expect(commands(submenu(file, 'Open Recent'))).toEqual([
      { label: 'Acme SOC 2 — acme.attest', enabled: true, kind: 'openPath' },
      { label: 'Globex — globex.attest', enabled: true, kind: 'openPath' },
      { label: 'Clear Menu', enabled: true, kind: 'clearRecent' },
    ]);
    const empty = submenu(
      buildMenuModel({ hasVault: false, recent: [], platform: 'win32', appName: 'Attest' }),
      'File',
    );
    expect(commands(submenu(empty, 'Open Recent'))).toEqual([
      { label: 'No recent vaults', enabled: false, kind: 'openVault' },
    ]);
  });

  it('follows the platform: an app menu with Quit on macOS, Quit in File elsewhere', () => {
    const mac = buildMenuModel({
      hasVault: false,
      recent: [],
      platform: 'darwin',
      appName: 'Attest',
    });
    expect(mac.map((m) => (m.type === 'submenu' ? m.label : m.type))).toEqual([
      'Attest',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    expect(submenu(mac, 'Attest')).toContainEqual({ type: 'role', role: 'quit' });
    expect(submenu(mac, 'File')).not.toContainEqual({ type: 'role', role: 'quit' });
  });

  it('shows reload and developer tools only in development', () => {
    const roles = (dev: boolean) =>
      submenu(
        buildMenuModel({ hasVault: false, recent: [], platform: 'linux', appName: 'A', dev }),
        'View',
      );
    expect(roles(false)).not.toContainEqual({ type: 'role', role: 'toggleDevTools' });
    expect(roles(true)).toContainEqual({ type: 'role', role: 'toggleDevTools' });
  });
});

describe('toMenuTemplate', () => {
  it('turns commands into click handlers that run the command', () => {
    const ran: MenuCommand[] = [];
    const model = buildMenuModel({ hasVault: true, recent, platform: 'linux', appName: 'Attest' });
    const template = toMenuTemplate(model, (c) => ran.push(c));
    const file = template.find((m) => m.label === 'File')!;
    const items = file.submenu as { label?: string; accelerator?: string; click?: () => void }[];
    const newVault = items.find((i) => i.label === 'New vault…')!;
    expect(newVault.accelerator).toBe('CmdOrCtrl+N');
    newVault.click!();
    const recentMenu = items.find((i) => i.label === 'Open Recent')!;
    (recentMenu as unknown as { submenu: { click?: () => void }[] }).submenu[0]!.click!();
    expect(ran).toEqual([{ kind: 'newVault' }, { kind: 'openPath', path: '/v/acme.attest' }]);
  });
});
