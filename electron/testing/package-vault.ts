/**
 * A small vault with something in every part of the audit package: the small demo (controls,
 * people, reviewed evidence, a CUEC), plus an imported request list and evidence linked to it —
 * with formula-looking text in both — a population with its completeness file, an approved policy
 * replaced during the period and a later draft, and a vendor report. Built through `attest`
 * itself (the dispatcher) and the core, as a user would.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { run } from '../cli/main';
import { getControlByRef } from '../db/repos/controls';
import { listPeople } from '../db/repos/people';
import { createFromTemplate } from '../core/policies/policies';
import { approveVersion, startDraft, updateDraft } from '../core/policies/versions';
import { recordPopulation } from '../core/evidence/population';
import { type Vault, closeVault, openVault } from '../core/vault/session';
import { captureIo } from './tmp';
import { storeOwnedFile } from './vaults';

/** Text a spreadsheet would run as a formula if it were not neutralised. */
export const FORMULA = '=HYPERLINK("http://evil.test","click")';

export async function buildPackageVault(dir: string): Promise<string> {
  const vaultPath = join(dir, 'demo.attest');
  const cli = captureIo(dir);
  const attest = async (...args: string[]) => {
    const code = await run(args, cli.io);
    expect(code, cli.err).toBe(0);
  };
  await attest('demo', vaultPath);
  const pbc = join(dir, 'pbc.csv');
  writeFileSync(
    pbc,
    `PBC #,Item Requested,Criteria\r\nPBC-001,"${FORMULA.replace(/"/g, '""')}",CC6.1\r\nPBC-002,Terminated users,CC6.2\r\n`,
  );
  await attest(
    'requests',
    'import',
    vaultPath,
    pbc,
    '--map',
    'PBC #=ref',
    '--map',
    'Item Requested=description',
  );
  const review = join(dir, '@SUM(1+1) access review.txt');
  writeFileSync(review, 'Quarterly access review, signed off.\n');
  await attest(
    'evidence',
    'add',
    vaultPath,
    review,
    '--control',
    'AC-01',
    '--request',
    'PBC-001',
    '--window',
    '2026-01-01..2026-03-31',
  );

  const terminations = join(dir, 'terminations.csv');
  writeFileSync(terminations, 'User,Left on\r\nana,2026-09-03\r\nbo,2026-10-12\r\n');
  const completeness = join(dir, 'terminations query screenshot.txt');
  writeFileSync(completeness, 'SELECT user, left_on FROM hr.leavers WHERE ...\n');
  await attest('evidence', 'add', vaultPath, terminations, completeness, '--control', 'AC-05');

  const vault = await openVault(vaultPath);
  try {
    const [population, support] = evidenceRowsByTitle(vault, [
      'terminations',
      'terminations query screenshot',
    ]);
    await recordPopulation(vault, {
      id: population!,
      sourceSystem: 'HR system',
      query: 'leavers in the period',
      dateColumn: 'Left on',
      supportIds: [support!],
    });
    const people = listPeople(vault.db);
    const approver = people[0]!.id;
    const { draft } = createFromTemplate(vault, { templateKey: 'access-control' });
    approveVersion(vault, { versionId: draft.id, approverId: approver, approvedOn: '2025-01-10' });
    const v2 = startDraft(vault, draft.policyId);
    updateDraft(vault, v2.id, { body: '# Access control\n\nVersion two, in force later.\n' });
    approveVersion(vault, {
      versionId: v2.id,
      approverId: approver,
      approvedOn: todayMinus(vault.now(), 60),
    });
    const v3 = startDraft(vault, draft.policyId);
    updateDraft(vault, v3.id, { body: '# Access control\n\nA draft under discussion.\n' });
    const report = join(dir, 'vendor-soc2.pdf');
    writeFileSync(report, '%PDF-1.4 fictional vendor report\n');
    await storeOwnedFile(vault, report);
    expect(getControlByRef(vault.db, 'AC-01')).toBeDefined();
  } finally {
    closeVault(vault);
  }
  return vaultPath;
}

function evidenceRowsByTitle(vault: Vault, titles: string[]): (string | undefined)[] {
  const rows = vault.db.sqlite.prepare('SELECT id, title FROM evidence').all() as {
    id: string;
    title: string;
  }[];
  return titles.map((t) => rows.find((r) => r.title === t)?.id);
}

function todayMinus(now: string, days: number): string {
  const d = new Date(now);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
