import { describe, expect, it } from 'vitest';
import type { RequestSort } from '../../../shared/api/requests';
import type { RequestStatus } from '../../../shared/domain/requests';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import { insertComment, insertRequest } from '../../db/repos/requests';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { createPerson } from '../people/people';
import type { Vault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { listRequests } from './queries';

interface Seed {
  ref: string;
  description?: string;
  type?: string;
  wave?: string;
  owner?: 'a' | 'b';
  ownerText?: string;
  dueOn?: string;
  status?: RequestStatus;
  auditorStatus?: string;
  comments?: number;
  archived?: boolean;
}

/** Requests written as an import would, each audited, so the vault still verifies. */
function seed(vault: Vault, seeds: Seed[]) {
  const people = {
    a: createPerson(vault, { name: 'Zoë Adams', email: '', role: '', team: '' }).id,
    b: createPerson(vault, { name: 'ana lima', email: '', role: '', team: '' }).id,
  };
  tx(vault.db, () => {
    for (const s of seeds) {
      const id = vault.ids.next('req');
      const now = vault.now();
      insertRequest(vault.db, {
        id,
        ref: s.ref,
        description: s.description ?? '',
        type: s.type ?? null,
        wave: s.wave ?? null,
        period_text: null,
        period_start: null,
        period_end: null,
        as_of: null,
        owner_id: s.owner ? people[s.owner] : null,
        owner_text: s.ownerText ?? null,
        reviewer_id: null,
        due_on: s.dueOn ?? null,
        status: s.status ?? 'new',
        submitted_on: null,
        auditor_status: s.auditorStatus ?? null,
        source_columns: JSON.stringify([['PBC #', s.ref]]),
        extra_columns: '[]',
        imported_fields: null,
        import_id: null,
        archived_at: s.archived ? now : null,
        created_at: now,
        updated_at: now,
      });
      recordChange(vault, { action: 'create', entity: 'request', entityId: id });
      for (let i = 0; i < (s.comments ?? 0); i++) {
        const cid = vault.ids.next('rcm');
        insertComment(vault.db, {
          id: cid,
          request_id: id,
          author: 'Ana',
          author_person_id: null,
          body: `note ${i}`,
          source: 'user',
          import_id: null,
          created_at: now,
        });
        recordChange(vault, { action: 'create', entity: 'request_comment', entityId: cid });
      }
    }
  });
}

const SEEDS: Seed[] = [
  {
    ref: 'PBC-10',
    dueOn: '2026-12-01',
    status: 'submitted',
    comments: 1,
    owner: 'b',
    auditorStatus: 'follow_up',
    wave: '2',
    description: 'access review',
  },
  { ref: 'PBC-2', status: 'in_progress', ownerText: 'IT team', wave: '10' },
  {
    ref: 'PBC-1',
    dueOn: '2026-11-02',
    comments: 3,
    owner: 'a',
    auditorStatus: 'accepted',
    wave: '2',
    description: 'Access policy',
  },
  { ref: 'PBC-3', dueOn: '2026-11-02', comments: 3, type: 'population' },
];

async function listVault() {
  const vault = await newTestVault(tempDir());
  seed(vault, SEEDS);
  const refs = (sort: RequestSort) =>
    listRequests(vault, { limit: 100, includeArchived: false, sort }).items.map((r) => r.ref);
  return { vault, refs };
}

describe('the request list, ordered by SQL', () => {
  it('keeps the auditor’s order by default: PBC-2 before PBC-10, and reverses it', async () => {
    const { refs } = await listVault();
    expect(refs({ key: 'ref', dir: 'asc' })).toEqual(['PBC-1', 'PBC-2', 'PBC-3', 'PBC-10']);
    expect(refs({ key: 'ref', dir: 'desc' })).toEqual(['PBC-10', 'PBC-3', 'PBC-2', 'PBC-1']);
  });

  it('puts empty values last either way, ties in the auditor’s order', async () => {
    const { refs } = await listVault();
    expect(refs({ key: 'dueOn', dir: 'asc' })).toEqual(['PBC-1', 'PBC-3', 'PBC-10', 'PBC-2']);
    expect(refs({ key: 'dueOn', dir: 'desc' })).toEqual(['PBC-10', 'PBC-1', 'PBC-3', 'PBC-2']);
    expect(refs({ key: 'type', dir: 'desc' })).toEqual(['PBC-3', 'PBC-1', 'PBC-2', 'PBC-10']);
    expect(refs({ key: 'description', dir: 'asc' })).toEqual(['PBC-1', 'PBC-10', 'PBC-2', 'PBC-3']);
  });

  it('sorts owners by the name shown, ignoring case, and waves as numbers', async () => {
    const { refs } = await listVault();
    expect(refs({ key: 'owner', dir: 'asc' })).toEqual(['PBC-10', 'PBC-2', 'PBC-1', 'PBC-3']);
    expect(refs({ key: 'wave', dir: 'asc' })).toEqual(['PBC-1', 'PBC-10', 'PBC-2', 'PBC-3']);
  });

  it('follows the workflow for statuses, and counts comments', async () => {
    const { refs } = await listVault();
    expect(refs({ key: 'status', dir: 'asc' })).toEqual(['PBC-1', 'PBC-3', 'PBC-2', 'PBC-10']);
    expect(refs({ key: 'auditorStatus', dir: 'asc' })).toEqual([
      'PBC-1',
      'PBC-10',
      'PBC-2',
      'PBC-3',
    ]);
    expect(refs({ key: 'commentCount', dir: 'desc' })).toEqual([
      'PBC-1',
      'PBC-3',
      'PBC-10',
      'PBC-2',
    ]);
  });

  it('pages one row at a time to the same order under every sort, with an SQL total', async () => {
    const { vault, refs } = await listVault();
    for (const key of ['ref', 'owner', 'wave', 'dueOn', 'status', 'commentCount'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const sort = { key, dir };
        const paged: string[] = [];
        let cursor: string | undefined;
        for (;;) {
          const page = listRequests(vault, { limit: 1, includeArchived: false, sort, cursor });
          expect(page.total).toBe(4);
          paged.push(...page.items.map((r) => r.ref));
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        expect(paged, `${key} ${dir}`).toEqual(refs(sort));
      }
    }
  });

  it('reads a page, not the table: rows handed to JavaScript stay near the page size', async () => {
    const vault = await newTestVault(tempDir());
    seed(
      vault,
      Array.from({ length: 600 }, (_, i) => ({
        ref: `PBC-${i + 1}`,
        description: i % 2 ? 'Access review evidence' : 'Change tickets',
        dueOn: `2026-0${1 + (i % 9)}-15`,
        comments: i % 3,
      })),
    );
    for (const sort of [
      { key: 'ref', dir: 'asc' },
      { key: 'dueOn', dir: 'desc' },
      { key: 'commentCount', dir: 'desc' },
    ] as const) {
      const before = vault.db.stats.rowsRead;
      const page = listRequests(vault, {
        limit: 25,
        includeArchived: false,
        sort,
        search: 'access',
        cursor: 'PBC-101',
      });
      expect(page.items).toHaveLength(25);
      expect(page.total).toBe(300);
      // The page (+1 to see whether more follow), the cursor's keys, the count, and the page's
      // comment counts: nowhere near the 600 rows and 600 comments in the vault.
      expect(vault.db.stats.rowsRead - before, `${sort.key}`).toBeLessThan(60);
    }
    expect((await verifyVault(vault)).problems).toEqual([]);
  });

  it('uses an index for the default order', async () => {
    const { vault } = await listVault();
    const plan = vault.db.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT r.* FROM request r WHERE r.archived_at IS NULL
         ORDER BY r.ref_sort, r.id LIMIT 101`,
      )
      .all() as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/USING INDEX request_list/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});
