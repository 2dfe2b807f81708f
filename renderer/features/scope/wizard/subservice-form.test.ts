import { describe, expect, it } from 'vitest';
import { errorsOnFormRows, toInput, valuesFrom } from './subservice-form';

describe('subservice form', () => {
  it('sends no blank rows and no empty dates', () => {
    const values = valuesFrom();
    values.name = 'CloudHost';
    values.criteria = ['CC6.4'];
    values.csocs = [
      { description: '', criteria: [] },
      { description: 'Physical access restricted', criteria: ['CC6.4'] },
    ];
    values.report.type = 'type1';
    values.report.periodStart = '2026-01-01';
    values.report.periodEnd = '2026-03-31';
    const { input, rows } = toInput(values, 'sso_1');
    expect(input).toMatchObject({
      id: 'sso_1',
      csocs: [{ description: 'Physical access restricted', criteria: ['CC6.4'] }],
      vendorCuecs: [],
      report: { type: 'type1', periodStart: null, periodEnd: '2026-03-31', reviewedOn: null },
    });
    expect(rows.csocs).toEqual([1]);
  });

  it('puts errors on sent rows back on the rows the user sees', () => {
    expect(
      errorsOnFormRows(
        { 'csocs.0.criteria.0': 'Not supported', csocs: 'Not supported', name: 'Name it' },
        { csocs: [2], vendorCuecs: [] },
      ),
    ).toEqual({ 'csocs.2.criteria.0': 'Not supported', csocs: 'Not supported', name: 'Name it' });
  });
});
