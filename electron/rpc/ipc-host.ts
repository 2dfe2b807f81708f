import { z } from 'zod';
import { type HostBridge, IPC_HOST } from '../../shared/api/bridge';
import type { Envelope } from '../../shared/api/index';
import { validationError } from '../../shared/api/errors';
import type { Logger } from '../platform/logger';
import type { GrantedPaths } from './callers';

/** Whatever records a grant: GrantedPaths here, or the runtime host's relay in the desktop app. */
type Grants = Pick<GrantedPaths, 'grant'>;
import { toApiError } from './errors';
import { type IpcMainLike, REFUSED_SENDER, senderFrameUrl } from './ipc';

/**
 * The host bridge over IPC (`attest:host`): what only a desktop can do (native dialogs, reveal in
 * folder, open a link in the browser). The renderer is not trusted with anything here either:
 * the sender frame is checked and every argument validated before the host runs.
 * `pathsForDroppedFiles` is not here: the preload answers it itself (`webUtils`).
 */
export type HostOps = Omit<HostBridge, 'kind' | 'pathsForDroppedFiles'>;
export type HostOpName = keyof HostOps;

const fileFilter = z
  .object({
    name: z.string().max(100),
    extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/)).max(50),
  })
  .strict();

const title = z.string().max(200).optional();

/** Arguments of each operation, as a tuple: exactly what the preload sends. */
export const hostArgs = {
  pickFiles: z.tuple([
    z
      .object({
        title,
        multiple: z.boolean().optional(),
        filters: z.array(fileFilter).max(20).optional(),
      })
      .strict(),
  ]),
  pickSavePath: z.tuple([
    z
      .object({
        title,
        defaultName: z.string().min(1).max(255),
        filters: z.array(fileFilter).max(20).optional(),
      })
      .strict(),
  ]),
  pickVault: z.tuple([]),
  pickNewVaultPath: z.tuple([z.string().min(1).max(255)]),
  revealInFolder: z.tuple([z.string().min(1).max(4096)]),
  openExternal: z.tuple([z.string().min(1).max(2048)]),
} satisfies Record<HostOpName, z.ZodType>;

/** What the preload sends on `attest:host`. */
export interface HostRequest {
  op: HostOpName;
  args: unknown[];
}

export interface HostIpcOptions {
  ipcMain: IpcMainLike;
  host: HostOps;
  logger: Logger;
  isTrustedSender(frameUrl: string): boolean;
}

export function registerHostIpc(options: HostIpcOptions): () => void {
  const { ipcMain, host, logger, isTrustedSender } = options;

  ipcMain.handle(IPC_HOST, async (event, request: unknown): Promise<Envelope> => {
    const frameUrl = senderFrameUrl(event);
    if (!isTrustedSender(frameUrl)) {
      logger.warn('host call refused: untrusted sender', { frameUrl: frameUrl.slice(0, 200) });
      return REFUSED_SENDER;
    }
    const op = (request as Partial<HostRequest> | null)?.op;
    if (typeof op !== 'string' || !Object.hasOwn(hostArgs, op)) {
      return invalid(['op'], 'Unknown host operation');
    }
    const parsed = hostArgs[op as HostOpName].safeParse((request as HostRequest).args ?? []);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return invalid(['args', ...(issue?.path.map(String) ?? [])], issue?.message ?? 'Invalid');
    }
    try {
      const run = host[op as HostOpName] as (...args: unknown[]) => Promise<unknown>;
      const value = await run.apply(host, parsed.data as unknown[]);
      return { ok: true, value: value ?? null };
    } catch (e) {
      return { ok: false, error: toApiError(e, logger) };
    }
  });

  return () => ipcMain.removeHandler(IPC_HOST);
}

/**
 * The host with every path the user picks in a dialog granted for the calls that follow (a
 * picked evidence file may be read, a picked vault opened or created, a save path written).
 */
export function grantingHost(host: HostOps, granted: Grants): HostOps {
  const grant = <T extends string | string[] | null>(value: T): T => {
    if (typeof value === 'string') granted.grant(value);
    else if (Array.isArray(value)) granted.grant(...value);
    return value;
  };
  return {
    ...host,
    pickFiles: async (options) => grant(await host.pickFiles(options)),
    pickSavePath: async (options) => grant(await host.pickSavePath(options)),
    pickVault: async () => grant(await host.pickVault()),
    pickNewVaultPath: async (name) => grant(await host.pickNewVaultPath(name)),
  };
}

function invalid(path: string[], message: string): Envelope {
  return { ok: false, error: validationError([{ path, message }]).toApiError() };
}
