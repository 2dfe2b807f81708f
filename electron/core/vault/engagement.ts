import type { Engagement } from '../../../shared/api/vault';
import type { Category, ReportType } from '../../../shared/domain/engagement';
import { AttestError } from '../../../shared/api/errors';
import { getEngagementRow } from '../../db/repos/engagement';
import type { EngagementTable } from '../../db/schema';
import type { Vault } from './session';

export function toEngagement(row: EngagementTable): Engagement {
  return {
    name: row.name,
    client: row.client,
    reportType: row.report_type as ReportType,
    asOf: row.as_of,
    period:
      row.period_start && row.period_end ? { start: row.period_start, end: row.period_end } : null,
    categories: JSON.parse(row.categories) as Category[],
    catalogVersion: row.catalog_version,
    services: row.services ?? '',
    auditorFirm: row.auditor_firm ?? '',
    contacts: row.contacts ? (JSON.parse(row.contacts) as Engagement['contacts']) : [],
    scopeStep: row.scope_step ?? 0,
    scopeConfirmedAt: row.scope_confirmed_at,
    incidentsNoneAsOf: row.incidents_none_as_of,
    changesNoneAsOf: row.changes_none_as_of,
    riskAssessedOn: row.risk_assessed_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getEngagement(vault: Vault): Engagement {
  const row = getEngagementRow(vault.db);
  if (!row) throw new AttestError('not_found', 'This vault has no engagement recorded');
  return toEngagement(row);
}
