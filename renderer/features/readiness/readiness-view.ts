import type { ReadinessView } from '../../../shared/api/readiness';
import type { Finding, Severity } from '../../../shared/domain/readiness/finding';
import { RULE_GROUP, RULE_GROUPS, type RuleGroup } from '../../../shared/domain/readiness/groups';
import { matchesOwner } from '../../components/owner-filter';

/** One bar: a group of rules, its checks, how many pass, and the failing ones by severity. */
export interface GroupBar {
  group: RuleGroup;
  checks: number;
  passing: number;
  failing: Record<Severity, number>;
}

/** Checks per rule group, for the bars; groups with no check at all are left out. */
export function groupBars(r: ReadinessView): GroupBar[] {
  const bars = new Map<RuleGroup, GroupBar>(
    RULE_GROUPS.map((g) => [
      g,
      { group: g, checks: 0, passing: 0, failing: { blocking: 0, major: 0, minor: 0 } },
    ]),
  );
  for (const rule of r.byRule) {
    const bar = bars.get(RULE_GROUP[rule.rule])!;
    bar.checks += rule.checks;
    bar.passing += rule.passing;
  }
  for (const f of r.findings) bars.get(RULE_GROUP[f.rule])!.failing[f.severity]++;
  return [...bars.values()].filter((b) => b.checks > 0);
}

export interface FindingFilters {
  severity: Severity | null;
  group: RuleGroup | null;
  /** A person id, NO_OWNER, or null for anyone. */
  owner: string | null;
}

/**
 * Who owns the record a finding is about: the control's or the policy's owner. Findings about
 * anything else (the risk register, a section of the description) have no owner.
 */
export function ownerOfFinding(
  f: Finding,
  owners: {
    controls: ReadonlyMap<string, string | null>;
    policies: ReadonlyMap<string, string | null>;
  },
): string | null {
  const t = f.target;
  if (t.screen === 'control' || t.screen === 'controlTesting')
    return owners.controls.get(t.id) ?? null;
  if (t.screen === 'policy') return owners.policies.get(t.id) ?? null;
  return null;
}

export function filterFindings(
  findings: readonly Finding[],
  filters: FindingFilters,
  ownerOf: (f: Finding) => string | null,
): Finding[] {
  return findings.filter(
    (f) =>
      (filters.severity === null || f.severity === filters.severity) &&
      (filters.group === null || RULE_GROUP[f.rule] === filters.group) &&
      matchesOwner(filters.owner, ownerOf(f)),
  );
}
