import { describe, expect, it } from 'vitest';
import { createPerson } from '../../core/people/people';
import { createRisk, updateRisk } from '../../core/risks/risks';
import { createTask } from '../../core/tasks/tasks';
import type { Vault } from '../../core/vault/session';
import { tempDir } from '../../testing/tmp';
import { newScopedTestVault } from '../../testing/vaults';
import { listControlPage } from './control-list';
import { type Page, type PageRequest, listPeoplePage, listRiskPage, listTaskPage } from './lists';

/** Walks a list page by page and returns the ids in order. */
function walk<R extends { id: string }>(read: (page: PageRequest) => Page<R>, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = read({ limit, cursor });
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

async function populated(): Promise<Vault> {
  const vault = await newScopedTestVault(tempDir());
  const owners = ['Zed', 'amy', 'Bo'].map(
    (name) => createPerson(vault, { name, email: '', role: '', team: '' }).id,
  );
  for (let i = 0; i < 23; i++) {
    createTask(vault, {
      title: `${i % 2 ? 'rotate' : 'Review'} item ${i}`,
      priority: (['high', 'medium', 'low'] as const)[i % 3],
      status: (['todo', 'in_progress', 'blocked', 'done'] as const)[i % 4],
      ownerId: i % 4 === 0 ? null : owners[i % 3],
      dueOn: i % 5 === 0 ? null : `2026-0${1 + (i % 7)}-1${i % 10}`,
    });
    createRisk(vault, {
      title: `Risk ${String.fromCharCode(90 - i)}`,
      likelihood: 1 + (i % 5),
      impact: 1 + ((i * 3) % 5),
    });
  }
  return vault;
}

const TODAY = '2026-05-01';

describe('lists paged in SQL', () => {
  it('walk every task order page by page to the same rows as one big page', async () => {
    const vault = await populated();
    const filter = { includeArchived: false };
    for (const key of ['ref', 'title', 'status', 'priority', 'dueOn', 'owner'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const read = (p: PageRequest) => listTaskPage(vault.db, filter, { key, dir }, p, TODAY);
        const whole = walk(read, 1000);
        expect(whole).toHaveLength(23);
        expect(walk(read, 4), `${key} ${dir}`).toEqual(whole);
      }
    }
    // T-2 before T-10 in the default order.
    const refs = listTaskPage(vault.db, filter, { key: 'ref', dir: 'asc' }, { limit: 12 }, TODAY)
      .rows.map((t) => t.ref)
      .slice(8, 11);
    expect(refs).toEqual(['T-009', 'T-010', 'T-011']);
    const overdue = listTaskPage(
      vault.db,
      { ...filter, overdueOnly: true },
      { key: 'ref', dir: 'asc' },
      { limit: 100 },
      TODAY,
    );
    expect(overdue.total).toBe(overdue.rows.length);
    for (const t of overdue.rows) {
      expect(t.status).not.toBe('done');
      expect(t.due_on! < TODAY).toBe(true);
    }
  });

  it('walk the risk register and the people directory the same way, with SQL totals', async () => {
    const vault = await populated();
    for (const key of ['created', 'title', 'inherent', 'residual', 'reviewOn'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const read = (p: PageRequest) =>
          listRiskPage(vault.db, { includeArchived: false }, { key, dir }, p);
        expect(walk(read, 5), `${key} ${dir}`).toEqual(walk(read, 1000));
      }
    }
    const people = listPeoplePage(vault.db, { includeArchived: false }, { limit: 2 });
    expect(people.total).toBe(3);
    expect(people.rows.map((p) => p.name)).toEqual(['Bo', 'Zed']); // as stored: 'amy' after
    expect(walk((p) => listPeoplePage(vault.db, { includeArchived: false }, p), 1)).toHaveLength(3);
  });

  it('order the directory by any column, the empty ones last, the same walked a row at a time', async () => {
    const vault = await newScopedTestVault(tempDir());
    const people = [
      { name: 'Cy', email: 'cy@acme.test', role: 'CTO', team: '' },
      { name: 'Ana', email: '', role: 'engineer', team: 'Platform' },
      { name: 'Bo', email: 'bo@acme.test', role: '', team: 'platform' },
      { name: 'Di', email: 'AL@acme.test', role: 'Analyst', team: 'Data' },
    ];
    for (const p of people) createPerson(vault, p);
    const ids = (key: 'name' | 'email' | 'role' | 'team', dir: 'asc' | 'desc', limit = 100) =>
      walk((p) => listPeoplePage(vault.db, { includeArchived: false }, p, { key, dir }), limit);
    const read = (key: 'name' | 'email' | 'role' | 'team', dir: 'asc' | 'desc', limit: number) =>
      listPeoplePage(vault.db, { includeArchived: false }, { limit }, { key, dir }).rows.map(
        (r) => r.name,
      );
    expect(read('name', 'desc', 10)).toEqual(['Di', 'Cy', 'Bo', 'Ana']);
    // Case does not split a column; empty values stay last in both directions.
    expect(read('email', 'asc', 10)).toEqual(['Di', 'Bo', 'Cy', 'Ana']);
    expect(read('email', 'desc', 10)).toEqual(['Cy', 'Bo', 'Di', 'Ana']);
    expect(read('role', 'asc', 10)).toEqual(['Di', 'Cy', 'Ana', 'Bo']);
    // Equal teams ("Platform", "platform") fall back to the name.
    expect(read('team', 'desc', 10)).toEqual(['Ana', 'Bo', 'Di', 'Cy']);
    for (const key of ['name', 'email', 'role', 'team'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        expect(ids(key, dir, 1), `${key} ${dir}`).toEqual(ids(key, dir));
      }
    }
    const found = listPeoplePage(
      vault.db,
      { includeArchived: false, search: 'PLATFORM' },
      { limit: 1 },
      { key: 'name', dir: 'asc' },
    );
    expect(found.rows.map((r) => r.name)).toEqual(['Ana']);
    expect(found.total).toBe(2);
    expect(found.nextCursor).not.toBeNull();
  });

  it('keep only the tasks nobody owns, and the risks in one cell of either matrix', async () => {
    const vault = await populated();
    const unowned = listTaskPage(
      vault.db,
      { includeArchived: false, unowned: true },
      { key: 'ref', dir: 'asc' },
      { limit: 100 },
      TODAY,
    );
    expect(unowned.rows.length).toBeGreaterThan(0);
    expect(unowned.total).toBe(unowned.rows.length);
    expect(unowned.rows.every((t) => t.owner_id === null)).toBe(true);
    const all = listTaskPage(
      vault.db,
      { includeArchived: false },
      { key: 'ref', dir: 'asc' },
      { limit: 100 },
      TODAY,
    );
    expect(unowned.total).toBe(all.rows.filter((t) => t.owner_id === null).length);

    const risks = listRiskPage(
      vault.db,
      { includeArchived: false },
      { key: 'created', dir: 'asc' },
      { limit: 100 },
    ).rows;
    const [first] = risks;
    updateRisk(vault, first!.id, { residualLikelihood: 1, residualImpact: 1 });
    const inherent = listRiskPage(
      vault.db,
      {
        includeArchived: false,
        cell: { kind: 'inherent', likelihood: first!.likelihood, impact: first!.impact },
      },
      { key: 'residual', dir: 'desc' },
      { limit: 100 },
    );
    expect(inherent.rows.map((r) => r.id)).toEqual(
      risks
        .filter((r) => r.likelihood === first!.likelihood && r.impact === first!.impact)
        .map((r) => r.id),
    );
    const residual = listRiskPage(
      vault.db,
      { includeArchived: false, cell: { kind: 'residual', likelihood: 1, impact: 1 } },
      { key: 'title', dir: 'asc' },
      { limit: 100 },
    );
    expect(residual.rows.map((r) => r.id)).toContain(first!.id);
    expect(residual.total).toBe(residual.rows.length);
    for (const r of residual.rows)
      expect([r.residual_likelihood, r.residual_impact]).toEqual([1, 1]);
  });

  it('hand JavaScript a page, not the table', async () => {
    const vault = await populated();
    const before = vault.db.stats.rowsRead;
    const page = listTaskPage(
      vault.db,
      { includeArchived: false, search: 'review' },
      { key: 'dueOn', dir: 'desc' },
      { limit: 3 },
      TODAY,
    );
    expect(page.rows).toHaveLength(3);
    expect(page.total).toBe(12);
    expect(vault.db.stats.rowsRead - before).toBeLessThanOrEqual(5); // 3 + 1 to look ahead + the count
  });

  it('use an index for every default order', async () => {
    const vault = await populated();
    const plan = (sql: string) =>
      (vault.db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    for (const [sql, index] of [
      [
        'SELECT * FROM task t WHERE t.archived_at IS NULL ORDER BY length(t.ref), t.ref, t.id LIMIT 101',
        'task_list',
      ],
      [
        'SELECT * FROM risk r WHERE r.archived_at IS NULL ORDER BY r.created_at, r.id LIMIT 101',
        'risk_list',
      ],
      [
        'SELECT * FROM person p WHERE p.archived_at IS NULL ORDER BY p.name, p.id LIMIT 101',
        'person_list',
      ],
      [
        'SELECT * FROM control WHERE archived_at IS NULL ORDER BY ref LIMIT 101',
        'control_archived',
      ],
    ] as const) {
      const detail = plan(sql);
      expect(detail, sql).toContain(`USING INDEX ${index}`);
      expect(detail, sql).not.toContain('TEMP B-TREE');
    }
    expect(
      listControlPage(
        vault.db,
        { includeArchived: false },
        { key: 'ref', dir: 'asc' },
        { limit: 5 },
      ).total,
    ).toBeGreaterThan(100);
  });
});
