import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cuecInput, sdEventInput, subserviceInput } from '../../../shared/api/sd';
import { tempDir } from '../../testing/tmp';
import { newScopedTestVault } from '../../testing/vaults';
import { applyScope } from '../scope/apply-scope';
import { updateEngagementDetails } from '../scope/engagement';
import { listControls } from '../scope/controls';
import { closeVault, type Vault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { archiveComponent, saveComponent } from './components';
import { saveCuec } from './cuecs';
import { getSystemDescription } from './description';
import { getDraft, saveDraft } from './draft';
import { archiveEvent, saveEvent, setNone } from './events';
import { exportDocument } from './export';
import { archiveSubservice, attachSubserviceReport, saveSubservice } from './subservices';
import { setText } from './texts';

function auditEntries(vault: Vault): { action: string; entity: string; entity_id: string }[] {
  return vault.db.sqlite
    .prepare('SELECT action, entity, entity_id FROM audit_event ORDER BY seq')
    .all() as { action: string; entity: string; entity_id: string }[];
}

async function scopedVault(): Promise<Vault> {
  const vault = await newScopedTestVault(tempDir());
  return vault;
}

const controlIdOf = (vault: Vault, ref: string) =>
  listControls(vault, { includeArchived: false, limit: 1000 }).items.find((c) => c.ref === ref)!.id;

describe('system description changes', () => {
  it('are each in the audit log, and the vault still verifies clean', async () => {
    const vault = await scopedVault();
    const dir = tempDir();
    const before = auditEntries(vault).length;

    setText(vault, 'commitments', '99.9 % availability');
    setText(vault, 'commitments', '99.95 % availability');
    const component = saveComponent(vault, { kind: 'data', name: 'Events', description: '' });
    saveComponent(vault, { ...component, name: 'Usage events' });
    archiveComponent(vault, component.id, true);
    archiveComponent(vault, component.id, true); // already archived: nothing to log
    archiveComponent(vault, component.id, false);
    const org = saveSubservice(
      vault,
      subserviceInput.parse({
        name: 'AWS',
        method: 'carve_out',
        criteria: ['CC6.4'],
        monitoringControlId: controlIdOf(vault, 'VEN-03'),
      }),
    );
    const report = join(dir, 'aws.pdf');
    writeFileSync(report, '%PDF-1.4 vendor report');
    const attached = await attachSubserviceReport(vault, org.id, report, 'aws.pdf');
    archiveSubservice(vault, org.id, true);
    const cuec = saveCuec(
      vault,
      cuecInput.parse({ description: 'Customers use MFA', criteria: ['CC6.1'] }),
    );
    setNone(vault, 'incidents', '2026-07-01');
    const incident = saveEvent(
      vault,
      sdEventInput.parse({ kind: 'incident', date: '2026-02-01', title: 'Outage' }),
    );
    archiveEvent(vault, incident.id, true);
    saveDraft(vault, 'assertion', '# Edited\n');
    saveDraft(vault, 'assertion', null);
    saveDraft(vault, 'assertion', null); // nothing saved any more: nothing to log
    await exportDocument(vault, 'description', 'pdf');

    const logged = auditEntries(vault)
      .slice(before)
      .map((e) => `${e.action} ${e.entity} ${e.entity_id}`);
    expect(logged).toEqual([
      'create sd_text commitments',
      'update sd_text commitments',
      `create sd_component ${component.id}`,
      `update sd_component ${component.id}`,
      `archive sd_component ${component.id}`,
      `restore sd_component ${component.id}`,
      `create subservice_org ${org.id}`,
      `create subservice_criterion ${org.id}|CC6.4`, // its criteria are link rows
      `update subservice_org ${org.id}`,
      `archive subservice_org ${org.id}`,
      `create cuec ${cuec.id}`,
      `create cuec_criterion ${cuec.id}|CC6.1`,
      'update engagement engagement', // "no incidents as of 2026-07-01"
      `create sd_event ${incident.id}`,
      'update engagement engagement', // …withdrawn by the incident
      `archive sd_event ${incident.id}`,
      'create sd_text draft_assertion',
      'delete sd_text draft_assertion',
    ]);
    expect(getSystemDescription(vault, true).subservices[0]?.reportFile).toEqual({
      blobId: attached.blobId,
      fileName: 'aws.pdf',
    });

    const report1 = await verifyVault(vault);
    expect(report1.problems).toEqual([]);
    expect(report1.ok).toBe(true);
    closeVault(vault);
  });

  it('are covered by verify: a description row changed behind Attest’s back is named', async () => {
    const vault = await scopedVault();
    const c = saveComponent(vault, { kind: 'software', name: 'Web app', description: '' });
    vault.db.sqlite.prepare(`UPDATE sd_component SET name = 'Tampered' WHERE id = ?`).run(c.id);
    const report = await verifyVault(vault);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'row_changed', entity: 'sd_component', entityId: c.id }),
    ]);
    closeVault(vault);
  });

  it('keeps an edited draft and says when the answers changed after it', async () => {
    const vault = await scopedVault();
    const generated = getDraft(vault, 'description');
    expect(generated.edited).toBe(false);
    expect(generated.markdown).toContain('Acme Analytics Ltd');
    const saved = saveDraft(vault, 'description', '# Mine\n');
    expect(saved).toMatchObject({ edited: true, answersChangedSince: false });
    // Saving the draft is not itself a change to the answers.
    expect(saved.generatedFrom).toBe(generated.generatedFrom);
    setText(vault, 'boundaries', 'Production only');
    expect(getDraft(vault, 'description')).toMatchObject({
      markdown: '# Mine\n',
      answersChangedSince: true,
      generatedFrom: generated.generatedFrom,
    });
    closeVault(vault);
  });

  it('drafts only in-scope criteria after a re-scope and asks about a vendor left with none', async () => {
    const vault = await scopedVault(); // Security + Availability
    const monitor = controlIdOf(vault, 'VEN-03');
    saveSubservice(
      vault,
      subserviceInput.parse({
        name: 'CloudHost',
        method: 'carve_out',
        criteria: ['CC6.4', 'A1.2'],
        csocs: [{ description: 'Backups are replicated across regions', criteria: ['A1.2'] }],
        monitoringControlId: monitor,
      }),
    );
    saveSubservice(
      vault,
      subserviceInput.parse({
        name: 'BackupCo',
        method: 'carve_out',
        criteria: ['A1.3'],
        monitoringControlId: monitor,
      }),
    );
    saveCuec(
      vault,
      cuecInput.parse({ description: 'Customers test restores', criteria: ['A1.3'] }),
    );
    updateEngagementDetails(vault, { categories: ['security'] });
    applyScope(vault);

    const text = getDraft(vault, 'description').markdown;
    expect(text).toContain('CloudHost');
    expect(text).not.toMatch(/A1\.[123]/);
    expect(text).not.toContain('Backups are replicated across regions');
    expect(text).not.toContain('Customers test restores');
    const subservices = getSystemDescription(vault, false).completeness.sections.find(
      (s) => s.section === 'subservices',
    )!;
    expect(subservices.status).toBe('incomplete');
    expect(subservices.problems.join(' ')).toContain('BackupCo');
    expect(subservices.problems.join(' ')).not.toContain('CloudHost');
    closeVault(vault);
  });
});
