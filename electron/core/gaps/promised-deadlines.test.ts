import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceAddInput } from '../../../shared/api/evidence';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { reviewEvidence } from '../evidence/evidence';
import { collectFiles, ingestEvidence } from '../evidence/ingest';
import { createPerson } from '../people/people';
import { createFromTemplate } from '../policies/policies';
import { listControlRows } from '../../db/repos/controls';
import { applyScope } from '../scope/apply-scope';
import { closeVault, type Vault } from '../vault/session';
import { occurrencesByControl } from './control-evidence';

/** A reviewed item for a leaver: their last day (what it covers) and the day access went. */
async function leaver(
  vault: Vault,
  dir: string,
  controlId: string,
  reviewerId: string,
  lastDay: string,
  removedOn: string,
) {
  const path = join(dir, `leaver-${lastDay}.txt`);
  writeFileSync(path, `Leaver ${lastDay}: accounts disabled ${removedOn}`);
  const input = evidenceAddInput.parse({
    sources: [{ path }],
    controlIds: [controlId],
    performedOn: removedOn,
    coverage: { asOf: lastDay },
  });
  const { files, skipped } = collectFiles(input.sources as { path: string }[]);
  const [item] = (await ingestEvidence(vault, input, files, skipped)).added;
  reviewEvidence(vault, item!.evidenceId, reviewerId, '2026-04-30');
  return item!.evidenceId;
}

describe('a policy’s promised deadline in the occurrences', () => {
  it('marks a leaver removed after the access-control policy’s 1 business day late, naming the promise', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    applyScope(vault);
    const reviewer = createPerson(vault, { name: 'Rita Reviewer' });
    createFromTemplate(vault, { templateKey: 'access-control' });
    const ac05 = listControlRows(vault.db).find((c) => c.ref === 'AC-05')!;

    // Tuesday's leaver removed Wednesday: on time. Another Tuesday's removed Thursday: late.
    const onTime = await leaver(vault, dir, ac05.id, reviewer.id, '2026-03-03', '2026-03-04');
    const late = await leaver(vault, dir, ac05.id, reviewer.id, '2026-03-10', '2026-03-12');

    const occ = occurrencesByControl(vault, [ac05]).get(ac05.id)!;
    // Two promises bind AC-05 (1 and 2 business days); the strictest holds.
    expect(occ.deadline).toMatchObject({
      amount: 1,
      unit: 'business_days',
      text: expect.stringMatching(/identity provider/),
    });
    expect(occ.deviationCandidates).toEqual([late]);
    expect(occ.windows[0]).toMatchObject({ instances: [onTime], late: [late] });
    closeVault(vault);
  });

  it('holds a control no policy binds to no deadline', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    applyScope(vault);
    const reviewer = createPerson(vault, { name: 'Rita Reviewer' });
    const ac05 = listControlRows(vault.db).find((c) => c.ref === 'AC-05')!;
    // The access-control policy exists but is not written: its promises are not made yet.
    await leaver(vault, dir, ac05.id, reviewer.id, '2026-03-10', '2026-03-20');
    const occ = occurrencesByControl(vault, [ac05]).get(ac05.id)!;
    expect(occ.deadline).toBeNull();
    expect(occ.deviationCandidates).toEqual([]);
    closeVault(vault);
  });
});
