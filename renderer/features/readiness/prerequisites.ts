import { PAGES, linkTo } from '../../app/routes';

/**
 * What the Readiness and Export steps will need from the vault, worked out from its real state,
 * while those steps are not built yet. Pure, so every case is tested. A need points to the
 * screen where it is met — never to Readiness or Export themselves, so no page sends the user
 * round in a circle; a need no screen can meet yet says so and points nowhere.
 */
export interface EngagementFacts {
  scopeConfirmed: boolean;
  controls: number;
  assessed: number;
  /** Criteria in scope that no applicable control serves. */
  notMapped: number;
  riskAssessment: 'missing' | 'stale' | 'current';
  /** Partial or missing controls without a task (proposals not yet decided). */
  unplannedGaps: number;
  requests: number;
  /** In-scope criteria (not scoped out), and how many are met. */
  criteria: number;
  metCriteria: number;
}

export type NeedState = 'done' | 'todo' | 'later';

export interface Need {
  id: string;
  state: NeedState;
  label: string;
  /** Where it stands now, in a sentence. */
  detail: string;
  /** The screen where it is done, and the words of the link. */
  link: { to: string; label: string } | null;
}

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Met criteria: reviewed evidence for every key control's windows (the coverage rule). */
function evidenceNeed(f: EngagementFacts): Need {
  const base = { id: 'evidence', label: 'Reviewed evidence behind every criterion' };
  if (!f.scopeConfirmed)
    return { ...base, state: 'todo', detail: 'Possible once the scope is confirmed.', link: null };
  if (f.criteria > 0 && f.metCriteria === f.criteria)
    return {
      ...base,
      state: 'done',
      detail: `All ${n(f.criteria, 'criterion', 'criteria')} met.`,
      link: null,
    };
  return {
    ...base,
    state: 'todo',
    detail: `${f.metCriteria} of ${n(f.criteria, 'criterion', 'criteria')} met: each needs its key controls implemented, with evidence reviewed by someone independent for every window.`,
    link: { to: linkTo('documentationEvidence'), label: 'Go to the evidence' },
  };
}

/** What the readiness review will need: the work of steps 1–4. */
export function readinessNeeds(f: EngagementFacts): Need[] {
  const scope: Need = f.scopeConfirmed
    ? {
        id: 'scope',
        state: 'done',
        label: 'A confirmed scope',
        detail: `Confirmed, with ${n(f.controls, 'control')} to assess.`,
        link: null,
      }
    : {
        id: 'scope',
        state: 'todo',
        label: 'A confirmed scope',
        detail: 'The criteria and the controls to assess come from it.',
        link: { to: linkTo('scopeEdit'), label: 'Answer the scoping questions' },
      };
  if (!f.scopeConfirmed) {
    return [
      scope,
      {
        id: 'assessed',
        state: 'todo',
        label: 'Every control assessed',
        detail: 'Possible once the scope is confirmed.',
        link: null,
      },
      {
        id: 'risks',
        ...riskNeed(f),
      },
      evidenceNeed(f),
    ];
  }
  const unassessed = f.controls - f.assessed;
  return [
    scope,
    {
      id: 'assessed',
      state: unassessed === 0 ? 'done' : 'todo',
      label: 'Every control assessed',
      detail:
        unassessed === 0
          ? `All ${n(f.controls, 'control')} assessed.`
          : `${f.assessed} of ${n(f.controls, 'control')} assessed.`,
      link: unassessed === 0 ? null : { to: linkTo('gapsFocus'), label: 'Continue assessing' },
    },
    {
      id: 'mapped',
      state: f.notMapped === 0 ? 'done' : 'todo',
      label: 'Every criterion served by a control',
      detail:
        f.notMapped === 0
          ? 'Every criterion in scope has a control.'
          : `${n(f.notMapped, 'criterion', 'criteria')} without a control.`,
      link: f.notMapped === 0 ? null : { to: linkTo('gapsCoverage'), label: 'See coverage' },
    },
    { id: 'risks', ...riskNeed(f) },
    {
      id: 'planned',
      state: f.unplannedGaps === 0 ? 'done' : 'todo',
      label: 'A task for every gap',
      detail:
        f.unplannedGaps === 0
          ? 'Every partial or missing control found so far has a task or was dismissed.'
          : `${n(f.unplannedGaps, 'gap')} without a task.`,
      link:
        f.unplannedGaps === 0 ? null : { to: PAGES.remediation, label: 'Decide on proposed tasks' },
    },
    evidenceNeed(f),
  ];
}

function riskNeed(f: EngagementFacts): Omit<Need, 'id'> {
  return {
    state: f.riskAssessment === 'current' ? 'done' : 'todo',
    label: 'A risk assessment within the last 12 months',
    detail:
      f.riskAssessment === 'current'
        ? 'Recorded and current.'
        : f.riskAssessment === 'stale'
          ? 'The last one is more than 12 months old.'
          : 'Not recorded yet.',
    link:
      f.riskAssessment === 'current'
        ? null
        : { to: linkTo('gapsRisks'), label: 'Go to the risk register' },
  };
}

/** Outputs that already exist today, each on the screen that makes it. */
export function availableExports(f: EngagementFacts): Need[] {
  return [
    {
      id: 'plan',
      state: 'done',
      label: 'The remediation plan (Excel or CSV)',
      detail:
        'Every task with its owner, due date and status, from the Export menu on Remediation.',
      link: { to: PAGES.remediation, label: 'Go to Remediation' },
    },
    f.requests > 0
      ? {
          id: 'requests',
          state: 'done',
          label: 'The auditor’s request list (Excel or CSV)',
          detail: `${n(f.requests, 'request')}, with their columns as given and ours after them.`,
          link: { to: PAGES.documentation, label: 'Go to Documentation' },
        }
      : {
          id: 'requests',
          state: 'todo',
          label: 'The auditor’s request list (Excel or CSV)',
          detail: 'Once the auditor’s list has been imported.',
          link: { to: PAGES.documentation, label: 'Import the request list' },
        },
    f.scopeConfirmed
      ? {
          id: 'description',
          state: 'done',
          label: 'The system description (Markdown, Word or PDF)',
          detail: 'The draft written from the scoping answers, on the Scope screen.',
          link: { to: PAGES.scope, label: 'Go to Scope' },
        }
      : {
          id: 'description',
          state: 'todo',
          label: 'The system description (Markdown, Word or PDF)',
          detail: 'Once the scope is confirmed.',
          link: { to: linkTo('scopeEdit'), label: 'Answer the scoping questions' },
        },
  ];
}

/** What the audit package will need beyond what exists today. */
export function exportNeeds(): Need[] {
  return [
    {
      id: 'review',
      state: 'later',
      label: 'A readiness review',
      detail: 'The package carries the readiness report; the review comes in a later version.',
      link: null,
    },
  ];
}
