import type {
  Control,
  ControlPatch,
  ControlSortKey,
  NewControlInput,
} from '../../../shared/api/controls';
import { newControlInput } from '../../../shared/api/controls';
import { AttestError } from '../../../shared/api/errors';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import {
  getControlByRef,
  getControlRow,
  insertControl,
  listCriterionRows,
  updateControlRow,
} from '../../db/repos/controls';
import { listControlPage } from '../../db/repos/control-list';
import { criterionRolesOf, replaceLinks } from '../../db/repos/links';
import { getPerson } from '../../db/repos/people';
import { templatePoliciesOfControls } from '../../db/repos/policies';
import { findControl } from '../catalog/catalog';
import { setControlTemplatePolicy } from '../policies/policies';
import type { ControlTable } from '../../db/schema';
import type { Vault } from '../vault/session';
import { toControl } from './mapping';

export interface ControlQuery {
  search?: string;
  criterionId?: string;
  domain?: string;
  includeArchived: boolean;
  sort?: { key: ControlSortKey; dir: 'asc' | 'desc' };
  limit: number;
  cursor?: string;
}

/** Controls filtered, sorted and paged in SQL (by reference unless asked); the cursor is opaque. */
export function listControls(
  vault: Vault,
  q: ControlQuery,
): { items: Control[]; nextCursor: string | null; total: number } {
  const { limit, cursor, sort, ...filter } = q;
  const page = listControlPage(vault.db, filter, sort ?? { key: 'ref', dir: 'asc' }, {
    limit,
    cursor,
  });
  return { items: toControls(vault, page.rows), nextCursor: page.nextCursor, total: page.total };
}

/** Rows to controls, their criteria read for all of them in one query. */
export function toControls(vault: Vault, rows: ControlTable[]): Control[] {
  const criteria = criterionRolesOf(
    vault.db,
    rows.map((r) => r.id),
  );
  const policies = templatePoliciesOfControls(
    vault.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    toControl(r, criteria.get(r.id) ?? new Map(), policyKeyOf(r, policies.get(r.id) ?? [])),
  );
}

/**
 * The template key a control's \`policyKey\` shows, read from its policy links (the one source of
 * truth): the library's own key when the control is linked to that policy, else the first.
 */
function policyKeyOf(row: ControlTable, keys: readonly string[]): string | null {
  const libraryKey = row.library_ref ? findControl(row.library_ref)?.policyKey : undefined;
  if (libraryKey && keys.includes(libraryKey)) return libraryKey;
  return keys[0] ?? null;
}

export function getControl(vault: Vault, id: string): Control {
  return toControls(vault, [requireControl(vault, id)])[0]!;
}

function requireControl(vault: Vault, id: string): ControlTable {
  const row = getControlRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No control ${id} in this vault`);
  return row;
}

/** Field-level checks that need the vault: known criteria, known people, a free reference. */
function checkReferences(vault: Vault, patch: ControlPatch, selfId?: string): void {
  const issues: { path: string[]; message: string }[] = [];
  if (patch.criteria) {
    const rows = listCriterionRows(vault.db);
    const known = new Set(rows.map((c) => c.id));
    const inScope = new Set(rows.filter((c) => c.in_scope === 1).map((c) => c.id));
    const unknown = patch.criteria.filter((id) => !known.has(id));
    if (inScope.size === 0) {
      issues.push({
        path: ['criteria'],
        message: 'Confirm the scope first: no criterion of this vault is in scope yet',
      });
    } else if (unknown.length > 0) {
      issues.push({ path: ['criteria'], message: `Unknown criterion ${unknown.join(', ')}` });
    } else if (!patch.criteria.some((id) => inScope.has(id))) {
      issues.push({
        path: ['criteria'],
        message: 'Map the control to at least one in-scope criterion',
      });
    }
  }
  for (const field of ['ownerId', 'performerId', 'reviewerId'] as const) {
    const id = patch[field];
    if (id && !getPerson(vault.db, id))
      issues.push({ path: [field], message: `No person ${id} in this vault` });
  }
  if (patch.ref) {
    const holder = getControlByRef(vault.db, patch.ref);
    if (holder && holder.id !== selfId)
      issues.push({ path: ['ref'], message: `${patch.ref} is already used by another control` });
  }
  if (issues.length > 0) throw new AttestError('validation', issues[0]!.message, issues);
}

function toColumns(patch: ControlPatch): Partial<ControlTable> {
  const cols: Partial<ControlTable> = {};
  if (patch.ref !== undefined) cols.ref = patch.ref;
  if (patch.title !== undefined) cols.title = patch.title;
  if (patch.description !== undefined) cols.description = patch.description;
  if (patch.domain !== undefined) cols.domain = patch.domain;
  if (patch.ownerRole !== undefined) cols.owner_role = patch.ownerRole;
  if (patch.ownerId !== undefined) cols.owner_id = patch.ownerId;
  if (patch.performerId !== undefined) cols.performer_id = patch.performerId;
  if (patch.reviewerId !== undefined) cols.reviewer_id = patch.reviewerId;
  if (patch.frequency !== undefined) cols.frequency = patch.frequency;
  if (patch.nature !== undefined) cols.nature = patch.nature;
  if (patch.type !== undefined) cols.type = patch.type;
  if (patch.operatingSince !== undefined) cols.operating_since = patch.operatingSince;
  if (patch.testProcedure !== undefined) cols.test_procedure = patch.testProcedure;
  if (patch.testAttributes !== undefined)
    cols.test_attributes = JSON.stringify(patch.testAttributes);
  if (patch.evidenceGuidance !== undefined) cols.evidence_guidance = patch.evidenceGuidance;
  if (patch.inDescription !== undefined)
    cols.in_description = patch.inDescription === null ? null : patch.inDescription ? 1 : 0;
  return cols;
}

export function updateControl(vault: Vault, id: string, patch: ControlPatch): Control {
  return tx(vault.db, () => {
    requireControl(vault, id);
    checkReferences(vault, patch, id);
    updateControlRow(vault.db, id, { ...toColumns(patch), updated_at: vault.now() });
    recordChange(vault, { action: 'update', entity: 'control', entityId: id, payload: patch });
    if (patch.criteria !== undefined) replaceLinks(vault, 'control_criterion', id, patch.criteria);
    if (patch.policyKey !== undefined) setControlTemplatePolicy(vault, id, patch.policyKey);
    return getControl(vault, id);
  });
}

/** A control of the user's own, with a `CUS-nn` reference unless one is given. */
export function createControl(vault: Vault, input: NewControlInput): Control {
  const values = newControlInput.parse(input);
  return tx(vault.db, () => {
    const ref = values.ref ?? nextCustomRef(vault);
    checkReferences(vault, { ...values, ref });
    const now = vault.now();
    const row: ControlTable = {
      id: vault.ids.next('ctl'),
      ref,
      title: values.title,
      description: values.description ?? '',
      domain: values.domain ?? 'governance',
      owner_role: values.ownerRole ?? '',
      owner_id: values.ownerId ?? null,
      performer_id: values.performerId ?? null,
      reviewer_id: values.reviewerId ?? null,
      frequency: values.frequency ?? 'annual',
      nature: values.nature ?? 'manual',
      type: values.type ?? 'preventive',
      operating_since: values.operatingSince ?? null,
      test_procedure: values.testProcedure ?? '',
      test_attributes: JSON.stringify(values.testAttributes ?? []),
      evidence_guidance: values.evidenceGuidance ?? '',
      source: 'custom',
      library_ref: null,
      library_baseline: null,
      archived_at: null,
      archived_reason: null,
      in_description:
        values.inDescription === undefined || values.inDescription === null
          ? null
          : values.inDescription
            ? 1
            : 0,
      created_at: now,
      updated_at: now,
    };
    insertControl(vault.db, row);
    recordChange(vault, { action: 'create', entity: 'control', entityId: row.id, payload: values });
    replaceLinks(vault, 'control_criterion', row.id, values.criteria);
    if (values.policyKey) setControlTemplatePolicy(vault, row.id, values.policyKey);
    return getControl(vault, row.id);
  });
}

function nextCustomRef(vault: Vault): string {
  for (let n = 1; ; n++) {
    const ref = `CUS-${String(n).padStart(2, '0')}`;
    if (!getControlByRef(vault.db, ref)) return ref;
  }
}

/** Archive by hand (kept with everything attached, out of every list) or restore. */
export function archiveControl(vault: Vault, id: string, archived: boolean): Control {
  return tx(vault.db, () => {
    const row = requireControl(vault, id);
    if ((row.archived_at !== null) === archived) return getControl(vault, id);
    const now = vault.now();
    updateControlRow(vault.db, id, {
      archived_at: archived ? now : null,
      archived_reason: archived ? 'user' : null,
      updated_at: now,
    });
    recordChange(vault, {
      action: archived ? 'archive' : 'restore',
      entity: 'control',
      entityId: id,
    });
    return getControl(vault, id);
  });
}
