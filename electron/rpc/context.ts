import type { Domain } from '../../shared/api/domains';
import { AttestError } from '../../shared/api/errors';
import type { OpenPackageInfo } from '../../shared/api/methods/auditor';
import type { AuditorSession } from '../core/auditor/session';
import type { Vault } from '../core/vault/session';
import type { Clock } from '../platform/clock';
import type { IdSource } from '../platform/ids';
import type { Logger } from '../platform/logger';
import type { WitnessStore } from '../platform/witness-store';
import type { EventBus } from './events';
import type { JobManager } from './jobs';
import type { OutputStaging } from './outputs';
import type { UploadStaging } from './uploads';

/** Everything a handler may use. One vault is open per process, at most. */
export interface RpcContext {
  readonly home: string;
  /** The witness of every vault's audit chain, kept outside the vaults (in the shared home). */
  readonly witness: WitnessStore;
  /** Where backups go: `<shared home>/backups`, one folder per vault fingerprint. */
  readonly backupsRoot: string;
  /** Back up at open and daily while open (the desktop app and `attest serve`). */
  readonly automaticBackups: boolean;
  /** Who holds the vault, as told to a second opener: "attest serve", "Attest desktop". */
  readonly app: string;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly logger: Logger;
  readonly events: EventBus;
  readonly jobs: JobManager;
  /** Present when the HTTP transport is running (browser mode). */
  uploads: UploadStaging | null;
  /** Browser mode: generated files waiting to be downloaded (no Save dialog there). */
  outputs: OutputStaging | null;
  vault: Vault | null;
  /** New at every open of a vault (announced in `vault.changed`); null when none is open. */
  openId: string | null;
  /** What handlers keep between calls: per runtime, never in module state. */
  readonly state: RuntimeState;
}

export interface RuntimeState {
  /** Opening, creating and closing run one at a time (see handlers/vault.ts). */
  vaultSwitch: Promise<unknown>;
  /** Staged uploads a running job reads, and whether a discard waits for it (start-job.ts). */
  uploadHolds: Map<string, { jobs: number; discard: boolean }>;
  /** The chain head is recorded a few seconds after the last change (upkeep.ts). */
  witnessTimer: NodeJS.Timeout | null;
  /** Checks hourly whether the daily backup is due while a vault stays open (upkeep.ts). */
  backupTimer: NodeJS.Timeout | null;
  /** Auditor mode: the verified audit package open read-only (no vault is open meanwhile). */
  auditorPackage: OpenPackageInfo | null;
  /** What auditor mode keeps of the open package: its manifest and what was read of it. */
  auditorSession: AuditorSession | null;
}

export function newRuntimeState(): RuntimeState {
  return {
    vaultSwitch: Promise.resolve(),
    uploadHolds: new Map(),
    witnessTimer: null,
    backupTimer: null,
    auditorPackage: null,
    auditorSession: null,
  };
}

/** Announces what a successful change wrote, so every screen reading it refreshes. */
export function announceChange(ctx: RpcContext, domains: readonly Domain[]): void {
  if (domains.length === 0) return;
  ctx.events.emit('vault.changed', {
    openId: ctx.openId,
    path: ctx.vault?.path ?? null,
    reason: 'updated',
    domains: [...domains],
  });
}

/** The open audit package's session; `conflict` when auditor mode has none open. */
export function requireAuditorSession(ctx: RpcContext): AuditorSession {
  const session = ctx.state.auditorSession;
  if (!session || !ctx.state.auditorPackage)
    throw new AttestError('conflict', 'No audit package is open. Open one first.', {
      auditorMode: false,
    });
  return session;
}

export function requireVault(ctx: RpcContext): Vault {
  if (!ctx.vault) throw new AttestError('no_vault', 'No vault is open. Create or open one first.');
  return ctx.vault;
}
