/**
 * The consultant's side of a request: edits, the internal lifecycle, the follow-up thread and
 * archiving. The auditor's status is never written here; it arrives with the auditor's response.
 */
import { AttestError, type ValidationIssue } from '../../../shared/api/errors';
import type { AuditRequest, AuditRequestDetail, RequestPatch } from '../../../shared/api/requests';
import { type RequestStatus, statusChangeProblem } from '../../../shared/domain/requests';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import { getControlRow } from '../../db/repos/controls';
import { getPerson } from '../../db/repos/people';
import type { RequestTable } from '../../db/schema';
import { findCriterion } from '../catalog/catalog';
import { currentPersonId } from '../people/people';
import type { Vault } from '../vault/session';
import { requestLinksOf, setRequestLinks } from './links';
import type { RequestLinks } from './plan';
import { getRequest, getRequestDetail, requireRequestRow } from './queries';
import { insertComment, updateRequestRow } from '../../db/repos/requests';

function checkPatch(vault: Vault, row: RequestTable, patch: RequestPatch): void {
  const issues: ValidationIssue[] = [];
  for (const field of ['ownerId', 'reviewerId'] as const) {
    const id = patch[field];
    const person = id ? getPerson(vault.db, id) : undefined;
    if (id && !person) issues.push({ path: [field], message: `No person ${id} in this vault` });
    else if (person?.archived_at)
      issues.push({ path: [field], message: `${person.name} is archived` });
  }
  const owner = patch.ownerId !== undefined ? patch.ownerId : row.owner_id;
  const reviewer = patch.reviewerId !== undefined ? patch.reviewerId : row.reviewer_id;
  const touchesPeople = patch.ownerId !== undefined || patch.reviewerId !== undefined;
  if (touchesPeople && owner && owner === reviewer) {
    issues.push({
      path: ['reviewerId'],
      message: 'The reviewer checks the owner’s work; choose someone other than the owner',
    });
  }
  for (const id of patch.controlIds ?? []) {
    const control = getControlRow(vault.db, id);
    if (!control) issues.push({ path: ['controlIds'], message: `No control ${id} in this vault` });
    else if (control.archived_at)
      issues.push({ path: ['controlIds'], message: `${control.ref} is archived` });
  }
  for (const id of patch.criteria ?? []) {
    if (!findCriterion(id))
      issues.push({ path: ['criteria'], message: `${id} is not a Trust Services Criterion` });
  }
  if (issues.length > 0) throw new AttestError('validation', issues[0]!.message, issues);
}

function columnsOf(row: RequestTable, patch: RequestPatch): Partial<RequestTable> {
  const cols: Partial<RequestTable> = {};
  if (patch.description !== undefined) cols.description = patch.description;
  if (patch.type !== undefined) cols.type = patch.type;
  if (patch.wave !== undefined) cols.wave = patch.wave;
  if (patch.ownerId !== undefined) cols.owner_id = patch.ownerId;
  if (patch.reviewerId !== undefined) cols.reviewer_id = patch.reviewerId;
  if (patch.dueOn !== undefined) cols.due_on = patch.dueOn;
  // Naming an owner assigns a new request; removing the owner un-assigns it.
  if (cols.owner_id && row.status === 'new') cols.status = 'assigned';
  if (cols.owner_id === null && row.status === 'assigned') cols.status = 'new';
  const changed = Object.entries(cols).filter(([k, v]) => row[k as keyof RequestTable] !== v);
  return Object.fromEntries(changed) as Partial<RequestTable>;
}

/** The links the patch changes (same set in another order is no change). */
function changedRequestLinks(vault: Vault, id: string, patch: RequestPatch): Partial<RequestLinks> {
  const current = requestLinksOf(vault, [id])(id);
  const out: Partial<RequestLinks> = {};
  for (const field of ['criteria', 'controlIds'] as const) {
    const wanted = patch[field];
    if (wanted === undefined) continue;
    const unique = [...new Set(wanted)];
    const same =
      unique.length === current[field].length && unique.every((x) => current[field].includes(x));
    if (!same) out[field] = unique;
  }
  return out;
}

export function updateRequest(vault: Vault, id: string, patch: RequestPatch): AuditRequest {
  return tx(vault.db, () => {
    const row = requireRequestRow(vault, id);
    checkPatch(vault, row, patch);
    const cols = columnsOf(row, patch);
    const links = changedRequestLinks(vault, id, patch);
    if (Object.keys(cols).length > 0 || Object.keys(links).length > 0) {
      updateRequestRow(vault.db, id, { ...cols, updated_at: vault.now() });
      recordChange(vault, { action: 'update', entity: 'request', entityId: id, payload: patch });
      setRequestLinks(vault, id, links);
    }
    return getRequest(vault, id);
  });
}

export interface StatusChange {
  status: RequestStatus;
  reopen: boolean;
  submittedOn?: string | undefined;
}

/** Moves a request through its internal lifecycle; `submitted` records the date. */
export function setRequestStatus(vault: Vault, id: string, change: StatusChange): AuditRequest {
  return tx(vault.db, () => {
    const row = requireRequestRow(vault, id);
    const from = row.status as RequestStatus;
    const today = vault.now().slice(0, 10);
    if (change.submittedOn !== undefined) {
      const issue =
        change.status !== 'submitted'
          ? 'A submitted date only goes with the submitted status'
          : change.submittedOn > today
            ? 'The submitted date cannot be in the future'
            : null;
      if (issue)
        throw new AttestError('validation', issue, [{ path: ['submittedOn'], message: issue }]);
    }
    const problem = statusChangeProblem(from, change.status, {
      reopen: change.reopen,
      hasOwner: row.owner_id !== null,
    });
    if (problem) throw new AttestError('conflict', problem);
    const submittedOn =
      change.status === 'submitted' ? (change.submittedOn ?? row.submitted_on ?? today) : null;
    if (from !== change.status || submittedOn !== row.submitted_on) {
      updateRequestRow(vault.db, id, {
        status: change.status,
        submitted_on: submittedOn,
        updated_at: vault.now(),
      });
      recordChange(vault, {
        action: 'update',
        entity: 'request',
        entityId: id,
        payload: { status: change.status, from, submittedOn, reopen: change.reopen },
      });
    }
    return getRequest(vault, id);
  });
}

/** Appends to the follow-up thread, written by the vault's current user. */
export function commentOnRequest(vault: Vault, id: string, body: string): AuditRequestDetail {
  return tx(vault.db, () => {
    requireRequestRow(vault, id);
    const commentId = vault.ids.next('rcm');
    insertComment(vault.db, {
      id: commentId,
      request_id: id,
      author: vault.actor(),
      author_person_id: currentPersonId(vault),
      body,
      source: 'user',
      import_id: null,
      created_at: vault.now(),
    });
    recordChange(vault, {
      action: 'create',
      entity: 'request_comment',
      entityId: commentId,
      payload: { requestId: id },
    });
    return getRequestDetail(vault, id);
  });
}

export function archiveRequest(vault: Vault, id: string, archived: boolean): AuditRequest {
  return tx(vault.db, () => {
    const row = requireRequestRow(vault, id);
    if ((row.archived_at !== null) !== archived) {
      const now = vault.now();
      updateRequestRow(vault.db, id, { archived_at: archived ? now : null, updated_at: now });
      recordChange(vault, {
        action: archived ? 'archive' : 'restore',
        entity: 'request',
        entityId: id,
      });
    }
    return getRequest(vault, id);
  });
}
