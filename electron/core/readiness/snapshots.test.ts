import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methods } from '../../../shared/api/index';
import { fixedClock } from '../../platform/clock';
import { tempDir } from '../../testing/tmp';
import { newScopedTestVault } from '../../testing/vaults';
import { createPerson } from '../people/people';
import { listControls, updateControl } from '../scope/controls';
import { closeVault, openVault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { compareReviews, freezeReview, getSnapshot, listSnapshots } from './snapshots';

async function scopedVault() {
  const dir = tempDir();
  const vault = await newScopedTestVault(dir);
  const ana = createPerson(vault, { name: 'Ana Lima' });
  return { dir, vault, ana };
}

describe('review snapshots', () => {
  it('cannot be changed or deleted, even by SQL, and the audit chain vouches for each', async () => {
    const { vault, ana } = await scopedVault();
    const frozen = freezeReview(vault, { signedOffById: ana.id, comment: 'First review' });
    const sql = vault.db.sqlite;
    expect(() => sql.prepare('UPDATE review_snapshot SET percent_passing = 100').run()).toThrow(
      /A frozen review cannot change/,
    );
    expect(() => sql.prepare('DELETE FROM review_snapshot').run()).toThrow(
      /A frozen review cannot be deleted/,
    );
    const entry = sql
      .prepare("SELECT action, seq FROM audit_event WHERE entity = 'review_snapshot'")
      .get() as { action: string; seq: number };
    // Its own entry extends the head it anchored.
    expect(entry).toEqual({ action: 'create', seq: frozen.chainHead.seq + 1 });
    expect((await verifyVault(vault)).problems).toEqual([]);

    // Someone who drops the trigger to rewrite the figures is caught by verify.
    sql.exec('DROP TRIGGER review_snapshot_is_immutable');
    sql.prepare('UPDATE review_snapshot SET percent_passing = 100').run();
    const problems = (await verifyVault(vault)).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(JSON.stringify(problems)).toContain(frozen.id);
    closeVault(vault);
  });

  it('no contract method but freezing writes them', () => {
    const writers = Object.entries(methods)
      .filter(([, m]) => (m as { touches?: readonly string[] }).touches?.includes('reviews'))
      .map(([name]) => name);
    expect(writers).toEqual(['readiness.freeze']);
  });

  it('give the same figures for the same vault and evaluation date, in any copy', async () => {
    const { dir, vault, ana } = await scopedVault();
    const a = getSnapshot(vault, freezeReview(vault, { signedOffById: ana.id, comment: '' }).id);
    const copy = join(dir, 'copy.attest');
    closeVault(vault);
    copyFileSync(join(dir, 'test.attest'), copy);
    const other = await openVault(copy, { clock: fixedClock('2026-01-15T18:00:00.000Z') });
    const b = getSnapshot(other, freezeReview(other, { signedOffById: ana.id, comment: '' }).id);
    expect(b.evaluatedOn).toBe(a.evaluatedOn);
    expect(b.figures).toEqual(a.figures);
    expect(b.readiness).toEqual(a.readiness);
    expect(b.criteria).toEqual(a.criteria);
    closeVault(other);
  });

  it('compare: a fixed finding improved, a new one regressed, figures from → to', async () => {
    const { vault, ana } = await scopedVault();
    const [c1, c2] = listControls(vault, { includeArchived: false, limit: 2 }).items;
    updateControl(vault, c1!.id, { ownerId: ana.id });
    const first = freezeReview(vault, { signedOffById: ana.id, comment: '' });
    updateControl(vault, c2!.id, { ownerId: ana.id });
    updateControl(vault, c1!.id, { ownerId: null });
    const second = freezeReview(vault, { signedOffById: ana.id, comment: '' });
    const cmp = compareReviews(vault, first.id, second.id);
    const owners = (fs: { rule: string; object: string }[]) =>
      fs.filter((f) => f.rule === 'control_owner').map((f) => f.object);
    expect(owners(cmp.improved)).toEqual([expect.stringContaining(c2!.ref)]);
    expect(owners(cmp.regressed)).toEqual([expect.stringContaining(c1!.ref)]);
    expect(cmp.unchanged.length).toBe(second.figures.blocking + second.figures.major - 1);
    expect(listSnapshots(vault).map((s) => s.ref)).toEqual(['RV-2', 'RV-1']);
    closeVault(vault);
  });
});
