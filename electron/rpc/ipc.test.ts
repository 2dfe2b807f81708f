import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_GRANT, IPC_HOST, IPC_INVOKE } from '../../shared/api/bridge';
import { AttestError } from '../../shared/api/errors';
import { isTrustedSender } from '../main/trust';
import { tempDir } from '../testing/tmp';
import { type IpcEventMessage, type IpcInvokeEventLike, REFUSED_SENDER, registerIpc } from './ipc';
import { type HostOps, registerHostIpc } from './ipc-host';
import { GrantedPaths } from './callers';
import { createRuntime } from './runtime';
import { localBackend } from './local-backend';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

/** Records handlers like Electron's ipcMain, which also refuses a second handler per channel. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const listeners = new Map<string, Listener>();
  return {
    handlers,
    on(channel: string, listener: Listener) {
      listeners.set(channel, listener);
    },
    removeAllListeners(channel: string) {
      listeners.delete(channel);
    },
    /** What `ipcRenderer.send(channel, ...args)` from a frame at `frameUrl` amounts to. */
    send(channel: string, frameUrl: string | null, ...args: unknown[]) {
      listeners.get(channel)?.(
        { senderFrame: frameUrl === null ? null : { url: frameUrl } },
        ...args,
      );
    },
    handle(channel: string, listener: Listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
    /** What `ipcRenderer.invoke(channel, ...args)` from a frame at `frameUrl` amounts to. */
    async invoke(channel: string, frameUrl: string | null, ...args: unknown[]) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args);
    },
  };
}

const UI = 'app://attest/index.html';

function setup() {
  const home = tempDir('attest-ipc-');
  const ctx = createRuntime({ home, app: 'ipc test' });
  const ipcMain = fakeIpcMain();
  const sent: IpcEventMessage[] = [];
  const granted = new GrantedPaths();
  const dispose = registerIpc({
    ipcMain,
    backend: localBackend(ctx, { granted }),
    grant: (paths) => granted.grant(...paths),
    isTrustedSender,
    send: (channel, message) => {
      expect(channel).toBe(IPC_EVENT);
      sent.push(message);
    },
  });
  return { home, ctx, ipcMain, sent, dispose, granted };
}

describe('registerIpc', () => {
  it('dispatches a call from the app UI and answers with the envelope', async () => {
    const { ipcMain, home } = setup();
    const reply = await ipcMain.invoke(IPC_INVOKE, UI, { method: 'app.info', input: {} });
    expect(reply).toMatchObject({ ok: true, value: { home, openVault: null } });
  });

  it.each(['https://evil.example/', 'file:///tmp/index.html', 'app://attest.evil/', null])(
    'refuses a call from %s and never dispatches it',
    async (frameUrl) => {
      const { ipcMain, home } = setup();
      const file = join(home, 'planted.attest');
      const reply = await ipcMain.invoke(IPC_INVOKE, frameUrl, {
        method: 'vault.create',
        input: { file, engagement: { name: 'Planted' } },
      });
      expect(reply).toEqual(REFUSED_SENDER);
      expect(existsSync(file)).toBe(false);
    },
  );

  it('gives validation errors for invalid input, field by field', async () => {
    const { ipcMain } = setup();
    const reply = await ipcMain.invoke(IPC_INVOKE, UI, {
      method: 'vault.create',
      input: { file: '', engagement: { name: '' } },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('gives validation for a malformed request and not_found for an unknown method', async () => {
    const { ipcMain } = setup();
    for (const request of [undefined, null, 'app.info', { method: 42 }]) {
      expect(await ipcMain.invoke(IPC_INVOKE, UI, request)).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    }
    expect(
      await ipcMain.invoke(IPC_INVOKE, UI, { method: 'constructor', input: {} }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('forwards contract events to the windows', async () => {
    const { ipcMain, home, sent, granted } = setup();
    const file = join(home, 'acme.attest');
    granted.grant(file); // as the New vault dialog does
    const reply = await ipcMain.invoke(IPC_INVOKE, UI, {
      method: 'vault.create',
      input: { file, engagement: { name: 'Acme' } },
    });
    expect(reply).toMatchObject({ ok: true });
    expect(sent).toContainEqual({
      event: 'vault.changed',
      payload: expect.objectContaining({ path: file, reason: 'opened' }),
    });
    await ipcMain.invoke(IPC_INVOKE, UI, { method: 'vault.close', input: {} });
    expect(sent.at(-1)).toEqual({
      event: 'vault.changed',
      payload: expect.objectContaining({ openId: null, path: null, reason: 'closed' }),
    });
  });

  it('stops handling and forwarding once disposed', () => {
    const { ipcMain, ctx, sent, dispose } = setup();
    dispose();
    expect(ipcMain.handlers.has(IPC_INVOKE)).toBe(false);
    ctx.events.emit('vault.changed', { openId: null, path: null, reason: 'closed', domains: [] });
    expect(sent).toEqual([]);
  });
});

describe('paths over IPC', () => {
  async function withVault() {
    const t = setup();
    const file = join(t.home, 'acme.attest');
    t.granted.grant(file);
    const created = await t.ipcMain.invoke(IPC_INVOKE, UI, {
      method: 'vault.create',
      input: { file, engagement: { name: 'Acme' } },
    });
    expect(created).toMatchObject({ ok: true });
    return t;
  }

  it('opens or creates a vault by absolute path only when the user chose it', async () => {
    const { ipcMain, home, granted } = setup();
    const file = join(home, 'chosen.attest');
    const input = { file, engagement: { name: 'Chosen' } };
    expect(await ipcMain.invoke(IPC_INVOKE, UI, { method: 'vault.create', input })).toMatchObject({
      ok: false,
      error: { code: 'validation', details: [{ path: ['file'] }] },
    });
    expect(existsSync(file)).toBe(false);
    granted.grant(file);
    expect(await ipcMain.invoke(IPC_INVOKE, UI, { method: 'vault.create', input })).toMatchObject({
      ok: true,
    });
  });

  it('reads a file only once it was dropped on our window, and only a regular file', async () => {
    const { ipcMain, home } = await withVault();
    const file = join(home, 'evidence.txt');
    writeFileSync(file, 'bytes');
    const add = () =>
      ipcMain.invoke(IPC_INVOKE, UI, {
        method: 'requests.import',
        input: { source: { path: file }, fileName: 'pbc.csv', mapping: { ref: 'PBC #' } },
      });
    expect(await add()).toMatchObject({ ok: false, error: { code: 'validation' } });
    // Another origin cannot grant anything.
    ipcMain.send(IPC_GRANT, 'https://evil.example/', [file]);
    expect(await add()).toMatchObject({ ok: false, error: { code: 'validation' } });
    ipcMain.send(IPC_GRANT, UI, [file]);
    expect(await add()).toMatchObject({ ok: true, value: { jobId: expect.any(String) } });
    // Even granted, a device or a folder is never read.
    for (const path of ['/dev/zero', home]) {
      ipcMain.send(IPC_GRANT, UI, [path]);
      const reply = await ipcMain.invoke(IPC_INVOKE, UI, {
        method: 'requests.import',
        input: { source: { path }, fileName: 'x.csv', mapping: { ref: 'PBC #' } },
      });
      expect(reply).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
  });
});

describe('registerHostIpc', () => {
  function hostSetup() {
    const host: HostOps = {
      pickFiles: vi.fn(async () => ['/tmp/a.pdf']),
      pickSavePath: vi.fn(async () => null),
      pickVault: vi.fn(async () => '/tmp/acme.attest'),
      pickNewVaultPath: vi.fn(async () => null),
      revealInFolder: vi.fn(async () => undefined),
      openExternal: vi.fn(async (url: string) => {
        if (!url.startsWith('https:')) throw new AttestError('validation', 'https only');
      }),
    };
    const ipcMain = fakeIpcMain();
    const logger = { log() {}, info() {}, warn() {}, error() {} };
    registerHostIpc({ ipcMain, host, logger, isTrustedSender });
    return { host, ipcMain };
  }

  it('runs a host operation for the app UI with validated arguments', async () => {
    const { host, ipcMain } = hostSetup();
    const options = { title: 'Add evidence', multiple: true };
    expect(await ipcMain.invoke(IPC_HOST, UI, { op: 'pickFiles', args: [options] })).toEqual({
      ok: true,
      value: ['/tmp/a.pdf'],
    });
    expect(host.pickFiles).toHaveBeenCalledWith(options);
    expect(await ipcMain.invoke(IPC_HOST, UI, { op: 'revealInFolder', args: ['/tmp/a'] })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('refuses an untrusted sender without running the host', async () => {
    const { host, ipcMain } = hostSetup();
    const reply = await ipcMain.invoke(IPC_HOST, 'https://evil.example/', {
      op: 'openExternal',
      args: ['https://evil.example/'],
    });
    expect(reply).toEqual(REFUSED_SENDER);
    expect(host.openExternal).not.toHaveBeenCalled();
  });

  it('validates the operation and its arguments', async () => {
    const { host, ipcMain } = hostSetup();
    for (const request of [
      { op: 'pathsForDroppedFiles', args: [[]] },
      { op: 'toString', args: [] },
      { op: 'pickFiles', args: [{ title: 'x', extra: true }] },
      { op: 'pickNewVaultPath', args: [42] },
      { op: 'revealInFolder', args: [] },
      null,
    ]) {
      expect(await ipcMain.invoke(IPC_HOST, UI, request)).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    }
    expect(host.pickFiles).not.toHaveBeenCalled();
    expect(host.revealInFolder).not.toHaveBeenCalled();
  });

  it('turns a refusal by the host into error data', async () => {
    const { ipcMain } = hostSetup();
    expect(
      await ipcMain.invoke(IPC_HOST, UI, { op: 'openExternal', args: ['file:///etc/passwd'] }),
    ).toMatchObject({ ok: false, error: { code: 'validation', message: 'https only' } });
  });
});
