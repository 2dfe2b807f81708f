import {
  type CoverageInput,
  type Evidence,
  type EvidenceDetail,
  type EvidenceFilter,
  type EvidencePatch,
  type EvidenceSort,
} from '../../../shared/api/evidence';
import { AttestError, type ValidationIssue } from '../../../shared/api/errors';
import {
  type EngagementRange,
  engagementRange,
  windowStatus,
} from '../../../shared/domain/evidence-window';
import { recordChange } from '../../db/audit';
import { linkId } from '../../db/audited';
import { type VaultDb, runExpect, tx } from '../../db/connection';
import { getControlRow } from '../../db/repos/controls';
import { getEngagementRow } from '../../db/repos/engagement';
import {
  changeHistoryLinks,
  controlPeople,
  getEvidenceRow,
  supersededBy,
  updateEvidenceRow,
} from '../../db/repos/evidence';
import { listEvidencePage, searchEvidence } from '../../db/repos/evidence-list';
import { linkedTo, linksOf } from '../../db/repos/links';
import { getPerson } from '../../db/repos/people';
import { getRequestRow } from '../../db/repos/requests';
import type { EvidenceTable } from '../../db/schema';
import type { Vault } from '../vault/session';
import { checkChangeHistoryControls, setChangeHistory } from './change-history';
import { toPopulation } from './population-view';

export function rangeOf(db: VaultDb): EngagementRange | null {
  const e = getEngagementRow(db);
  return e
    ? engagementRange({
        reportType: e.report_type,
        asOf: e.as_of,
        periodStart: e.period_start,
        periodEnd: e.period_end,
      })
    : null;
}

function coverageOf(row: EvidenceTable): { start: string; end: string } | null {
  if (row.window_start && row.window_end) return { start: row.window_start, end: row.window_end };
  return row.as_of ? { start: row.as_of, end: row.as_of } : null;
}

/** Rows to items, their links read for all of them at once. */
export function toEvidenceList(
  vault: Vault,
  rows: EvidenceTable[],
  range: EngagementRange | null = rangeOf(vault.db),
): Evidence[] {
  const ids = rows.map((r) => r.id);
  const controls = linksOf(vault.db, 'evidence_control', ids);
  const requests = linksOf(vault.db, 'evidence_request', ids);
  const changeHistory = changeHistoryLinks(vault.db, ids);
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    kind: r.kind,
    title: r.title,
    performedOn: r.performed_on,
    asOf: r.as_of,
    window: r.window_start && r.window_end ? { start: r.window_start, end: r.window_end } : null,
    windowStatus: windowStatus(coverageOf(r), range),
    collectedOn: r.collected_on,
    source: r.source,
    collectorId: r.collector_id,
    reviewerId: r.reviewer_id,
    reviewedOn: r.reviewed_on,
    notes: r.notes ?? '',
    file:
      r.blob_id !== null && r.file_sha256 !== null && r.file_size !== null
        ? {
            blobId: r.blob_id,
            name: r.file_name ?? r.ref,
            sha256: r.file_sha256,
            size: r.file_size,
          }
        : null,
    url: r.url,
    controlIds: controls.get(r.id) ?? [],
    changeHistoryFor: changeHistory.get(r.id) ?? [],
    requestIds: requests.get(r.id) ?? [],
    supersededById: r.superseded_by_id,
    supersededOn: r.superseded_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export function requireEvidence(vault: Vault, id: string): EvidenceTable {
  const row = getEvidenceRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No evidence item ${id} in this vault`);
  return row;
}

export function getEvidence(vault: Vault, id: string): Evidence {
  return toEvidenceList(vault, [requireEvidence(vault, id)])[0]!;
}

export function getEvidenceDetail(vault: Vault, id: string): EvidenceDetail {
  const row = requireEvidence(vault, id);
  const item = toEvidenceList(vault, [row])[0]!;
  return {
    ...item,
    population: toPopulation(vault, id),
    body: row.body,
    supersedes: supersededBy(vault.db, id).map((r) => ({ id: r.id, ref: r.ref, title: r.title })),
  };
}

export function listEvidence(
  vault: Vault,
  f: EvidenceFilter,
  sort: EvidenceSort,
  page: { limit: number; cursor?: string | undefined },
): { items: Evidence[]; nextCursor: string | null; total: number } {
  const { rows, nextCursor, total } = listEvidencePage(vault.db, f, sort, page, rangeOf(vault.db));
  return { items: toEvidenceList(vault, rows), nextCursor, total };
}

/** Current (not superseded) items, and those of them without a review. */
export function evidenceCounts(vault: Vault): { total: number; unreviewed: number } {
  const row = vault.db.sqlite
    .prepare(
      `SELECT count(*) AS total,
              coalesce(sum(reviewer_id IS NULL OR reviewed_on IS NULL), 0) AS unreviewed
         FROM evidence WHERE superseded_by_id IS NULL`,
    )
    .get() as { total: number; unreviewed: number };
  return { total: row.total, unreviewed: row.unreviewed };
}

export function searchEvidenceItems(vault: Vault, query: string, limit: number) {
  return { items: searchEvidence(vault.db, query, limit) };
}

/** The coverage columns for an input (one date, a window, or none). */
export function coverageColumns(
  coverage: CoverageInput | null | undefined,
): Pick<EvidenceTable, 'as_of' | 'window_start' | 'window_end'> {
  if (!coverage) return { as_of: null, window_start: null, window_end: null };
  if ('asOf' in coverage) return { as_of: coverage.asOf, window_start: null, window_end: null };
  return { as_of: null, window_start: coverage.window.start, window_end: coverage.window.end };
}

/** People and links named by an input exist (field-level `validation` otherwise). */
export function checkReferences(
  vault: Vault,
  fields: {
    collectorId?: string | null | undefined;
    reviewerId?: string | null | undefined;
    controlIds?: readonly string[];
    requestIds?: readonly string[];
    changeHistoryFor?: readonly string[] | undefined;
  },
): void {
  const issues: ValidationIssue[] = [];
  for (const key of ['collectorId', 'reviewerId'] as const) {
    const id = fields[key];
    if (id && !getPerson(vault.db, id))
      issues.push({ path: [key], message: `No person ${id} in this vault` });
  }
  for (const id of fields.controlIds ?? []) {
    if (!getControlRow(vault.db, id))
      issues.push({ path: ['controlIds'], message: `No control ${id} in this vault` });
  }
  for (const id of fields.requestIds ?? []) {
    if (!getRequestRow(vault.db, id))
      issues.push({ path: ['requestIds'], message: `No request ${id} in this vault` });
  }
  if (issues.length > 0) throw new AttestError('validation', issues[0]!.message, issues);
  checkChangeHistoryControls(vault, fields.changeHistoryFor ?? []);
}

export function updateEvidence(vault: Vault, id: string, patch: EvidencePatch): Evidence {
  return tx(vault.db, () => {
    const row = requireEvidence(vault, id);
    checkReferences(vault, patch);
    // An address belongs to a link and a text to a note: the other kinds have neither.
    if (patch.url !== undefined && row.kind !== 'link') {
      throw new AttestError('validation', `${row.ref} is not a link; it has no address to change`, [
        { path: ['url'], message: 'Only a link has an address' },
      ]);
    }
    if (patch.body !== undefined && row.kind !== 'note') {
      throw new AttestError('validation', `${row.ref} is not a note; it has no text to change`, [
        { path: ['body'], message: 'Only a note has a text' },
      ]);
    }
    const set: Partial<EvidenceTable> = {};
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.performedOn !== undefined) set.performed_on = patch.performedOn;
    if (patch.coverage !== undefined) Object.assign(set, coverageColumns(patch.coverage));
    if (patch.collectedOn !== undefined) set.collected_on = patch.collectedOn;
    if (patch.source !== undefined) set.source = patch.source || null;
    if (patch.collectorId !== undefined) set.collector_id = patch.collectorId;
    if (patch.notes !== undefined) set.notes = patch.notes || null;
    if (patch.url !== undefined) set.url = patch.url;
    if (patch.body !== undefined) set.body = patch.body;
    if (Object.keys(set).length > 0) {
      const { changeHistoryFor: _links, ...fields } = patch;
      updateEvidenceRow(vault.db, id, { ...set, updated_at: vault.now() });
      recordChange(vault, { action: 'update', entity: 'evidence', entityId: id, payload: fields });
    }
    // A fact of each link, audited there (`change-history.ts`).
    if (patch.changeHistoryFor !== undefined) setChangeHistory(vault, id, patch.changeHistoryFor);
    return getEvidence(vault, id);
  });
}

/**
 * Why `personId` may not review evidence of these controls, or null: evidence reviewed by the
 * control's own performer (or its owner) does not count as reviewed (segregation of duties).
 */
function reviewConflict(vault: Vault, personId: string, controlIds: readonly string[]) {
  const control = controlPeople(vault.db, controlIds).find(
    (c) => c.performer_id === personId || c.owner_id === personId,
  );
  if (!control) return null;
  const name = getPerson(vault.db, personId)?.name ?? personId;
  const role = control.performer_id === personId ? 'performs' : 'owns';
  return `${name} ${role} ${control.ref}, so their review does not count: the item stays unreviewed. Ask someone independent of the control to review it.`;
}

export function reviewEvidence(
  vault: Vault,
  id: string,
  reviewerId: string | null,
  reviewedOn: string | undefined,
): { evidence: Evidence; warning: string | null } {
  return tx(vault.db, () => {
    const row = requireEvidence(vault, id);
    checkReferences(vault, { reviewerId });
    if (reviewerId !== null) {
      const warning = reviewConflict(vault, reviewerId, linkedTo(vault.db, 'evidence_control', id));
      if (warning) return { evidence: getEvidence(vault, id), warning };
    }
    const on = reviewerId === null ? null : (reviewedOn ?? vault.now().slice(0, 10));
    if (row.reviewer_id !== reviewerId || row.reviewed_on !== on) {
      updateEvidenceRow(vault.db, id, {
        reviewer_id: reviewerId,
        reviewed_on: on,
        updated_at: vault.now(),
      });
      recordChange(vault, {
        action: 'update',
        entity: 'evidence',
        entityId: id,
        payload: { review: { reviewerId, reviewedOn: on } },
      });
    }
    return { evidence: getEvidence(vault, id), warning: null };
  });
}

export function supersedeEvidence(
  vault: Vault,
  id: string,
  byId: string,
  on: string | undefined,
): Evidence {
  return tx(vault.db, () => {
    const older = requireEvidence(vault, id);
    const newer = requireEvidence(vault, byId);
    if (older.superseded_by_id !== null) {
      throw new AttestError(
        'conflict',
        `${older.ref} was already superseded; supersede the newest item instead`,
      );
    }
    if (newer.superseded_by_id !== null) {
      throw new AttestError(
        'validation',
        `${newer.ref} is itself superseded; choose the item that replaced it`,
        [{ path: ['byId'], message: `${newer.ref} is itself superseded` }],
      );
    }
    const date = on ?? vault.now().slice(0, 10);
    updateEvidenceRow(vault.db, id, {
      superseded_by_id: byId,
      superseded_on: date,
      updated_at: vault.now(),
    });
    recordChange(vault, {
      action: 'update',
      entity: 'evidence',
      entityId: id,
      payload: { supersededBy: { id: byId, ref: newer.ref, on: date } },
    });
    return getEvidence(vault, id);
  });
}

/**
 * Adds (or removes) links, each its own audited row. A control linked whose performer or owner
 * reviewed the item withdraws that review: it would no longer count.
 */
export function changeLinks(
  vault: Vault,
  id: string,
  controlIds: readonly string[],
  requestIds: readonly string[],
  linked: boolean,
): { evidence: Evidence; reviewWithdrawn: boolean } {
  return tx(vault.db, () => {
    const row = requireEvidence(vault, id);
    if (linked) checkReferences(vault, { controlIds, requestIds });
    setLinks(vault, 'evidence_control', 'control_id', id, controlIds, linked);
    setLinks(vault, 'evidence_request', 'request_id', id, requestIds, linked);
    let reviewWithdrawn = false;
    if (linked && row.reviewer_id && reviewConflict(vault, row.reviewer_id, controlIds)) {
      updateEvidenceRow(vault.db, id, {
        reviewer_id: null,
        reviewed_on: null,
        updated_at: vault.now(),
      });
      recordChange(vault, {
        action: 'update',
        entity: 'evidence',
        entityId: id,
        payload: { reviewWithdrawn: { reviewerId: row.reviewer_id, reason: 'performs_control' } },
      });
      reviewWithdrawn = true;
    }
    return { evidence: getEvidence(vault, id), reviewWithdrawn };
  });
}

function setLinks(
  vault: Vault,
  table: 'evidence_control' | 'evidence_request',
  column: 'control_id' | 'request_id',
  id: string,
  targets: readonly string[],
  linked: boolean,
): void {
  const current = new Set(linkedTo(vault.db, table, id));
  for (const to of new Set(targets)) {
    if (current.has(to) === linked) continue;
    const values = { evidence_id: id, [column]: to } as never;
    if (linked) runExpect(vault.db, vault.db.qb.insertInto(table).values(values));
    else
      runExpect(
        vault.db,
        vault.db.qb
          .deleteFrom(table)
          .where('evidence_id', '=', id)
          .where(column as never, '=', to as never),
      );
    recordChange(vault, {
      action: linked ? 'create' : 'delete',
      entity: table,
      entityId: linkId(id, to),
    });
  }
}
