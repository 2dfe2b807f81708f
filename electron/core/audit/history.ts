/**
 * The vault-wide audit history (E item 4b): the audit log's entries, newest first, as a person
 * reads them — the kind of record in words, the record as the user knows it, and what the entry
 * records, shortened. Filtering and paging are in SQL (`db/repos/audit-history.ts`).
 */
import type { AuditChangeView, AuditEntryView } from '../../../shared/api/audit';
import { AttestError } from '../../../shared/api/errors';
import { AUDITED_ENTITIES, isAuditedEntity } from '../../db/audited';
import {
  type AuditFilter,
  type PriorWanted,
  auditPage,
  priorKey,
  priorValues,
  tableColumns,
} from '../../db/repos/audit-history';
import type { AuditEventTable } from '../../db/schema';
import type { Vault } from '../vault/session';

const KIND_WORDS: Record<string, string> = {
  setting: 'Setting',
  vault_key: 'Signing key',
  engagement: 'Engagement',
  person: 'Person',
  criterion: 'Criterion',
  control: 'Control',
  assessment: 'Assessment',
  risk: 'Risk',
  task: 'Task',
  request: 'Request',
  request_comment: 'Request comment',
  request_import: 'Request list import',
  evidence: 'Evidence',
  population: 'Population',
  policy: 'Policy',
  policy_version: 'Policy version',
  self_test: 'Self-test',
  deviation: 'Deviation',
  review_snapshot: 'Frozen review',
  auditor_response: 'Auditor’s response',
  sd_text: 'Description section',
  sd_component: 'System component',
  sd_event: 'Incident or change',
  subservice_org: 'Subservice organisation',
  cuec: 'CUEC',
};

/** Tables whose rows name a record by prefix of their id, and how each is labelled. */
const LABELS: { prefix: string; table: string; label: string }[] = [
  { prefix: 'ctl_', table: 'control', label: "ref || ' ' || title" },
  { prefix: 'evd_', table: 'evidence', label: "ref || ' ' || title" },
  { prefix: 'per_', table: 'person', label: 'name' },
  { prefix: 'rsk_', table: 'risk', label: 'title' },
  { prefix: 'tsk_', table: 'task', label: "ref || ' ' || title" },
  { prefix: 'pol_', table: 'policy', label: 'title' },
  // A request is known by its reference and the start of what it asks for.
  { prefix: 'req_', table: 'request', label: "ref || ' ' || substr(description, 1, 60)" },
  { prefix: 'sso_', table: 'subservice_org', label: 'name' },
  // The description's records and a subservice organisation's parts, by what they say.
  { prefix: 'sdc_', table: 'sd_component', label: 'name' },
  { prefix: 'sde_', table: 'sd_event', label: 'title' },
  { prefix: 'cue_', table: 'cuec', label: 'substr(description, 1, 60)' },
  { prefix: 'csc_', table: 'subservice_csoc', label: 'substr(description, 1, 60)' },
  { prefix: 'vcu_', table: 'subservice_vendor_cuec', label: 'substr(description, 1, 60)' },
  { prefix: 'tst_', table: 'self_test', label: 'ref' },
  { prefix: 'dev_', table: 'deviation', label: 'ref' },
  { prefix: 'rvw_', table: 'review_snapshot', label: 'ref' },
];

function kindOf(entity: string): string {
  if (KIND_WORDS[entity]) return KIND_WORDS[entity];
  // A link table: "control_criterion" → "Control ↔ criterion".
  const words = entity.split('_');
  return `${words[0]![0]!.toUpperCase()}${words[0]!.slice(1)} ↔ ${words.slice(1).join(' ')}`;
}

/** An id of a record the history can name (`per_…`, `ctl_…`): nothing else is looked up. */
const LABELLED_ID = new RegExp(`^(${LABELS.map((l) => l.prefix).join('|')})[0-9a-z]+$`);

/** Every string in a payload that is the id of a record the history can name. */
function idsIn(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (LABELLED_ID.test(value)) into.add(value);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) idsIn(v, into);
  }
}

function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
}

/**
 * Labels for every id in the page — the records, link rows' ends, and ids inside what changed
 * and what it was before (an owner, an approver) — read in one query per table.
 */
function labelsFor(vault: Vault, ids: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const { prefix, table, label } of LABELS) {
    const wanted = [...ids].filter((id) => id.startsWith(prefix));
    if (wanted.length === 0) continue;
    const found = vault.db.sqlite
      .prepare(
        `SELECT id, ${label} AS label FROM ${table} WHERE id IN (${wanted.map(() => '?').join(',')})`,
      )
      .all(...wanted) as { id: string; label: string }[];
    for (const f of found) out.set(f.id, f.label);
  }
  return out;
}

/**
 * A payload's field name as words: `ownerId` → "owner", `controlIds` → "controls",
 * `residual_impact` → "residual impact". The names are the API's, so a person reads them too.
 */
export function fieldWords(key: string): string {
  const bare = key.replace(/Ids$/, 's').replace(/Id$/, '');
  return bare
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/** An API field name (`rootCause`), as a list of changed fields gives them. */
const FIELD_NAME = /^[a-z][A-Za-z]*$/;

/** A value as the user reads it: lists by their values, ids by name, long text shortened. */
function valueWords(v: unknown, labels: ReadonlyMap<string, string>): string {
  // Nothing and an empty text read the same: "role: — → CTO", not "role:  → CTO".
  if (v === null || v === '') return '—';
  if (Array.isArray(v))
    return v.length === 0 ? 'none' : v.map((x) => valueWords(x, labels)).join('; ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${fieldWords(k)}: ${valueWords(x, labels)}`)
      .join(', ');
  }
  if (typeof v === 'string' && labels.has(v)) return labels.get(v)!;
  const text = String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * What came before a field of the entry: `undefined` when there is no before (a creation, or a
 * field that is a note about the change), `null` when no earlier entry recorded it, otherwise
 * the value the record's previous entry recorded.
 */
export type PriorOf = (field: string) => { value: unknown } | null | undefined;

/** The entry's payload field by field, each with its value before when there is one. */
export function changesOf(
  payload: string,
  labels: ReadonlyMap<string, string> = new Map(),
  prior: PriorOf = () => undefined,
): AuditChangeView[] {
  const value = parsePayload(payload);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).map(([k, x]) => {
    const before = prior(k);
    const change: AuditChangeView = { field: fieldWords(k), after: valueWords(x, labels) };
    if (before !== undefined) change.before = before && valueWords(before.value, labels);
    return change;
  });
}

/** The words for a value before that no earlier entry recorded. */
export const NOT_RECORDED = 'not recorded';

/**
 * The entry's payload in a line: `field: value` pairs with the fields in words, lists as their
 * values, long values and the whole shortened; the id of a person or record is shown as the user
 * knows it ("owner: Priya Raman"); a stored field with its value before ("owner: Priya Raman →
 * Ben Ortiz").
 */
export function detailsOf(
  payload: string,
  labels: ReadonlyMap<string, string> = new Map(),
  prior: PriorOf = () => undefined,
): string {
  const value = parsePayload(payload);
  if (value === undefined) return payload.slice(0, 200);
  // A list of API field names is what a deviation's edits recorded before they recorded values
  // (vaults from before branch eread keep such entries): they are named in words.
  const fieldNames =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === 'string' && FIELD_NAME.test(v));
  const text = fieldNames
    ? `changed: ${(value as string[]).map(fieldWords).join(', ')}`
    : value && typeof value === 'object' && !Array.isArray(value)
      ? changesOf(payload, labels, prior)
          .map(
            (c) =>
              `${c.field}: ${c.before === undefined ? '' : `${c.before ?? NOT_RECORDED} → `}${c.after}`,
          )
          .join(', ')
      : valueWords(value, labels);
  return text.length > 240 ? `${text.slice(0, 239)}…` : text;
}

/**
 * Payload fields whose name is a column but whose value is a note about the edit, not the value
 * stored: a policy version's `body` says whether the text changed (the text is in the state).
 */
const NOT_STORED: Record<string, readonly string[]> = { policy_version: ['body'] };

/**
 * The fields of each entry whose value before is worth looking up: an edit's (not a creation's)
 * fields that are stored in the record's table — `ownerId` is the column `owner_id` — so a note
 * about the change (`migration`, `catalogUpdate`, a task's `beforeId`) never gets a "before".
 */
function wantedBefore(vault: Vault, rows: readonly AuditEventTable[]): PriorWanted[] {
  const columns = new Map<string, Set<string>>();
  const stored = (entity: string, field: string): boolean => {
    if (!isAuditedEntity(entity) || NOT_STORED[entity]?.includes(field)) return false;
    let cols = columns.get(entity);
    if (!cols) {
      cols = tableColumns(vault.db, AUDITED_ENTITIES[entity].table);
      columns.set(entity, cols);
    }
    return cols.has(field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  };
  const wanted: PriorWanted[] = [];
  for (const r of rows) {
    if (r.action === 'create') continue;
    const value = parsePayload(r.payload);
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const field of Object.keys(value)) {
      if (stored(r.entity, field)) {
        wanted.push({ seq: r.seq, entity: r.entity, entityId: r.entity_id, field });
      }
    }
  }
  return wanted;
}

function describe(
  r: AuditEventTable,
  labels: ReadonlyMap<string, string>,
  prior: PriorOf,
): Pick<AuditEntryView, 'details' | 'changes'> {
  return {
    details: detailsOf(r.payload, labels, prior),
    changes: changesOf(r.payload, labels, prior),
  };
}

export function auditHistory(
  vault: Vault,
  input: AuditFilter & { limit: number; cursor?: string },
): { items: AuditEntryView[]; nextCursor: string | null; total: number } {
  if (input.cursor !== undefined && !/^\d{1,15}$/.test(input.cursor)) {
    throw new AttestError(
      'validation',
      'Not a cursor of the audit history: start again from the first page.',
      [{ path: ['cursor'], message: 'Use the cursor the previous page gave' }],
    );
  }
  const before = input.cursor === undefined ? null : Number(input.cursor);
  const { rows, total } = auditPage(vault.db, input, input.limit + 1, before);
  const page = rows.slice(0, input.limit);
  // The values before: one query for the page, whatever page the earlier entries are on.
  const wanted = wantedBefore(vault, page);
  const found = priorValues(vault.db, wanted);
  const priors = new Map<string, { value: unknown } | null>(
    wanted.map((w) => {
      const key = priorKey(w.seq, w.field);
      const json = found.get(key);
      return [key, json === undefined ? null : { value: parsePayload(json) ?? null }];
    }),
  );
  const ids = new Set(page.flatMap((r) => r.entity_id.split('|')));
  for (const r of page) idsIn(parsePayload(r.payload), ids);
  for (const p of priors.values()) if (p) idsIn(p.value, ids);
  const labels = labelsFor(vault, ids);
  return {
    items: page.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action as AuditEntryView['action'],
      kind: kindOf(r.entity),
      entity: r.entity,
      entityId: r.entity_id,
      label: r.entity_id
        .split('|')
        .map((id) => labels.get(id) ?? id)
        .join(' ↔ '),
      ...describe(r, labels, (field) => priors.get(priorKey(r.seq, field))),
    })),
    nextCursor: rows.length > input.limit ? String(page.at(-1)!.seq) : null,
    total,
  };
}
