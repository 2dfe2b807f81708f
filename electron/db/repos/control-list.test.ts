import { describe, expect, it } from 'vitest';
import { assessControl } from '../../core/gaps/assessments';
import { createPerson } from '../../core/people/people';
import { applyScope } from '../../core/scope/apply-scope';
import { createControl, updateControl } from '../../core/scope/controls';
import type { Vault } from '../../core/vault/session';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import {
  type ControlListFilter,
  controlIdsMatching,
  listAssessedControlPage,
  listControlPage,
} from './control-list';
import type { PageRequest } from './lists';

const START = { start: '2026-01-01' };

/** A scoped vault with owners, warnings, assessments and references that need natural order. */
async function populated(): Promise<Vault> {
  const vault = await newTestVault(tempDir());
  applyScope(vault);
  const [zed, amy] = ['Zed Quillon', 'amy'].map(
    (name) => createPerson(vault, { name, email: '', role: '', team: '' }).id,
  );
  for (const ref of ['X-10', 'X-2', 'x-3', 'X-1'])
    createControl(vault, { ref, title: `Custom ${ref}`, criteria: ['CC1.1'] });
  const byRef = (ref: string) => listIds(vault, { includeArchived: false, search: ref })[0]!;
  updateControl(vault, byRef('X-10'), { ownerId: zed, performerId: amy, reviewerId: amy });
  updateControl(vault, byRef('X-2'), { ownerId: amy, operatingSince: '2026-02-01' });
  updateControl(vault, byRef('x-3'), { ownerId: zed });
  assessControl(vault, { controlId: byRef('X-2'), status: 'partial' });
  assessControl(vault, { controlId: byRef('X-1'), status: 'implemented' });
  return vault;
}

const listIds = (vault: Vault, f: ControlListFilter) => controlIdsMatching(vault.db, f, START);

function walk(read: (page: PageRequest) => { rows: { id: string }[]; nextCursor: string | null }) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = read({ limit: 9, cursor });
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

describe('controls paged in SQL', () => {
  it('walk every order page by page to the same rows as one big page, numbers as numbers', async () => {
    const vault = await populated();
    const filter = { includeArchived: false };
    for (const key of ['ref', 'title', 'domain', 'owner', 'frequency', 'criteria'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const read = (p: PageRequest) => listControlPage(vault.db, filter, { key, dir }, p);
        const whole = read({ limit: 1000 });
        expect(walk(read), `${key} ${dir}`).toEqual(whole.rows.map((r) => r.id));
        expect(whole.total).toBe(whole.rows.length);
      }
    }
    const custom = listControlPage(
      vault.db,
      { ...filter, search: 'Custom X' },
      { key: 'ref', dir: 'asc' },
      { limit: 10 },
    );
    expect(custom.rows.map((r) => r.ref)).toEqual(['X-1', 'X-2', 'x-3', 'X-10']);
    // Owners by name whatever the case, nobody last in both directions.
    const owners = (dir: 'asc' | 'desc') =>
      listControlPage(
        vault.db,
        { ...filter, search: 'Custom X' },
        { key: 'owner', dir },
        {
          limit: 10,
        },
      ).rows.map((r) => r.ref);
    // (Ties by reference.)
    expect(owners('asc')).toEqual(['X-2', 'x-3', 'X-10', 'X-1']);
    expect(owners('desc')).toEqual(['x-3', 'X-10', 'X-2', 'X-1']);
  });

  it('filter by assessment state, owner and warnings, and mark each row', async () => {
    const vault = await populated();
    const custom = { includeArchived: false, search: 'Custom X' };
    const page = (f: ControlListFilter, key: 'ref' | 'status' = 'ref') =>
      listAssessedControlPage(vault.db, f, START, { key, dir: 'asc' }, { limit: 100 });
    const marks = page(custom).rows.map((r) => [
      r.ref,
      r.assessment_status,
      r.w_no_owner,
      r.w_same_performer_reviewer,
      r.w_late_start,
    ]);
    expect(marks).toEqual([
      ['X-1', 'implemented', 1, 0, 0],
      ['X-2', 'partial', 0, 0, 1],
      ['x-3', 'not_assessed', 0, 0, 0],
      ['X-10', 'not_assessed', 0, 1, 0],
    ]);
    const refs = (f: Partial<ControlListFilter>, key: 'ref' | 'status' = 'ref') =>
      page({ ...custom, ...f }, key).rows.map((r) => r.ref);
    expect(refs({ status: 'not_assessed' })).toEqual(['x-3', 'X-10']);
    expect(refs({ status: 'partial' })).toEqual(['X-2']);
    expect(refs({ unowned: true })).toEqual(['X-1']);
    expect(refs({ warningsOnly: true })).toEqual(['X-1', 'X-2', 'X-10']);
    expect(refs({}, 'status')).toEqual(['x-3', 'X-10', 'X-2', 'X-1']);
    // The owner's name is searched; "select all matching" resolves the very same filter.
    expect(refs({ search: 'quillon' })).toEqual(['x-3', 'X-10']);
    expect(listIds(vault, { ...custom, warningsOnly: true })).toEqual(
      page({ ...custom, warningsOnly: true }).rows.map((r) => r.id),
    );
    // Without a period start there is no late start.
    const none = listAssessedControlPage(
      vault.db,
      { ...custom, warningsOnly: true },
      { start: null },
      { key: 'ref', dir: 'asc' },
      { limit: 10 },
    );
    expect(none.rows.map((r) => r.ref)).toEqual(['X-1', 'X-10']);
  });
});
