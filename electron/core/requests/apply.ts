/**
 * Writes a planned import, inside the caller's transaction, every change in the audit log;
 * `pause` between rows lets a yielding transaction hand the event loop over.
 */
import type { ImportCounts, RequestMapping } from '../../../shared/api/requests';
import type { DateOrderDecision } from '../../../shared/domain/requests-dates';
import { recordChange } from '../../db/audit';
import type { RequestTable } from '../../db/schema';
import { currentPersonId } from '../people/people';
import type { Vault } from '../vault/session';
import { setRequestLinks } from './links';
import type { PlannedRow } from './plan';
import {
  insertComment,
  insertImport,
  insertRequest,
  updateRequestRow,
} from '../../db/repos/requests';

export interface PlanToApply {
  fileName: string;
  sha256: string;
  summary: {
    sheet: string | null;
    headerRow: number;
    headers: string[];
    mapping: RequestMapping;
    dateOrder: DateOrderDecision;
    counts: ImportCounts;
  };
  planned: PlannedRow[];
}

export async function applyPlan(
  vault: Vault,
  p: PlanToApply,
  pause: () => Promise<void> = async () => {},
): Promise<{ importId: string; importedAt: string }> {
  const now = vault.now();
  const importId = vault.ids.next('rim');
  insertImport(vault.db, {
    id: importId,
    file_name: p.fileName,
    file_sha256: p.sha256,
    sheet: p.summary.sheet,
    imported_at: now,
    imported_by: vault.actor(),
    header_row: p.summary.headerRow,
    headers: JSON.stringify(p.summary.headers),
    mapping: JSON.stringify(p.summary.mapping),
    date_order: p.summary.dateOrder.order,
    counts: JSON.stringify(p.summary.counts),
  });
  recordChange(vault, {
    action: 'create',
    entity: 'request_import',
    entityId: importId,
    payload: { fileName: p.fileName, sha256: p.sha256, counts: p.summary.counts },
  });

  for (const row of p.planned) {
    await pause();
    const id = row.existing?.id ?? vault.ids.next('req');
    if (row.outcome === 'new') {
      insertRequest(vault.db, {
        ...(row.columns as Omit<RequestTable, 'id' | 'import_id' | 'archived_at'>),
        id,
        import_id: importId,
        archived_at: null,
        created_at: now,
        updated_at: now,
      });
      recordChange(vault, {
        action: 'create',
        entity: 'request',
        entityId: id,
        payload: { importId, ref: row.parsed.ref, row: row.parsed.row },
      });
      setRequestLinks(vault, id, row.links, { importId });
    } else if (
      row.outcome === 'updated' &&
      (Object.keys(row.columns).length > 0 || Object.keys(row.links).length > 0)
    ) {
      updateRequestRow(vault.db, id, { ...row.columns, import_id: importId, updated_at: now });
      recordChange(vault, {
        action: 'update',
        entity: 'request',
        entityId: id,
        payload: {
          importId,
          ref: row.parsed.ref,
          changed: [...Object.keys(row.columns), ...Object.keys(row.links)],
        },
      });
      setRequestLinks(vault, id, row.links, { importId });
    }
    if (row.comment) addImportedComment(vault, id, row.comment, importId, now);
  }
  return { importId, importedAt: now };
}

function addImportedComment(
  vault: Vault,
  requestId: string,
  body: string,
  importId: string,
  now: string,
): void {
  const id = vault.ids.next('rcm');
  insertComment(vault.db, {
    id,
    request_id: requestId,
    author: vault.actor(),
    author_person_id: currentPersonId(vault),
    body,
    source: 'import',
    import_id: importId,
    created_at: now,
  });
  recordChange(vault, {
    action: 'create',
    entity: 'request_comment',
    entityId: id,
    payload: { requestId, importId },
  });
}
