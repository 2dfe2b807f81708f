import type { Cuec, SdComponent, SdEvent, Subservice } from '../../../shared/api/sd';
import type {
  CuecTable,
  SdComponentTable,
  SdEventTable,
  SubserviceOrgTable,
} from '../../db/schema';

/** Rows to contract objects: the only place that knows how the sd columns encode the fields. */

const common = (row: { archived_at: string | null; created_at: string; updated_at: string }) => ({
  archived: row.archived_at !== null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function toComponent(row: SdComponentTable): SdComponent {
  return {
    id: row.id,
    kind: row.kind as SdComponent['kind'],
    name: row.name,
    description: row.description,
    ...common(row),
  };
}

export function toSubservice(
  row: SubserviceOrgTable,
  parts: Pick<Subservice, 'criteria' | 'csocs' | 'vendorCuecs'>,
): Subservice {
  return {
    id: row.id,
    name: row.name,
    services: row.services,
    method: row.method as Subservice['method'],
    criteria: parts.criteria,
    csocs: parts.csocs,
    vendorCuecs: parts.vendorCuecs,
    report: {
      type: row.report_type as Subservice['report']['type'],
      periodStart: row.report_period_start,
      periodEnd: row.report_period_end,
      opinion: row.report_opinion as Subservice['report']['opinion'],
      exceptions: row.report_exceptions ?? '',
      // Empty: a vault from before migration 019, or a review that never weighed them.
      exceptionsAssessment: (row.exceptions_assessment ??
        'not_assessed') as Subservice['report']['exceptionsAssessment'],
      exceptionsConclusion: row.exceptions_conclusion ?? '',
      reviewedOn: row.reviewed_on,
      bridgeGap: row.bridge_gap ?? '',
      bridgeLetter:
        row.bridge_received_on && row.bridge_period_start && row.bridge_period_end
          ? {
              receivedOn: row.bridge_received_on,
              periodStart: row.bridge_period_start,
              periodEnd: row.bridge_period_end,
              evidenceId: row.bridge_evidence_id,
              note: row.bridge_note ?? '',
            }
          : null,
    },
    reportFile:
      row.report_blob_id !== null
        ? { blobId: row.report_blob_id, fileName: row.report_file_name ?? '' }
        : null,
    monitoringControlId: row.monitoring_control_id,
    ...common(row),
  };
}

export function toCuec(row: CuecTable, criteria: string[]): Cuec {
  return {
    id: row.id,
    description: row.description,
    criteria,
    ...common(row),
  };
}

export function toSdEvent(row: SdEventTable): SdEvent {
  return {
    id: row.id,
    kind: row.kind,
    date: row.date,
    title: row.title,
    description: row.description,
    effect: row.effect,
    disposition: row.disposition,
    ...common(row),
  };
}
