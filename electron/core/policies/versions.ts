/**
 * A policy's versions. A draft can be edited; approving it records who approved it and when, from
 * when it is in force and when it is next reviewed, and from then on it never changes: the core
 * refuses (`conflict`), and the database's triggers refuse too, so no other path can edit one.
 * Later edits start a new draft from the newest text.
 */
import { AttestError } from '../../../shared/api/errors';
import type {
  ApproveInput,
  DraftPatch,
  PolicyDiffOut,
  PolicyVersion,
  PolicyVersionSummary,
} from '../../../shared/api/policies';
import { diffPolicyText } from '../../../shared/domain/policy-diff';
import { addMonths } from '../../../shared/domain/policy-in-force';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import { getPerson } from '../../db/repos/people';
import {
  getVersionRow,
  insertVersion,
  updateDraftRow,
  versionRowsOf,
} from '../../db/repos/policies';
import type { PolicyVersionTable } from '../../db/schema';
import type { Vault } from '../vault/session';
import { inForceVersion, periodsOf, toVersion, toVersionSummary } from './mapping';
import { requirePolicy } from './policies';

export function requireVersion(vault: Vault, id: string): PolicyVersionTable {
  const row = getVersionRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No policy version ${id} in this vault`);
  return row;
}

function out(vault: Vault, row: PolicyVersionTable): PolicyVersion {
  return toVersion(row, periodsOf(versionRowsOf(vault.db, [row.policy_id])));
}

export function getVersion(vault: Vault, id: string): PolicyVersion {
  return out(vault, requireVersion(vault, id));
}

export function listVersions(vault: Vault, policyId: string): PolicyVersionSummary[] {
  requirePolicy(vault, policyId);
  const rows = versionRowsOf(vault.db, [policyId]);
  const periods = periodsOf(rows);
  return rows.map((r) => toVersionSummary(r, periods));
}

function approvedRefusal(row: PolicyVersionTable): AttestError {
  return new AttestError(
    'conflict',
    `Version ${row.number} was approved on ${row.approved_on} and cannot change; start a new draft to edit the policy.`,
  );
}

/** The next version as a draft, from the newest version's text; refused while a draft exists. */
export function startDraft(vault: Vault, policyId: string): PolicyVersion {
  return tx(vault.db, () => {
    const policy = requirePolicy(vault, policyId);
    const rows = versionRowsOf(vault.db, [policyId]);
    const draft = rows.find((r) => r.status === 'draft');
    if (draft)
      throw new AttestError(
        'conflict',
        `Version ${draft.number} is already a draft; edit it rather than starting another.`,
      );
    const newest = rows[0];
    const now = vault.now();
    const row: PolicyVersionTable = {
      id: vault.ids.next('pov'),
      policy_id: policyId,
      number: (newest?.number ?? 0) + 1,
      status: 'draft',
      body: newest?.body ?? '',
      change_note: '',
      approver_id: null,
      approved_on: null,
      effective_on: null,
      review_months: policy.review_months,
      next_review_on: null,
      created_at: now,
      updated_at: now,
    };
    insertVersion(vault.db, row);
    recordChange(vault, {
      action: 'create',
      entity: 'policy_version',
      entityId: row.id,
      payload: { number: row.number, from: newest?.id ?? null },
    });
    return out(vault, row);
  });
}

export function updateDraft(vault: Vault, id: string, patch: DraftPatch): PolicyVersion {
  return tx(vault.db, () => {
    const row = requireVersion(vault, id);
    if (row.status !== 'draft') throw approvedRefusal(row);
    const cols: Partial<PolicyVersionTable> = { updated_at: vault.now() };
    if (patch.body !== undefined) cols.body = patch.body;
    if (patch.changeNote !== undefined) cols.change_note = patch.changeNote;
    updateDraftRow(vault.db, id, cols);
    recordChange(vault, {
      action: 'update',
      entity: 'policy_version',
      entityId: id,
      // The text itself is in the row's state hash; the entry says what kind of edit it was.
      payload: { body: patch.body !== undefined, changeNote: patch.changeNote },
    });
    return out(vault, requireVersion(vault, id));
  });
}

const fieldError = (field: string, message: string) =>
  new AttestError('validation', message, [{ path: [field], message }]);

export function approveVersion(vault: Vault, input: ApproveInput): PolicyVersion {
  return tx(vault.db, () => {
    const row = requireVersion(vault, input.versionId);
    if (row.status !== 'draft') throw approvedRefusal(row);
    const approver = getPerson(vault.db, input.approverId);
    if (!approver) throw fieldError('approverId', `No person ${input.approverId} in this vault`);
    if (approver.archived_at !== null)
      throw fieldError('approverId', `${approver.name} is archived; choose someone current`);
    if (row.body.trim() === '')
      throw fieldError('versionId', 'The draft is empty; write the policy before approving it.');
    const effectiveOn = input.effectiveOn ?? input.approvedOn;
    if (effectiveOn < input.approvedOn)
      throw fieldError(
        'effectiveOn',
        `A version takes effect on or after its approval (${input.approvedOn}), not before`,
      );
    const latest = versionRowsOf(vault.db, [row.policy_id])
      .filter((v) => v.status === 'approved')
      .reduce<string | null>(
        (m, v) => (m === null || v.effective_on! > m ? v.effective_on! : m),
        null,
      );
    if (latest !== null && effectiveOn < latest)
      throw fieldError(
        'effectiveOn',
        `An earlier version is in force from ${latest}; this one can take effect on that day or later, never before`,
      );
    const months = input.reviewMonths ?? row.review_months;
    updateDraftRow(vault.db, row.id, {
      status: 'approved',
      approver_id: approver.id,
      approved_on: input.approvedOn,
      effective_on: effectiveOn,
      review_months: months,
      next_review_on: addMonths(input.approvedOn, months),
      updated_at: vault.now(),
    });
    recordChange(vault, {
      action: 'update',
      entity: 'policy_version',
      entityId: row.id,
      payload: {
        approved: true,
        approverId: approver.id,
        approvedOn: input.approvedOn,
        effectiveOn,
      },
    });
    return out(vault, requireVersion(vault, row.id));
  });
}

export function inForceOnDate(
  vault: Vault,
  policyId: string,
  date: string,
): PolicyVersionSummary | null {
  requirePolicy(vault, policyId);
  const rows = versionRowsOf(vault.db, [policyId]);
  const v = inForceVersion(rows, date);
  return v ? toVersionSummary(v, periodsOf(rows)) : null;
}

export function diffVersions(vault: Vault, fromId: string, toId: string): PolicyDiffOut {
  const a = requireVersion(vault, fromId);
  const b = requireVersion(vault, toId);
  if (a.policy_id !== b.policy_id)
    throw fieldError('toVersionId', 'Both versions must belong to the same policy');
  const periods = periodsOf(versionRowsOf(vault.db, [a.policy_id]));
  return {
    from: toVersionSummary(a, periods),
    to: toVersionSummary(b, periods),
    ...diffPolicyText(a.body, b.body),
  };
}
