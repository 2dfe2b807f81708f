/** How much a finding stands between the engagement and its audit (DESIGN §5). */
export type Severity = 'blocking' | 'major' | 'minor';
export const SEVERITIES: readonly Severity[] = ['blocking', 'major', 'minor'];

/**
 * Where the user fixes a finding: a record or a screen, named as data (the renderer turns it
 * into a link; `shared/` knows no routes).
 */
export type FixTarget =
  | {
      screen: 'criterion' | 'control' | 'policy' | 'evidence' | 'subservice' | 'risk';
      id: string;
    }
  | { screen: 'controlTesting'; id: string }
  | { screen: 'risks' | 'description' | 'events' | 'subservices' };

/** One failed check: which rule, about what, how serious, what to do, and where. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** What it is about, as the user knows it: "CC6.1", "Access review", "Acme Cloud". */
  object: string;
  /** What is wrong, in a plain sentence. */
  message: string;
  /** What to do about it. */
  fix: string;
  target: FixTarget;
}

export const RULE_IDS = [
  'criterion_met',
  'not_relevant_reason',
  'control_owner',
  'control_performer_reviewer',
  'control_assessed',
  'control_operating_since',
  'gap_has_task',
  'description_control_evidence',
  'self_reviewed_evidence',
  'deviation_response',
  'policy_approved',
  'policy_review_current',
  'policy_acknowledged',
  'risk_assessment_recent',
  'residual_risk_credit',
  'subservice_report',
  'subservice_bridge_letter',
  'subservice_exceptions',
  'subservice_monitoring',
  'subservice_cuecs',
  'description_complete',
  'events_stated',
  'population_completeness',
  'automated_change_history',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** One check of one rule on one object: passed, or the finding it raises. */
export type Check =
  | { pass: true }
  | {
      pass: false;
      finding: Omit<Finding, 'rule' | 'severity'>;
      /** Raises or lowers the rule's severity for this object (e.g. key controls). */
      severity?: Severity;
    };

export interface Rule {
  id: RuleId;
  /** What the rule asks, as a heading ("Every control has an owner"). */
  title: string;
  /** The severity of its findings (a check may state its own, e.g. for key controls). */
  severity: Severity;
  /** Why it matters to an auditor, for the rule's explanation in the UI and README. */
  why: string;
}
