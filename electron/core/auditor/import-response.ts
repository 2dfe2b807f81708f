/**
 * Importing an auditor's response into the vault whose package it answers (issue 21 item 2):
 * auditor statuses set, comments added to threads, new requests and one request per sample pick
 * added — nothing else. One transaction, every change audited; items already imported are
 * skipped, so the same response imported twice changes nothing.
 */
import { AttestError } from '../../../shared/api/errors';
import type {
  ResponseChange,
  ResponseImportResult,
  ResponsePreview,
} from '../../../shared/api/auditor-response';
import {
  type AuditorResponse,
  type ResponseItem,
  sortItems,
  unsignedLabel,
} from '../../../shared/domain/auditor/response';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import {
  allAuditorResponses,
  evidenceByRef,
  findPackageExport,
  insertAuditorResponse,
  requestRefsStartingWith,
  requestsOfEvidence,
} from '../../db/repos/auditor-responses';
import { getPopulationRow } from '../../db/repos/evidence';
import {
  getRequestByRef,
  insertComment,
  insertRequest,
  updateRequestRow,
} from '../../db/repos/requests';
import type { EvidenceTable, RequestTable } from '../../db/schema';
import { findCriterion } from '../catalog/catalog';
import { setRequestLinks } from '../requests/links';
import type { Vault } from '../vault/session';
import { type ReadResponse, readResponseFile } from './signature';

/** New requests from an auditor are numbered AUD-001, AUD-002, … */
export const AUDITOR_REF_PREFIX = 'AUD-';

/** Reads, checks and imports a response file's bytes. */
export function importResponseFile(vault: Vault, bytes: Uint8Array): ResponseImportResult {
  return importResponse(vault, readResponseFile(bytes));
}

/** "Dana Auditor (Example LLP)", or the unsigned label: who the changes are attributed to. */
export function attributionOf(read: ReadResponse): string {
  const { name, firm } = read.response.auditor;
  return read.signer.signed ? `${name} (${firm})` : `${name}, ${unsignedLabel(firm)}`;
}

/**
 * The checks an import makes before it writes anything, shared with the preview so the two
 * cannot drift: the package is this vault's, and every record the new items name exists.
 * Only reads (the preview runs it outside a transaction, in a read-only session too).
 */
function checkResponse(vault: Vault, read: ReadResponse) {
  const { response, signer } = read;
  requireOwnPackage(vault, response);
  const done = new Set(
    allAuditorResponses(vault.db).flatMap((r) => JSON.parse(r.items) as string[]),
  );
  const fresh = sortItems(response.items.filter((i) => !done.has(i.id)));
  const about = {
    manifestSha256: response.package.manifestSha256,
    engagement: response.package.engagement,
    auditor: { ...response.auditor, email: response.auditor.email ?? null },
    fingerprint: signer.signed ? signer.fingerprint : null,
    attribution: attributionOf(read),
    alreadyImported: fresh.length === 0,
    itemsAlreadyImported: response.items.length - fresh.length,
  };
  return { about, fresh, targets: resolveTargets(vault, fresh) };
}

/** What importing the response would do, after the import's own checks; changes nothing. */
export function previewResponse(vault: Vault, read: ReadResponse): ResponsePreview {
  const { about, fresh } = checkResponse(vault, read);
  const counts = { status: 0, comment: 0, request: 0, sample: 0 };
  for (const item of fresh) counts[item.kind]++;
  return { ...about, itemsNew: fresh.length, counts };
}

export function importResponse(vault: Vault, read: ReadResponse): ResponseImportResult {
  const { response } = read;
  return tx(vault.db, () => {
    const { about, fresh, targets } = checkResponse(vault, read);
    const base = { ...about, itemsApplied: fresh.length };
    if (fresh.length === 0) return { ...base, changes: [] };

    const responseId = vault.ids.next('ars');
    const apply = applier(vault, read, responseId);
    const changes = fresh.flatMap((item) => apply(item, targets));

    insertAuditorResponse(vault.db, {
      id: responseId,
      manifest_sha256: response.package.manifestSha256,
      auditor_name: response.auditor.name,
      auditor_firm: response.auditor.firm,
      auditor_email: response.auditor.email ?? null,
      key_fingerprint: base.fingerprint,
      created_at: response.createdAt,
      imported_at: vault.now(),
      imported_by: vault.actor(),
      items: JSON.stringify(fresh.map((i) => i.id)),
    });
    recordChange(vault, {
      action: 'create',
      entity: 'auditor_response',
      entityId: responseId,
      payload: { attribution: base.attribution, items: fresh.length },
    });
    return { ...base, changes };
  });
}

function requireOwnPackage(vault: Vault, response: AuditorResponse): void {
  const { manifestSha256, engagement } = response.package;
  if (!findPackageExport(vault.db, manifestSha256)) {
    throw new AttestError(
      'conflict',
      `This response answers a package this vault did not export (“${engagement}”, manifest ${manifestSha256.slice(0, 12)}…). Import it into the vault that exported that package (a package exported before this version of Attest is not known: export again and send that one). Nothing was imported.`,
    );
  }
}

interface Targets {
  requests: Map<string, RequestTable>;
  evidence: Map<string, EvidenceTable>;
}

/**
 * Every request, evidence item, population and criterion the items name, found before anything
 * is written: one that is missing refuses the whole response, naming it.
 */
function resolveTargets(vault: Vault, items: readonly ResponseItem[]): Targets {
  const requests = new Map<string, RequestTable>();
  const evidence = new Map<string, EvidenceTable>();
  const refuse = (what: string) => {
    throw new AttestError(
      'not_found',
      `The response names ${what}, which this vault does not have. Nothing was imported.`,
    );
  };
  const request = (ref: string) => {
    const row = requests.get(ref) ?? getRequestByRef(vault.db, ref);
    if (!row) refuse(`request ${ref}`);
    requests.set(ref, row!);
  };
  const evidenceItem = (ref: string, population: boolean) => {
    const row = evidence.get(ref) ?? evidenceByRef(vault.db, ref);
    if (!row) refuse(`evidence ${ref}`);
    if (population && !getPopulationRow(vault.db, row!.id)) refuse(`a population ${ref}`);
    evidence.set(ref, row!);
  };
  for (const item of items) {
    if (item.kind === 'status') request(item.requestRef);
    if (item.kind === 'comment' && item.requestRef !== undefined) request(item.requestRef);
    if (item.kind === 'comment' && item.evidenceId !== undefined)
      evidenceItem(item.evidenceId, false);
    if (item.kind === 'sample') evidenceItem(item.populationId, true);
    if (item.kind === 'request')
      for (const c of item.criteria) if (!findCriterion(c)) refuse(`criterion ${c}`);
  }
  return { requests, evidence };
}

function applier(vault: Vault, read: ReadResponse, responseId: string) {
  const attribution = attributionOf(read);
  const payload = { response: responseId };
  const now = vault.now();

  const comment = (request: RequestTable, body: string, at: string) => {
    const id = vault.ids.next('rcm');
    insertComment(vault.db, {
      id,
      request_id: request.id,
      author: attribution,
      author_person_id: null,
      body,
      source: 'auditor',
      import_id: null,
      // When it reached the vault: the auditor's own time is their claim, kept in the log entry.
      created_at: now,
    });
    recordChange(vault, {
      action: 'create',
      entity: 'request_comment',
      entityId: id,
      payload: { requestId: request.id, writtenAt: at, ...payload },
    });
  };

  let lastNumber = Math.max(
    0,
    ...requestRefsStartingWith(vault.db, AUDITOR_REF_PREFIX).map((ref) => {
      const n = /^AUD-(\d+)$/.exec(ref);
      return n ? Number(n[1]) : 0;
    }),
  );
  const newRequest = (fields: {
    description: string;
    type: RequestTable['type'];
    dueOn: string | null;
    columns: [string, string][];
    criteria: string[];
  }): RequestTable => {
    lastNumber++;
    const row = {
      id: vault.ids.next('req'),
      ref: `${AUDITOR_REF_PREFIX}${String(lastNumber).padStart(3, '0')}`,
      description: fields.description,
      type: fields.type,
      wave: null,
      period_text: null,
      period_start: null,
      period_end: null,
      as_of: null,
      owner_id: null,
      owner_text: null,
      reviewer_id: null,
      due_on: fields.dueOn,
      status: 'new',
      submitted_on: null,
      auditor_status: null,
      // The auditor's row, as for a request list: where it came from, kept as its columns.
      source_columns: JSON.stringify(fields.columns),
      extra_columns: JSON.stringify(fields.columns),
      imported_fields: null,
      import_id: null,
      archived_at: null,
      created_at: now,
      updated_at: now,
    } satisfies Omit<RequestTable, 'ref_sort' | 'wave_sort'>;
    insertRequest(vault.db, row);
    recordChange(vault, { action: 'create', entity: 'request', entityId: row.id, payload });
    if (fields.criteria.length > 0)
      setRequestLinks(vault, row.id, { criteria: [...new Set(fields.criteria)] }, payload);
    return { ...row, ref_sort: '', wave_sort: null };
  };
  const origin = (item: ResponseItem): [string, string][] => [
    ['Origin', 'Auditor’s response'],
    ['Auditor', attribution],
    ['Response item', item.id],
  ];

  return (item: ResponseItem, targets: Targets): ResponseChange[] => {
    switch (item.kind) {
      case 'status': {
        const request = targets.requests.get(item.requestRef)!;
        const from = request.auditor_status;
        if (from === item.status) return [];
        updateRequestRow(vault.db, request.id, { auditor_status: item.status, updated_at: now });
        recordChange(vault, {
          action: 'update',
          entity: 'request',
          entityId: request.id,
          payload: { auditorStatus: item.status, from, ...payload },
        });
        request.auditor_status = item.status;
        const words = item.status === 'accepted' ? 'accepted' : 'follow-up';
        return [
          {
            kind: 'status',
            requestRef: request.ref,
            message: `${request.ref}: the auditor’s status is now ${words}.`,
          },
        ];
      }
      case 'comment': {
        if (item.requestRef !== undefined) {
          const request = targets.requests.get(item.requestRef)!;
          comment(request, item.body, item.at);
          return [
            {
              kind: 'comment',
              requestRef: request.ref,
              message: `${request.ref}: a comment added.`,
            },
          ];
        }
        const evidence = targets.evidence.get(item.evidenceId!)!;
        const body = `On ${evidence.ref} ${evidence.title}: ${item.body}`;
        const linked = requestsOfEvidence(vault.db, evidence.id);
        if (linked.length > 0) {
          for (const request of linked) comment(request, body, item.at);
          return linked.map((r) => ({
            kind: 'comment' as const,
            requestRef: r.ref,
            message: `${r.ref}: a comment on ${evidence.ref} added.`,
          }));
        }
        // Evidence linked to no request: the comment starts a request of its own.
        const request = newRequest({
          description: `The auditor commented on ${evidence.ref} ${evidence.title}.`,
          type: 'document',
          dueOn: null,
          columns: [...origin(item), ['Evidence', evidence.ref]],
          criteria: [],
        });
        comment(request, body, item.at);
        return [
          {
            kind: 'request',
            requestRef: request.ref,
            message: `${request.ref} added for a comment on ${evidence.ref}, which no request names.`,
          },
        ];
      }
      case 'request': {
        const request = newRequest({
          description: item.description ? `${item.title}\n\n${item.description}` : item.title,
          type: null,
          dueOn: item.dueOn,
          columns: [...origin(item), ['Title', item.title]],
          criteria: item.criteria,
        });
        return [
          {
            kind: 'request',
            requestRef: request.ref,
            message: `${request.ref} added: ${item.title}`,
          },
        ];
      }
      case 'sample': {
        const population = targets.evidence.get(item.populationId)!;
        const rows = item.rowKeys.join(', ');
        const picked = `${item.rowKeys.length} row${item.rowKeys.length === 1 ? '' : 's'}`;
        const request = newRequest({
          description: `Sample selected by ${read.response.auditor.firm} from ${population.ref} ${population.title}: ${picked} — ${rows}.${item.note ? `\n\n${item.note}` : ''}`,
          type: 'sample',
          dueOn: null,
          columns: [...origin(item), ['Population', population.ref], ['Rows', rows]],
          criteria: [],
        });
        return [
          {
            kind: 'sample',
            requestRef: request.ref,
            message: `${request.ref} added: ${picked} of ${population.ref} ${population.title} (${rows}).`,
          },
        ];
      }
    }
  };
}
