import type { Envelope } from './index';
import type { EventName, EventPayload } from './events';

/**
 * What the desktop preload exposes as `window.attest` (one generic bridge). The renderer's
 * browser transport offers the same shape over HTTP, with browser-mode fallbacks for `host`.
 */
export interface AttestBridge {
  invoke(method: string, input: unknown): Promise<Envelope>;
  subscribe<E extends EventName>(
    event: E,
    listener: (payload: EventPayload<E>) => void,
  ): () => void;
  host: HostBridge;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** What only a desktop can do. Each returns null when the user cancels. */
export interface HostBridge {
  readonly kind: 'desktop' | 'browser';
  pickFiles(options: {
    title?: string;
    multiple?: boolean;
    filters?: FileFilter[];
  }): Promise<string[] | null>;
  pickSavePath(options: {
    title?: string;
    defaultName: string;
    filters?: FileFilter[];
  }): Promise<string | null>;
  pickVault(): Promise<string | null>;
  pickNewVaultPath(defaultName: string): Promise<string | null>;
  /** Paths of files dropped on the window (`webUtils.getPathForFile`); the items are DOM `File`s. */
  pathsForDroppedFiles(files: readonly unknown[]): string[];
  revealInFolder(path: string): Promise<void>;
  /** Opens an https: URL in the system browser; anything else is refused. */
  openExternal(url: string): Promise<void>;
}

/** Channel names shared by preload and main. */
export const IPC_INVOKE = 'attest:invoke';
export const IPC_EVENT = 'attest:event';
export const IPC_HOST = 'attest:host';
/** Preload → main: paths of files the user dropped, which main may then let methods read. */
export const IPC_GRANT = 'attest:grant';
