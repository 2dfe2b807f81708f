import { describe, expect, it } from 'vitest';
import type { Policy, PolicySortKey } from '../../../shared/api/policies';
import { createPerson } from '../../core/people/people';
import { createPolicy, listPolicies, listPolicyPageOf } from '../../core/policies/policies';
import { approveVersion, startDraft } from '../../core/policies/versions';
import type { Vault } from '../../core/vault/session';
import { tempDir } from '../../testing/tmp';
import { newScopedTestVault } from '../../testing/vaults';

/** The template policies of the scope (not written, no owner) and three of the user's own. */
async function library(): Promise<{ vault: Vault; ids: Record<string, string> }> {
  const vault = await newScopedTestVault(tempDir());
  const zoe = createPerson(vault, { name: 'Zoe', email: '', role: '', team: '' }).id;
  const ann = createPerson(vault, { name: 'Ann', email: '', role: '', team: '' }).id;
  const access = createPolicy(vault, {
    title: 'access review',
    ownerId: zoe,
    reviewMonths: 12,
    acknowledgeWithinDays: 30,
    body: '## Rule',
  });
  approveVersion(vault, {
    versionId: access.draft.id,
    approverId: ann,
    approvedOn: '2026-01-10', // the vaults' clock reads 2026-01-15
  });
  startDraft(vault, access.policy.id); // approved with a new draft
  const backup = createPolicy(vault, {
    title: 'Backup',
    ownerId: ann,
    reviewMonths: 6,
    acknowledgeWithinDays: 30,
    body: '## Rule',
  });
  approveVersion(vault, { versionId: backup.draft.id, approverId: zoe, approvedOn: '2026-01-12' });
  // A second version that takes effect long after today: the first stays in force.
  const v2 = startDraft(vault, backup.policy.id);
  approveVersion(vault, {
    versionId: v2.id,
    approverId: zoe,
    approvedOn: '2026-01-13',
    effectiveOn: '2099-01-01',
  });
  const desk = createPolicy(vault, {
    title: 'Clean desk',
    reviewMonths: 12,
    acknowledgeWithinDays: 30,
    body: '## Rule',
  });
  return {
    vault,
    ids: { access: access.policy.id, backup: backup.policy.id, desk: desk.policy.id },
  };
}

function walk(vault: Vault, key: PolicySortKey, dir: 'asc' | 'desc', limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = listPolicyPageOf(
      vault,
      { includeArchived: false },
      { key, dir },
      { limit, cursor },
    );
    ids.push(...page.items.map((p) => p.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

/** The same order worked out in JavaScript from the policies as the API shows them. */
function expected(
  policies: Policy[],
  owners: Map<string, string>,
  key: PolicySortKey,
  dir: 'asc' | 'desc',
) {
  const rank = { not_written: 0, draft: 1, approved: 2, approved_with_draft: 3 } as const;
  const value = (p: Policy): string | number | null =>
    key === 'title'
      ? p.title.toLowerCase()
      : key === 'owner'
        ? (owners.get(p.ownerId ?? '')?.toLowerCase() ?? null)
        : key === 'inForce'
          ? p.inForceFrom
          : key === 'status'
            ? rank[p.status]
            : p.nextReviewOn;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const byTitle = (a: Policy, b: Policy) =>
    cmp(a.title.toLowerCase(), b.title.toLowerCase()) || cmp(a.id, b.id);
  return [...policies]
    .sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      if (x === null || y === null) return x === y ? byTitle(a, b) : x === null ? 1 : -1;
      const by = (dir === 'asc' ? 1 : -1) * cmp(x, y);
      if (key === 'title') return by || (dir === 'asc' ? 1 : -1) * cmp(a.id, b.id);
      return by || byTitle(a, b);
    })
    .map((p) => p.id);
}

describe('the policy library paged in SQL', () => {
  it('orders by every key as the policies read in JavaScript, walked a row at a time', async () => {
    const { vault, ids } = await library();
    const policies = listPolicies(vault, false);
    const owners = new Map([
      [policies.find((p) => p.id === ids.access)!.ownerId!, 'Zoe'],
      [policies.find((p) => p.id === ids.backup)!.ownerId!, 'Ann'],
    ]);
    for (const key of ['title', 'owner', 'inForce', 'status', 'nextReview'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const whole = walk(vault, key, dir, 1000);
        expect(whole, `${key} ${dir}`).toEqual(expected(policies, owners, key, dir));
        expect(walk(vault, key, dir, 2), `${key} ${dir} by twos`).toEqual(whole);
      }
    }
    // The version taking effect in 2099 is not the one in force: Backup's review is its first's.
    const byReview = walk(vault, 'nextReview', 'asc', 1000);
    expect(byReview.slice(0, 2)).toEqual([ids.backup, ids.access]);
    expect(walk(vault, 'status', 'desc', 1000).slice(0, 3)).toEqual([
      ids.access,
      ids.backup,
      ids.desk,
    ]);
  });

  it('searches titles, leaves archived policies out unless asked, and counts in SQL', async () => {
    const { vault, ids } = await library();
    vault.db.sqlite
      .prepare(`UPDATE policy SET archived_at = '2026-04-01T00:00:00.000Z' WHERE id = ?`)
      .run(ids.desk);
    const read = (includeArchived: boolean, search?: string) =>
      listPolicyPageOf(
        vault,
        { includeArchived, search },
        { key: 'title', dir: 'asc' },
        { limit: 1 },
      );
    expect(read(false, 'DESK').total).toBe(0);
    const desk = read(true, 'desk');
    expect(desk.items.map((p) => p.id)).toEqual([ids.desk]);
    expect(desk.total).toBe(1);
    const all = read(true);
    expect(all.total).toBe(read(false).total + 1);
    expect(all.items).toHaveLength(1);
    expect(all.nextCursor).not.toBeNull();
  });
});
