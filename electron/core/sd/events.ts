import type { SdEvent } from '../../../shared/api/sd';
import {
  NONE_KIND_OF_EVENT,
  type NoneKind,
  type SdEventKind,
} from '../../../shared/domain/system-description';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import { ENGAGEMENT_ID, updateEngagement } from '../../db/repos/engagement';
import type { EngagementTable } from '../../db/schema';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';
import { toSdEvent } from './mapping';
import { requireRow, saveRecord, setRecordArchived } from './records';
import { Issues, conflict } from './references';
import { listRows } from '../../db/repos/sd-records';

/**
 * DC 4 incidents and DC 9 significant changes: each kind is either listed or stated as "none"
 * as of a date, never both. Stating "none" is refused while events of that kind are listed;
 * adding (or restoring) an event withdraws the "none" statement of its kind, in the same
 * transaction and in the audit log, because the new event makes it untrue.
 */

export interface EventValues {
  id?: string;
  kind: SdEventKind;
  date: string;
  title: string;
  description: string;
  effect: string;
  disposition: string;
}

const NONE_COLUMN: Record<NoneKind, 'incidents_none_as_of' | 'changes_none_as_of'> = {
  incidents: 'incidents_none_as_of',
  changes: 'changes_none_as_of',
};
const NONE_FIELD: Record<NoneKind, 'incidentsNoneAsOf' | 'changesNoneAsOf'> = {
  incidents: 'incidentsNoneAsOf',
  changes: 'changesNoneAsOf',
};

function refuseChangesOnTypeOne(vault: Vault): void {
  if (getEngagement(vault).reportType === 'type1') {
    throw conflict(
      'Significant changes (DC 9) are described only in a Type II report; this engagement is Type I.',
    );
  }
}

export function saveEvent(vault: Vault, values: EventValues): SdEvent {
  const { id, kind, date, title, description, effect, disposition } = values;
  const fields = { kind, date, title, description, effect, disposition };
  return tx(vault.db, () => {
    if (id !== undefined) {
      const current = requireRow(vault, 'sd_event', id);
      const issues = new Issues();
      if (current.kind !== fields.kind)
        issues.add(
          ['kind'],
          `This is recorded as ${current.kind === 'incident' ? 'an incident' : 'a change'}; archive it and add a new one instead`,
        );
      issues.throwIfAny();
    }
    if (fields.kind === 'change') refuseChangesOnTypeOne(vault);
    const row = saveRecord(vault, 'sd_event', id, fields, fields);
    if (row.archived_at === null) withdrawNone(vault, NONE_KIND_OF_EVENT[fields.kind]);
    return toSdEvent(row);
  });
}

export function archiveEvent(vault: Vault, id: string, archived: boolean): SdEvent {
  return tx(vault.db, () => {
    const { row, changed } = setRecordArchived(vault, 'sd_event', id, archived);
    if (changed && !archived) withdrawNone(vault, NONE_KIND_OF_EVENT[row.kind]);
    return toSdEvent(row);
  });
}

export function getNoneStatements(vault: Vault): Record<NoneKind, string | null> {
  const e = getEngagement(vault);
  return { incidents: e.incidentsNoneAsOf, changes: e.changesNoneAsOf };
}

/** States "none as of `asOf`" for incidents or changes, or clears the statement (null). */
export function setNone(
  vault: Vault,
  kind: NoneKind,
  asOf: string | null,
): Record<NoneKind, string | null> {
  return tx(vault.db, () => {
    if (asOf !== null) {
      if (kind === 'changes') refuseChangesOnTypeOne(vault);
      const eventKind: SdEventKind = kind === 'incidents' ? 'incident' : 'change';
      const listed = listRows(vault.db, 'sd_event', false).filter((r) => r.kind === eventKind);
      if (listed.length > 0) {
        throw conflict(
          `${listed.length} ${kind === 'incidents' ? 'incident' : 'change'}${listed.length === 1 ? ' is' : 's are'} listed; archive ${listed.length === 1 ? 'it' : 'them'} before stating there were none.`,
        );
      }
      const period = getEngagement(vault).period;
      if (period && asOf < period.start) {
        const issues = new Issues();
        issues.add(
          ['asOf'],
          `A statement dated before the period starts (${period.start}) says nothing about the period`,
        );
        issues.throwIfAny();
      }
    }
    writeNone(vault, kind, asOf);
    return getNoneStatements(vault);
  });
}

function withdrawNone(vault: Vault, kind: NoneKind): void {
  if (getNoneStatements(vault)[kind] !== null) writeNone(vault, kind, null);
}

function writeNone(vault: Vault, kind: NoneKind, asOf: string | null): void {
  const cols: Partial<EngagementTable> = { [NONE_COLUMN[kind]]: asOf, updated_at: vault.now() };
  updateEngagement(vault.db, cols);
  recordChange(vault, {
    action: 'update',
    entity: 'engagement',
    entityId: ENGAGEMENT_ID,
    payload: { [NONE_FIELD[kind]]: asOf },
  });
}
