import { describe, expect, it } from 'vitest';
import { criterionStatus, sentence } from './CriteriaCard';

describe('the criteria table', () => {
  it('says "met with exceptions" only for a met criterion whose key controls have isolated deviations', () => {
    expect(criterionStatus({ status: 'met', exceptions: ['ctl_1'] })).toEqual({
      label: 'Met with exceptions',
      tone: 'partial',
    });
    expect(criterionStatus({ status: 'met', exceptions: [] })).toEqual({
      label: 'Met',
      tone: 'met',
    });
    expect(criterionStatus({ status: 'mapped', exceptions: ['ctl_1'] }).label).toBe('Mapped');
    expect(criterionStatus({ status: 'not_mapped', exceptions: [] }).tone).toBe('missing');
    expect(criterionStatus({ status: 'not_relevant', exceptions: [] }).tone).toBe('neutral');
  });

  it('shows the coverage reason as a sentence', () => {
    expect(sentence('every key control is implemented')).toBe('Every key control is implemented');
    expect(sentence('')).toBe('');
  });
});
