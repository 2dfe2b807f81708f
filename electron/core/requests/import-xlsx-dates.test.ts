import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { closeVault } from '../vault/session';
import { importRequests, previewImport } from './import';
import { filterRequests } from './queries';
import { scopedVault, writePbcCsv, writePbcXlsx } from './test-fixtures';

describe('dates that read either way', () => {
  it('are read month-first by default, each one reported, and day-first when asked', async () => {
    const dir = tempDir();
    const { vault } = await scopedVault(dir);
    const path = writePbcCsv(
      dir,
      'amb.csv',
      'Ref,Due,Period\nA,03/04/2026,\nB,05/06/2026,01/02/2026\n',
    );
    const byDefault = await previewImport(vault, { path, fileName: 'amb.csv' });
    expect(byDefault.dateOrder).toEqual({
      order: 'mdy',
      source: 'default',
      ambiguousValues: 3,
      conflicting: false,
    });
    expect(byDefault.rows.map((r) => [r.dueOn, r.period?.asOf ?? null])).toEqual([
      ['2026-03-04', null],
      ['2026-05-06', '2026-01-02'],
    ]);
    expect(byDefault.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [2, 'Due', 'warning'],
      [3, 'Due', 'warning'],
      [3, 'Period', 'warning'],
    ]);
    expect(byDefault.problems[0]!.message).toBe(
      '"03/04/2026" reads as a date either way; read month/day (2026-03-04). Choose the date order if that is wrong',
    );
    const dayFirst = await previewImport(vault, { path, fileName: 'amb.csv', dateOrder: 'dmy' });
    expect(dayFirst.rows.map((r) => r.dueOn)).toEqual(['2026-04-03', '2026-06-05']);
    expect(dayFirst.problems).toEqual([]);
    closeVault(vault);
  });
});

describe('importing an XLSX request list', () => {
  it('skips a title row, reads merged cells, rich text, formulas, links and every kind of date', async () => {
    const dir = tempDir();
    const { vault } = await scopedVault(dir);
    const path = await writePbcXlsx(dir);
    const summary = await importRequests(vault, {
      path,
      fileName: 'pbc.xlsx',
      mapping: {
        ref: 'Request ID',
        criteria: 'Criteria',
        description: 'Description',
        dueOn: 'Due date',
        wave: 'Wave',
      },
    });
    expect(summary).toMatchObject({ sheet: 'PBC list', headerRow: 3, unplacedHeaders: ['Status'] });
    expect(summary.dateOrder).toMatchObject({ order: 'mdy', source: 'file' });
    expect(summary.problems).toEqual([]);
    const rows = filterRequests(vault, { includeArchived: false });
    expect(
      rows.map((r) => [r.ref, r.description, r.criteria, r.dueOn, r.wave, r.extraColumns]),
    ).toEqual([
      [
        'R-1',
        'Quarterly access reviews',
        ['CC6.1'],
        '2026-03-31',
        'Wave 1',
        [{ header: 'Status', value: 'Open' }],
      ],
      [
        'R-2',
        'Change tickets (see portal)',
        ['CC8.1'],
        '2026-04-15',
        'Wave 1',
        [{ header: 'Status', value: 'Accepted' }],
      ],
      [
        'R-3',
        'Backup restore test',
        ['A1.2'],
        '2026-03-31',
        'Wave 2',
        [{ header: 'Status', value: '' }],
      ],
    ]);
    expect(rows[0]!.auditorColumns[3]).toEqual({ header: 'Due date', value: '2026-03-31' });
    expect(rows.every((r) => r.auditorStatus === null)).toBe(true);
    closeVault(vault);
  });

  it('guesses the same mapping without being told', async () => {
    const dir = tempDir();
    const { vault } = await scopedVault(dir);
    const preview = await previewImport(vault, {
      path: await writePbcXlsx(dir),
      fileName: 'x.xlsx',
    });
    expect(preview.mapping).toEqual({
      ref: 'Request ID',
      description: 'Description',
      criteria: 'Criteria',
      dueOn: 'Due date',
      wave: 'Wave',
    });
    expect(preview.counts.new).toBe(3);
    closeVault(vault);
  });
});
