import type { Kysely } from 'kysely';
import { recordChange, stateHash } from '../audit';
import type { MigrationContext } from './context';

/**
 * FROZEN. The policy library (D2): policies, their versions (a draft or an approved text with its
 * approver, approval and effective dates, review cycle and next review date — an approved version
 * is immutable, which two triggers enforce under the core's own refusal), the promises a policy
 * makes (a frequency or a time limit, each bound to controls), acknowledgements (who, which
 * version, when, from where), and the policy ↔ control link table that replaces
 * `control.policy_key`: one source of truth for which policy a control rests on.
 *
 * Existing data: every template key a control named becomes a policy of that title with no
 * version yet (nothing was written), linked to those controls; then the column goes. Each new
 * row is recorded with the actor "migration", and each control, whose state changes as the
 * column goes, is re-recorded — marked `changedOutsideAttest` when its row no longer matched its
 * last audit entry, as migration 007 does, so an upgrade never launders an edit made behind the
 * app's back. Titles are the 2026.1 catalog's, frozen here.
 */
export const NAME = '2026_12_03_011_policies';

const TITLES_2026_1: Record<string, string> = {
  'information-security': 'Information Security Policy',
  'code-of-conduct': 'Code of Conduct',
  'acceptable-use': 'Acceptable Use Policy',
  'human-resources-security': 'Personnel Security Policy',
  'security-awareness': 'Security Awareness and Training Policy',
  'risk-management': 'Risk Management Policy',
  'access-control': 'Access Control Policy',
  'physical-security': 'Physical Security Policy',
  'network-security': 'Network Security Policy',
  encryption: 'Encryption and Key Management Policy',
  'asset-management': 'Asset Management Policy',
  'endpoint-security': 'Endpoint and Mobile Device Policy',
  'data-classification': 'Data Classification and Handling Policy',
  'data-retention': 'Data Retention and Disposal Policy',
  'change-management': 'Change Management Policy',
  'secure-development': 'Secure Development Policy',
  'vulnerability-management': 'Vulnerability and Patch Management Policy',
  'logging-monitoring': 'Logging and Monitoring Policy',
  'incident-response': 'Incident Response Policy',
  'business-continuity': 'Business Continuity and Disaster Recovery Policy',
  'backup-recovery': 'Backup and Restore Policy',
  'vendor-management': 'Vendor Management Policy',
  confidentiality: 'Confidentiality Policy',
  'processing-integrity': 'Processing Integrity Policy',
  privacy: 'Privacy Policy',
};

type Sqlite = MigrationContext['db']['sqlite'];
type Row = Record<string, unknown> & { id: string };

export async function up(_db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  const { sqlite } = ctx.db;
  createTables(sqlite);

  const controls = sqlite.prepare('SELECT * FROM control ORDER BY ref, id').all() as Row[];
  const latest = latestStates(sqlite);
  const marks = new Map<string, { lastRecordedSeq: number | null }>();
  for (const row of controls) {
    const last = latest.get(row.id);
    if (!last || last.stateHash !== stateHash(row))
      marks.set(row.id, { lastRecordedSeq: last?.seq ?? null });
  }

  const policyOf = new Map<string, string>();
  const now = ctx.now();
  for (const control of controls) {
    const key = control.policy_key as string | null;
    if (!key) continue;
    let policyId = policyOf.get(key);
    if (!policyId) {
      policyId = ctx.ids.next('pol');
      policyOf.set(key, policyId);
      insert(ctx, 'policy', {
        id: policyId,
        title: TITLES_2026_1[key] ?? titleFromKey(key),
        template_key: key,
        owner_id: null,
        review_months: 12,
        acknowledge_within_days: 30,
        archived_at: null,
        created_at: now,
        updated_at: now,
      });
    }
    insert(
      ctx,
      'policy_control',
      { policy_id: policyId, control_id: control.id },
      `${policyId}|${control.id}`,
    );
  }

  sqlite.exec('ALTER TABLE control DROP COLUMN policy_key');
  for (const control of controls) {
    const mark = marks.get(control.id);
    recordChange(ctx, {
      action: 'update',
      entity: 'control',
      entityId: control.id,
      payload: {
        migration: NAME,
        policyAsLink: true,
        ...(mark ? { changedOutsideAttest: mark } : {}),
      },
    });
  }

  const broken = sqlite.prepare('PRAGMA foreign_key_check').all();
  if (broken.length > 0)
    throw new Error(`Migration ${NAME} left ${broken.length} broken reference(s)`);
}

function titleFromKey(key: string): string {
  const words = key.replace(/-/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} policy`;
}

function createTables(sqlite: Sqlite): void {
  sqlite.exec(`
    CREATE TABLE policy (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      template_key TEXT,
      owner_id TEXT REFERENCES person(id),
      review_months INTEGER NOT NULL CHECK (review_months BETWEEN 1 AND 60),
      acknowledge_within_days INTEGER NOT NULL CHECK (acknowledge_within_days BETWEEN 1 AND 365),
      archived_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX policy_by_template ON policy (template_key) WHERE template_key IS NOT NULL;
    CREATE INDEX policy_list ON policy (archived_at, title, id);

    CREATE TABLE policy_version (
      id TEXT PRIMARY KEY,
      policy_id TEXT NOT NULL REFERENCES policy(id),
      number INTEGER NOT NULL CHECK (number >= 1),
      status TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
      body TEXT NOT NULL,
      change_note TEXT NOT NULL,
      approver_id TEXT REFERENCES person(id),
      approved_on TEXT,
      effective_on TEXT,
      review_months INTEGER NOT NULL CHECK (review_months BETWEEN 1 AND 60),
      next_review_on TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (policy_id, number),
      CHECK (status = 'draft' OR (approver_id IS NOT NULL AND approved_on IS NOT NULL
        AND effective_on IS NOT NULL AND next_review_on IS NOT NULL))
    );
    CREATE UNIQUE INDEX policy_one_draft ON policy_version (policy_id) WHERE status = 'draft';
    CREATE INDEX policy_version_in_force ON policy_version (policy_id, status, effective_on);
    CREATE TRIGGER policy_version_approved_is_immutable BEFORE UPDATE ON policy_version
      WHEN OLD.status = 'approved'
      BEGIN SELECT RAISE(ABORT, 'An approved policy version cannot change'); END;
    CREATE TRIGGER policy_version_approved_is_kept BEFORE DELETE ON policy_version
      WHEN OLD.status = 'approved'
      BEGIN SELECT RAISE(ABORT, 'An approved policy version cannot be deleted'); END;

    CREATE TABLE policy_control (
      policy_id TEXT NOT NULL REFERENCES policy(id),
      control_id TEXT NOT NULL REFERENCES control(id),
      PRIMARY KEY (policy_id, control_id)
    ) WITHOUT ROWID;
    CREATE INDEX policy_control_by_control_id ON policy_control (control_id, policy_id);

    CREATE TABLE policy_promise (
      id TEXT PRIMARY KEY,
      policy_id TEXT NOT NULL REFERENCES policy(id),
      position INTEGER NOT NULL,
      template_promise TEXT,
      text TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('frequency', 'time_limit')),
      frequency TEXT,
      amount INTEGER,
      unit TEXT CHECK (unit IN ('hours', 'days', 'business_days')),
      UNIQUE (policy_id, position),
      CHECK ((kind = 'frequency' AND frequency IS NOT NULL AND amount IS NULL AND unit IS NULL)
        OR (kind = 'time_limit' AND frequency IS NULL AND amount IS NOT NULL AND unit IS NOT NULL))
    );
    CREATE TABLE policy_promise_control (
      promise_id TEXT NOT NULL REFERENCES policy_promise(id),
      control_id TEXT NOT NULL REFERENCES control(id),
      PRIMARY KEY (promise_id, control_id)
    ) WITHOUT ROWID;
    CREATE INDEX policy_promise_control_by_control_id
      ON policy_promise_control (control_id, promise_id);

    CREATE TABLE policy_ack (
      id TEXT PRIMARY KEY,
      version_id TEXT NOT NULL REFERENCES policy_version(id),
      person_id TEXT NOT NULL REFERENCES person(id),
      acknowledged_on TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('manual', 'import')),
      source_file TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (version_id, person_id)
    );
    CREATE INDEX policy_ack_by_person ON policy_ack (person_id, version_id);`);
}

function insert(
  ctx: MigrationContext,
  table: string,
  values: Record<string, unknown>,
  entityId = String(values.id),
): void {
  const cols = Object.keys(values);
  ctx.db.sqlite
    .prepare(
      `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    )
    .run(...Object.values(values));
  recordChange(ctx, {
    action: 'create',
    entity: table as 'policy',
    entityId,
    payload: { migration: NAME },
  });
}

/** The state hash and seq of every control's latest audit entry. */
function latestStates(sqlite: Sqlite): Map<string, { seq: number; stateHash: string | null }> {
  const rows = sqlite
    .prepare(
      `SELECT e.entity_id, e.seq, e.state_hash FROM audit_event e
       JOIN (SELECT entity_id, max(seq) AS seq FROM audit_event WHERE entity = 'control'
             GROUP BY entity_id) m ON m.seq = e.seq`,
    )
    .all() as { entity_id: string; seq: number; state_hash: string | null }[];
  return new Map(rows.map((r) => [r.entity_id, { seq: r.seq, stateHash: r.state_hash }]));
}
