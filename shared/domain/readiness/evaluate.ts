import { type Finding, type RuleId, SEVERITIES, type Severity } from './finding';
import type { ReadinessFacts } from './facts';
import { CONTROL_RULES, type RuleCheck } from './rules-controls';
import { ENGAGEMENT_RULES } from './rules-engagement';

/** Every readiness rule, in the order findings of one severity are listed. */
export const RULES: readonly RuleCheck[] = [...ENGAGEMENT_RULES, ...CONTROL_RULES];

export interface RuleOutcome {
  rule: RuleId;
  title: string;
  checks: number;
  passing: number;
}

export interface Readiness {
  evaluatedOn: string;
  /** Gate, don't average: ready for the auditor's eyes only with no blocking finding. */
  blocked: boolean;
  /** Blocking first, then major, then minor; within one, in rule order. */
  findings: Finding[];
  counts: Record<Severity, number>;
  checks: number;
  passing: number;
  /** Whole percent of checks passing, rounded down (99.6 % is not 100 %). */
  percentPassing: number;
  /** Windows of control occurrences not closed yet at the evaluation date (Type II). */
  windowsToCome: number;
  byRule: RuleOutcome[];
}

/**
 * Runs every rule over one set of facts. Pure: the same facts give the same findings and
 * figures, whoever evaluates them and whenever.
 */
export function evaluateReadiness(facts: ReadinessFacts): Readiness {
  const findings: Finding[] = [];
  const byRule: RuleOutcome[] = [];
  let checks = 0;
  let passing = 0;
  for (const rule of RULES) {
    const results = rule.check(facts);
    let passed = 0;
    for (const r of results) {
      if (r.pass) passed++;
      else findings.push({ ...r.finding, rule: rule.id, severity: r.severity ?? rule.severity });
    }
    checks += results.length;
    passing += passed;
    byRule.push({ rule: rule.id, title: rule.title, checks: results.length, passing: passed });
  }
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  // Stable sort: within a severity, the rules' own order.
  findings.sort((a, b) => rank(a.severity) - rank(b.severity));
  const counts = { blocking: 0, major: 0, minor: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    evaluatedOn: facts.evaluatedOn,
    blocked: counts.blocking > 0,
    findings,
    counts,
    checks,
    passing,
    percentPassing: checks === 0 ? 100 : Math.floor((passing * 100) / checks),
    windowsToCome: facts.controls.reduce((n, c) => n + c.windowsToCome, 0),
    byRule,
  };
}
