/**
 * Policies: written from a catalog template (the engagement's values filled in) or from scratch,
 * their title, owner, review cycle and acknowledgement deadline, and the controls they back. The
 * policy ↔ control link table is the one source of truth for which policy a control rests on.
 */
import type {
  NewPolicyInput,
  Policy,
  PolicyPatch,
  PolicySortKey,
  PolicyVersion,
} from '../../../shared/api/policies';
import { AttestError } from '../../../shared/api/errors';
import { type PolicyTemplate, templateMarkdown } from '../../../shared/domain/policy-template';
import {
  type VariableProblem,
  renderTemplate,
  reviewCycleWords,
} from '../../../shared/domain/policy-variables';
import { recordChange } from '../../db/audit';
import { linkId } from '../../db/audited';
import { all, tx } from '../../db/connection';
import { getControlRow } from '../../db/repos/controls';
import { getEngagementRow } from '../../db/repos/engagement';
import { linkedTo, replaceLinks } from '../../db/repos/links';
import type { ListSort, PageRequest } from '../../db/repos/lists';
import { getPerson } from '../../db/repos/people';
import { type PolicyListFilter, listPolicyPage } from '../../db/repos/policy-list';
import {
  controlIdsOfPolicies,
  getPolicyRow,
  insertPolicy,
  insertVersion,
  listPolicyRows,
  policyByTemplate,
  promiseRowsOf,
  updatePolicyRow,
  versionRowsOf,
} from '../../db/repos/policies';
import type { PolicyTable, PolicyVersionTable } from '../../db/schema';
import { loadCatalog } from '../catalog/catalog';
import type { Vault } from '../vault/session';
import { periodsOf, toPolicy, toPromise, toVersion } from './mapping';

export function today(vault: Vault): string {
  return vault.now().slice(0, 10);
}

export function requirePolicy(vault: Vault, id: string): PolicyTable {
  const row = getPolicyRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No policy ${id} in this vault`);
  return row;
}

function toPolicies(vault: Vault, rows: PolicyTable[]): Policy[] {
  const ids = rows.map((r) => r.id);
  const versions = versionRowsOf(vault.db, ids);
  const controls = controlIdsOfPolicies(vault.db, ids);
  const promises = promiseRowsOf(vault.db, ids);
  const day = today(vault);
  return rows.map((r) =>
    toPolicy(
      r,
      versions.filter((v) => v.policy_id === r.id),
      controls.get(r.id) ?? [],
      promises
        .filter((p) => p.promise.policy_id === r.id)
        .map((p) => toPromise(p.promise, p.controlIds)),
      day,
    ),
  );
}

export function listPolicies(vault: Vault, includeArchived: boolean): Policy[] {
  return toPolicies(vault, listPolicyRows(vault.db, includeArchived));
}

/** One page of the library for a table: filtered, sorted and paged in SQL. */
export function listPolicyPageOf(
  vault: Vault,
  filter: PolicyListFilter,
  sort: ListSort<PolicySortKey>,
  page: PageRequest,
): { items: Policy[]; nextCursor: string | null; total: number } {
  const { rows, nextCursor, total } = listPolicyPage(vault.db, filter, sort, page, today(vault));
  return { items: toPolicies(vault, rows), nextCursor, total };
}

export function getPolicy(vault: Vault, id: string): Policy {
  return toPolicies(vault, [requirePolicy(vault, id)])[0]!;
}

function checkPerson(vault: Vault, id: string | null | undefined, field: string): void {
  if (!id) return;
  const person = getPerson(vault.db, id);
  if (!person || person.archived_at !== null) {
    const message = person
      ? `${person.name} is archived; choose someone current`
      : `No person ${id} in this vault`;
    throw new AttestError('validation', message, [{ path: [field], message }]);
  }
}

function newDraft(
  vault: Vault,
  policyId: string,
  number: number,
  body: string,
  reviewMonths: number,
  note: string,
): PolicyVersionTable {
  const now = vault.now();
  const row: PolicyVersionTable = {
    id: vault.ids.next('pov'),
    policy_id: policyId,
    number,
    status: 'draft',
    body,
    change_note: note,
    approver_id: null,
    approved_on: null,
    effective_on: null,
    review_months: reviewMonths,
    next_review_on: null,
    created_at: now,
    updated_at: now,
  };
  insertVersion(vault.db, row);
  recordChange(vault, {
    action: 'create',
    entity: 'policy_version',
    entityId: row.id,
    payload: { number, note },
  });
  return row;
}

function versionOut(vault: Vault, row: PolicyVersionTable): PolicyVersion {
  return toVersion(row, periodsOf(versionRowsOf(vault.db, [row.policy_id])));
}

export function createPolicy(
  vault: Vault,
  input: NewPolicyInput,
): { policy: Policy; draft: PolicyVersion } {
  return tx(vault.db, () => {
    checkPerson(vault, input.ownerId, 'ownerId');
    const now = vault.now();
    const row: PolicyTable = {
      id: vault.ids.next('pol'),
      title: input.title,
      template_key: null,
      owner_id: input.ownerId ?? null,
      review_months: input.reviewMonths,
      acknowledge_within_days: input.acknowledgeWithinDays,
      archived_at: null,
      created_at: now,
      updated_at: now,
    };
    insertPolicy(vault.db, row);
    recordChange(vault, {
      action: 'create',
      entity: 'policy',
      entityId: row.id,
      payload: { title: row.title },
    });
    const draft = newDraft(vault, row.id, 1, input.body ?? '', row.review_months, 'First draft');
    return { policy: getPolicy(vault, row.id), draft: versionOut(vault, draft) };
  });
}

function templateOf(key: string): PolicyTemplate {
  const t = loadCatalog().policies.find((p) => p.key === key);
  if (!t) {
    const message = `There is no policy template ${key} in this build's catalog`;
    throw new AttestError('validation', message, [{ path: ['templateKey'], message }]);
  }
  return t;
}

/** Vault controls taken from these library references (by library reference, else by reference). */
function controlsForRefs(vault: Vault, refs: readonly string[]): string[] {
  if (refs.length === 0) return [];
  const found = all(
    vault.db,
    vault.db.qb
      .selectFrom('control')
      .select('id')
      .where((eb) => eb.or([eb('library_ref', 'in', [...refs]), eb('ref', 'in', [...refs])]))
      .orderBy('ref'),
  );
  return [...new Set(found.map((r) => r.id))];
}

/**
 * The policy for a template key, created empty (no version: not written yet) when the vault has
 * none: a control resting on a template's policy links to it before anyone writes it.
 */
export function ensureTemplatePolicy(
  vault: Vault,
  key: string,
  payload: unknown = {},
): PolicyTable {
  const existing = policyByTemplate(vault.db, key);
  if (existing) return existing;
  // A newer catalog being applied may name a key this build's catalog lacks: a title from the key.
  const t = loadCatalog().policies.find((p) => p.key === key);
  const words = key.replace(/-/g, ' ');
  const now = vault.now();
  const row: PolicyTable = {
    id: vault.ids.next('pol'),
    title: t?.title ?? `${words.charAt(0).toUpperCase()}${words.slice(1)} policy`,
    template_key: key,
    owner_id: null,
    review_months: t?.reviewMonths ?? 12,
    acknowledge_within_days: t?.acknowledgeWithinDays ?? 30,
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
  insertPolicy(vault.db, row);
  recordChange(vault, { action: 'create', entity: 'policy', entityId: row.id, payload });
  return row;
}

/**
 * Within the caller's transaction: the template-backed policy a control rests on becomes the one
 * for `key` (links to policies written from scratch are left alone); null removes it.
 */
export function setControlTemplatePolicy(
  vault: Vault,
  controlId: string,
  key: string | null,
  payload: unknown = {},
): void {
  const current = vault.db.sqlite
    .prepare(
      `SELECT p.id, p.template_key FROM policy_control l JOIN policy p ON p.id = l.policy_id
       WHERE l.control_id = ? AND p.template_key IS NOT NULL`,
    )
    .all(controlId) as { id: string; template_key: string }[];
  for (const p of current) {
    if (p.template_key === key) continue;
    unlinkControl(vault, p.id, controlId, payload);
  }
  if (key === null || current.some((p) => p.template_key === key)) return;
  const policy = ensureTemplatePolicy(vault, key, payload);
  vault.db.sqlite
    .prepare('INSERT INTO policy_control (policy_id, control_id) VALUES (?, ?)')
    .run(policy.id, controlId);
  recordChange(vault, {
    action: 'create',
    entity: 'policy_control',
    entityId: linkId(policy.id, controlId),
    payload,
  });
}

/** Removes one policy ↔ control link and the control from that policy's promises. */
function unlinkControl(vault: Vault, policyId: string, controlId: string, payload: unknown): void {
  vault.db.sqlite
    .prepare('DELETE FROM policy_control WHERE policy_id = ? AND control_id = ?')
    .run(policyId, controlId);
  recordChange(vault, {
    action: 'delete',
    entity: 'policy_control',
    entityId: linkId(policyId, controlId),
    payload,
  });
  const bound = vault.db.sqlite
    .prepare(
      `SELECT l.promise_id FROM policy_promise_control l JOIN policy_promise p ON p.id = l.promise_id
       WHERE p.policy_id = ? AND l.control_id = ?`,
    )
    .pluck()
    .all(policyId, controlId) as string[];
  for (const promiseId of bound) {
    vault.db.sqlite
      .prepare('DELETE FROM policy_promise_control WHERE promise_id = ? AND control_id = ?')
      .run(promiseId, controlId);
    recordChange(vault, {
      action: 'delete',
      entity: 'policy_promise_control',
      entityId: linkId(promiseId, controlId),
      payload,
    });
  }
}

export function createFromTemplate(
  vault: Vault,
  input: {
    templateKey: string;
    ownerId?: string | null | undefined;
    reviewMonths?: number | undefined;
  },
): { policy: Policy; draft: PolicyVersion; problems: VariableProblem[] } {
  const t = templateOf(input.templateKey);
  return tx(vault.db, () => {
    checkPerson(vault, input.ownerId, 'ownerId');
    const existing = policyByTemplate(vault.db, t.key);
    if (existing && versionRowsOf(vault.db, [existing.id]).length > 0)
      throw new AttestError(
        'conflict',
        `${existing.title} is already written in this vault; edit it to start a new version.`,
      );
    const policy = existing ?? ensureTemplatePolicy(vault, t.key, { template: t.key });
    const ownerId = input.ownerId ?? policy.owner_id;
    const reviewMonths = input.reviewMonths ?? policy.review_months;
    if (ownerId !== policy.owner_id || reviewMonths !== policy.review_months || existing) {
      updatePolicyRow(vault.db, policy.id, {
        owner_id: ownerId,
        review_months: reviewMonths,
        updated_at: vault.now(),
      });
      recordChange(vault, {
        action: 'update',
        entity: 'policy',
        entityId: policy.id,
        payload: { ownerId, reviewMonths, template: t.key },
      });
    }
    const engagement = getEngagementRow(vault.db);
    const owner = ownerId ? getPerson(vault.db, ownerId) : undefined;
    const rendered = renderTemplate(templateMarkdown(t), {
      company: engagement?.client || engagement?.name || '',
      owner: owner?.name ?? '',
      owner_role: t.ownerRole,
      review_cycle: reviewCycleWords(reviewMonths),
      ack_days: String(policy.acknowledge_within_days),
    });
    const draft = newDraft(
      vault,
      policy.id,
      1,
      rendered.markdown,
      reviewMonths,
      `From the ${t.title} template`,
    );

    // The controls it supports and the promises it makes, bound to this vault's controls.
    const controlIds = controlsForRefs(vault, t.controls);
    replaceLinks(
      vault,
      'policy_control',
      policy.id,
      [...new Set([...linkedTo(vault.db, 'policy_control', policy.id), ...controlIds])],
      { template: t.key },
    );
    t.promises.forEach((p, position) => {
      const id = vault.ids.next('prm');
      vault.db.sqlite
        .prepare(
          `INSERT INTO policy_promise (id, policy_id, position, template_promise, text, kind, frequency, amount, unit)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          policy.id,
          position,
          `${t.key}/${p.id}`,
          p.text,
          p.kind,
          p.kind === 'frequency' ? p.frequency : null,
          p.kind === 'time_limit' ? p.within.amount : null,
          p.kind === 'time_limit' ? p.within.unit : null,
        );
      recordChange(vault, {
        action: 'create',
        entity: 'policy_promise',
        entityId: id,
        payload: { template: t.key },
      });
      replaceLinks(vault, 'policy_promise_control', id, controlsForRefs(vault, p.controls), {
        template: t.key,
      });
    });
    return {
      policy: getPolicy(vault, policy.id),
      draft: versionOut(vault, draft),
      problems: rendered.problems,
    };
  });
}

export function updatePolicy(vault: Vault, id: string, patch: PolicyPatch): Policy {
  return tx(vault.db, () => {
    requirePolicy(vault, id);
    checkPerson(vault, patch.ownerId, 'ownerId');
    const cols: Partial<PolicyTable> = { updated_at: vault.now() };
    if (patch.title !== undefined) cols.title = patch.title;
    if (patch.ownerId !== undefined) cols.owner_id = patch.ownerId;
    if (patch.reviewMonths !== undefined) cols.review_months = patch.reviewMonths;
    if (patch.acknowledgeWithinDays !== undefined)
      cols.acknowledge_within_days = patch.acknowledgeWithinDays;
    updatePolicyRow(vault.db, id, cols);
    recordChange(vault, { action: 'update', entity: 'policy', entityId: id, payload: patch });
    return getPolicy(vault, id);
  });
}

export function archivePolicy(vault: Vault, id: string, archived: boolean): Policy {
  return tx(vault.db, () => {
    const row = requirePolicy(vault, id);
    if ((row.archived_at !== null) !== archived) {
      updatePolicyRow(vault.db, id, {
        archived_at: archived ? vault.now() : null,
        updated_at: vault.now(),
      });
      recordChange(vault, {
        action: 'update',
        entity: 'policy',
        entityId: id,
        payload: { archived },
      });
    }
    return getPolicy(vault, id);
  });
}

export function setPolicyControls(vault: Vault, id: string, controlIds: readonly string[]): Policy {
  return tx(vault.db, () => {
    requirePolicy(vault, id);
    const missing = controlIds.filter((c) => !getControlRow(vault.db, c));
    if (missing.length > 0) {
      const message = `No control ${missing[0]} in this vault`;
      throw new AttestError('validation', message, [{ path: ['controlIds'], message }]);
    }
    const wanted = new Set(controlIds);
    for (const current of linkedTo(vault.db, 'policy_control', id))
      if (!wanted.has(current)) unlinkControl(vault, id, current, {});
    replaceLinks(vault, 'policy_control', id, [...wanted]);
    return getPolicy(vault, id);
  });
}
