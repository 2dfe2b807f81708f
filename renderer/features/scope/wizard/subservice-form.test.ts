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

  it('sends the bridge letter only when received, and a conclusion only with an assessment', () => {
    const values = valuesFrom();
    values.report.bridgeLetter = {
      received: false,
      receivedOn: '2026-07-05',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      evidenceId: null,
      note: 'kept while unticked',
    };
    values.report.exceptionsConclusion = 'Written, then switched back';
    expect(toInput(values).input.report).toMatchObject({
      bridgeLetter: null,
      exceptionsAssessment: 'not_assessed',
      exceptionsConclusion: '',
    });
    values.report.bridgeLetter.received = true;
    values.report.exceptionsAssessment = 'assessed';
    expect(toInput(values).input.report).toMatchObject({
      bridgeLetter: {
        receivedOn: '2026-07-05',
        periodEnd: '2026-06-30',
        note: 'kept while unticked',
      },
      exceptionsConclusion: 'Written, then switched back',
    });
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
