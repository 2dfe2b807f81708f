import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceAddInput } from '../../../shared/api/evidence';
import { subserviceInput } from '../../../shared/api/sd';
import { tempDir } from '../../testing/tmp';
import { newScopedTestVault } from '../../testing/vaults';
import { reviewEvidence } from '../evidence/evidence';
import { collectFiles, ingestEvidence } from '../evidence/ingest';
import { createPerson } from '../people/people';
import { saveCuec } from '../sd/cuecs';
import { saveSubservice } from '../sd/subservices';
import { createControl, listControls, updateControl } from '../scope/controls';
import { setCriterionRole } from '../scope/criterion-roles';
import { closeVault, type Vault } from '../vault/session';
import { assessControl } from './assessments';
import { coverageView } from './coverage';

const CRITERION = 'CC6.1';

/**
 * A scoped vault where CC6.1 rests on two annual custom controls of ours, A and B, both key: every
 * library control mapped to it is assessed not applicable, so only A and B count.
 */
async function twoKeyControls() {
  const dir = tempDir();
  const vault = await newScopedTestVault(dir);
  for (const c of listControls(vault, { includeArchived: false, limit: 1000 }).items)
    if (c.criteria.includes(CRITERION))
      assessControl(vault, { controlId: c.id, status: 'not_applicable', naReason: 'Test' });
  const performer = createPerson(vault, { name: 'Ana Performer' });
  const reviewer = createPerson(vault, { name: 'Ben Reviewer' });
  const make = (title: string) =>
    createControl(vault, {
      title,
      criteria: [CRITERION],
      frequency: 'annual',
      performerId: performer.id,
    });
  const a = make('A: access policy signed');
  const b = make('B: access list reviewed');
  return { dir, vault, a, b, reviewer };
}

/** A reviewed evidence item for a control, performed inside the period. */
async function evidenced(vault: Vault, dir: string, controlId: string, reviewerId: string) {
  const path = join(dir, `${controlId}.txt`);
  writeFileSync(path, `done ${controlId}`);
  const input = evidenceAddInput.parse({
    sources: [{ path }],
    controlIds: [controlId],
    performedOn: '2026-01-10',
  });
  const { files, skipped } = collectFiles(input.sources as { path: string }[]);
  const [item] = (await ingestEvidence(vault, input, files, skipped)).added;
  reviewEvidence(vault, item!.evidenceId, reviewerId, '2026-01-12');
}

const statusOf = (vault: Vault) => coverageView(vault).criteria.find((c) => c.id === CRITERION)!;

describe('a criterion is met only when every key control is met', () => {
  it('stays unmet with one key control short, however the other stands, and meets when both do', async () => {
    const { dir, vault, a, b, reviewer } = await twoKeyControls();
    const implement = (id: string) =>
      assessControl(vault, { controlId: id, status: 'implemented' });
    implement(a.id);
    implement(b.id);
    expect(statusOf(vault)).toMatchObject({ status: 'mapped', keyControlIds: [a.id, b.id] });

    await evidenced(vault, dir, a.id, reviewer.id);
    const one = statusOf(vault);
    expect(one.status).toBe('mapped');
    expect(one.reason).toContain('1 of 2 key controls');

    await evidenced(vault, dir, b.id, reviewer.id);
    expect(statusOf(vault)).toMatchObject({ status: 'met', metBy: [a.id, b.id] });
    closeVault(vault);
  });

  it('does not let supporting controls meet it, and a demoted key control stops blocking it', async () => {
    const { dir, vault, a, b, reviewer } = await twoKeyControls();
    assessControl(vault, { controlId: a.id, status: 'implemented' });
    assessControl(vault, { controlId: b.id, status: 'not_implemented' });
    await evidenced(vault, dir, a.id, reviewer.id);
    expect(statusOf(vault).status).toBe('mapped');
    // B is a gap that blocks: it is key for an unmet criterion.
    expect(coverageView(vault).gaps.find((g) => g.controlId === b.id)!.severity).toBe('blocking');

    setCriterionRole(vault, {
      id: b.id,
      criterionId: CRITERION,
      role: 'supporting',
      reason: 'A carries it; B is a second look',
    });
    expect(statusOf(vault)).toMatchObject({ status: 'met', metBy: [a.id] });
    expect(coverageView(vault).gaps.find((g) => g.controlId === b.id)!.severity).toBe('minor');

    setCriterionRole(vault, { id: a.id, criterionId: CRITERION, role: 'supporting', reason: 'x' });
    const supportingOnly = statusOf(vault);
    expect(supportingOnly.status).toBe('mapped');
    expect(supportingOnly.reason).toContain('never meets a criterion alone');
    closeVault(vault);
  });

  it('never lets a CUEC meet a criterion: what customers do is not our control', async () => {
    const { vault, a, b } = await twoKeyControls();
    assessControl(vault, { controlId: a.id, status: 'not_applicable', naReason: 'Test' });
    assessControl(vault, { controlId: b.id, status: 'not_applicable', naReason: 'Test' });
    saveCuec(vault, {
      description: 'Customers review their own users’ access every quarter',
      criteria: [CRITERION],
    });
    expect(statusOf(vault)).toMatchObject({ status: 'not_mapped', metBy: [] });
    closeVault(vault);
  });

  it('meets a carved-out criterion only with our own key controls, the CSOCs listed and the monitor met', async () => {
    const { dir, vault, a, b, reviewer } = await twoKeyControls();
    // B monitors the cloud provider; A is our own key control for CC6.1.
    assessControl(vault, { controlId: a.id, status: 'not_implemented' });
    assessControl(vault, { controlId: b.id, status: 'implemented' });
    await evidenced(vault, dir, b.id, reviewer.id);
    const org = {
      name: 'Cloud provider',
      services: 'Hosting',
      method: 'carve_out' as const,
      criteria: [CRITERION, 'CC6.4'],
      csocs: [
        { description: 'Physical access to data centres is restricted', criteria: ['CC6.4'] },
      ],
      vendorCuecs: [],
      monitoringControlId: b.id,
    };
    const saved = saveSubservice(vault, subserviceInput.parse(org));
    // Our own key control A fails: not met, though the monitor is.
    expect(statusOf(vault)).toMatchObject({ status: 'mapped', carvedOut: true });
    expect(statusOf(vault).reason).toContain('our own controls');

    assessControl(vault, { controlId: a.id, status: 'implemented' });
    await evidenced(vault, dir, a.id, reviewer.id);
    // No CSOC listed for CC6.1 yet.
    expect(statusOf(vault).reason).toContain('list the subservice organisation’s controls');
    saveSubservice(
      vault,
      subserviceInput.parse({
        ...org,
        id: saved.id,
        csocs: [{ description: 'Logical access to hosts is restricted', criteria: [CRITERION] }],
      }),
    );
    expect(statusOf(vault)).toMatchObject({ status: 'met', metBy: [a.id, b.id] });
    closeVault(vault);
  });

  it('names a supporting control in the description without evidence as a major finding', async () => {
    const { vault, a, b } = await twoKeyControls();
    assessControl(vault, { controlId: a.id, status: 'implemented' });
    assessControl(vault, { controlId: b.id, status: 'implemented' });
    setCriterionRole(vault, { id: b.id, criterionId: CRITERION, role: 'supporting', reason: 'r' });
    // Implemented: in the description by default, and it has no evidence.
    expect(coverageView(vault).descriptionFindings).toEqual([
      expect.objectContaining({ controlId: b.id, severity: 'major' }),
    ]);
    updateControl(vault, b.id, { inDescription: false });
    expect(coverageView(vault).descriptionFindings).toEqual([]);
    closeVault(vault);
  });
});
