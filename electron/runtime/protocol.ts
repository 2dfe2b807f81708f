import { z } from 'zod';
import { ERROR_CODES } from '../../shared/api/errors';
import type { CallerKind } from '../rpc/backend';
import type { ReadSource } from '../rpc/read-source';

/**
 * The one message protocol between a front (Electron's main process, or `attest serve`'s HTTP
 * server) and the runtime host that owns the vault, the dispatcher and the jobs (DESIGN §1).
 *
 * - Calls carry an id; the host answers each with exactly one `reply` (the dispatcher's envelope).
 * - Events flow from the host as they happen.
 * - Byte streams (a stored file or a generated output read out, an upload written in) are
 *   chunks under credit: the receiver grants `credit` as it consumes, the sender sends only while
 *   it holds some, so at most `STREAM_WINDOW` chunks of `MAX_CHUNK_BYTES` are ever in flight and
 *   memory stays flat whatever the file size.
 * - `cancel` ends a stream (or stops waiting for a call) that nobody wants any more.
 *
 * It is plain data that structured clone carries (Uint8Array for bytes), so the same messages go
 * over `child_process.fork` IPC (advanced serialization) and Electron's `utilityProcess` port.
 */

/** Chunks a stream may have in flight before the receiver grants more. */
export const STREAM_WINDOW = 8;
/** Larger chunks are split before sending: the window bounds memory only if chunks are bounded. */
export const MAX_CHUNK_BYTES = 512 * 1024;

/** Who is calling, as data: the host resolves it to a `Caller` with its own grants (callers.ts). */
export const CALLER_KINDS = ['ipc', 'http', 'cli'] as const satisfies readonly CallerKind[];
export type { CallerKind };

/** What a front asks the host to build its runtime with (a subset of RuntimeOptions). */
export const hostInitSchema = z
  .object({
    home: z.string().min(1),
    shared: z.string().min(1).optional(),
    app: z.string().min(1),
    automaticBackups: z.boolean().optional(),
    uploads: z.boolean().optional(),
    uploadLimitBytes: z.number().int().positive().optional(),
  })
  .strict();
export type HostInit = z.infer<typeof hostInitSchema>;

const id = z.number().int().nonnegative();
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'Expected bytes');
const apiError = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
const envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiError }),
]);

/** What to read out of the host, as a stream. */
export const readSourceSchema: z.ZodType<ReadSource> = z.union([
  z.object({ kind: z.literal('blob'), blobId: z.number().int().positive() }),
  z.object({ kind: z.literal('output'), outputId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('package-file'), path: z.string().min(1).max(300) }),
]);
export type { ReadHead, ReadSource } from '../rpc/read-source';

/** Messages either side may send about a stream. */
const streamMessages = [
  z.object({ t: z.literal('chunk'), id, data: bytes }),
  z.object({ t: z.literal('end'), id }),
  z.object({ t: z.literal('abort'), id, error: apiError }),
  z.object({ t: z.literal('credit'), id, chunks: z.number().int().positive() }),
  z.object({ t: z.literal('cancel'), id }),
] as const;

export const toHostSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('init'), options: hostInitSchema }),
  z.object({
    t: z.literal('call'),
    id,
    method: z.string(),
    input: z.unknown(),
    caller: z.enum(CALLER_KINDS),
  }),
  /** Paths the desktop user chose (dialog, drop, command line): what `ipc` calls may name. */
  z.object({ t: z.literal('grant'), paths: z.array(z.string().min(1).max(4096)) }),
  /** Reads bytes out: answered by a `reply` ({ size, fileName }) and then the chunks. */
  z.object({ t: z.literal('read'), id, source: readSourceSchema }),
  /** Writes an upload in: chunks follow under the host's credit; answered by a `reply`. */
  z.object({ t: z.literal('upload'), id, fileName: z.string().max(1024) }),
  /** Closes the vault cleanly (jobs cancelled, lock released), answers, then the host exits. */
  z.object({ t: z.literal('shutdown'), id }),
  ...streamMessages,
]);
export type ToHost = z.infer<typeof toHostSchema>;

export const fromHostSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('ready'), pid: z.number().int() }),
  z.object({ t: z.literal('reply'), id, envelope }),
  z.object({ t: z.literal('event'), event: z.string(), payload: z.unknown() }),
  ...streamMessages,
]);
export type FromHost = z.infer<typeof fromHostSchema>;

/**
 * One end of the channel. Both transports (fork IPC, a utilityProcess port) fit in these two
 * functions; adapters live beside the code that owns the process object (transports.ts, main/).
 */
export interface Port<Out> {
  post(message: Out): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** The front's view of the host process: its port, plus how it ends. */
export interface HostProcess extends Port<ToHost> {
  readonly pid: number | undefined;
  /** Called once when the process is gone, however it ended. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

export function parseToHost(message: unknown): ToHost | null {
  const parsed = toHostSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}

export function parseFromHost(message: unknown): FromHost | null {
  const parsed = fromHostSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}
