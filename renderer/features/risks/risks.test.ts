import { describe, expect, it } from 'vitest';
import type { Risk } from '../../../shared/api/risks';
import { assessedOnState } from './assessed-on';
import { riskBand } from './risk-labels';
import { binRisks, topRisks } from './risk-matrix';

const risk = (id: string, l: number, i: number, rl: number, ri: number): Risk => ({
  id,
  title: id,
  description: '',
  category: 'security',
  likelihood: l,
  impact: i,
  inherentScore: l * i,
  treatment: 'mitigate',
  acceptedById: null,
  acceptedOn: null,
  residualLikelihood: rl,
  residualImpact: ri,
  residualScore: rl * ri,
  ownerId: null,
  controlIds: [],
  reviewOn: null,
  starterKey: null,
  archived: false,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('binRisks', () => {
  const risks = [risk('a', 4, 4, 2, 4), risk('b', 4, 4, 4, 4), risk('c', 1, 5, 1, 5)];

  it('counts risks per likelihood × impact cell, inherent and residual apart', () => {
    const inherent = binRisks(risks, 'inherent');
    expect(inherent[3]![3]).toEqual(['a', 'b']);
    expect(inherent[0]![4]).toEqual(['c']);
    const residual = binRisks(risks, 'residual');
    expect(residual[3]![3]).toEqual(['b']);
    expect(residual[1]![3]).toEqual(['a']);
    expect(residual.flat().flat()).toHaveLength(3);
  });

  it('keeps out-of-range scores on the grid', () => {
    const cells = binRisks([risk('x', 0, 9, 1, 1)], 'inherent');
    expect(cells[0]![4]).toEqual(['x']);
  });
});

describe('riskBand and topRisks', () => {
  it('uses the thresholds that raise gap severity', () => {
    expect(riskBand(15)).toBe('high');
    expect(riskBand(14)).toBe('medium');
    expect(riskBand(8)).toBe('medium');
    expect(riskBand(7)).toBe('low');
  });

  it('orders by residual, then inherent score', () => {
    const top = topRisks([risk('a', 4, 4, 2, 4), risk('b', 3, 3, 3, 3), risk('c', 5, 5, 3, 3)], 2);
    expect(top.map((r) => r.id)).toEqual(['c', 'b']);
  });
});

describe('assessedOnState', () => {
  it('flags a missing date and one older than twelve months', () => {
    expect(assessedOnState(null, '2026-11-26')).toEqual({ kind: 'missing' });
    expect(assessedOnState('2025-11-25', '2026-11-26')).toEqual({
      kind: 'stale',
      date: '2025-11-25',
    });
    expect(assessedOnState('2025-11-26', '2026-11-26').kind).toBe('current');
    expect(assessedOnState('2026-01-20', '2026-11-26').kind).toBe('current');
  });
});
