import { basename } from 'node:path';
import { AttestError } from '../../../shared/api/errors';
import type { JobProgress } from '../../../shared/api/jobs';
import type {
  PreviousPeriod,
  RollForwardChoices,
  RollForwardSummary,
} from '../../../shared/api/roll-forward';
import { type Engagement, type EngagementValues, engagementInput } from '../../../shared/api/vault';
import { addDays, addMonths } from '../../../shared/domain/calendar';
import { nextPeriodOf, periodEndOf } from '../../../shared/domain/next-period';
import { chainHead, recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import { updateEngagement } from '../../db/repos/engagement';
import { getVaultKey } from '../../db/repos/keys';
import { type SettingKey, getSetting, putSetting } from '../../db/repos/settings';
import { getEngagement } from './engagement';
import {
  CARRIED_PAYLOAD,
  countRows,
  insertCarriedRows,
  syncCriteriaFrom,
} from './roll-forward-copy';
import {
  CARRY_ORDER,
  type CarriedEntity,
  ROLL_FORWARD,
  type Row,
  readCarriedRows,
} from './roll-forward-plan';
import { type SessionOptions, type Vault, closeVault, createVault } from './session';
import type { AuditedEntity } from '../../db/audited';

export interface RollForwardOptions extends SessionOptions {
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

/**
 * Rows per transaction. Measured on the large demo: 400 controls (long texts, each hashed for
 * its audit entry) took ~320 ms in one transaction; 200 rows keep each well under the 200 ms a
 * job may hold the process.
 */
const BATCH = 200;

/** Settings that belong to the engagement rather than to the file, so they go on. */
const CARRIED_SETTINGS: SettingKey[] = ['current_person_id', 'sample_size_table'];

/**
 * "Start next period" (issue 21, 2b): a new vault at `path` for the next engagement, built from
 * the open one — people, scope, controls and their mappings, the system description, subservice
 * organisations, risks, open tasks and the policies in force — with a new period. The open vault
 * is only read. The new file is built under a temporary name (createVault), so an interruption
 * leaves nothing under `path`; it is closed again at the end, for the caller to open.
 */
export async function rollForward(
  source: Vault,
  path: string,
  choices: RollForwardChoices,
  options: RollForwardOptions = {},
): Promise<RollForwardSummary> {
  const { signal, onProgress, ...session } = options;
  const current = getEngagement(source);
  const next = nextEngagement(current, choices);
  const periodEnd = periodEndOf(current) ?? source.now().slice(0, 10);
  // One synchronous read: the state carried is one state of the open vault.
  const rows = readCarriedRows(source.db, periodEnd);
  const criteria = source.db.sqlite.prepare('SELECT * FROM criterion').all() as Row[];
  const settings = CARRIED_SETTINGS.flatMap((key) => {
    const value = getSetting(source.db, key);
    return value === null ? [] : [[key, value] as const];
  });
  const previous = previousOf(source, current);
  const sourceRow = source.db.sqlite.prepare('SELECT * FROM engagement').get() as Row;
  const left = leftBehind(source, rows);

  const total = [...rows.values()].reduce((n, r) => n + r.length, 0);
  let done = 0;
  onProgress?.({ step: 'creating the new vault' });
  const built = await createVault(path, next, {
    ...session,
    populate: async (vault) => {
      await pause(signal);
      onProgress?.({ step: 'carrying people and criteria' });
      tx(vault.db, () => {
        insertCarriedRows(vault, 'person', rows.get('person')!);
        for (const [key, value] of settings) {
          putSetting(vault.db, key, value);
          recordChange(vault, {
            action: 'create',
            entity: 'setting',
            entityId: key,
            payload: { value, ...CARRIED_PAYLOAD },
          });
        }
        recordPrevious(vault, previous, sourceRow);
        syncCriteriaFrom(vault, criteria);
      });
      done += rows.get('person')!.length;
      for (const entity of CARRY_ORDER) {
        if (entity === 'person') continue;
        const list = rows.get(entity)!;
        for (let i = 0; i < list.length; i += BATCH) {
          await pause(signal);
          onProgress?.({ step: `carrying ${entity.replaceAll('_', ' ')} (${done} of ${total})` });
          tx(vault.db, () => insertCarriedRows(vault, entity, list.slice(i, i + BATCH)));
          done += Math.min(BATCH, list.length - i);
        }
      }
      assertCounts(vault, rows, criteria.length);
      // The last moment a cancel takes effect: after this the file takes its name.
      throwIfCancelled(signal);
    },
  });
  closeVault(built);
  return {
    path: built.path,
    engagement: {
      name: next.name,
      reportType: next.reportType,
      asOf: next.asOf ?? null,
      period: next.period ?? null,
    },
    previous,
    carried: [
      { entity: 'criterion', count: criteria.length },
      ...CARRY_ORDER.map((entity) => ({ entity, count: rows.get(entity)!.length })),
    ],
    left,
  };
}

/**
 * The next engagement: the user's choices, else the open vault's name and the next period after
 * it (shared/domain/next-period). Switching type without dates takes a year after the old end.
 */
export function nextEngagement(current: Engagement, choices: RollForwardChoices): EngagementValues {
  const end = periodEndOf(current);
  const reportType =
    choices.reportType ?? (choices.period ? 'type2' : choices.asOf ? 'type1' : current.reportType);
  const proposed = current.reportType === reportType ? nextPeriodOf(current) : null;
  const asOf =
    reportType === 'type1'
      ? (choices.asOf ?? proposed?.asOf ?? (end ? addMonths(end, 12) : undefined))
      : choices.asOf;
  const period =
    reportType === 'type2'
      ? (choices.period ??
        proposed?.period ??
        (end ? { start: addDays(end, 1), end: addMonths(end, 12) } : undefined))
      : choices.period;
  const missing =
    reportType === 'type1' ? (asOf ? null : 'asOf') : period ? null : ('period' as const);
  if (missing) {
    throw new AttestError(
      'validation',
      'This engagement has no dates yet, so the next period cannot be worked out; give it.',
      [{ path: [missing], message: 'Give the next period' }],
    );
  }
  const parsed = engagementInput.safeParse({
    name: choices.name ?? current.name,
    client: current.client,
    reportType,
    asOf: asOf ?? undefined,
    period: period ?? undefined,
    categories: current.categories,
  });
  if (!parsed.success) {
    throw new AttestError(
      'validation',
      parsed.error.issues[0]?.message ?? 'The next engagement is not valid',
      parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    );
  }
  return parsed.data;
}

function previousOf(source: Vault, current: Engagement): PreviousPeriod {
  const key = getVaultKey(source.db);
  if (!key) throw new AttestError('integrity', 'This vault has lost its signing key');
  const head = chainHead(source.db);
  return {
    fileName: basename(source.path),
    vaultId: getSetting(source.db, 'vault_id') ?? '',
    fingerprint: key.fingerprint,
    engagementName: current.name,
    reportType: current.reportType,
    asOf: current.asOf,
    period: current.period,
    chainSeq: head.seq,
    chainHash: head.hash,
  };
}

/**
 * Where the new vault came from, kept two ways without a new column: the `previous_period`
 * setting (read by the app) and the payload of the engagement's update in the audit log, so the
 * history names the previous vault and the chain head it continued from.
 */
function recordPrevious(vault: Vault, previous: PreviousPeriod, sourceRow: Row): void {
  putSetting(vault.db, 'previous_period', JSON.stringify(previous));
  recordChange(vault, {
    action: 'create',
    entity: 'setting',
    entityId: 'previous_period',
    payload: { rolledForwardFrom: previous },
  });
  // The engagement's own details go on; the dated "none" statements for incidents and
  // significant changes are about the old period and do not.
  updateEngagement(vault.db, {
    catalog_version: sourceRow.catalog_version as string | null,
    services: sourceRow.services as string | null,
    auditor_firm: sourceRow.auditor_firm as string | null,
    contacts: sourceRow.contacts as string | null,
    scope_step: sourceRow.scope_step as number | null,
    scope_confirmed_at: sourceRow.scope_confirmed_at as string | null,
    risk_assessed_on: sourceRow.risk_assessed_on as string | null,
    updated_at: vault.now(),
  });
  recordChange(vault, {
    action: 'update',
    entity: 'engagement',
    entityId: 'engagement',
    payload: { rolledForwardFrom: previous },
  });
}

/** Loud: a copy that lost or gained a row must never take the name. */
function assertCounts(vault: Vault, rows: Map<CarriedEntity, Row[]>, criteria: number): void {
  const expected: [AuditedEntity, number][] = [
    ['criterion', criteria],
    ...CARRY_ORDER.map((e) => [e, rows.get(e)!.length] as [AuditedEntity, number]),
  ];
  for (const [entity, count] of expected) {
    const actual = countRows(vault.db, entity);
    if (actual !== count) {
      throw new Error(`roll forward: ${entity} has ${actual} rows, expected ${count}`);
    }
  }
  for (const [entity, fate] of Object.entries(ROLL_FORWARD)) {
    if (fate === 'left' && countRows(vault.db, entity as AuditedEntity) !== 0) {
      throw new Error(`roll forward: ${entity} must stay with the old period`);
    }
  }
}

/** What stays with the old vault, by kind (kinds with nothing left out are not listed). */
function leftBehind(source: Vault, rows: Map<CarriedEntity, Row[]>): RollForwardSummary['left'] {
  const left: RollForwardSummary['left'] = [];
  for (const [entity, fate] of Object.entries(ROLL_FORWARD) as [AuditedEntity, string][]) {
    if (fate === 'own') continue;
    const carried = fate === 'carried' ? rows.get(entity as CarriedEntity)!.length : 0;
    const count = countRows(source.db, entity) - carried;
    if (count > 0) left.push({ entity, count });
  }
  const files = source.db.sqlite
    .prepare(`SELECT count(*) FROM blob WHERE state = 'complete'`)
    .pluck()
    .get() as number;
  if (files > 0) left.push({ entity: 'stored file', count: files });
  return left;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new AttestError('cancelled', 'Cancelled; no vault was created for the next period.');
  }
}

/** Lets the process answer other calls (and a cancel) between batches. */
async function pause(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  throwIfCancelled(signal);
}
