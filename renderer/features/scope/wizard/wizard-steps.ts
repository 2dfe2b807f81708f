/**
 * The scoping wizard's steps, in order. `scopeStep` on the engagement is the furthest index
 * reached, so the wizard resumes there. Each step says in a sentence or two what it is for.
 *
 * The questions that work with the criteria in scope (subservice organisations, customer
 * controls, criteria not relevant) come after "Review and confirm", which copies the criteria
 * in: no question has to stop the user mid-wizard to confirm first.
 */
export interface WizardStep {
  id: string;
  label: string;
  title: string;
  explain: string;
  /** Works with the criteria in scope, which exist once the scope has been confirmed. */
  needsCriteria?: boolean;
}

export const WIZARD_STEPS: readonly WizardStep[] = [
  {
    id: 'engagement',
    label: 'Engagement',
    title: 'The engagement',
    explain:
      'Who the report is for and who is involved. The client and its services open the system description; the auditor and contacts keep the engagement in one place.',
  },
  {
    id: 'report',
    label: 'Report type',
    title: 'Report type and dates',
    explain:
      'A Type I report checks that controls are well designed on one date. A Type II report also tests that they worked throughout a period, usually three to twelve months.',
  },
  {
    id: 'categories',
    label: 'Categories',
    title: 'Trust Services categories',
    explain:
      'Security is in every SOC 2 report. Add another category only when your customers rely on it, for example an uptime promise (Availability) or contractual secrecy (Confidentiality).',
  },
  {
    id: 'description',
    label: 'System description',
    title: 'The system',
    explain:
      'What the auditor’s report describes: the services, what you promise customers, where the system ends and what it is made of. Write plainly; Attest drafts the narrative from these answers.',
  },
  {
    id: 'events',
    label: 'Incidents and changes',
    title: 'Incidents and significant changes',
    explain:
      'Significant incidents (DC 4) and, for a Type II report, significant changes to the system during the period (DC 9). If there were none, say so and as of which date.',
  },
  {
    id: 'review',
    label: 'Review and confirm',
    title: 'Review and confirm',
    explain:
      'Check what the scope holds, then confirm. Confirming copies the criteria into the vault and adds the library controls that serve them; the last three questions work with them. Confirming again later keeps all work.',
  },
  {
    id: 'subservices',
    label: 'Subservice organisations',
    title: 'Subservice organisations',
    explain:
      'Vendors that run part of your system, such as your cloud provider. Say whether their controls are left out of your report (carve-out) or included, and how you keep an eye on them.',
    needsCriteria: true,
  },
  {
    id: 'cuecs',
    label: 'Customer controls',
    title: 'Controls you expect of your customers',
    explain:
      'Complementary user entity controls (CUECs): what your customers must do for your controls to work, such as removing their own leavers from your product.',
    needsCriteria: true,
  },
  {
    id: 'not-relevant',
    label: 'Criteria not relevant',
    title: 'Criteria not relevant to the system',
    explain:
      'If a criterion truly does not apply to your system, say why (DC 8). A criterion served by a carved-out vendor still applies: a carve-out is not “not relevant”.',
    needsCriteria: true,
  },
];

export const LAST_STEP = WIZARD_STEPS.length - 1;

/** The index of a step by its id, for links into one question (`scopeLinks.wizard`). */
export function stepIndexOf(id: string): number {
  const index = WIZARD_STEPS.findIndex((s) => s.id === id);
  if (index === -1) throw new Error(`The scoping wizard has no step ${id}`);
  return index;
}

/** "Review and confirm": the questions after it need the criteria it copies in. */
export const CONFIRM_STEP = stepIndexOf('review');

/**
 * The step to open: a valid one asked for in the link, else where the user left off — never past
 * the confirmation while the scope is unconfirmed (a vault saved under the earlier order may
 * remember a later index).
 */
export function initialStep(requested: string | null, furthest: number, confirmed: boolean) {
  const asked = requested === null ? NaN : Number(requested) - 1;
  if (Number.isInteger(asked) && asked >= 0 && asked <= LAST_STEP) return asked;
  return confirmed ? 0 : Math.min(Math.max(0, furthest), CONFIRM_STEP);
}

/** Whether a step can be opened from the step list: never past an unconfirmed scope. */
export function canOpenStep(step: number, furthest: number, confirmed: boolean): boolean {
  if (confirmed) return true;
  return step <= Math.min(furthest, CONFIRM_STEP);
}
