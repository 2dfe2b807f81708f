import { describe, expect, it } from 'vitest';
import { SD_SECTIONS } from '../../../../shared/domain/system-description';
import { type AnswerFacts, answeredSteps } from './wizard-answers';
import { CONFIRM_STEP, WIZARD_STEPS, canOpenStep, initialStep } from './wizard-steps';

const incomplete = SD_SECTIONS.map((section) => ({
  section,
  status: section === 'changes' ? ('not_applicable' as const) : ('incomplete' as const),
}));

const FRESH: AnswerFacts = {
  engagement: {
    client: '',
    reportType: 'type1',
    asOf: '2026-06-30',
    period: null,
    categories: ['security'],
    scopeConfirmedAt: null,
  },
  sections: incomplete,
  categoriesPending: false,
};

const ticked = (f: AnswerFacts) =>
  WIZARD_STEPS.filter((_, i) => answeredSteps(f)[i]).map((s) => s.id);

describe('the scoping wizard’s order', () => {
  it('asks the questions that need the criteria only after the scope is confirmed', () => {
    const ids = WIZARD_STEPS.map((s) => s.id);
    expect(ids[CONFIRM_STEP]).toBe('review');
    for (const [i, step] of WIZARD_STEPS.entries())
      expect(Boolean(step.needsCriteria), step.id).toBe(i > CONFIRM_STEP);
  });

  it('resumes an unconfirmed scope no further than the confirmation', () => {
    expect(initialStep(null, 8, false)).toBe(CONFIRM_STEP);
    expect(initialStep(null, 2, false)).toBe(2);
    expect(initialStep(null, 8, true)).toBe(0);
    expect(initialStep('7', 0, false)).toBe(6);
    expect(canOpenStep(CONFIRM_STEP + 1, 8, false)).toBe(false);
    expect(canOpenStep(CONFIRM_STEP, 8, false)).toBe(true);
    expect(canOpenStep(3, 2, false)).toBe(false);
    expect(canOpenStep(8, 0, true)).toBe(true);
  });
});

describe('answeredSteps: the step list ticks what is answered, not what was walked past', () => {
  it('ticks only what the new vault dialog already answered', () => {
    expect(ticked(FRESH)).toEqual(['report', 'categories']);
  });

  it('ticks no question that needs the criteria before they exist, whatever its section says', () => {
    const lenient = FRESH.sections!.map((s) =>
      s.section === 'notRelevant' ? { ...s, status: 'complete' as const } : s,
    );
    expect(ticked({ ...FRESH, sections: lenient })).toEqual(['report', 'categories']);
  });

  it('ticks a question once its sections are complete, and the confirmation once applied', () => {
    const done = FRESH.sections!.map((s) =>
      ['services', 'commitments', 'systemRequirements', 'components', 'boundaries'].includes(
        s.section,
      )
        ? { ...s, status: 'complete' as const }
        : s,
    );
    const f = {
      ...FRESH,
      engagement: { ...FRESH.engagement, client: 'Acme', scopeConfirmedAt: '2026-12-01T10:00:00Z' },
      sections: done,
    };
    expect(ticked(f)).toEqual(['engagement', 'report', 'categories', 'description', 'review']);
    // Categories added since: the confirmation is not answered until they are applied.
    expect(ticked({ ...f, categoriesPending: true })).not.toContain('review');
  });

  it('ticks nothing of the description while it loads, and a Type II with no period', () => {
    expect(ticked({ ...FRESH, sections: null })).toEqual(['report', 'categories']);
    const type2 = {
      ...FRESH,
      engagement: { ...FRESH.engagement, reportType: 'type2' as const, asOf: null },
    };
    expect(ticked(type2)).toEqual(['categories']);
  });
});
