import { describe, expect, it } from 'vitest';
import { computeCoverage, type CoverageControl } from './coverage';
import { type GapControl, findGaps } from './gaps';

function run(
  controls: (GapControl & { evidence?: CoverageControl['evidence'] })[],
  criteria = ['CC6.1', 'CC6.2'],
) {
  const coverage = computeCoverage(
    criteria.map((id) => ({ id, notRelevantReason: null })),
    controls.map((c) => ({
      id: c.id,
      criteria: c.criteria,
      supporting: c.supporting,
      assessment: c.assessment,
      evidence: c.evidence ?? 'none',
    })),
  );
  return findGaps(controls, coverage);
}

describe('gaps', () => {
  it('are only controls assessed partial or not implemented: unassessed is not a gap', () => {
    const unassessed: GapControl[] = [
      { id: 'a', ref: 'AC-01', criteria: ['CC6.1'], assessment: null, residualRisk: null },
      { id: 'b', ref: 'AC-02', criteria: ['CC6.2'], assessment: null, residualRisk: 20 },
    ];
    expect(run(unassessed)).toEqual([]);
    expect(
      run([...unassessed, { ...unassessed[0]!, id: 'c', ref: 'AC-03', assessment: 'partial' }]),
    ).toEqual([
      expect.objectContaining({ controlId: 'c', status: 'partial', severity: 'blocking' }),
    ]);
  });

  it('skip implemented and not-applicable controls', () => {
    expect(
      run([
        {
          id: 'a',
          ref: 'AC-01',
          criteria: ['CC6.1'],
          assessment: 'implemented',
          residualRisk: null,
        },
        {
          id: 'b',
          ref: 'AC-02',
          criteria: ['CC6.1'],
          assessment: 'not_applicable',
          residualRisk: null,
        },
      ]),
    ).toEqual([]);
  });

  it('are blocking when a criterion depends on them alone', () => {
    const [g] = run([
      {
        id: 'a',
        ref: 'AC-01',
        criteria: ['CC6.1'],
        assessment: 'not_implemented',
        residualRisk: null,
      },
    ]);
    expect(g).toMatchObject({
      severity: 'blocking',
      unmetCriteria: ['CC6.1'],
      status: 'not_implemented',
    });
  });

  it('are blocking for a key control however many other controls serve the criterion', () => {
    const gaps = run([
      { id: 'a', ref: 'AC-01', criteria: ['CC6.1'], assessment: 'implemented', residualRisk: null },
      { id: 'b', ref: 'AC-02', criteria: ['CC6.1'], assessment: 'partial', residualRisk: null },
      ...['c', 'd', 'e'].map((id) => ({
        id,
        ref: `AC-0${id}`,
        criteria: ['CC6.1'],
        supporting: ['CC6.1'],
        assessment: 'implemented' as const,
        residualRisk: null,
      })),
    ]);
    expect(gaps).toEqual([expect.objectContaining({ controlId: 'b', severity: 'blocking' })]);
  });

  it('are major when they only support an unmet criterion', () => {
    const gaps = run([
      { id: 'a', ref: 'AC-01', criteria: ['CC6.1'], assessment: 'implemented', residualRisk: null },
      {
        id: 'b',
        ref: 'AC-02',
        criteria: ['CC6.1'],
        supporting: ['CC6.1'],
        assessment: 'partial',
        residualRisk: null,
      },
    ]);
    expect(gaps).toEqual([expect.objectContaining({ controlId: 'b', severity: 'major' })]);
  });

  it('are minor when their criteria are already met, unless the residual risk is high', () => {
    const controls: GapControl[] = [
      { id: 'a', ref: 'AC-01', criteria: ['CC6.1'], assessment: 'implemented', residualRisk: null },
      {
        id: 'b',
        ref: 'AC-02',
        criteria: ['CC6.1'],
        supporting: ['CC6.1'],
        assessment: 'partial',
        residualRisk: 4,
      },
    ];
    const withEvidence = controls.map((c) =>
      c.id === 'a' ? { ...c, evidence: 'complete' as const } : c,
    );
    expect(run(withEvidence)).toEqual([
      expect.objectContaining({ controlId: 'b', severity: 'minor', status: 'partial' }),
    ]);
    expect(
      run(withEvidence.map((c) => (c.id === 'b' ? { ...c, residualRisk: 16 } : c)))[0]!.severity,
    ).toBe('blocking');
    expect(
      run(withEvidence.map((c) => (c.id === 'b' ? { ...c, residualRisk: 9 } : c)))[0]!.severity,
    ).toBe('major');
  });

  it('are ordered by severity, then residual risk, then reference', () => {
    const gaps = run(
      [
        {
          id: 'impl',
          ref: 'AC-09',
          criteria: ['CC6.2'],
          assessment: 'implemented',
          residualRisk: null,
        },
        {
          id: 'minor',
          ref: 'AC-01',
          criteria: ['CC6.2'],
          supporting: ['CC6.2'],
          assessment: 'partial',
          residualRisk: 2,
        },
        {
          id: 'b1',
          ref: 'AC-05',
          criteria: ['CC6.1'],
          assessment: 'not_implemented',
          residualRisk: 6,
        },
        {
          id: 'b2',
          ref: 'AC-03',
          criteria: ['CC6.1'],
          assessment: 'not_implemented',
          residualRisk: 12,
        },
      ],
      ['CC6.1', 'CC6.2'],
    );
    expect(gaps.map((g) => g.controlId)).toEqual(['b2', 'b1', 'minor']);
  });
});
