import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { filterRequests } from '../../core/requests/queries';
import { listControls, updateControl } from '../../core/scope/controls';
import { listCriteria } from '../../core/scope/criteria';
import { getSystemDescription } from '../../core/sd/description';
import { listRisks } from '../../core/risks/risks';
import { listTasks } from '../../core/tasks/tasks';
import { closeVault, openVault } from '../../core/vault/session';
import { verifyVault } from '../../core/vault/verify';
import { fixtureCopy } from '../../testing/fixtures';
import { LATEST_FORMAT_VERSION } from './index';

type Json = Record<string, string>;

/** What format 6 kept as JSON arrays, read straight from the file before any migration. */
function format6Links(path: string) {
  const db = new Database(path, { readonly: true });
  const read = (sql: string) => db.prepare(sql).all() as Json[];
  const parsed = {
    controls: read('SELECT id, ref, criteria FROM control'),
    risks: read('SELECT id, control_ids FROM risk'),
    tasks: read('SELECT id, control_ids FROM task'),
    requests: read('SELECT id, ref, criteria, control_ids FROM request'),
    subservices: read('SELECT id, criteria, csocs, vendor_cuecs FROM subservice_org'),
    cuecs: read('SELECT id, criteria FROM cuec'),
    entries: (db.prepare('SELECT max(seq) FROM audit_event').pluck().get() as number) ?? 0,
  };
  db.close();
  return parsed;
}

const ids = (json: string) => (JSON.parse(json) as string[]).slice().sort();
const sorted = (xs: readonly string[]) => [...xs].sort();

describe('format-6 fixture vaults', () => {
  it('migrate to links as rows, keeping every link, and verify sound', async () => {
    const path = fixtureCopy('format6-demo.attest');
    const before = format6Links(path);
    const vault = await openVault(path);
    expect(vault.migratedFrom).toEqual({ version: 6, backupPath: `${path}.v6.bak` });
    expect(vault.formatVersion).toBe(LATEST_FORMAT_VERSION);

    const controls = new Map(
      listControls(vault, { includeArchived: true, limit: 1000 }).items.map((c) => [c.id, c]),
    );
    for (const row of before.controls)
      expect(sorted(controls.get(row.id!)!.criteria), row.ref).toEqual(ids(row.criteria!));
    const risks = new Map(listRisks(vault, true).map((r) => [r.id, r]));
    for (const row of before.risks)
      expect(sorted(risks.get(row.id!)!.controlIds)).toEqual(ids(row.control_ids!));
    const tasks = new Map(listTasks(vault, { includeArchived: true }).map((t) => [t.id, t]));
    for (const row of before.tasks)
      expect(sorted(tasks.get(row.id!)!.controlIds)).toEqual(ids(row.control_ids!));
    const requests = new Map(
      filterRequests(vault, { includeArchived: true }).map((r) => [r.ref, r]),
    );
    for (const row of before.requests) {
      expect(sorted(requests.get(row.ref!)!.criteria), row.ref).toEqual(ids(row.criteria!));
      expect(sorted(requests.get(row.ref!)!.controlIds)).toEqual(ids(row.control_ids!));
    }
    // Criteria named by requests but outside the scope keep their links and their rows.
    expect(requests.get('PBC-007')!.criteria).toEqual(['P1.1', 'P2.1']);
    expect(requests.get('PBC-008')!.criteria).toEqual(['PI1.3']);
    const all = listCriteria(vault, false);
    expect(all).toHaveLength(61);
    expect(all.find((c) => c.id === 'PI1.3')).toMatchObject({ inScope: false });

    const sd = getSystemDescription(vault, true);
    for (const row of before.subservices) {
      const org = sd.subservices.find((s) => s.id === row.id)!;
      expect(sorted(org.criteria)).toEqual(ids(row.criteria!));
      const csocs = JSON.parse(row.csocs!) as { description: string; criteria: string[] }[];
      expect(org.csocs.map((c) => c.description)).toEqual(csocs.map((c) => c.description));
      expect(org.csocs.map((c) => sorted(c.criteria))).toEqual(
        csocs.map((c) => sorted(c.criteria)),
      );
      const cuecs = JSON.parse(row.vendor_cuecs!) as {
        description: string;
        controlIds: string[];
      }[];
      expect(org.vendorCuecs.map((c) => [c.description, sorted(c.controlIds)])).toEqual(
        cuecs.map((c) => [c.description, sorted(c.controlIds)]),
      );
    }
    for (const row of before.cuecs) {
      expect(sorted(sd.cuecs.find((c) => c.id === row.id)!.criteria)).toEqual(ids(row.criteria!));
    }

    // Everything the upgrade wrote says so, and the vault verifies sound.
    const actors = vault.db.sqlite
      .prepare('SELECT DISTINCT actor FROM audit_event WHERE seq > ?')
      .pluck()
      .all(before.entries);
    expect(actors).toEqual(['migration']);
    const report = await verifyVault(vault);
    const owned = vault.db.sqlite
      .prepare(
        `SELECT s.report_sha256 = b.sha256 AND s.report_size = b.size FROM subservice_org s
         JOIN blob b ON b.id = s.report_blob_id`,
      )
      .pluck()
      .get();
    closeVault(vault);
    expect(report.problems).toEqual([]);
    // The vendor's report is owned (its hash and size in its owner's audited state); the
    // generated export format 6 kept in the vault is gone (blob ownership, format 8).
    expect(report.checked.blobs).toBe(1);
    expect(owned).toBe(1);
  });

  it('still name each record changed behind the app’s back, after the upgrade and later edits', async () => {
    const vault = await openVault(fixtureCopy('format6-tampered.attest'));
    const problems = (await verifyVault(vault)).problems;
    expect(problems.map((p) => [p.kind, p.entity])).toEqual([
      ['row_changed', 'control'],
      ['row_changed', 'task'],
      ['row_changed', 'request'],
    ]);
    expect(problems[0]!.message).toMatch(
      /changed outside Attest before the vault format was upgraded \(its last recorded state was audit entry \d+/,
    );
    // An ordinary edit afterwards records the row again; the earlier tampering stays reported.
    const tampered = problems[0]!.entityId!;
    updateControl(vault, tampered, { title: 'Access reviewed quarterly' });
    const again = (await verifyVault(vault)).problems;
    closeVault(vault);
    expect(again.map((p) => p.entityId)).toEqual(problems.map((p) => p.entityId));
  });
});
