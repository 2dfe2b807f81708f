import type { Kysely } from 'kysely';
import criteriaFile from '../../../resources/catalog/criteria.json' with { type: 'json' };
import { recordChange, stateHash } from '../audit';
import type { MigrationContext } from './context';

/**
 * FROZEN. Links are rows (DESIGN §3): every JSON array of ids becomes a link table with foreign
 * keys and indexes — control ↔ criterion (with `key`), risk ↔ control, task ↔ control, request ↔
 * criterion and ↔ control, subservice organisation ↔ criterion, its CSOCs (rows, each ↔ criterion)
 * and its vendor CUECs (rows, each ↔ control), CUEC ↔ criterion.
 *
 * Every criterion of the build's catalog gets a row (in scope or not), so a request naming a
 * criterion outside the scope keeps its link. Each new row is recorded in the audit log with the
 * actor "migration", and each parent row, whose state changes as its JSON column goes, is
 * re-recorded. Before re-recording a row its current state is compared with the state its last
 * audit entry vouched for: a row changed outside Attest is marked in the new entry's payload
 * (`changedOutsideAttest`), which `verify` keeps reporting, so the upgrade never launders an
 * edit made behind the app's back. Until the catalog marks key controls, every mapping is key.
 *
 * Lists are ordered and paged in SQL: each request gets its reference's and wave's natural sort
 * keys (PBC-2 before PBC-10; a frozen copy of `naturalSortKey` is below), and every list gets the
 * index its default order needs.
 */
export const NAME = '2026_12_03_007_links_and_list_order';

interface LinkSpec {
  table: string;
  from: string;
  to: string;
  toTable: 'criterion' | 'control';
}

interface JsonLink {
  parent: 'control' | 'risk' | 'task' | 'request' | 'subservice_org' | 'cuec';
  column: string;
  link: LinkSpec;
}

const JSON_LINKS: JsonLink[] = [
  {
    parent: 'control',
    column: 'criteria',
    link: {
      table: 'control_criterion',
      from: 'control_id',
      to: 'criterion_id',
      toTable: 'criterion',
    },
  },
  {
    parent: 'risk',
    column: 'control_ids',
    link: { table: 'risk_control', from: 'risk_id', to: 'control_id', toTable: 'control' },
  },
  {
    parent: 'task',
    column: 'control_ids',
    link: { table: 'task_control', from: 'task_id', to: 'control_id', toTable: 'control' },
  },
  {
    parent: 'request',
    column: 'criteria',
    link: {
      table: 'request_criterion',
      from: 'request_id',
      to: 'criterion_id',
      toTable: 'criterion',
    },
  },
  {
    parent: 'request',
    column: 'control_ids',
    link: { table: 'request_control', from: 'request_id', to: 'control_id', toTable: 'control' },
  },
  {
    parent: 'subservice_org',
    column: 'criteria',
    link: {
      table: 'subservice_criterion',
      from: 'subservice_id',
      to: 'criterion_id',
      toTable: 'criterion',
    },
  },
  {
    parent: 'cuec',
    column: 'criteria',
    link: { table: 'cuec_criterion', from: 'cuec_id', to: 'criterion_id', toTable: 'criterion' },
  },
];

const CSOC_LINK: LinkSpec = {
  table: 'csoc_criterion',
  from: 'csoc_id',
  to: 'criterion_id',
  toTable: 'criterion',
};
const VENDOR_CUEC_LINK: LinkSpec = {
  table: 'vendor_cuec_control',
  from: 'vendor_cuec_id',
  to: 'control_id',
  toTable: 'control',
};

type Row = Record<string, unknown> & { id: string };

export async function up(_db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  const { sqlite } = ctx.db;
  createTables(sqlite);
  seedCriteria(ctx);

  // Read every parent row as it is now, and whether the log still vouches for it, before
  // anything changes.
  const latest = latestStates(sqlite);
  const parents = new Map<string, Row[]>();
  for (const table of new Set([...JSON_LINKS.map((l) => l.parent), 'subservice_org'])) {
    parents.set(table, sqlite.prepare(`SELECT * FROM "${table}" ORDER BY id`).all() as Row[]);
  }
  const marks = new Map<string, { lastRecordedSeq: number | null }>();
  for (const [table, rows] of parents) {
    for (const row of rows) {
      const last = latest.get(`${table}\u0000${row.id}`);
      if (!last || last.stateHash !== stateHash(row)) {
        marks.set(`${table}\u0000${row.id}`, { lastRecordedSeq: last?.seq ?? null });
      }
    }
  }

  for (const { parent, column, link } of JSON_LINKS) {
    for (const row of parents.get(parent)!) insertLinks(ctx, link, row.id, ids(row[column]));
  }
  for (const org of parents.get('subservice_org')!) {
    const csocs = JSON.parse(String(org.csocs)) as { description: string; criteria: string[] }[];
    csocs.forEach((c, position) => {
      const id = ctx.ids.next('csc');
      insertChild(ctx, 'subservice_csoc', {
        id,
        subservice_id: org.id,
        position,
        description: c.description,
      });
      insertLinks(ctx, CSOC_LINK, id, c.criteria);
    });
    const cuecs = JSON.parse(String(org.vendor_cuecs)) as {
      description: string;
      controlIds: string[];
    }[];
    cuecs.forEach((c, position) => {
      const id = ctx.ids.next('vcu');
      insertChild(ctx, 'subservice_vendor_cuec', {
        id,
        subservice_id: org.id,
        position,
        description: c.description,
      });
      insertLinks(ctx, VENDOR_CUEC_LINK, id, c.controlIds);
    });
  }

  addListOrder(sqlite);

  const dropped = new Map<string, string[]>();
  for (const { parent, column } of JSON_LINKS)
    dropped.set(parent, [...(dropped.get(parent) ?? []), column]);
  dropped.get('subservice_org')!.push('csocs', 'vendor_cuecs');
  for (const [table, columns] of dropped) {
    for (const column of columns) sqlite.exec(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
  }

  for (const [table, rows] of parents) {
    for (const row of rows) {
      const mark = marks.get(`${table}\u0000${row.id}`);
      recordChange(ctx, {
        action: 'update',
        entity: table as 'control',
        entityId: row.id,
        payload: {
          migration: NAME,
          linksAsRows: dropped.get(table),
          ...(mark ? { changedOutsideAttest: mark } : {}),
        },
      });
    }
  }

  const broken = sqlite.prepare('PRAGMA foreign_key_check').all();
  if (broken.length > 0) {
    throw new Error(`Migration ${NAME} left ${broken.length} broken reference(s)`);
  }
}

/** Natural sort keys for requests, and the indexes the lists' default orders use. */
function addListOrder(sqlite: MigrationContext['db']['sqlite']): void {
  sqlite.exec(`
    ALTER TABLE request ADD COLUMN ref_sort TEXT NOT NULL DEFAULT '';
    ALTER TABLE request ADD COLUMN wave_sort TEXT;`);
  const set = sqlite.prepare('UPDATE request SET ref_sort = ?, wave_sort = ? WHERE id = ?');
  for (const r of sqlite.prepare('SELECT id, ref, wave FROM request').all() as Row[]) {
    const wave = r.wave as string | null;
    set.run(naturalKey(String(r.ref)), wave === null ? null : naturalKey(wave), r.id);
  }
  sqlite.exec(`
    CREATE INDEX request_list ON request (archived_at, ref_sort, id);
    CREATE INDEX task_list ON task (archived_at, length(ref), ref, id);
    CREATE INDEX risk_list ON risk (archived_at, created_at, id);
    CREATE INDEX person_list ON person (archived_at, name, id);`);
}

/** FROZEN copy of shared/domain/natural-sort.ts as it was when this migration was written. */
function naturalKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\d+/g, (digits) => {
      const n = digits.replace(/^0+(?=\d)/, '');
      return n.length <= 20 ? n.padStart(20, '0') : `${'9'.repeat(20)}${n}`;
    });
}

function ids(json: unknown): string[] {
  return [...new Set(JSON.parse(String(json)) as string[])];
}

function insertLinks(ctx: MigrationContext, link: LinkSpec, from: string, to: string[]): void {
  const { sqlite } = ctx.db;
  const exists = sqlite.prepare(`SELECT 1 FROM "${link.toTable}" WHERE id = ?`).pluck();
  for (const id of new Set(to)) {
    if (!exists.get(id)) {
      // Only a criterion the catalog has never had could be missing here (every catalog criterion
      // was seeded above, and controls are never deleted): kept as a row of its own, not dropped.
      if (link.toTable !== 'criterion') {
        throw new Error(`Migration ${NAME}: ${link.table} names a missing control ${id}`);
      }
      insertUnknownCriterion(ctx, id);
    }
    const values: Record<string, unknown> = { [link.from]: from, [link.to]: id };
    if (link.table === 'control_criterion') values.key = 1;
    insertChild(ctx, link.table, values, `${from}|${id}`);
  }
}

function insertChild(
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
    entity: table as 'control_criterion',
    entityId,
    payload: { migration: NAME },
  });
}

interface CatalogCriterion {
  id: string;
  category: string;
  groupId: string;
  groupTitle: string;
  cosoPrinciple: number | null;
  title: string;
  guidance: unknown;
}

/** Every criterion of the build's catalog gets a row, out of scope unless the scope says so. */
function seedCriteria(ctx: MigrationContext): void {
  const { sqlite } = ctx.db;
  // A vault being created has no engagement yet: creating it seeds the criteria itself.
  if (!sqlite.prepare('SELECT 1 FROM engagement').get()) return;
  const exists = sqlite.prepare('SELECT 1 FROM criterion WHERE id = ?').pluck();
  const criteria = (criteriaFile as { criteria: CatalogCriterion[] }).criteria;
  criteria.forEach((c, index) => {
    if (exists.get(c.id)) return;
    insertCriterionRow(ctx, {
      id: c.id,
      category: c.category,
      group_id: c.groupId,
      group_title: c.groupTitle,
      coso_principle: c.cosoPrinciple,
      title: c.title,
      guidance: JSON.stringify(c.guidance),
      sort_key: index,
    });
  });
}

function insertUnknownCriterion(ctx: MigrationContext, id: string): void {
  const group = id.includes('.') ? id.slice(0, id.indexOf('.')) : id;
  const category = id.startsWith('CC')
    ? 'security'
    : id.startsWith('PI')
      ? 'processing_integrity'
      : id.startsWith('A')
        ? 'availability'
        : id.startsWith('C')
          ? 'confidentiality'
          : 'privacy';
  insertCriterionRow(ctx, {
    id,
    category,
    group_id: group,
    group_title: group,
    coso_principle: null,
    title: id,
    guidance: '{}',
    sort_key: 10_000,
  });
}

function insertCriterionRow(
  ctx: MigrationContext,
  row: Omit<Record<string, unknown>, 'in_scope'> & { id: string },
): void {
  ctx.db.sqlite
    .prepare(
      `INSERT INTO criterion (id, category, group_id, group_title, coso_principle, title, guidance,
         sort_key, in_scope, not_relevant_reason, updated_at)
       VALUES (@id, @category, @group_id, @group_title, @coso_principle, @title, @guidance,
         @sort_key, 0, NULL, @updated_at)`,
    )
    .run({ ...row, updated_at: ctx.now() });
  recordChange(ctx, {
    action: 'create',
    entity: 'criterion',
    entityId: row.id,
    payload: { migration: NAME, inScope: false },
  });
}

/** The state hash and seq of the latest audit entry of every audited row. */
function latestStates(
  sqlite: MigrationContext['db']['sqlite'],
): Map<string, { seq: number; stateHash: string | null }> {
  const rows = sqlite
    .prepare(
      `SELECT e.entity, e.entity_id, e.seq, e.state_hash FROM audit_event e
       JOIN (SELECT entity, entity_id, max(seq) AS seq FROM audit_event GROUP BY entity, entity_id) m
         ON m.seq = e.seq`,
    )
    .all() as { entity: string; entity_id: string; seq: number; state_hash: string | null }[];
  return new Map(
    rows.map((r) => [`${r.entity}\u0000${r.entity_id}`, { seq: r.seq, stateHash: r.state_hash }]),
  );
}

function createTables(sqlite: MigrationContext['db']['sqlite']): void {
  const link = (spec: LinkSpec, fromTable: string, extra = '') => `
    CREATE TABLE "${spec.table}" (
      "${spec.from}" TEXT NOT NULL REFERENCES "${fromTable}"(id),
      "${spec.to}" TEXT NOT NULL REFERENCES "${spec.toTable}"(id),${extra}
      PRIMARY KEY ("${spec.from}", "${spec.to}")
    ) WITHOUT ROWID;
    CREATE INDEX "${spec.table}_by_${spec.to}" ON "${spec.table}" ("${spec.to}", "${spec.from}");`;
  const child = (table: string) => `
    CREATE TABLE "${table}" (
      id TEXT PRIMARY KEY,
      subservice_id TEXT NOT NULL REFERENCES subservice_org(id),
      position INTEGER NOT NULL,
      description TEXT NOT NULL,
      UNIQUE (subservice_id, position)
    );`;
  const specs = JSON_LINKS.map((l) => l.link);
  sqlite.exec(
    [
      link(specs[0]!, 'control', '\n      key INTEGER NOT NULL,'),
      link(specs[1]!, 'risk'),
      link(specs[2]!, 'task'),
      link(specs[3]!, 'request'),
      link(specs[4]!, 'request'),
      link(specs[5]!, 'subservice_org'),
      link(specs[6]!, 'cuec'),
      child('subservice_csoc'),
      link(CSOC_LINK, 'subservice_csoc'),
      child('subservice_vendor_cuec'),
      link(VENDOR_CUEC_LINK, 'subservice_vendor_cuec'),
    ].join('\n'),
  );
}
