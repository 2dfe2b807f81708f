import type { Subservice, SubserviceValues } from '../../../shared/api/sd';
import { recordChange } from '../../db/audit';
import { releaseBlob } from '../../db/blob-owners';
import { putBlobFromFile, type BlobProgress } from '../../db/blobs';
import { tx } from '../../db/connection';
import type { SubserviceOrgTable } from '../../db/schema';
import type { Vault } from '../vault/session';
import { saveSubserviceParts, toSubservices } from './subservice-parts';
import { requireRow, saveRecord, setRecordArchived } from './records';
import { Issues, checkControl, checkCriteria, scopeCriteria } from './references';
import { updateRow } from '../../db/repos/sd-records';
import { withdrawConfirmedNone } from './confirmed-none';
import { getEvidenceRow } from '../../db/repos/evidence';

/** DC 7: adds a subservice organisation (no id) or changes one, after checking its references. */
export function saveSubservice(vault: Vault, values: SubserviceValues): Subservice {
  const { id, ...fields } = values;
  return tx(vault.db, () => {
    checkSubservice(vault, values);
    const r = fields.report;
    const columns: Omit<
      SubserviceOrgTable,
      | 'id'
      | 'archived_at'
      | 'created_at'
      | 'updated_at'
      | 'report_blob_id'
      | 'report_file_name'
      | 'report_sha256'
      | 'report_size'
    > = {
      name: fields.name,
      services: fields.services,
      method: fields.method,
      report_type: r.type,
      report_period_start: r.periodStart,
      report_period_end: r.periodEnd,
      report_opinion: r.opinion,
      report_exceptions: r.exceptions,
      reviewed_on: r.reviewedOn,
      bridge_gap: r.bridgeGap,
      exceptions_assessment: r.exceptionsAssessment,
      exceptions_conclusion: r.exceptionsConclusion,
      bridge_received_on: r.bridgeLetter?.receivedOn ?? null,
      bridge_period_start: r.bridgeLetter?.periodStart ?? null,
      bridge_period_end: r.bridgeLetter?.periodEnd ?? null,
      bridge_evidence_id: r.bridgeLetter?.evidenceId ?? null,
      bridge_note: r.bridgeLetter?.note ?? null,
      monitoring_control_id: fields.monitoringControlId,
    };
    // The attached report file is kept across edits; only attaching replaces it.
    const kept =
      id === undefined
        ? { report_blob_id: null, report_file_name: null, report_sha256: null, report_size: null }
        : {};
    const row = saveRecord(
      vault,
      'subservice_org',
      id,
      { ...columns, ...kept } as Omit<
        SubserviceOrgTable,
        'id' | 'archived_at' | 'created_at' | 'updated_at'
      >,
      fields,
    );
    saveSubserviceParts(vault, row.id, fields);
    if (row.archived_at === null) withdrawConfirmedNone(vault, 'subservices');
    return getSubservice(vault, row.id);
  });
}

function checkSubservice(vault: Vault, values: SubserviceValues): void {
  const issues = new Issues();
  const scope = scopeCriteria(vault);
  checkCriteria(scope, values.criteria, ['criteria'], issues);
  if (values.method === 'carve_out') {
    // A carve-out is not "not relevant": the criterion still applies, met through the CSOCs.
    values.criteria.forEach((id, i) => {
      if (scope.notRelevant.has(id)) {
        issues.add(
          ['criteria', i],
          `${id} is marked not relevant, but a carved-out criterion still applies: it is met through ${values.name}’s controls. Clear the not-relevant mark on ${id} or leave it out here.`,
        );
      }
    });
  }
  const supported = new Set(values.criteria);
  values.csocs.forEach((csoc, i) =>
    csoc.criteria.forEach((id, j) => {
      if (!supported.has(id))
        issues.add(
          ['csocs', i, 'criteria', j],
          `${id} is not among the criteria ${values.name} supports; add it there first`,
        );
    }),
  );
  values.vendorCuecs.forEach((v, i) =>
    v.controlIds.forEach((controlId, j) =>
      checkControl(vault, controlId, ['vendorCuecs', i, 'controlIds', j], issues),
    ),
  );
  if (values.monitoringControlId)
    checkControl(vault, values.monitoringControlId, ['monitoringControlId'], issues);
  const letter = values.report.bridgeLetter;
  if (letter?.evidenceId && !getEvidenceRow(vault.db, letter.evidenceId))
    issues.add(
      ['report', 'bridgeLetter', 'evidenceId'],
      `No evidence item ${letter.evidenceId} in this vault`,
    );
  issues.throwIfAny();
}

export function getSubservice(vault: Vault, id: string): Subservice {
  return toSubservices(vault, [requireRow(vault, 'subservice_org', id)])[0]!;
}

export function archiveSubservice(vault: Vault, id: string, archived: boolean): Subservice {
  return tx(vault.db, () => {
    const { row, changed } = setRecordArchived(vault, 'subservice_org', id, archived);
    if (changed && !archived) withdrawConfirmedNone(vault, 'subservices');
    return toSubservices(vault, [row])[0]!;
  });
}

export interface AttachedReport {
  subserviceId: string;
  fileName: string;
  blobId: number;
  sha256: string;
  size: number;
  deduplicated: boolean;
}

/**
 * Streams the organisation's SOC report into the blob store and, in the same final transaction,
 * links it to the organisation (replacing any earlier file, whose bytes go once nothing owns them). An
 * organisation deleted or missing by then fails the whole attach, leaving nothing behind.
 */
export async function attachSubserviceReport(
  vault: Vault,
  id: string,
  path: string,
  fileName: string,
  options: { signal?: AbortSignal; onProgress?: (p: BlobProgress) => void } = {},
): Promise<AttachedReport> {
  requireRow(vault, 'subservice_org', id);
  const stored = await putBlobFromFile(vault.db, path, {
    now: vault.now,
    signal: options.signal,
    onProgress: options.onProgress,
    finalize: (blobId, info) => {
      const previous = requireRow(vault, 'subservice_org', id).report_blob_id;
      // The organisation owns its report: its recorded state vouches for the bytes.
      updateRow(vault.db, 'subservice_org', id, {
        report_blob_id: blobId,
        report_file_name: fileName,
        report_sha256: info.sha256,
        report_size: info.size,
        updated_at: vault.now(),
      });
      recordChange(vault, {
        action: 'update',
        entity: 'subservice_org',
        entityId: id,
        payload: { reportFile: { blobId, fileName, sha256: info.sha256, size: info.size } },
      });
      // The report it replaces goes once nothing else owns the same bytes.
      if (previous !== null && previous !== blobId) releaseBlob(vault.db, previous);
    },
  });
  return {
    subserviceId: id,
    fileName,
    blobId: stored.blobId,
    sha256: stored.sha256,
    size: stored.size,
    deduplicated: stored.deduplicated,
  };
}
