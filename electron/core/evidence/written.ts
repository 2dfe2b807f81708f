import type { Evidence, EvidenceLinkInput, EvidenceNoteInput } from '../../../shared/api/evidence';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import { insertEvidence, nextEvidenceSeq } from '../../db/repos/evidence';
import { replaceLinks } from '../../db/repos/links';
import type { EvidenceTable } from '../../db/schema';
import type { Vault } from '../vault/session';
import { controlsToLink, setChangeHistory } from './change-history';
import { checkReferences, coverageColumns, getEvidence } from './evidence';

/**
 * Evidence that is not a stored file (D1 item 1): a link — a web address with a title, e.g. the
 * ticket that records an approval or a monitoring dashboard — and a written note in Markdown,
 * e.g. the record of an inquiry or an observation. Neither has bytes (a link is never fetched:
 * the app is offline), so they are created in one short transaction, not as a job; otherwise
 * they carry what a file carries (dates, links, collector, review, supersede) and count the same.
 */
export function addLinkEvidence(vault: Vault, input: EvidenceLinkInput): Evidence {
  return addWritten(vault, input, { kind: 'link', url: input.url, body: null });
}

export function addNoteEvidence(vault: Vault, input: EvidenceNoteInput): Evidence {
  return addWritten(vault, input, { kind: 'note', url: null, body: input.body });
}

function addWritten(
  vault: Vault,
  input: EvidenceLinkInput | EvidenceNoteInput,
  what: Pick<EvidenceTable, 'kind' | 'url' | 'body'>,
): Evidence {
  return tx(vault.db, () => {
    checkReferences(vault, input);
    const now = vault.now();
    const seq = nextEvidenceSeq(vault.db);
    const row: EvidenceTable = {
      id: vault.ids.next('evd'),
      seq,
      ref: `EV-${seq}`,
      kind: what.kind,
      title: input.title,
      performed_on: input.performedOn ?? null,
      ...coverageColumns(input.coverage),
      collected_on: input.collectedOn ?? now.slice(0, 10),
      source: input.source || null,
      collector_id: input.collectorId ?? null,
      reviewer_id: null,
      reviewed_on: null,
      notes: input.notes || null,
      blob_id: null,
      file_name: null,
      file_sha256: null,
      file_size: null,
      url: what.url,
      body: what.body,
      superseded_by_id: null,
      superseded_on: null,
      created_at: now,
      updated_at: now,
    };
    insertEvidence(vault.db, row);
    recordChange(vault, {
      action: 'create',
      entity: 'evidence',
      entityId: row.id,
      payload: what.kind === 'link' ? { link: { url: what.url } } : { note: { title: row.title } },
    });
    const controlIds = controlsToLink(input);
    if (controlIds.length > 0) replaceLinks(vault, 'evidence_control', row.id, controlIds);
    if (input.changeHistoryFor.length > 0) setChangeHistory(vault, row.id, input.changeHistoryFor);
    if (input.requestIds.length > 0)
      replaceLinks(vault, 'evidence_request', row.id, input.requestIds);
    return getEvidence(vault, row.id);
  });
}
