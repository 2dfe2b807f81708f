import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { newScopedTestVault } from '../../testing/vaults';
import { createPerson } from '../people/people';
import { createControl, listControls, updateControl } from '../scope/controls';
import { closeVault, type Vault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { acknowledge, importAcks, listAcks, missingAcks, previewAckImport } from './acks';
import { policyConsistency } from './consistency';
import { exportPolicyVersion } from './export';
import {
  createFromTemplate,
  createPolicy,
  getPolicy,
  listPolicies,
  setPolicyControls,
} from './policies';
import {
  approveVersion,
  diffVersions,
  inForceOnDate,
  listVersions,
  startDraft,
  updateDraft,
} from './versions';

async function scoped(): Promise<{ vault: Vault; dir: string; ada: string; bob: string }> {
  const dir = tempDir();
  const vault = await newScopedTestVault(dir);
  const ada = createPerson(vault, { name: 'Ada Lovelace', email: 'ada@acme.io' }).id;
  const bob = createPerson(vault, { name: 'Bob Étienne', email: 'bob@acme.io' }).id;
  return { vault, dir, ada, bob };
}

const controlByRef = (vault: Vault, ref: string) =>
  listControls(vault, { includeArchived: true, limit: 1000 }).items.find((c) => c.ref === ref)!;

describe('policies', () => {
  it('exist for every template key the scoped controls rest on, not yet written, linked to those controls', async () => {
    const { vault } = await scoped();
    const policies = listPolicies(vault, false);
    const ac = policies.find((p) => p.templateKey === 'access-control')!;
    expect(ac).toMatchObject({ title: 'Access Control Policy', status: 'not_written' });
    const ac06 = controlByRef(vault, 'AC-06');
    expect(ac.controlIds).toContain(ac06.id);
    expect(ac06.policyKey).toBe('access-control');
    closeVault(vault);
  });

  it('are written from a template with the engagement’s values; approval freezes a version and later edits start a new draft', async () => {
    const { vault, ada, bob } = await scoped();
    const { policy, draft, problems } = createFromTemplate(vault, {
      templateKey: 'access-control',
      ownerId: ada,
    });
    expect(problems).toEqual([]);
    expect(draft.body).toContain('Acme Analytics Ltd');
    expect(draft.body).toContain('Ada Lovelace');
    expect(draft.body).not.toMatch(/\{\{|\}\}/);
    expect(policy.status).toBe('draft');
    expect(policy.promises.find((p) => p.frequency === 'quarterly')!.controlIds).toEqual([
      controlByRef(vault, 'AC-06').id,
    ]);
    // Written once per template.
    expect(() => createFromTemplate(vault, { templateKey: 'access-control' })).toThrow(
      /already written/,
    );

    const edited = updateDraft(vault, draft.id, {
      body: `${draft.body}\n\nA line added in draft.`,
    });
    const v1 = approveVersion(vault, {
      versionId: edited.id,
      approverId: bob,
      approvedOn: '2026-01-10',
    });
    expect(v1).toMatchObject({
      status: 'approved',
      effectiveOn: '2026-01-10',
      nextReviewOn: '2027-01-10',
      inForceFrom: '2026-01-10',
      inForceUntil: null,
    });
    // The core refuses to change an approved version, and so does the database underneath it.
    expect(() => updateDraft(vault, v1.id, { body: 'rewritten' })).toThrow(
      /approved on 2026-01-10 and cannot change/,
    );
    expect(() =>
      approveVersion(vault, { versionId: v1.id, approverId: ada, approvedOn: '2026-02-01' }),
    ).toThrow(/cannot change/);
    expect(() =>
      vault.db.sqlite.prepare(`UPDATE policy_version SET body = 'x' WHERE id = ?`).run(v1.id),
    ).toThrow(/cannot change/);
    expect(() =>
      vault.db.sqlite.prepare(`DELETE FROM policy_version WHERE id = ?`).run(v1.id),
    ).toThrow(/cannot be deleted/);

    const v2draft = startDraft(vault, policy.id);
    expect(v2draft).toMatchObject({ number: 2, status: 'draft', body: v1.body });
    expect(() => startDraft(vault, policy.id)).toThrow(/already a draft/);
    const v2 = approveVersion(vault, {
      versionId: updateDraft(vault, v2draft.id, {
        body: v1.body.replace('every quarter', 'every month'),
        changeNote: 'Monthly reviews',
      }).id,
      approverId: bob,
      approvedOn: '2026-03-20',
      effectiveOn: '2026-04-01',
    });

    // In force: v1 until the day before v2 takes effect.
    expect(inForceOnDate(vault, policy.id, '2026-01-09')).toBeNull();
    expect(inForceOnDate(vault, policy.id, '2026-03-31')?.number).toBe(1);
    expect(inForceOnDate(vault, policy.id, '2026-04-01')?.number).toBe(2);
    expect(
      listVersions(vault, policy.id).map((v) => [v.number, v.inForceFrom, v.inForceUntil]),
    ).toEqual([
      [2, '2026-04-01', null],
      [1, '2026-01-10', '2026-03-31'],
    ]);
    // The list names the version in force today and the day it took effect.
    const inForceToday = inForceOnDate(vault, policy.id, vault.now().slice(0, 10));
    expect(getPolicy(vault, policy.id)).toMatchObject({
      inForceVersionId: inForceToday?.id ?? null,
      inForceNumber: inForceToday?.number ?? null,
      inForceFrom: inForceToday?.inForceFrom ?? null,
    });
    expect(() =>
      approveVersion(vault, {
        versionId: startDraft(vault, policy.id).id,
        approverId: bob,
        approvedOn: '2026-05-01',
        effectiveOn: '2026-03-01',
      }),
    ).toThrow(/on or after its approval/);

    // A readable diff: the changed line, word by word.
    const diff = diffVersions(vault, v1.id, v2.id);
    const changed = diff.lines.filter((l) => l.kind === 'changed');
    expect(changed.length).toBeGreaterThan(0);
    const words = changed.flatMap((l) => (l.kind === 'changed' ? l.words : []));
    expect(words).toContainEqual({ kind: 'removed', text: 'quarter,' });
    expect(words).toContainEqual({ kind: 'added', text: 'month,' });
    expect(diff.added + diff.removed).toBe(0);

    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('are written on the review cycle chosen at creation, which the text then states', async () => {
    const { vault, ada } = await scoped();
    const { policy, draft } = createFromTemplate(vault, {
      templateKey: 'encryption',
      ownerId: ada,
      reviewMonths: 6,
    });
    expect(policy.reviewMonths).toBe(6);
    expect(draft.reviewMonths).toBe(6);
    expect(draft.body).toContain('reviews it at least twice a year');
    closeVault(vault);
  });

  it('report a linked control whose frequency disagrees with the policy, on both sides, with the fix', async () => {
    const { vault } = await scoped();
    const { policy } = createFromTemplate(vault, { templateKey: 'access-control' });
    expect(policyConsistency(vault, { policyId: policy.id }).findings).toEqual([]);
    const ac06 = controlByRef(vault, 'AC-06');
    updateControl(vault, ac06.id, { frequency: 'annual' });
    const fromPolicy = policyConsistency(vault, { policyId: policy.id });
    expect(fromPolicy.findings).toEqual([
      expect.objectContaining({
        controlRef: 'AC-06',
        promised: 'quarterly',
        actual: 'annual',
        fix: expect.stringMatching(/set AC-06 to quarterly/),
      }),
    ]);
    expect(policyConsistency(vault, { controlId: ac06.id }).findings).toEqual(fromPolicy.findings);
    // A time limit becomes the control's deadline.
    const ac05 = controlByRef(vault, 'AC-05');
    expect(policyConsistency(vault, { controlId: ac05.id }).deadlines).toContainEqual(
      expect.objectContaining({ amount: 1, unit: 'business_days' }),
    );
    // Unlinking the control ends the policy's claim on it.
    setPolicyControls(
      vault,
      policy.id,
      getPolicy(vault, policy.id).controlIds.filter((c) => c !== ac06.id),
    );
    expect(policyConsistency(vault, { policyId: policy.id }).findings).toEqual([]);
    closeVault(vault);
  });

  it('keep the control’s policy in one place: setting a control’s policy relinks it', async () => {
    const { vault } = await scoped();
    const custom = createControl(vault, {
      title: 'Our own',
      criteria: ['CC6.1'],
      policyKey: 'encryption',
    });
    expect(custom.policyKey).toBe('encryption');
    const enc = listPolicies(vault, false).find((p) => p.templateKey === 'encryption')!;
    expect(enc.controlIds).toContain(custom.id);
    expect(updateControl(vault, custom.id, { policyKey: 'privacy' }).policyKey).toBe('privacy');
    expect(getPolicy(vault, enc.id).controlIds).not.toContain(custom.id);
    expect(updateControl(vault, custom.id, { policyKey: null }).policyKey).toBeNull();
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('record acknowledgements one by one or from an HR export, and name who has not acknowledged in time', async () => {
    const { vault, dir, ada, bob } = await scoped();
    const carol = createPerson(vault, { name: 'Carol Diaz', email: 'carol@acme.io' }).id;
    const { policy, draft } = createPolicy(vault, {
      title: 'Clean desk',
      body: '## Rule\n\nClear your desk.',
      reviewMonths: 12,
      acknowledgeWithinDays: 30,
    });
    const v1 = approveVersion(vault, {
      versionId: draft.id,
      approverId: ada,
      approvedOn: '2026-01-10',
    });
    expect(() =>
      acknowledge(vault, { versionId: v1.id, personId: ada, acknowledgedOn: '2026-01-01' }),
    ).toThrow(/cannot have been acknowledged before/);
    acknowledge(vault, { versionId: v1.id, personId: ada, acknowledgedOn: '2026-01-12' });
    expect(() =>
      acknowledge(vault, { versionId: v1.id, personId: ada, acknowledgedOn: '2026-01-13' }),
    ).toThrow(/already acknowledged/);

    const csv = join(dir, 'lms.csv');
    writeFileSync(
      csv,
      'Employee,Email address,Completed on\nBob Étienne,BOB@acme.io,2026-03-01\nNobody,nobody@x.io,2026-02-01\nCarol Diaz,,31/01/2026\n',
    );
    const preview = await previewAckImport(vault, {
      versionId: v1.id,
      path: csv,
      fileName: 'lms.csv',
    });
    expect(preview.mapping).toEqual({ person: 'Email address', date: 'Completed on' });
    expect(preview.importable).toBe(1);
    expect(preview.refused).toBe(2);
    const byName = { person: 'Employee', date: 'Completed on' };
    const result = await importAcks(vault, {
      versionId: v1.id,
      path: csv,
      fileName: 'lms.csv',
      mapping: byName,
    });
    expect(result).toMatchObject({ imported: 2, alreadyRecorded: 0 });
    expect(result.refused.map((r) => r.problem)).toEqual([
      expect.stringMatching(/no one in People matches "Nobody"/),
    ]);
    expect(
      listAcks(vault, policy.id).map((a) => [a.personName, a.acknowledgedOn, a.source]),
    ).toEqual([
      ['Ada Lovelace', '2026-01-12', 'manual'],
      ['Bob Étienne', '2026-03-01', 'import'],
      ['Carol Diaz', '2026-01-31', 'import'],
    ]);
    // Bob acknowledged after the deadline (people added on 2026-01-15 + 30 days = 2026-02-14).
    const missing = missingAcks(vault, policy.id, '2026-06-30');
    expect(missing.people.map((p) => [p.name, p.state, p.dueOn])).toEqual([
      ['Bob Étienne', 'late', '2026-02-14'],
    ]);
    void bob;
    void carol;
    closeVault(vault);
  });

  it('export a version as PDF and DOCX from the same parse: cover, headings, lists, tables, page numbers', async () => {
    const { vault, dir, ada, bob } = await scoped();
    const { draft } = createFromTemplate(vault, {
      templateKey: 'vulnerability-management',
      ownerId: ada,
    });
    const v1 = approveVersion(vault, {
      versionId: draft.id,
      approverId: bob,
      approvedOn: '2026-01-10',
    });
    const pdf = await exportPolicyVersion(vault, v1.id, 'pdf');
    expect(pdf.fileName).toBe(
      'Vulnerability-and-Patch-Management-Policy_v1_approved-2026-01-10.pdf',
    );
    const pdfPath = join(dir, pdf.fileName);
    await pdf.write(pdfPath);
    execFileSync('qpdf', ['--check', pdfPath]);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
    for (const s of [
      'Vulnerability and Patch Management Policy',
      'Ada Lovelace',
      '2026-01-10 by Bob Étienne',
      'from 2026-01-10',
      'Fixing vulnerabilities',
      'Critical',
      '7 days',
      'Page 1 of',
      'APPROVED',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('**');
    expect(readFileSync(pdfPath).toString('latin1')).toMatch(/DejaVuSans/);

    const docx = await exportPolicyVersion(vault, v1.id, 'docx');
    const docxPath = join(dir, docx.fileName);
    await docx.write(docxPath);
    const xml = execFileSync('python3', [
      '-c',
      'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())',
      docxPath,
    ]).toString();
    for (const s of [
      'Vulnerability and Patch Management Policy',
      'Fixing vulnerabilities',
      '7 days',
      'Ada Lovelace',
    ])
      expect(xml).toContain(s);
    expect(xml).toContain('<w:tbl>');
    closeVault(vault);
  });
});
