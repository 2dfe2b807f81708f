import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { subserviceInput } from '../../../shared/api/sd';
import { evaluateReadiness } from '../../../shared/domain/readiness/evaluate';
import { readinessFacts } from '../../core/readiness/facts';
import { getSystemDescription } from '../../core/sd/description';
import { saveSubservice } from '../../core/sd/subservices';
import { closeVault, openVault } from '../../core/vault/session';
import { verifyVault } from '../../core/vault/verify';
import { fixtureCopy } from '../../testing/fixtures';

describe('migration 019: the bridge letter and the assessment of a vendor report’s exceptions', () => {
  it('upgrades a format-11 vault: the reviewed report reads as not assessed, no letter, nothing re-recorded', async () => {
    const path = fixtureCopy('format11-demo.attest');
    const file = new Database(path, { readonly: true });
    const entries = file
      .prepare("SELECT count(*) FROM audit_event WHERE entity = 'subservice_org'")
      .pluck()
      .get() as number;
    file.close();

    const vault = await openVault(path);
    const [org] = getSystemDescription(vault, false).subservices;
    expect(org!.report.reviewedOn).not.toBeNull();
    expect(org!.report).toMatchObject({
      exceptionsAssessment: 'not_assessed',
      exceptionsConclusion: '',
      bridgeLetter: null,
    });
    // Empty columns are no change of state: the organisation's history gains nothing.
    expect(
      vault.db.sqlite
        .prepare("SELECT count(*) FROM audit_event WHERE entity = 'subservice_org'")
        .pluck()
        .get(),
    ).toBe(entries);
    expect((await verifyVault(vault)).problems).toEqual([]);

    // The review it recorded never said whether the exceptions were weighed: now a finding,
    // where the old stand-in counted the review date as the assessment.
    const exceptions = () =>
      evaluateReadiness(readinessFacts(vault)).findings.filter(
        (f) => f.rule === 'subservice_exceptions',
      );
    expect(exceptions().map((f) => f.object)).toEqual([org!.name]);

    // Recording both is an audited change that round-trips and leaves the vault sound.
    const { id, archived: _a, createdAt: _c, updatedAt: _u, reportFile: _f, ...rest } = org!;
    const letter = {
      receivedOn: '2026-05-10',
      periodStart: '2026-04-01',
      periodEnd: '2026-05-10',
      evidenceId: null,
      note: 'Signed by their CISO',
    };
    const saved = saveSubservice(
      vault,
      subserviceInput.parse({
        ...rest,
        id,
        report: { ...org!.report, exceptionsAssessment: 'none_noted', bridgeLetter: letter },
      }),
    );
    expect(saved.report.bridgeLetter).toEqual(letter);
    expect(saved.report.exceptionsAssessment).toBe('none_noted');
    expect(exceptions()).toEqual([]);
    expect((await verifyVault(vault)).problems).toEqual([]);

    expect(() =>
      vault.db.sqlite.prepare("UPDATE subservice_org SET exceptions_assessment = 'maybe'").run(),
    ).toThrow(/CHECK constraint/);
    closeVault(vault);
  });
});
