import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceAddInput } from '../../../shared/api/evidence';
import { putSmallBlob } from '../../db/blobs';
import { tx } from '../../db/connection';
import { mapSqliteError } from '../../db/sqlite-errors';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { createPerson } from '../people/people';
import { applyScope } from '../scope/apply-scope';
import { listControls, updateControl } from '../scope/controls';
import { closeVault, openVault, type Vault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import {
  changeLinks,
  getEvidenceDetail,
  listEvidence,
  reviewEvidence,
  searchEvidenceItems,
  supersedeEvidence,
  updateEvidence,
} from './evidence';
import { collectFiles, createItem, ingestEvidence } from './ingest';

const DEFAULT_SORT = { key: 'ref', dir: 'asc' } as const;

async function scopedVault() {
  const dir = tempDir();
  const vault = await newTestVault(dir);
  applyScope(vault);
  const controls = listControls(vault, { includeArchived: false, limit: 1000 }).items;
  return { dir, vault, controls };
}

async function add(vault: Vault, paths: string[], extra: Record<string, unknown> = {}) {
  const input = evidenceAddInput.parse({ sources: paths.map((path) => ({ path })), ...extra });
  const { files, skipped } = collectFiles(input.sources as { path: string }[]);
  return ingestEvidence(vault, input, files, skipped);
}

const list = (vault: Vault, filter: Record<string, unknown> = {}) =>
  listEvidence(vault, { includeSuperseded: false, ...filter }, DEFAULT_SORT, { limit: 100 });

describe('the evidence vault', () => {
  it('stores each file as an item owning its bytes, identical content once, and verifies sound', async () => {
    const { dir, vault, controls } = await scopedVault();
    writeFileSync(join(dir, 'q1-review.pdf'), 'access review Q1');
    writeFileSync(join(dir, 'copy.pdf'), 'access review Q1');
    const result = await add(vault, [join(dir, 'q1-review.pdf'), join(dir, 'copy.pdf')], {
      controlIds: [controls[0]!.id],
      performedOn: '2026-03-31',
      coverage: { window: { start: '2026-01-01', end: '2026-03-31' } },
    });
    expect(result.added.map((a) => [a.ref, a.deduplicated])).toEqual([
      ['EV-1', false],
      ['EV-2', true],
    ]);
    expect(vault.db.sqlite.prepare('SELECT count(*) FROM blob').pluck().get()).toBe(1);
    const items = list(vault).items;
    expect(items[0]).toMatchObject({
      title: 'q1-review',
      performedOn: '2026-03-31',
      window: { start: '2026-01-01', end: '2026-03-31' },
      windowStatus: 'inside',
      controlIds: [controls[0]!.id],
      // The upload date is not what it is evidence for.
      collectedOn: vault.now().slice(0, 10),
    });
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('adds a whole folder, leaving out links, pipes, hidden files and the open vault', async () => {
    const { dir: folder, vault } = await scopedVault();
    mkdirSync(join(folder, 'Q2'), { recursive: true });
    writeFileSync(join(folder, 'a.txt'), 'a');
    writeFileSync(join(folder, 'Q2', 'b.csv'), 'b');
    writeFileSync(join(folder, '.DS_Store'), 'x');
    symlinkSync(join(folder, 'a.txt'), join(folder, 'link.txt'));
    execFileSync('mkfifo', [join(folder, 'pipe')]);
    const result = await add(vault, [folder]);
    const name = basename(folder);
    expect(result.added.map((a) => a.fileName)).toEqual([`${name}/Q2/b.csv`, `${name}/a.txt`]);
    expect(result.skipped.map((s) => s.reason)).toEqual(
      expect.arrayContaining([
        'a hidden or system file',
        'a link',
        'not a regular file',
        'the open vault',
      ]),
    );
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('filters by control, criterion, window status and reviewer in SQL, paging by keyset', async () => {
    const { dir, vault, controls } = await scopedVault();
    const [c1, c2] = controls;
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `f${i}.txt`), `file ${i}`);
    await add(vault, [join(dir, 'f0.txt'), join(dir, 'f1.txt')], { controlIds: [c1!.id] });
    await add(vault, [join(dir, 'f2.txt')], {
      controlIds: [c2!.id],
      coverage: { asOf: '2025-06-30' },
    });
    await add(vault, [join(dir, 'f3.txt'), join(dir, 'f4.txt')], {
      coverage: { window: { start: '2026-06-01', end: '2026-07-31' } },
    });
    expect(list(vault, { controlId: c1!.id }).items.map((e) => e.ref)).toEqual(['EV-1', 'EV-2']);
    const criterion = c2!.criteria[0]!;
    expect(list(vault, { criterionId: criterion }).items.map((e) => e.ref)).toContain('EV-3');
    expect(list(vault, { windowStatus: 'outside' }).items.map((e) => e.ref)).toEqual(['EV-3']);
    expect(list(vault, { windowStatus: 'partly' }).total).toBe(2);
    expect(list(vault, { windowStatus: 'undated' }).total).toBe(2);

    const first = listEvidence(vault, { includeSuperseded: false }, DEFAULT_SORT, { limit: 2 });
    expect(first.total).toBe(5);
    const second = listEvidence(vault, { includeSuperseded: false }, DEFAULT_SORT, {
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((e) => e.ref)).toEqual(['EV-3', 'EV-4']);
    closeVault(vault);
  });

  it('reads a page, not the table: the default order walks an index', async () => {
    const { vault, controls } = await scopedVault();
    tx(vault.db, () => {
      for (let i = 0; i < 300; i++) {
        const stored = putSmallBlob(vault.db, Buffer.from(`file ${i % 30}`), vault.now());
        createItem(
          vault,
          { controlIds: [controls[i % 3]!.id], requestIds: [] },
          { name: `f${i}.txt` },
          stored.blobId,
          stored,
        );
      }
    });
    vault.db.stats.rowsRead = 0;
    const page = list(vault, { controlId: controls[0]!.id });
    expect(page.total).toBe(100);
    expect(page.items).toHaveLength(100);
    vault.db.stats.rowsRead = 0;
    const small = listEvidence(vault, { includeSuperseded: false }, DEFAULT_SORT, { limit: 10 });
    expect(small.items).toHaveLength(10);
    // The page (+1 to know there is more), the count, the engagement and the page's links:
    // a few dozen rows of a 300-row table.
    expect(vault.db.stats.rowsRead).toBeLessThanOrEqual(30);
    const plan = vault.db.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM evidence e WHERE e.superseded_by_id IS NULL ORDER BY e.seq LIMIT 11`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
    closeVault(vault);
  });

  it('keeps evidence unreviewed, with a warning, when the reviewer performs the control', async () => {
    const { dir, vault, controls } = await scopedVault();
    const ana = createPerson(vault, { name: 'Ana Lima' });
    const ben = createPerson(vault, { name: 'Ben Okafor' });
    updateControl(vault, controls[0]!.id, { performerId: ana.id, reviewerId: ben.id });
    writeFileSync(join(dir, 'r.txt'), 'review');
    const [item] = (await add(vault, [join(dir, 'r.txt')], { controlIds: [controls[0]!.id] }))
      .added;
    const refused = reviewEvidence(vault, item!.evidenceId, ana.id, '2026-04-02');
    expect(refused.warning).toMatch(/Ana Lima performs .* does not count/);
    expect(refused.evidence.reviewedOn).toBeNull();
    const done = reviewEvidence(vault, item!.evidenceId, ben.id, '2026-04-02');
    expect(done).toMatchObject({ warning: null, evidence: { reviewerId: ben.id } });
    expect(list(vault, { reviewerId: ben.id }).total).toBe(1);
    expect(list(vault, { reviewed: false }).total).toBe(0);

    // Linking a control that Ben performs withdraws his review.
    updateControl(vault, controls[1]!.id, { performerId: ben.id });
    const relinked = changeLinks(vault, item!.evidenceId, [controls[1]!.id], [], true);
    expect(relinked.reviewWithdrawn).toBe(true);
    expect(relinked.evidence.reviewedOn).toBeNull();
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('supersedes with history kept, searches by word and survives a reopen', async () => {
    const { dir, vault, controls } = await scopedVault();
    writeFileSync(join(dir, 'firewall-rules-old.txt'), 'old rules');
    writeFileSync(join(dir, 'firewall-rules-new.txt'), 'new rules');
    const old = (await add(vault, [join(dir, 'firewall-rules-old.txt')])).added[0]!;
    const fresh = (
      await add(vault, [join(dir, 'firewall-rules-new.txt')], { controlIds: [controls[0]!.id] })
    ).added[0]!;
    supersedeEvidence(vault, old.evidenceId, fresh.evidenceId, '2026-05-01');
    expect(() => supersedeEvidence(vault, old.evidenceId, fresh.evidenceId, undefined)).toThrow(
      /already superseded/,
    );
    expect(list(vault).items.map((e) => e.ref)).toEqual([fresh.ref]);
    expect(list(vault, { includeSuperseded: true }).total).toBe(2);
    expect(getEvidenceDetail(vault, fresh.evidenceId).supersedes).toEqual([
      { id: old.evidenceId, ref: old.ref, title: 'firewall-rules-old' },
    ]);
    updateEvidence(vault, fresh.evidenceId, { notes: 'Exported from the Palo Alto console' });
    expect(searchEvidenceItems(vault, 'palo', 10).items.map((i) => i.ref)).toEqual([fresh.ref]);
    // Current before superseded; FTS syntax in the text is only text.
    expect(searchEvidenceItems(vault, 'firewall', 10).items.map((i) => i.ref)).toEqual([
      fresh.ref,
      old.ref,
    ]);
    expect(searchEvidenceItems(vault, '"AND* OR (', 10).items).toEqual([]);
    const path = vault.path;
    closeVault(vault);
    const again = await openVault(path);
    expect(list(again, { includeSuperseded: true }).total).toBe(2);
    expect((await verifyVault(again)).problems).toEqual([]);
    closeVault(again);
  });

  it('on a full disk fails with disk_full, keeping the files stored before and nothing of the rest', async () => {
    const { dir, vault } = await scopedVault();
    writeFileSync(join(dir, 'a-small.txt'), 'small');
    writeFileSync(join(dir, 'b-big.bin'), Buffer.alloc(40 * 1024 * 1024, 7));
    // Simulate the disk filling up: the database may not grow past its size + ~8 MiB.
    const pages = vault.db.sqlite.pragma('page_count', { simple: true }) as number;
    vault.db.sqlite.pragma(`max_page_count = ${pages + 128}`);
    const error = await add(vault, [join(dir, 'a-small.txt'), join(dir, 'b-big.bin')]).catch(
      (e: unknown) => e,
    );
    expect(mapSqliteError(error)).toMatchObject({ code: 'disk_full' });
    expect(list(vault).items.map((e) => e.title)).toEqual(['a-small']);
    expect(vault.db.sqlite.prepare('SELECT count(*) FROM blob').pluck().get()).toBe(1);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('a re-scoping round trip keeps evidence and its links', async () => {
    const { dir, vault, controls } = await scopedVault();
    writeFileSync(join(dir, 'e.txt'), 'e');
    const item = (await add(vault, [join(dir, 'e.txt')], { controlIds: [controls[0]!.id] }))
      .added[0]!;
    applyScope(vault);
    applyScope(vault);
    expect(getEvidenceDetail(vault, item.evidenceId).controlIds).toEqual([controls[0]!.id]);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });
});
