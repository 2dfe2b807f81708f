import type { AssessedOnState } from '../risks/assessed-on';

export interface NextStepFacts {
  scopeConfirmed: boolean;
  controls: number;
  unassessed: number;
  proposals: number;
  overdue: number;
  riskAssessment: AssessedOnState['kind'];
  notMapped: number;
}

export interface NextStep {
  title: string;
  detail: string;
  action: string;
  to: string;
}

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * The one thing to do next, in workflow order, from real state. Pure, so every branch is tested.
 * When nothing in steps 1–3 is left, the honest next step is evidence: nothing is "met" without it.
 */
export function nextStep(f: NextStepFacts): NextStep {
  if (!f.scopeConfirmed || f.controls === 0)
    return {
      title: 'Confirm the scope',
      detail:
        'Check the categories, the period and the systems this report covers. The controls to assess come from it.',
      action: 'Go to Scope',
      to: '/scope',
    };
  if (f.unassessed > 0)
    return {
      title: `Assess ${n(f.unassessed, 'more control')}`,
      detail: 'Say for each control whether it is in place. One at a time, with keys 1–4.',
      action: 'Continue assessing',
      to: '/gaps?view=focus',
    };
  if (f.notMapped > 0)
    return {
      title: `Map ${n(f.notMapped, 'criterion', 'criteria')} to a control`,
      detail:
        'No applicable control serves them. Map a control, or record why the criterion is not relevant.',
      action: 'See coverage',
      to: '/gaps?view=coverage',
    };
  if (f.proposals > 0)
    return {
      title: `Decide on ${n(f.proposals, 'proposed task')}`,
      detail:
        'Each gap has a proposed task. Accept it with an owner and a due date, or dismiss it.',
      action: 'Go to Remediation',
      to: '/remediation',
    };
  if (f.overdue > 0)
    return {
      title: `${n(f.overdue, 'task is', 'tasks are')} overdue`,
      detail: 'Finish them, or agree a new due date with their owners.',
      action: 'See the plan',
      to: '/remediation?view=table',
    };
  if (f.riskAssessment !== 'current')
    return {
      title:
        f.riskAssessment === 'missing'
          ? 'Record the risk assessment'
          : 'Repeat the risk assessment',
      detail: 'Readiness needs a risk assessment performed within the last 12 months.',
      action: 'Go to Risks',
      to: '/gaps?view=risks',
    };
  return {
    title: 'Collect evidence',
    detail:
      'Criteria are mapped. A criterion is met only with reviewed evidence that each control operated.',
    action: 'Go to Documentation',
    to: '/documentation',
  };
}
