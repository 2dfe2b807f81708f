/**
 * The vault-wide audit history (E item 4b): the audit log's entries, newest first, as a person
 * reads them — the kind of record in words, the record as the user knows it, and what the entry
 * records, shortened. Filtering and paging are in SQL (`db/repos/audit-history.ts`).
 */
import type { AuditEntryView } from '../../../shared/api/audit';
import { AttestError } from '../../../shared/api/errors';
import { type AuditFilter, auditPage } from '../../db/repos/audit-history';
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
 * (an owner, an approver) — read in one query per table.
 */
function labelsFor(vault: Vault, rows: readonly AuditEventTable[]): Map<string, string> {
  const ids = new Set(rows.flatMap((r) => r.entity_id.split('|')));
  for (const r of rows) idsIn(parsePayload(r.payload), ids);
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

/**
 * The entry's payload in a line: `field: value` pairs with the fields in words, lists as their
 * values, long values and the whole shortened; the id of a person or record is shown as the user
 * knows it ("owner: Priya Raman").
 */
export function detailsOf(
  payload: string,
  labels: ReadonlyMap<string, string> = new Map(),
): string {
  const value = parsePayload(payload);
  if (value === undefined) return payload.slice(0, 200);
  const flat = (v: unknown): string =>
    v === null
      ? '—'
      : Array.isArray(v)
        ? v.length === 0
          ? 'none'
          : v.map(flat).join('; ')
        : typeof v === 'object'
          ? Object.entries(v as Record<string, unknown>)
              .map(([k, x]) => `${fieldWords(k)}: ${flat(x)}`)
              .join(', ')
          : typeof v === 'string' && labels.has(v)
            ? labels.get(v)!
            : String(v).length > 60
              ? `${String(v).slice(0, 57)}…`
              : String(v);
  const text = flat(value);
  return text.length > 240 ? `${text.slice(0, 239)}…` : text;
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
  const labels = labelsFor(vault, page);
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
      details: detailsOf(r.payload, labels),
    })),
    nextCursor: rows.length > input.limit ? String(page.at(-1)!.seq) : null,
    total,
  };
}
