import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  type Case,
  exported,
  type Harness,
  fails,
  finish,
  freshVault,
  nextId,
  ok,
  preparedVault,
} from './harness';

/** A vault for Acme with Security + Availability confirmed (Type II unless asked). */
async function describedVault(t: Harness, reportType: 'type1' | 'type2' = 'type2') {
  const describe = async (t: Harness) => {
    await ok(t, 'scope.update', {
      client: 'Acme Analytics Ltd',
      services: 'Hosted product analytics',
      categories: ['availability'],
    });
    await ok(t, 'scope.confirm', {});
  };
  await preparedVault(t, `described-${reportType}`, describe, reportType);
}

async function controlId(t: Harness, ref: string): Promise<string> {
  const page = await ok(t, 'controls.list', { search: ref, limit: 100 });
  const control = page.items.find((c) => c.ref === ref);
  if (!control) throw new Error(`no control ${ref}`);
  return control.id;
}

async function carveOut(t: Harness, extra: Record<string, unknown> = {}) {
  return ok(t, 'sd.saveSubservice', {
    name: 'Amazon Web Services',
    services: 'Hosting of the production environment',
    method: 'carve_out',
    criteria: ['CC6.4', 'A1.2'],
    csocs: [{ description: 'Physical access to data centres is restricted', criteria: ['CC6.4'] }],
    monitoringControlId: await controlId(t, 'VEN-03'),
    ...extra,
  });
}

function details(error: { details?: unknown }) {
  return error.details as { path: string[]; message: string }[];
}

export const sdCases = {
  'sd.get': async (t) => {
    await describedVault(t);
    const empty = await ok(t, 'sd.get', {});
    // The scoping answer stands in for the services text until the description has its own.
    expect(empty.texts.services).toBe('Hosted product analytics');
    expect(empty.completeness.complete).toBe(false);
    const status = (d: typeof empty) =>
      Object.fromEntries(d.completeness.sections.map((s) => [s.section, s.status]));
    expect(status(empty)).toMatchObject({
      services: 'complete',
      commitments: 'incomplete',
      components: 'incomplete',
      incidents: 'incomplete',
      changes: 'incomplete',
      criteria: 'complete',
      // Nothing answered is not "none": each asks for a list or an explicit answer.
      cuecs: 'incomplete',
      subservices: 'incomplete',
      notRelevant: 'incomplete',
    });

    for (const key of ['commitments', 'systemRequirements', 'boundaries'] as const)
      await ok(t, 'sd.setText', { key, content: `Our ${key}.` });
    for (const kind of ['infrastructure', 'software', 'people', 'procedures', 'data'] as const)
      await ok(t, 'sd.saveComponent', { kind, name: `A ${kind} component` });
    await ok(t, 'sd.setNone', { kind: 'incidents', asOf: '2026-07-05' });
    await ok(t, 'sd.setNone', { kind: 'changes', asOf: '2026-07-05' });
    for (const kind of ['subservices', 'cuecs', 'notRelevant'] as const)
      await ok(t, 'sd.confirmNone', { kind, confirmed: true });
    const full = await ok(t, 'sd.get', {});
    expect(full.completeness).toMatchObject({ complete: true });
    expect(full.components.data).toHaveLength(1);
    expect(full.none).toEqual({ incidents: '2026-07-05', changes: '2026-07-05' });

    // An organisation without a monitoring control leaves DC 7 incomplete, naming it.
    await carveOut(t, { monitoringControlId: null });
    const gap = (await ok(t, 'sd.get', {})).completeness;
    expect(gap.complete).toBe(false);
    expect(gap.sections.find((s) => s.section === 'subservices')?.problems).toEqual([
      'Name the control through which Amazon Web Services is monitored.',
    ]);
    await fails(t, 'sd.get', { includeArchived: 'yes' }, 'validation');
  },
  'sd.setText': async (t) => {
    await describedVault(t);
    const saved = await ok(t, 'sd.setText', {
      key: 'boundaries',
      content: '  The system covers the production environment.  ',
    });
    expect(saved).toMatchObject({
      key: 'boundaries',
      content: 'The system covers the production environment.',
    });
    expect((await ok(t, 'sd.get', {})).texts.boundaries).toBe(saved.content);
    // Drafts are saved through sd.saveDraft only.
    const error = await fails(
      t,
      'sd.setText',
      { key: 'draft_description', content: 'x' },
      'validation',
    );
    expect(details(error)[0]?.path).toEqual(['key']);
  },
  'sd.saveComponent': async (t) => {
    await describedVault(t);
    const created = await ok(t, 'sd.saveComponent', {
      kind: 'software',
      name: 'Analytics web application',
      description: 'TypeScript services on Kubernetes',
    });
    expect(created).toMatchObject({ kind: 'software', archived: false });
    expect(created.id).toMatch(/^sdc_/);
    const renamed = await ok(t, 'sd.saveComponent', {
      id: created.id,
      kind: 'software',
      name: 'Analytics platform',
    });
    expect(renamed).toMatchObject({ id: created.id, name: 'Analytics platform', description: '' });
    const error = await fails(t, 'sd.saveComponent', { kind: 'data', name: '  ' }, 'validation');
    expect(details(error)).toEqual([{ path: ['name'], message: 'Give the component a name' }]);
    await fails(t, 'sd.saveComponent', { kind: 'hardware', name: 'x' }, 'validation');
    await fails(t, 'sd.saveComponent', { id: 'sdc_ghost', kind: 'data', name: 'x' }, 'not_found');
  },
  'sd.archiveComponent': async (t) => {
    await describedVault(t);
    const c = await ok(t, 'sd.saveComponent', { kind: 'people', name: 'Engineering team' });
    expect((await ok(t, 'sd.archiveComponent', { id: c.id, archived: true })).archived).toBe(true);
    expect((await ok(t, 'sd.get', {})).components.people).toEqual([]);
    const withArchived = await ok(t, 'sd.get', { includeArchived: true });
    expect(withArchived.components.people.map((p) => p.archived)).toEqual([true]);
    expect((await ok(t, 'sd.archiveComponent', { id: c.id, archived: false })).archived).toBe(
      false,
    );
    await fails(t, 'sd.archiveComponent', { id: 'sdc_ghost', archived: true }, 'not_found');
  },
  'sd.saveSubservice': async (t) => {
    await freshVault(t);
    const unscoped = await fails(
      t,
      'sd.saveSubservice',
      { name: 'AWS', method: 'carve_out', criteria: ['CC6.4'] },
      'validation',
    );
    expect(unscoped.message).toContain('Confirm the scope first');

    await describedVault(t);
    const org = await carveOut(t, {
      vendorCuecs: [
        {
          description: 'Customers manage their IAM users',
          controlIds: [await controlId(t, 'AC-01')],
        },
      ],
      report: {
        type: 'type2',
        periodStart: '2025-04-01',
        periodEnd: '2026-03-31',
        opinion: 'unmodified',
      },
    });
    expect(org).toMatchObject({
      method: 'carve_out',
      criteria: ['CC6.4', 'A1.2'],
      report: { type: 'type2', opinion: 'unmodified', exceptions: '', reviewedOn: null },
      reportFile: null,
    });

    const bad = await fails(
      t,
      'sd.saveSubservice',
      { name: 'X', method: 'carve_out', criteria: ['CC6.1', 'Q1.1'] },
      'validation',
    );
    expect(details(bad)[0]?.path).toEqual(['criteria', '1']);
    const outOfScope = await fails(
      t,
      'sd.saveSubservice',
      { name: 'X', method: 'carve_out', criteria: ['CC6.1', 'P1.1'] },
      'validation',
    );
    expect(details(outOfScope)).toEqual([
      { path: ['criteria', '1'], message: 'P1.1 is not in scope' },
    ]);
    const strayCsoc = await fails(
      t,
      'sd.saveSubservice',
      {
        name: 'X',
        method: 'carve_out',
        criteria: ['CC6.4'],
        csocs: [{ description: 'Backups', criteria: ['A1.2'] }],
        monitoringControlId: 'ctl_ghost',
      },
      'validation',
    );
    expect(details(strayCsoc).map((i) => i.path)).toEqual([
      ['csocs', '0', 'criteria', '0'],
      ['monitoringControlId'],
    ]);
    const typeOne = await fails(
      t,
      'sd.saveSubservice',
      {
        name: 'X',
        method: 'inclusive',
        criteria: [],
        report: { type: 'type1', periodStart: '2026-01-01' },
      },
      'validation',
    );
    expect(details(typeOne)[0]?.path).toEqual(['report', 'periodStart']);

    // Our review of the report: the exceptions' assessment and the bridge letter obtained.
    const letter = {
      receivedOn: '2026-07-05',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      note: 'Signed by their CISO',
    };
    const reviewed = await carveOut(t, {
      id: org.id,
      report: {
        type: 'type2',
        periodStart: '2025-04-01',
        periodEnd: '2026-03-31',
        exceptions: 'One late access review in Q3',
        exceptionsAssessment: 'assessed',
        exceptionsConclusion: 'Our own quarterly review of their admins covers it',
        reviewedOn: '2026-04-20',
        bridgeLetter: letter,
      },
    });
    expect(reviewed.report).toMatchObject({
      exceptionsAssessment: 'assessed',
      bridgeLetter: { ...letter, evidenceId: null },
    });
    const reportOf = (report: object) => ({
      name: 'X',
      method: 'inclusive',
      criteria: [],
      report: { type: 'type2', ...report },
    });
    const contradicted = await fails(
      t,
      'sd.saveSubservice',
      reportOf({ exceptions: 'Two late reviews', exceptionsAssessment: 'none_noted' }),
      'validation',
    );
    expect(details(contradicted).map((i) => i.path)).toEqual([['report', 'exceptionsAssessment']]);
    const noConclusion = await fails(
      t,
      'sd.saveSubservice',
      reportOf({ exceptionsAssessment: 'assessed', exceptionsConclusion: '  ' }),
      'validation',
    );
    expect(details(noConclusion).map((i) => i.path)).toEqual([['report', 'exceptionsConclusion']]);
    const backwards = await fails(
      t,
      'sd.saveSubservice',
      reportOf({ bridgeLetter: { ...letter, periodEnd: '2026-03-01' } }),
      'validation',
    );
    expect(details(backwards).map((i) => i.path)).toEqual([
      ['report', 'bridgeLetter', 'periodEnd'],
    ]);
    const ghostLetter = await fails(
      t,
      'sd.saveSubservice',
      reportOf({ bridgeLetter: { ...letter, evidenceId: 'evd_ghost' } }),
      'validation',
    );
    expect(details(ghostLetter).map((i) => i.path)).toEqual([
      ['report', 'bridgeLetter', 'evidenceId'],
    ]);

    // A carve-out is not "not relevant": the criterion still applies. (The other way round,
    // marking a carved-out criterion not relevant, is refused by criteria.setNotRelevant.)
    await ok(t, 'criteria.setNotRelevant', { id: 'CC7.1', reason: 'No systems of our own' });
    const notRelevant = await fails(
      t,
      'sd.saveSubservice',
      { id: org.id, name: org.name, method: 'carve_out', criteria: ['CC7.1'] },
      'validation',
    );
    expect(details(notRelevant)[0]).toMatchObject({ path: ['criteria', '0'] });
    expect(notRelevant.message).toContain('CC7.1 is marked not relevant');
    // Refused saves change nothing.
    expect((await ok(t, 'sd.get', {})).subservices[0]?.criteria).toEqual(['CC6.4', 'A1.2']);
  },
  'sd.archiveSubservice': async (t) => {
    await describedVault(t);
    const org = await carveOut(t);
    expect((await ok(t, 'sd.archiveSubservice', { id: org.id, archived: true })).archived).toBe(
      true,
    );
    expect((await ok(t, 'sd.get', {})).subservices).toEqual([]);
    expect((await ok(t, 'sd.archiveSubservice', { id: org.id, archived: false })).archived).toBe(
      false,
    );
    await fails(t, 'sd.archiveSubservice', { id: 'not-an-id', archived: true }, 'validation');
  },
  'sd.attachSubserviceReport': async (t) => {
    await describedVault(t);
    const org = await carveOut(t);
    const path = join(t.home, `aws-soc2-${nextId()}.pdf`);
    writeFileSync(path, '%PDF-1.4 pretend vendor report for the contract test\n');
    const { jobId } = await ok(t, 'sd.attachSubserviceReport', {
      id: org.id,
      source: await t.source(path),
      fileName: 'AWS SOC 2 Type II 2026.pdf',
    });
    const job = await finish(t, jobId);
    expect(job.state).toBe('succeeded');
    const result = job.result as { blobId: number; sha256: string; subserviceId: string };
    expect(result.subserviceId).toBe(org.id);
    const linked = (await ok(t, 'sd.get', {})).subservices[0]!;
    expect(linked.reportFile).toEqual({
      blobId: result.blobId,
      fileName: 'AWS SOC 2 Type II 2026.pdf',
    });
    expect((await ok(t, 'blobs.get', { blobId: result.blobId })).sha256).toBe(result.sha256);
    // Editing the organisation keeps the attached file.
    await carveOut(t, { id: org.id, services: 'Hosting and backups' });
    expect((await ok(t, 'sd.get', {})).subservices[0]?.reportFile?.blobId).toBe(result.blobId);

    await fails(
      t,
      'sd.attachSubserviceReport',
      { id: org.id, source: { path: join(t.home, 'nope.pdf') }, fileName: 'nope.pdf' },
      t.transport === 'http' ? 'validation' : 'not_found',
    );
    await fails(
      t,
      'sd.attachSubserviceReport',
      { id: 'sso_ghost', source: await t.source(path), fileName: 'x.pdf' },
      'not_found',
    );
    await fails(
      t,
      'sd.attachSubserviceReport',
      { id: org.id, source: await t.source(path) },
      'validation',
    );
  },
  'sd.saveCuec': async (t) => {
    await describedVault(t);
    const cuec = await ok(t, 'sd.saveCuec', {
      description: 'Customers review their users’ access to the product every quarter',
      criteria: ['CC6.2', 'CC6.2', 'CC6.3'],
    });
    expect(cuec.criteria).toEqual(['CC6.2', 'CC6.3']);
    const empty = await fails(t, 'sd.saveCuec', { description: 'x', criteria: [] }, 'validation');
    expect(details(empty)).toEqual([
      { path: ['criteria'], message: 'Name the criteria this control supports' },
    ]);
    const out = await fails(
      t,
      'sd.saveCuec',
      { description: 'x', criteria: ['PI1.1'] },
      'validation',
    );
    expect(details(out)).toEqual([{ path: ['criteria', '0'], message: 'PI1.1 is not in scope' }]);
    await fails(
      t,
      'sd.saveCuec',
      { id: 'cue_ghost', description: 'x', criteria: ['CC6.2'] },
      'not_found',
    );
  },
  'sd.archiveCuec': async (t) => {
    await describedVault(t);
    const cuec = await ok(t, 'sd.saveCuec', {
      description: 'Customers enable MFA',
      criteria: ['CC6.1'],
    });
    await ok(t, 'sd.archiveCuec', { id: cuec.id, archived: true });
    expect((await ok(t, 'sd.get', {})).cuecs).toEqual([]);
    expect((await ok(t, 'sd.get', { includeArchived: true })).cuecs[0]?.archived).toBe(true);
    await fails(t, 'sd.archiveCuec', { id: 'cue_ghost', archived: false }, 'not_found');
  },
  'sd.saveEvent': async (t) => {
    await describedVault(t);
    await ok(t, 'sd.setNone', { kind: 'incidents', asOf: '2026-07-01' });
    const incident = await ok(t, 'sd.saveEvent', {
      kind: 'incident',
      date: '2026-03-14',
      title: 'Dashboard outage',
      effect: 'Customers could not load reports for 3 hours',
      disposition: 'Failover runbook updated',
    });
    expect(incident).toMatchObject({ kind: 'incident', description: '' });
    // The new incident makes "no incidents" untrue, so it is withdrawn.
    expect((await ok(t, 'sd.get', {})).none.incidents).toBeNull();
    const kind = await fails(
      t,
      'sd.saveEvent',
      { id: incident.id, kind: 'change', date: '2026-03-14', title: 'x' },
      'validation',
    );
    expect(details(kind)[0]?.path).toEqual(['kind']);
    const date = await fails(
      t,
      'sd.saveEvent',
      { kind: 'incident', date: '2026-02-30', title: 'x' },
      'validation',
    );
    expect(details(date)[0]?.path).toEqual(['date']);

    await describedVault(t, 'type1');
    await fails(
      t,
      'sd.saveEvent',
      { kind: 'change', date: '2026-03-01', title: 'New region' },
      'conflict',
    );
  },
  'sd.archiveEvent': async (t) => {
    await describedVault(t);
    const e = await ok(t, 'sd.saveEvent', { kind: 'incident', date: '2026-02-01', title: 'Leak' });
    await ok(t, 'sd.archiveEvent', { id: e.id, archived: true });
    await ok(t, 'sd.setNone', { kind: 'incidents', asOf: '2026-07-01' });
    // Restoring it withdraws the "none" statement again.
    expect((await ok(t, 'sd.archiveEvent', { id: e.id, archived: false })).archived).toBe(false);
    expect((await ok(t, 'sd.get', {})).none.incidents).toBeNull();
    await fails(t, 'sd.archiveEvent', { id: 'sde_ghost', archived: true }, 'not_found');
  },
  'sd.confirmNone': async (t) => {
    await describedVault(t);
    const confirmed = await ok(t, 'sd.confirmNone', { kind: 'subservices', confirmed: true });
    expect(confirmed).toEqual({
      subservices: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      cuecs: null,
      notRelevant: null,
    });
    // Adding an organisation makes "none" untrue: it is withdrawn, and refused while listed.
    await carveOut(t);
    expect((await ok(t, 'sd.get', {})).confirmedNone.subservices).toBeNull();
    const listed = await fails(
      t,
      'sd.confirmNone',
      { kind: 'subservices', confirmed: true },
      'conflict',
    );
    expect(listed.message).toContain('1 subservice organisation is listed');
    expect((await ok(t, 'sd.confirmNone', { kind: 'cuecs', confirmed: false })).cuecs).toBeNull();
    await fails(t, 'sd.confirmNone', { kind: 'incidents', confirmed: true }, 'validation');
    await fails(t, 'sd.confirmNone', { kind: 'cuecs', confirmed: 'yes' }, 'validation');
  },
  'sd.setNone': async (t) => {
    await describedVault(t);
    await ok(t, 'sd.saveEvent', {
      kind: 'change',
      date: '2026-04-01',
      title: 'Moved to EU region',
    });
    const listed = await fails(
      t,
      'sd.setNone',
      { kind: 'changes', asOf: '2026-07-01' },
      'conflict',
    );
    expect(listed.message).toContain('1 change is listed');
    expect(await ok(t, 'sd.setNone', { kind: 'incidents', asOf: '2026-07-01' })).toEqual({
      incidents: '2026-07-01',
      changes: null,
    });
    const early = await fails(
      t,
      'sd.setNone',
      { kind: 'incidents', asOf: '2025-12-31' },
      'validation',
    );
    expect(details(early)[0]?.path).toEqual(['asOf']);
    expect((await ok(t, 'sd.setNone', { kind: 'incidents', asOf: null })).incidents).toBeNull();
    await fails(t, 'sd.setNone', { kind: 'outages', asOf: null }, 'validation');

    await describedVault(t, 'type1');
    await fails(t, 'sd.setNone', { kind: 'changes', asOf: '2026-03-31' }, 'conflict');
    expect((await ok(t, 'sd.setNone', { kind: 'incidents', asOf: '2026-03-31' })).incidents).toBe(
      '2026-03-31',
    );
  },
  'sd.draft': async (t) => {
    await describedVault(t);
    await carveOut(t);
    const description = await ok(t, 'sd.draft', { document: 'description' });
    expect(description).toMatchObject({
      document: 'description',
      edited: false,
      answersChangedSince: false,
    });
    expect(description.markdown).toContain('# Description of the Acme Analytics Ltd system');
    expect(description.markdown).toContain(
      'Acme Analytics Ltd presents Amazon Web Services using the carve-out method',
    );
    const assertion = await ok(t, 'sd.draft', { document: 'assertion' });
    expect(assertion.markdown).toContain('DRAFT FOR MANAGEMENT REVIEW');
    expect(assertion.markdown).toContain(
      'operated effectively throughout the period from 1 January 2026 to 30 June 2026',
    );
    await fails(t, 'sd.draft', { document: 'report' }, 'validation');
  },
  'sd.saveDraft': async (t) => {
    await describedVault(t);
    const markdown = '# Our description\n\nWritten by hand.\n';
    const saved = await ok(t, 'sd.saveDraft', { document: 'description', markdown });
    expect(saved).toMatchObject({ markdown, edited: true, answersChangedSince: false });
    expect(await ok(t, 'sd.draft', { document: 'description' })).toEqual(saved);
    // The assertion draft is independent of the description's edit.
    expect((await ok(t, 'sd.draft', { document: 'assertion' })).edited).toBe(false);
    await ok(t, 'sd.setText', { key: 'commitments', content: '99.9 % monthly availability' });
    const stale = await ok(t, 'sd.draft', { document: 'description' });
    expect(stale).toMatchObject({
      edited: true,
      answersChangedSince: true,
      generatedFrom: saved.generatedFrom,
    });
    const discarded = await ok(t, 'sd.saveDraft', { document: 'description', markdown: null });
    expect(discarded.edited).toBe(false);
    expect(discarded.markdown).toContain('99.9 % monthly availability');
    await fails(
      t,
      'sd.saveDraft',
      { document: 'description', markdown: 'x'.repeat(500_001) },
      'validation',
    );
  },
  'sd.export': async (t) => {
    await describedVault(t);
    const markdown = '# Acme description\n\nEdited by management.\n';
    await ok(t, 'sd.saveDraft', { document: 'description', markdown });
    const blobsBefore = (await ok(t, 'vault.info', {})).counts.blobs;
    const md = await exported(t, 'sd.export', { document: 'description', format: 'md' });
    expect(md.bytes.toString('utf8')).toBe(markdown);
    expect(md.result.sha256).toBe(createHash('sha256').update(markdown).digest('hex'));
    expect(md.result.size).toBe(md.bytes.length);
    // A chosen path names the file; a download keeps the name Attest gives it.
    if (!md.result.savedTo)
      expect(md.result.fileName).toMatch(
        /^System-Description_Acme-Analytics-Ltd_\d{4}-\d{2}-\d{2}\.md$/,
      );

    for (const format of ['docx', 'pdf'] as const) {
      const { result, bytes } = await exported(t, 'sd.export', { document: 'assertion', format });
      // A chosen path names the file; a download keeps the name Attest gives it.
      if (!result.savedTo)
        expect(result.fileName).toMatch(
          new RegExp(`^Management-Assertion_Acme-Analytics-Ltd_.*\\.${format}$`),
        );
      expect(bytes.subarray(0, 4).toString('latin1')).toBe(
        format === 'pdf' ? '%PDF' : 'PK\u0003\u0004',
      );
    }
    // Nothing generated is stored in the vault.
    expect((await ok(t, 'vault.info', {})).counts.blobs).toBe(blobsBefore);
    await fails(t, 'sd.export', { document: 'description', format: 'html' }, 'validation');
  },
} satisfies Record<string, Case>;
