import type { Engagement } from '../../../../shared/api/vault';
import type { SdSection, SectionCompleteness } from '../../../../shared/domain/system-description';
import { WIZARD_STEPS } from './wizard-steps';

/** The sections of the system description each question answers (none: asked elsewhere). */
const SECTIONS: Record<string, readonly SdSection[]> = {
  description: ['services', 'commitments', 'systemRequirements', 'components', 'boundaries'],
  events: ['incidents', 'changes'],
  subservices: ['subservices'],
  cuecs: ['cuecs'],
  'not-relevant': ['notRelevant'],
};

export interface AnswerFacts {
  engagement: Pick<Engagement, 'client' | 'reportType' | 'asOf' | 'period' | 'categories'> & {
    scopeConfirmedAt: string | null;
  };
  /** The description's completeness (null while it is loading: nothing of it is answered). */
  sections: readonly Pick<SectionCompleteness, 'section' | 'status'>[] | null;
  /** Categories chosen since the scope was last confirmed (not applied yet). */
  categoriesPending: boolean;
}

/**
 * Which questions of the wizard are answered, from what is saved — not which ones the user has
 * walked past. The step list ticks only these: a question skipped with Next stays unticked.
 */
export function answeredSteps(f: AnswerFacts): boolean[] {
  const e = f.engagement;
  const complete = (sections: readonly SdSection[]) =>
    f.sections !== null &&
    sections.every((s) => f.sections!.find((c) => c.section === s)?.status !== 'incomplete');
  return WIZARD_STEPS.map((step) => {
    switch (step.id) {
      case 'engagement':
        return e.client.trim() !== '';
      case 'report':
        return e.reportType === 'type1' ? e.asOf !== null : e.period !== null;
      case 'categories':
        return e.categories.length > 0;
      case 'review':
        return e.scopeConfirmedAt !== null && !f.categoriesPending;
      default: {
        const sections = SECTIONS[step.id];
        if (!sections) throw new Error(`No answer rule for the wizard step ${step.id}`);
        // Before the criteria exist, an empty list is no answer (the description's rule lets
        // "no criterion marked not relevant" pass while none is known).
        if (step.needsCriteria && e.scopeConfirmedAt === null) return false;
        return complete(sections);
      }
    }
  });
}
