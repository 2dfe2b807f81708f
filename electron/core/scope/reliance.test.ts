import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceAddInput } from '../../../shared/api/evidence';
import { linksOf } from '../../db/repos/links';
import { listControlRows } from '../../db/repos/controls';
import { fixtureCopy } from '../../testing/fixtures';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { reviewEvidence } from '../evidence/evidence';
import { collectFiles, ingestEvidence } from '../evidence/ingest';
import { assessControl } from '../gaps/assessments';
import { evidenceByControl, occurrencesByControl } from '../gaps/control-evidence';
import { createPerson } from '../people/people';
import { closeVault, openVault, type Vault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { applyScope } from './apply-scope';
import { controlItgcs, linkItgc, unlinkItgc } from './reliance';

async function reviewed(vault: Vault, dir: string, controlId: string, reviewerId: string) {
  const path = join(dir, `${controlId}.txt`);
  writeFileSync(path, `Configuration of ${controlId} exported 2026-01-12`);
  const input = evidenceAddInput.parse({
    sources: [{ path }],
    controlIds: [controlId],
    performedOn: '2026-01-12',
  });
  const { files, skipped } = collectFiles(input.sources as { path: string }[]);
  const [item] = (await ingestEvidence(vault, input, files, skipped)).added;
  reviewEvidence(vault, item!.evidenceId, reviewerId, '2026-01-14');
}

/** A scoped vault where single sign-on (AC-01, automated) relies only on emergency changes. */
async function ssoOnEmergencyChanges() {
  const dir = tempDir();
  const vault = await newTestVault(dir);
  applyScope(vault);
  const byRef = (ref: string) => listControlRows(vault.db).find((c) => c.ref === ref)!;
  const sso = byRef('AC-01');
  const chg = byRef('CHG-04');
  for (const r of controlItgcs(vault, sso.id).reliesOn)
    if (r.id !== chg.id) unlinkItgc(vault, { id: sso.id, reliesOnId: r.id });
  const reviewer = createPerson(vault, { name: 'Rita Reviewer' });
  assessControl(vault, { controlId: sso.id, status: 'implemented' });
  await reviewed(vault, dir, sso.id, reviewer.id);
  return { dir, vault, sso, chg, reviewer };
}

describe('automated controls and the IT general controls they rely on', () => {
  it('scoping links automated controls to the key change-management and access controls, not to automated ones', async () => {
    const vault = await newTestVault(tempDir());
    applyScope(vault);
    const refOf = new Map(listControlRows(vault.db).map((c) => [c.id, c.ref]));
    const sso = listControlRows(vault.db).find((c) => c.ref === 'AC-01')!;
    const refs = controlItgcs(vault, sso.id).reliesOn.map((r) => r.ref);
    expect(refs).toEqual(expect.arrayContaining(['AC-04', 'AC-05', 'AC-06', 'CHG-04']));
    expect(refs).not.toContain('CHG-01'); // automated
    expect(refs).not.toContain('CON-01'); // not an ITGC
    // Manual controls rely on nothing by default.
    const review = listControlRows(vault.db).find((c) => c.ref === 'AC-06')!;
    expect(linksOf(vault.db, 'control_reliance').has(review.id)).toBe(false);
    expect([...linksOf(vault.db, 'control_reliance').keys()].every((id) => refOf.has(id))).toBe(
      true,
    );
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('with a failing ITGC, the automated control must be sampled; once the ITGC is met, one instance in the period is enough', async () => {
    const { dir, vault, sso, chg, reviewer } = await ssoOnEmergencyChanges();

    // Emergency changes not assessed, no evidence: not met, so AC-01 must be sampled.
    expect(controlItgcs(vault, sso.id)).toMatchObject({ state: 'failing', mustSample: true });
    const failing = occurrencesByControl(vault, [sso]).get(sso.id)!;
    expect(failing).toMatchObject({ itgcs: 'failing', mustSample: true, mode: 'population' });
    expect(failing.notes.join(' ')).toMatch(/must be sampled/);

    // Emergency changes implemented with reviewed evidence: met, and AC-01 leans on it.
    assessControl(vault, { controlId: chg.id, status: 'implemented' });
    await reviewed(vault, dir, chg.id, reviewer.id);
    expect(controlItgcs(vault, sso.id)).toMatchObject({
      state: 'effective',
      mustSample: false,
      reliesOn: [{ ref: 'CHG-04', met: true }],
    });
    const effective = occurrencesByControl(vault, [sso]).get(sso.id)!;
    expect(effective).toMatchObject({ itgcs: 'effective', mustSample: false, mode: 'automated' });
    expect(effective.windows.map((w) => w.status)).toEqual(['met']);
    expect(evidenceByControl(vault, [sso]).get(sso.id)).toBe('complete');
    closeVault(vault);
  });

  it('relying on nothing is unknown, never "must be sampled"; links and unlinks are audited', async () => {
    const { vault, sso, chg } = await ssoOnEmergencyChanges();
    unlinkItgc(vault, { id: sso.id, reliesOnId: chg.id });
    expect(controlItgcs(vault, sso.id)).toMatchObject({ reliesOn: [], state: 'unknown' });
    expect(occurrencesByControl(vault, [sso]).get(sso.id)).toMatchObject({
      mode: 'automated',
      mustSample: false,
    });
    linkItgc(vault, { id: sso.id, reliesOnId: chg.id });
    const log = vault.db.sqlite
      .prepare(
        "SELECT action FROM audit_event WHERE entity = 'control_reliance' AND entity_id = ? ORDER BY seq",
      )
      .pluck()
      .all(`${sso.id}|${chg.id}`);
    expect(log).toEqual(['create', 'delete', 'create']);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('migration 013 gives an existing vault the same default, each link logged, and it verifies', async () => {
    const path = fixtureCopy('format11-demo.attest');
    const file = new Database(path, { readonly: true });
    const automated = file
      .prepare("SELECT count(*) FROM control WHERE nature = 'automated' AND archived_at IS NULL")
      .pluck()
      .get() as number;
    file.close();
    const vault = await openVault(path);
    const links = linksOf(vault.db, 'control_reliance');
    expect(links.size).toBe(automated);
    const logged = vault.db.sqlite
      .prepare("SELECT count(*) FROM audit_event WHERE entity = 'control_reliance'")
      .pluck()
      .get();
    expect(logged).toBe([...links.values()].flat().length);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });
});
