import {
  type PreviousPeriod,
  type VaultInfo,
  previousPeriodSchema,
} from '../../../shared/api/vault';
import { AttestError } from '../../../shared/api/errors';
import { listControlRows, listCriterionRows } from '../../db/repos/controls';
import { getVaultKey } from '../../db/repos/keys';
import { countPeople, getPerson } from '../../db/repos/people';
import { getSetting } from '../../db/repos/settings';
import { getEngagement } from './engagement';
import type { Vault } from './session';

export function vaultInfo(vault: Vault): VaultInfo {
  const key = getVaultKey(vault.db);
  if (!key) throw new AttestError('integrity', 'This vault has lost its signing key');
  const personId = getSetting(vault.db, 'current_person_id');
  const blobs = vault.db.sqlite
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(size), 0) AS bytes FROM blob WHERE state = 'complete'`,
    )
    .get() as { n: number; bytes: number };
  const auditEvents = vault.db.sqlite
    .prepare('SELECT count(*) FROM audit_event')
    .pluck()
    .get() as number;
  return {
    path: vault.path,
    vaultId: getSetting(vault.db, 'vault_id') ?? '',
    formatVersion: vault.formatVersion,
    appVersion: getSetting(vault.db, 'app_version') ?? '',
    createdAt: getSetting(vault.db, 'created_at') ?? '',
    fingerprint: key.fingerprint,
    engagement: getEngagement(vault),
    currentUser: {
      personId: personId && getPerson(vault.db, personId) ? personId : null,
      name: vault.actor(),
    },
    scope: {
      criteria: listCriterionRows(vault.db)
        .filter((c) => c.in_scope === 1)
        .map((c) => c.id),
      controls: listControlRows(vault.db).map((c) => ({ id: c.id, ref: c.ref, title: c.title })),
    },
    previousPeriod: previousPeriodOf(vault),
    counts: { people: countPeople(vault.db), auditEvents, blobs: blobs.n, blobBytes: blobs.bytes },
  };
}

/** Where a rolled-forward vault came from; a value that does not read as one is not shown. */
function previousPeriodOf(vault: Vault): PreviousPeriod | null {
  const text = getSetting(vault.db, 'previous_period');
  if (text === null) return null;
  try {
    const parsed = previousPeriodSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
