import { describe, expect, it } from 'vitest';
import type { ReadinessView } from '../../../shared/api/readiness';
import type { Finding } from '../../../shared/domain/readiness/finding';
import { FORBIDDEN_CLAIMS } from '../../../shared/domain/readiness/status-line';
import { RULE_GROUP_LABEL } from '../../../shared/domain/readiness/groups';
import { LINKS, PAGES } from '../../app/routes';
import { fixTargetAddress, fixTargetLabel } from './fix-target-link';
import { filterFindings, groupBars, ownerOfFinding } from './readiness-view';

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'control_owner',
  severity: 'major',
  object: 'AC-01 Access reviews',
  message: 'No owner',
  fix: 'Name an owner',
  target: { screen: 'control', id: 'ctl_1' },
  ...over,
});

const review = (findings: Finding[]): ReadinessView => ({
  evaluatedOn: '2026-05-15',
  blocked: findings.some((f) => f.severity === 'blocking'),
  findings,
  counts: { blocking: 1, major: 2, minor: 0 },
  checks: 10,
  passing: 7,
  percentPassing: 70,
  windowsToCome: 0,
  byRule: [
    { rule: 'criterion_met', title: 'Met', checks: 4, passing: 3 },
    { rule: 'control_owner', title: 'Owner', checks: 5, passing: 3 },
    { rule: 'control_assessed', title: 'Assessed', checks: 1, passing: 1 },
    { rule: 'policy_approved', title: 'Approved', checks: 0, passing: 0 },
  ],
});

const findings = [
  finding({
    rule: 'criterion_met',
    severity: 'blocking',
    object: 'CC6.1',
    target: { screen: 'criterion', id: 'CC6.1' },
  }),
  finding({}),
  finding({ target: { screen: 'control', id: 'ctl_2' }, object: 'AC-02' }),
];

describe('the readiness page’s figures', () => {
  it('sums checks per area and splits the failing ones by severity; empty areas are left out', () => {
    expect(groupBars(review(findings))).toEqual([
      { group: 'criteria', checks: 4, passing: 3, failing: { blocking: 1, major: 0, minor: 0 } },
      { group: 'controls', checks: 6, passing: 4, failing: { blocking: 0, major: 2, minor: 0 } },
    ]);
  });

  it('filters findings by severity, area and the owner of the record they are about', () => {
    const owners = {
      controls: new Map([
        ['ctl_1', 'per_ana'],
        ['ctl_2', null],
      ]),
      policies: new Map<string, string | null>(),
    };
    const ownerOf = (f: Finding) => ownerOfFinding(f, owners);
    const pick = (filters: Parameters<typeof filterFindings>[1]) =>
      filterFindings(findings, filters, ownerOf).map((f) => f.object);
    expect(pick({ severity: null, group: null, owner: null })).toHaveLength(3);
    expect(pick({ severity: 'blocking', group: null, owner: null })).toEqual(['CC6.1']);
    expect(pick({ severity: null, group: 'controls', owner: null })).toEqual([
      'AC-01 Access reviews',
      'AC-02',
    ]);
    expect(pick({ severity: null, group: null, owner: 'per_ana' })).toEqual([
      'AC-01 Access reviews',
    ]);
    expect(pick({ severity: null, group: null, owner: 'none' })).toEqual(['CC6.1', 'AC-02']);
  });
});

describe('fix links', () => {
  it('send every kind of finding to a page of the router, with the record it names', () => {
    const targets: Finding['target'][] = [
      { screen: 'criterion', id: 'CC6.1' },
      { screen: 'control', id: 'ctl_1' },
      { screen: 'controlTesting', id: 'ctl_1' },
      { screen: 'policy', id: 'pol_1' },
      { screen: 'evidence', id: 'evi_1' },
      { screen: 'subservice', id: 'sub_1' },
      { screen: 'subservices' },
      { screen: 'risk', id: 'rsk_1' },
      { screen: 'risks' },
      { screen: 'description' },
      { screen: 'events' },
    ];
    const pages = new Set<string>(Object.values(PAGES));
    for (const t of targets) {
      const address = fixTargetAddress(t);
      expect(pages.has(address.split('?')[0]!), address).toBe(true);
      if ('id' in t) expect(address).toContain(encodeURIComponent(t.id));
      expect(fixTargetLabel(t)).toMatch(/^Open /);
    }
    expect(fixTargetAddress({ screen: 'control', id: 'ctl_1' })).toBe(
      '/gaps?view=focus&control=ctl_1',
    );
    // A vendor's finding opens that vendor's drawer over the subservice step.
    expect(fixTargetAddress({ screen: 'subservice', id: 'sso_1' })).toBe(
      '/scope?edit=1&step=7&subservice=sso_1',
    );
    expect(fixTargetAddress({ screen: 'description' })).toBe(
      `/scope?${new URLSearchParams(LINKS.scopeDescription.params).toString()}`,
    );
  });

  it('never claim what only an auditor can say', () => {
    const words = [...Object.values(RULE_GROUP_LABEL)];
    for (const w of words) for (const claim of FORBIDDEN_CLAIMS) expect(w).not.toMatch(claim);
  });
});
