import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { closeVault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { buildLargeDemoVault } from './demo-large';

describe('the large demo', () => {
  it('grows the demo to the sizes asked for, through the core, and verifies sound', async () => {
    const sizes = {
      controls: 140,
      tasks: 120,
      requests: 60,
      people: 12,
      risks: 15,
      evidence: 700,
      evidenceFiles: 40,
    };
    const vault = await buildLargeDemoVault(join(tempDir(), 'large.attest'), { sizes });
    const count = (sql: string) => vault.db.sqlite.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(*) FROM control WHERE archived_at IS NULL')).toBe(sizes.controls);
    expect(count('SELECT count(*) FROM task')).toBe(sizes.tasks);
    expect(count('SELECT count(*) FROM request')).toBe(sizes.requests);
    expect(count('SELECT count(*) FROM person')).toBe(sizes.people);
    expect(count('SELECT count(*) FROM risk')).toBe(sizes.risks);
    // Links are rows: every generated task and request links to what it names.
    expect(count('SELECT count(DISTINCT task_id) FROM task_control')).toBeGreaterThan(100);
    expect(count('SELECT count(DISTINCT request_id) FROM request_criterion')).toBe(sizes.requests);
    // Evidence over a few distinct files, each item owning its (shared) file.
    expect(count('SELECT count(*) FROM evidence')).toBe(sizes.evidence);
    // The small demo's own files (one per window, its populations, screenshots and reports),
    // then the few the large one's items share (named demo-N.csv).
    const smallDemoFiles = count(
      "SELECT count(DISTINCT blob_id) FROM evidence WHERE file_name NOT GLOB 'demo-[0-9]*.csv'",
    );
    expect(smallDemoFiles).toBeGreaterThan(0);
    expect(count('SELECT count(*) FROM blob')).toBe(smallDemoFiles + sizes.evidenceFiles);
    expect(count('SELECT count(DISTINCT evidence_id) FROM evidence_control')).toBe(sizes.evidence);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });
});
