import { fork } from 'node:child_process';
import { CLI_CALLER } from '../rpc/callers';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_HOST, IPC_INVOKE } from '../../shared/api/bridge';
import { CONTENT_SECURITY_POLICY } from '../platform/csp';
import { dispatch } from '../rpc/dispatch';
import { createRuntime } from '../rpc/runtime';

/**
 * main.ts against a fake `electron` module: the Electron runtime cannot run here, so this checks
 * the wiring itself — the scheme, the window's web preferences, the protocol responses, the IPC
 * handlers, the hardening of every web contents, the permission handlers, the menu and quitting.
 */
const fake = vi.hoisted(() => {
  type Fn = (...args: never[]) => unknown;
  const listeners = new Map<string, Fn[]>();
  const state = {
    listeners,
    ipc: new Map<string, Fn>(),
    schemes: [] as unknown[],
    protocolHandler: null as null | ((request: Request) => Promise<Response>),
    permissionRequest: null as null | Fn,
    permissionCheck: null as null | Fn,
    menu: [] as { label?: string; submenu?: { label?: string; enabled?: boolean }[] }[],
    windows: [] as { options: Record<string, unknown>; url: string }[],
    sent: [] as [string, unknown][],
    sandbox: false,
    quit: 0,
    paths: {} as Record<string, string>,
    appPath: '',
    userData: '',
    savePath: '',
    forked: [] as { modulePath: string; options: Record<string, unknown> }[],
    forkImpl: null as null | ((modulePath: string) => unknown),
  };
  const webContents = {
    getURL: () => 'app://attest/index.html',
    isDestroyed: () => false,
    send: (channel: string, message: unknown) => state.sent.push([channel, message]),
    on: () => undefined,
  };
  class BrowserWindow {
    url = '';
    webContents = webContents;
    constructor(public options: Record<string, unknown>) {
      state.windows.push(this);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    once() {}
    on() {}
    maximize() {}
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    restore() {}
    focus() {}
  }
  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  const electron = {
    app: {
      name: 'Attest',
      isPackaged: false,
      setName() {},
      setPath: (name: string, path: string) => (state.paths[name] = path),
      enableSandbox: () => (state.sandbox = true),
      requestSingleInstanceLock: () => true,
      getPath: () => state.userData,
      getAppPath: () => state.appPath,
      on: (event: string, fn: Fn) => listeners.set(event, [...(listeners.get(event) ?? []), fn]),
      whenReady: () => Promise.resolve(),
      setAboutPanelOptions() {},
      quit: () => state.quit++,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) =>
        (state.protocolHandler = handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Fn) => (state.permissionRequest = h),
        setPermissionCheckHandler: (h: Fn) => (state.permissionCheck = h),
        setDevicePermissionHandler() {},
      },
    },
    ipcMain: {
      handle: (channel: string, fn: Fn) => state.ipc.set(channel, fn),
      removeHandler: (channel: string) => state.ipc.delete(channel),
      on: (channel: string, fn: Fn) => state.ipc.set(`on:${channel}`, fn),
      removeAllListeners: (channel: string) => state.ipc.delete(`on:${channel}`),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: typeof state.menu) => (state.menu = menu),
    },
    BrowserWindow,
    screen: { getPrimaryDisplay: () => ({ workArea }), getAllDisplays: () => [{ workArea }] },
    nativeTheme: { shouldUseDarkColors: false },
    dialog: {
      showMessageBox: async () => ({}),
      // The user picks where the new vault goes (ATTEST_HOME/acme.attest in these tests).
      showSaveDialog: async () => ({ canceled: false, filePath: state.savePath }),
    },
    shell: { openExternal: async () => undefined, showItemInFolder() {} },
    webUtils: {},
    utilityProcess: {
      fork: (modulePath: string, args: string[], options: Record<string, unknown>) => {
        state.forked.push({ modulePath, options });
        return state.forkImpl!(modulePath);
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);

const { state } = fake;

/**
 * A utilityProcess stand-in: the same host entry forked by Node (it then talks over fork IPC
 * instead of parentPort), behind the UtilityProcess surface main's adapter uses.
 */
state.forkImpl = (modulePath: string) => {
  const child = fork(modulePath, [], {
    serialization: 'advanced',
    execArgv: modulePath.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  hostPids.push(child.pid!);
  return {
    get pid() {
      return child.pid;
    },
    postMessage: (message: unknown) => child.connected && child.send(message as object),
    on(event: string, listener: (arg: unknown) => void) {
      if (event === 'message') child.on('message', listener);
      if (event === 'exit') child.on('exit', (code) => listener(code ?? -1));
      return this;
    },
    kill: () => child.kill('SIGKILL'),
  };
};
const hostPids: number[] = [];
const UI = 'app://attest/index.html';
type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const invoke = (channel: string, frameUrl: string, ...args: unknown[]) =>
  (state.ipc.get(channel) as unknown as Handler)({ senderFrame: { url: frameUrl } }, ...args);
const emit = (event: string, ...args: unknown[]) => {
  for (const fn of state.listeners.get(event) ?? []) (fn as (...a: unknown[]) => unknown)(...args);
};
function fileMenu() {
  return state.menu.find((m) => m.label === 'File')!.submenu!;
}

let home: string;
const savedHome = process.env.ATTEST_HOME;
// Folders that live for the whole file: main.ts is imported once, in beforeAll.
const folders: string[] = [];
const folder = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
};

beforeAll(async () => {
  state.appPath = folder('attest-app-');
  state.userData = folder('attest-userdata-');
  home = folder('attest-home-');
  process.env.ATTEST_HOME = home;
  mkdirSync(join(state.appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(
    join(state.appPath, 'dist', 'renderer', 'index.html'),
    '<!doctype html><title>t</title>',
  );
  await import('./main');
  await new Promise((r) => setTimeout(r, 0)); // app.whenReady().then(...)
});

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  if (savedHome === undefined) delete process.env.ATTEST_HOME;
  else process.env.ATTEST_HOME = savedHome;
});

describe('main.ts wiring', () => {
  it('registers the app scheme as privileged and turns the sandbox on for every renderer', () => {
    expect(state.schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(state.sandbox).toBe(true);
  });

  it('opens one hardened window on the app UI', () => {
    expect(state.windows).toHaveLength(1);
    const window = state.windows[0]!;
    expect(window.url).toBe(UI);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: expect.stringMatching(/preload\.cjs$/),
    });
  });

  it('serves the UI over app:// with the CSP, and 404s with it too', async () => {
    const ok = await state.protocolHandler!(new Request(UI));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await ok.text()).toContain('<title>t</title>');
    for (const url of [
      'app://attest/missing.js',
      'app://attest/blob/1',
      'app://other/index.html',
    ]) {
      const missing = await state.protocolHandler!(new Request(url));
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it("keeps a test run (ATTEST_HOME set) apart from the user's own Attest", () => {
    expect(state.paths.userData).toBe(join(home, 'chromium-profile'));
  });

  it('answers IPC calls from the UI only, with ATTEST_HOME from the environment', async () => {
    expect(await invoke(IPC_INVOKE, UI, { method: 'app.info', input: {} })).toMatchObject({
      ok: true,
      value: { home },
    });
    expect(await invoke(IPC_INVOKE, 'https://evil.example/', { method: 'app.info' })).toMatchObject(
      { ok: false, error: { code: 'internal' } },
    );
    expect(state.ipc.has(IPC_HOST)).toBe(true);
  });

  it('hardens every web contents: no navigation away, no new windows, no webview', () => {
    const handlers = new Map<string, (event: unknown) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | null = null;
    const contents = {
      on: (event: string, fn: (event: unknown) => void) => handlers.set(event, fn),
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    };
    emit('web-contents-created', {}, contents);
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      handlers.get('will-navigate')!(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://attest/index.html#/scope')).toBe(false);
    expect(openHandler!({ url: 'app://attest/index.html' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    handlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies permission requests', () => {
    const answers: boolean[] = [];
    const request = state.permissionRequest as unknown as (...a: unknown[]) => void;
    request({}, 'media', (granted: boolean) => answers.push(granted), { requestingUrl: UI });
    request({}, 'notifications', (granted: boolean) => answers.push(granted), {
      requestingUrl: UI,
    });
    expect(answers).toEqual([false, false]);
    const check = state.permissionCheck as unknown as (...a: unknown[]) => boolean;
    expect(check(null, 'geolocation', 'app://attest')).toBe(false);
  });

  it('keeps the menu and the windows in step with the open vault', async () => {
    expect(fileMenu().find((i) => i.label === 'Close vault')?.enabled).toBe(false);
    const file = join(home, 'acme.attest');
    const create = () =>
      invoke(IPC_INVOKE, UI, {
        method: 'vault.create',
        input: { file, engagement: { name: 'Acme' } },
      });
    // A path the user never chose is refused; picked in the dialog, it is theirs.
    expect(await create()).toMatchObject({ ok: false, error: { code: 'validation' } });
    state.savePath = file;
    expect(await invoke(IPC_HOST, UI, { op: 'pickNewVaultPath', args: ['acme'] })).toEqual({
      ok: true,
      value: file,
    });
    expect(await create()).toMatchObject({ ok: true });
    expect(state.sent).toContainEqual([
      IPC_EVENT,
      {
        event: 'vault.changed',
        payload: expect.objectContaining({ path: file, reason: 'opened' }),
      },
    ]);
    expect(fileMenu().find((i) => i.label === 'Close vault')?.enabled).toBe(true);
  });

  it('runs the vault in a utility process, never in main', () => {
    expect(state.forked).toHaveLength(1);
    expect(state.forked[0]!.modulePath).toMatch(/runtime[/\\]host-entry\.ts$|runtime-host\.mjs$/);
    expect(state.forked[0]!.options).toMatchObject({ serviceName: 'Attest runtime' });
  });

  it('when the host dies: pending calls fail, the window is told, the next call starts a new one', async () => {
    const file = join(home, 'acme.attest');
    const pid = hostPids.at(-1)!;
    process.kill(pid, 'SIGSTOP'); // frozen, so the call below is certainly pending
    const pending = invoke(IPC_INVOKE, UI, { method: 'vault.info', input: {} });
    process.kill(pid, 'SIGKILL');
    expect(await pending).toMatchObject({ ok: false, error: { code: 'host_stopped' } });
    expect(state.sent).toContainEqual([
      IPC_EVENT,
      { event: 'runtime.stopped', payload: expect.objectContaining({ path: file }) },
    ]);
    expect(fileMenu().find((i) => i.label === 'Close vault')?.enabled).toBe(false);
    // "Reopen the vault": a new host, the grant replayed, the lock free again.
    expect(await invoke(IPC_INVOKE, UI, { method: 'vault.open', input: { file } })).toMatchObject({
      ok: true,
    });
    expect(hostPids).toHaveLength(2);
    expect(fileMenu().find((i) => i.label === 'Close vault')?.enabled).toBe(true);
  });

  it('closes the vault before quitting, releasing its lock', async () => {
    const event = { preventDefault: vi.fn() };
    emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(state.quit).toBe(1), { timeout: 30_000 });
    expect(state.ipc.size).toBe(0);
    // The host has exited (signal 0 finds no such process).
    expect(() => process.kill(hostPids.at(-1)!, 0)).toThrow();
    const other = createRuntime({ home, app: 'another process' });
    const reopened = await dispatch(
      other,
      'vault.open',
      { file: join(home, 'acme.attest') },
      CLI_CALLER,
    );
    expect(reopened).toMatchObject({ ok: true });
    await other.dispose();
  });
});
