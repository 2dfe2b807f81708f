import { Readable } from 'node:stream';
import type { CallerKind, VaultBackend } from './backend';
import { CLI_CALLER, type Caller, GrantedPaths, HTTP_CALLER } from './callers';
import type { RpcContext } from './context';
import { dispatch } from './dispatch';
import { openReadSource } from './read-source';

/** The runtime in this very process (tests, and anything that needs no host). */
export function localBackend(
  ctx: RpcContext,
  options: { granted?: GrantedPaths; alsoGranted?: (path: string) => boolean } = {},
): VaultBackend {
  const callers: Record<CallerKind, Caller> = {
    ipc: (options.granted ?? new GrantedPaths()).caller(options.alsoGranted),
    http: HTTP_CALLER,
    cli: CLI_CALLER,
  };
  return {
    logger: ctx.logger,
    events: ctx.events,
    call: (method, input, caller) => dispatch(ctx, method, input, callers[caller]),
    async read(source) {
      const { head, open } = await openReadSource(ctx, source);
      return { head, stream: Readable.from(open(), { objectMode: false }) };
    },
    async upload(body, fileName) {
      const uploads = ctx.uploads;
      if (!uploads) throw new Error('Uploads are not enabled here');
      const staged = await uploads.receive(body, fileName);
      return { uploadId: staged.id, fileName: staged.fileName, size: staged.size };
    },
    get uploadLimitBytes() {
      return ctx.uploads?.limitBytes ?? null;
    },
  };
}
