import type { RuleId } from './finding';

/**
 * The areas the Readiness page groups its rules into, for the bars ("share of checks passing per
 * area") and the category filter. Every rule belongs to exactly one (the compiler checks it).
 */
export const RULE_GROUPS = [
  'criteria',
  'controls',
  'evidence',
  'policies',
  'risks',
  'vendors',
  'description',
] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

export const RULE_GROUP_LABEL: Record<RuleGroup, string> = {
  criteria: 'Criteria',
  controls: 'Controls',
  evidence: 'Evidence and testing',
  policies: 'Policies',
  risks: 'Risks',
  vendors: 'Subservice organisations',
  description: 'System description',
};

export const RULE_GROUP: Record<RuleId, RuleGroup> = {
  criterion_met: 'criteria',
  not_relevant_reason: 'criteria',
  control_owner: 'controls',
  control_performer_reviewer: 'controls',
  control_assessed: 'controls',
  control_operating_since: 'controls',
  gap_has_task: 'controls',
  description_control_evidence: 'evidence',
  self_reviewed_evidence: 'evidence',
  deviation_response: 'evidence',
  population_completeness: 'evidence',
  automated_change_history: 'evidence',
  policy_approved: 'policies',
  policy_review_current: 'policies',
  policy_acknowledged: 'policies',
  risk_assessment_recent: 'risks',
  residual_risk_credit: 'risks',
  subservice_report: 'vendors',
  subservice_bridge_letter: 'vendors',
  subservice_exceptions: 'vendors',
  subservice_monitoring: 'vendors',
  subservice_cuecs: 'vendors',
  description_complete: 'description',
  events_stated: 'description',
};
