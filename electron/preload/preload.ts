import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  type AttestBridge,
  type HostBridge,
  IPC_EVENT,
  IPC_GRANT,
  IPC_HOST,
  IPC_INVOKE,
} from '../../shared/api/bridge';
import type { EventName, EventPayload } from '../../shared/api/events';
import type { Envelope } from '../../shared/api/index';

/**
 * The one bridge the UI gets (`window.attest`): invoke / subscribe / host. Nothing of Electron or
 * Node leaks through: the renderer sees plain functions and plain data. Bundled to CommonJS
 * (dist/electron/preload.cjs) because a sandboxed preload cannot load ES modules.
 */

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One IPC listener for all subscriptions; the renderer never sees the IpcRendererEvent.
ipcRenderer.on(IPC_EVENT, (_event, message: { event?: unknown; payload?: unknown }) => {
  if (typeof message?.event !== 'string') return;
  for (const listener of listeners.get(message.event) ?? []) {
    try {
      listener(message.payload);
    } catch (e) {
      console.error(`attest: a listener for ${message.event} failed`, e);
    }
  }
});

/** Host calls answer with an envelope; the bridge turns a refusal back into a rejection. */
async function host<T>(op: string, ...args: unknown[]): Promise<T> {
  const reply = (await ipcRenderer.invoke(IPC_HOST, { op, args })) as Envelope<T>;
  if (reply.ok) return reply.value;
  throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
}

const hostBridge: HostBridge = {
  kind: 'desktop',
  pickFiles: (options) => host('pickFiles', options),
  pickSavePath: (options) => host('pickSavePath', options),
  pickVault: () => host('pickVault'),
  pickNewVaultPath: (defaultName) => host('pickNewVaultPath', defaultName),
  // Answered here: only the preload can map a dropped DOM File to its path.
  // Main is told of the paths at once (before any call that uses them, on the same ordered
  // channel): only files the user really dropped can be read. The renderer cannot name paths
  // here, only hand over DOM Files, which only a drop or a file input produces.
  pathsForDroppedFiles: (files) => {
    const paths = files
      .map((file) => {
        try {
          return webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]);
        } catch {
          return '';
        }
      })
      .filter((path) => path !== '');
    if (paths.length > 0) ipcRenderer.send(IPC_GRANT, paths);
    return paths;
  },
  revealInFolder: (path) => host('revealInFolder', path),
  openExternal: (url) => host('openExternal', url),
};

const bridge: AttestBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE, { method, input }) as Promise<Envelope>,
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    const l = listener as Listener;
    set.add(l);
    return () => {
      set.delete(l);
    };
  },
  host: hostBridge,
};

contextBridge.exposeInMainWorld('attest', bridge);
