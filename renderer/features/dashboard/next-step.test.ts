import { describe, expect, it } from 'vitest';
import { type NextStepFacts, nextStep } from './next-step';

const done: NextStepFacts = {
  scopeConfirmed: true,
  controls: 120,
  unassessed: 0,
  proposals: 0,
  overdue: 0,
  riskAssessment: 'current',
  notMapped: 0,
};

describe('nextStep', () => {
  it('follows the workflow: scope, assessment, coverage, proposals, overdue, risks, evidence', () => {
    expect(nextStep({ ...done, scopeConfirmed: false }).to).toBe('/scope');
    expect(nextStep({ ...done, controls: 0 }).to).toBe('/scope');
    expect(nextStep({ ...done, unassessed: 12, proposals: 3 })).toMatchObject({
      title: 'Assess 12 more controls',
      to: '/gaps?view=focus',
    });
    expect(nextStep({ ...done, notMapped: 1 }).title).toBe('Map 1 criterion to a control');
    expect(nextStep({ ...done, proposals: 1 }).title).toBe('Decide on 1 proposed task');
    expect(nextStep({ ...done, overdue: 2 }).title).toBe('2 tasks are overdue');
    expect(nextStep({ ...done, riskAssessment: 'stale' }).title).toBe('Repeat the risk assessment');
    expect(nextStep(done).to).toBe('/documentation');
  });
});
