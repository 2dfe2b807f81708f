import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { closeVault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { updateRequest } from './edits';
import { importRequests, previewImport } from './import';
import { filterRequests, getRequestDetail } from './queries';
import { PBC_CSV_HEADERS, requestCount, scopedVault, writePbcCsv } from './test-fixtures';

const GUESSED = {
  ref: 'PBC #',
  criteria: 'TSC Ref.',
  controls: 'Control',
  description: 'Item Requested',
  type: 'Evidence Type',
  period: 'Period',
  owner: 'Owner',
  dueOn: 'Due',
  wave: 'Wave',
  comments: 'Notes',
};

describe('importing a CSV request list', () => {
  it('guesses the mapping, reads every row as it would be saved, and saves nothing', async () => {
    const dir = tempDir();
    const { vault, ana, ref } = await scopedVault(dir);
    const path = writePbcCsv(dir);
    const auditBefore = vault.db.sqlite.prepare('SELECT count(*) FROM audit_event').pluck().get();
    const preview = await previewImport(vault, { path, fileName: 'pbc.csv' });

    expect(preview.mapping).toEqual(GUESSED);
    expect(preview.guessed).toBe(true);
    expect(preview.headers).toEqual(PBC_CSV_HEADERS);
    expect(preview.unplacedHeaders).toEqual(['Auditor Status', 'Priority']);
    expect(preview.headerRow).toBe(1);
    expect(preview.dateOrder).toMatchObject({ order: 'dmy', source: 'file', conflicting: false });
    expect(preview.counts).toEqual({ new: 3, updated: 0, unchanged: 0, skipped: 2 });
    expect(preview.totalRows).toBe(5);

    const [first, second, third] = preview.rows;
    expect(first).toMatchObject({
      row: 2,
      outcome: 'new',
      ref: 'PBC-001',
      description: 'Access control policy\n(current version)',
      type: 'document',
      wave: '1',
      criteria: ['CC6.1', 'CC6.2'],
      controlIds: [ref('AC-01')],
      period: { text: 'as of 31/03/2026', start: null, end: null, asOf: '2026-03-31' },
      ownerId: ana.id,
      dueOn: '2026-03-31',
      comments: null,
      extraColumns: [
        { header: 'Auditor Status', value: 'Open' },
        { header: 'Priority', value: 'High' },
      ],
    });
    expect(second).toMatchObject({
      row: 4,
      ref: 'PBC-002',
      description: 'List of all new hires; with "start date"',
      type: 'population',
      criteria: ['CC6.2', 'CC6.3'],
      controlIds: [ref('AC-02')],
      period: { start: '2026-01-01', end: '2026-06-30', asOf: null },
      ownerId: ana.id,
      dueOn: '2026-04-15',
      comments: 'Please include contractors',
    });
    expect(third).toMatchObject({
      row: 5,
      ref: 'PBC-010',
      type: 'sample',
      period: { text: 'Q1 2026', start: '2026-01-01', end: '2026-03-31' },
      ownerId: null,
      ownerText: 'Bob Stone',
      dueOn: '2026-04-30',
    });
    expect(preview.problems).toEqual([
      {
        row: 4,
        column: 'Control',
        message: 'No control "AC-99" in this vault; not linked',
        severity: 'warning',
      },
      {
        row: 5,
        column: 'Owner',
        message: 'Owner left empty: no one in People matches "Bob Stone"',
        severity: 'warning',
      },
      {
        row: 6,
        column: 'PBC #',
        message: 'No request number; the row is not imported',
        severity: 'error',
      },
      {
        row: 7,
        column: 'PBC #',
        message: 'PBC-002 already appears on row 4; this row is not imported',
        severity: 'error',
      },
    ]);
    expect(requestCount(vault)).toBe(0);
    expect(vault.db.sqlite.prepare('SELECT count(*) FROM audit_event').pluck().get()).toBe(
      auditBefore,
    );
    closeVault(vault);
  });

  it('saves the rows without errors, keeps the auditor’s columns and status as given, and logs every change', async () => {
    const dir = tempDir();
    const { vault, ana } = await scopedVault(dir);
    const path = writePbcCsv(dir);
    const summary = await importRequests(vault, { path, fileName: 'pbc.csv', mapping: GUESSED });
    expect(summary.counts).toEqual({ new: 3, updated: 0, unchanged: 0, skipped: 2 });
    expect(summary.importId).toMatch(/^rim_/);

    const all = filterRequests(vault, { includeArchived: false });
    expect(all.map((r) => [r.ref, r.status, r.ownerId])).toEqual([
      ['PBC-001', 'assigned', ana.id],
      ['PBC-002', 'assigned', ana.id],
      ['PBC-010', 'new', null],
    ]);
    const followUp = all[2]!;
    // The auditor's own status stays their column; it never becomes our auditor status.
    expect(followUp.auditorStatus).toBeNull();
    expect(followUp.extraColumns).toEqual([
      { header: 'Auditor Status', value: 'Follow-up' },
      { header: 'Priority', value: '' },
    ]);
    expect(followUp.auditorColumns.map((c) => c.header)).toEqual(PBC_CSV_HEADERS);
    expect(followUp.auditorColumns[3]).toEqual({
      header: 'Item Requested',
      value: 'Incident tickets',
    });
    // The comments cell starts the follow-up thread, marked as imported.
    const thread = getRequestDetail(vault, all[1]!.id).comments;
    expect(thread).toMatchObject([{ body: 'Please include contractors', source: 'import' }]);

    const log = vault.db.sqlite
      .prepare(
        `SELECT entity, action FROM audit_event
         WHERE entity IN ('request_import', 'request', 'request_comment') ORDER BY seq`,
      )
      .all();
    expect(log).toEqual([
      { entity: 'request_import', action: 'create' },
      { entity: 'request', action: 'create' },
      { entity: 'request', action: 'create' },
      { entity: 'request_comment', action: 'create' },
      { entity: 'request', action: 'create' },
    ]);
    // Each link to a criterion or a control is a row, logged on its own.
    const links = (sql: string) => vault.db.sqlite.prepare(sql).pluck().get();
    expect(
      links(
        `SELECT count(*) FROM audit_event WHERE entity IN ('request_criterion', 'request_control')`,
      ),
    ).toBe(
      links(
        `SELECT (SELECT count(*) FROM request_criterion) + (SELECT count(*) FROM request_control)`,
      ),
    );
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });

  it('updates requests by reference on re-import, applying only what the auditor changed', async () => {
    const dir = tempDir();
    const { vault } = await scopedVault(dir);
    const path = writePbcCsv(dir);
    await importRequests(vault, { path, fileName: 'pbc.csv', mapping: GUESSED });
    const before = filterRequests(vault, { includeArchived: false });
    // A local edit the next version of the file must not undo.
    updateRequest(vault, before[1]!.id, { wave: 'Fieldwork' });

    const again = await importRequests(vault, { path, fileName: 'pbc.csv', mapping: GUESSED });
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 3, skipped: 2 });

    const v2 = writePbcCsv(
      dir,
      'pbc-v2.csv',
      [
        PBC_CSV_HEADERS.join(';'),
        'PBC-001;CC6.1;AC-01;Access control policy, signed;Document;as of 31/03/2026;Ana Lima;30/04/2026;1;Accepted;;High',
        'PBC-002;CC6.2/CC6.3;AC-02 , AC-99;"List of all new hires; with ""start date""";Population;01/01/2026 - 30/06/2026;ana@acme.io;15 Apr 2026;2;;Please include contractors;',
        'PBC-010;CC7.2;;Incident tickets;Sample;Q1 2026;Bob Stone;"Apr 30, 2026";2;Follow-up;Now with root causes;',
        'PBC-011;CC9.2;;Vendor reviews;Document;;;;3;;;',
      ].join('\r\n'),
    );
    const summary = await importRequests(vault, {
      path: v2,
      fileName: 'pbc-v2.csv',
      mapping: GUESSED,
    });
    expect(summary.counts).toEqual({ new: 1, updated: 2, unchanged: 1, skipped: 0 });
    const after = filterRequests(vault, { includeArchived: false });
    expect(after.map((r) => r.ref)).toEqual(['PBC-001', 'PBC-002', 'PBC-010', 'PBC-011']);
    expect(after[0]!.id).toBe(before[0]!.id);
    expect(after[0]).toMatchObject({
      description: 'Access control policy, signed',
      criteria: ['CC6.1'],
      dueOn: '2026-04-30',
      extraColumns: [
        { header: 'Auditor Status', value: 'Accepted' },
        { header: 'Priority', value: 'High' },
      ],
      auditorStatus: null,
    });
    expect(after[1]!.wave).toBe('Fieldwork');
    expect(getRequestDetail(vault, after[2]!.id).comments.map((c) => c.body)).toEqual([
      'Now with root causes',
    ]);
    expect(requestCount(vault)).toBe(4);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });
});
