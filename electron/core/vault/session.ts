import { generateKeyPairSync } from 'node:crypto';
import { basename } from 'node:path';
import { AttestError } from '../../../shared/api/errors';
import type { EngagementValues } from '../../../shared/api/vault';
import { type AuditContext, recordChange } from '../../db/audit';
import { sha256Hex } from '../../db/canonical';
import { tx } from '../../db/connection';
import { osUser } from '../../db/lock';
import { buildVaultFile } from '../../db/create';
import { type OpenedVaultFile, closeVaultFile, openVaultFile } from '../../db/open';
import { ENGAGEMENT_ID, getEngagementRow, insertEngagement } from '../../db/repos/engagement';
import { PRIMARY_KEY_ID, insertVaultKey } from '../../db/repos/keys';
import { currentPersonName } from '../../db/repos/people';
import { putSetting } from '../../db/repos/settings';
import { type Clock, systemClock } from '../../platform/clock';
import { type IdSource, randomIds } from '../../platform/ids';
import { APP_VERSION } from '../../platform/version';
import { seedCriteria } from '../scope/apply-scope';

/** An open vault: the connection plus the capabilities every use case needs. */
export interface Vault extends AuditContext, OpenedVaultFile {
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Who is doing the work now, for the audit log. */
  actor(): string;
}

export interface SessionOptions {
  app?: string;
  clock?: Clock;
  ids?: IdSource;
}

export interface CreateOptions extends SessionOptions {
  /**
   * Fills the new vault before it takes its name (scope for `attest init`, the sample content
   * for `attest demo`): it runs on the file being built, so a crash part-way leaves nothing
   * under the target's name.
   */
  populate?: (building: Vault) => Promise<void> | void;
}

/** A Vault over an opened file: the connection plus clock, ids and the current actor. */
export function session(file: OpenedVaultFile, options: SessionOptions): Vault {
  const clock = options.clock ?? systemClock;
  return {
    ...file,
    clock,
    ids: options.ids ?? randomIds,
    now: () => clock.now(),
    actor: () => currentActorName(file),
  };
}

/**
 * The same vault read as of one instant: every "now" and "today" it gives is `at`. A package
 * renders its internal papers as of its content time (the vault's latest change), so the same
 * vault state exported on different days gives the same bytes. For reading only: anything
 * written through it would be stamped `at`.
 */
export function vaultAsOf(vault: Vault, at: string): Vault {
  const clock: Clock = { now: () => at };
  return { ...vault, clock, now: clock.now };
}

function currentActorName(file: OpenedVaultFile): string {
  return currentPersonName(file.db) ?? osUser();
}

/**
 * Creates a vault with its engagement, signing key and settings, each in the audit log, then
 * whatever `populate` adds; all of it in a temporary file that becomes `path` only when whole.
 */
export async function createVault(
  path: string,
  engagement: EngagementValues,
  options: CreateOptions = {},
): Promise<Vault> {
  const clock = options.clock ?? systemClock;
  const file = await buildVaultFile(
    path,
    { app: options.app ?? 'attest', now: clock.now },
    async (building) => {
      const vault = session(building, options);
      seedVault(vault, engagement);
      await options.populate?.(vault);
    },
  );
  return session(file, options);
}

function seedVault(vault: Vault, engagement: EngagementValues): void {
  tx(vault.db, () => {
    const now = vault.now();
    for (const [key, value] of [
      ['vault_id', vault.ids.next('vault')],
      ['created_at', now],
      ['app_version', APP_VERSION],
    ] as const) {
      putSetting(vault.db, key, value);
      recordChange(vault, {
        action: 'create',
        entity: 'setting',
        entityId: key,
        payload: { value },
      });
    }
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const spki = publicKey.export({ type: 'spki', format: 'der' });
    const fingerprint = sha256Hex(spki);
    insertVaultKey(vault.db, {
      id: PRIMARY_KEY_ID,
      algorithm: 'ed25519',
      public_key: spki,
      private_key: privateKey.export({ type: 'pkcs8', format: 'der' }),
      fingerprint,
      created_at: now,
    });
    // The payload names the key; the private half never enters the log in the clear.
    recordChange(vault, {
      action: 'create',
      entity: 'vault_key',
      entityId: PRIMARY_KEY_ID,
      payload: { algorithm: 'ed25519', fingerprint },
    });
    insertEngagement(vault.db, {
      id: ENGAGEMENT_ID,
      name: engagement.name,
      client: engagement.client,
      report_type: engagement.reportType,
      as_of: engagement.asOf ?? null,
      period_start: engagement.period?.start ?? null,
      period_end: engagement.period?.end ?? null,
      categories: JSON.stringify(engagement.categories),
      catalog_version: null,
      created_at: now,
      updated_at: now,
      services: null,
      auditor_firm: null,
      contacts: null,
      scope_step: null,
      scope_confirmed_at: null,
      incidents_none_as_of: null,
      changes_none_as_of: null,
      risk_assessed_on: null,
    });
    recordChange(vault, {
      action: 'create',
      entity: 'engagement',
      entityId: ENGAGEMENT_ID,
      payload: engagement,
    });
    seedCriteria(vault);
  });
}

export async function openVault(path: string, options: SessionOptions = {}): Promise<Vault> {
  const clock = options.clock ?? systemClock;
  const file = await openVaultFile(path, { app: options.app ?? 'attest', now: clock.now });
  const vault = session(file, options);
  if (!getEngagementRow(vault.db)) {
    closeVault(vault);
    throw new AttestError(
      'not_a_vault',
      `${basename(path)} has no engagement recorded; it is not a usable vault.`,
    );
  }
  return vault;
}

export function closeVault(vault: Pick<Vault, 'path' | 'db'>): void {
  closeVaultFile(vault);
}
