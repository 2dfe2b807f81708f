import { AttestError } from '../../shared/api/errors';
import type { Vault } from '../core/vault/session';
import type { Clock } from '../platform/clock';
import type { IdSource } from '../platform/ids';
import type { Logger } from '../platform/logger';
import type { EventBus } from './events';
import type { JobManager } from './jobs';
import type { UploadStaging } from './uploads';

/** Everything a handler may use. One vault is open per process, at most. */
export interface RpcContext {
  readonly home: string;
  /** Who holds the vault, as told to a second opener: "attest serve", "Attest desktop". */
  readonly app: string;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly logger: Logger;
  readonly events: EventBus;
  readonly jobs: JobManager;
  /** Present when the HTTP transport is running (browser mode). */
  uploads: UploadStaging | null;
  vault: Vault | null;
}

export function requireVault(ctx: RpcContext): Vault {
  if (!ctx.vault) throw new AttestError('no_vault', 'No vault is open. Create or open one first.');
  return ctx.vault;
}
