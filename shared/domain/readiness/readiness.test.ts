import { describe, expect, it } from 'vitest';
import { evaluateReadiness, RULES } from './evaluate';
import type { ReadinessControl, ReadinessFacts } from './facts';
import { control, ready } from './test-facts';
import { RULE_IDS, type RuleId, type Severity } from './finding';
import { FORBIDDEN_CLAIMS, evaluatedAsOf, statusLine } from './status-line';

const withControl = (f: ReadinessFacts, id: string, over: Partial<ReadinessControl>) => ({
  ...f,
  controls: f.controls.map((c) => (c.id === id ? { ...c, ...over } : c)),
});
const sub = (f: ReadinessFacts, over: Partial<ReadinessFacts['subservices'][number]>) => ({
  ...f,
  subservices: [{ ...f.subservices[0]!, ...over }],
});
const report = (f: ReadinessFacts, over: object) =>
  sub(f, { report: { ...f.subservices[0]!.report!, ...over } });

/** Each rule, broken one way: the rule, severity and object of the one finding it raises. */
const BROKEN: [string, (f: ReadinessFacts) => ReadinessFacts, RuleId, Severity, string][] = [
  [
    'a criterion only mapped',
    (f) => ({
      ...f,
      criteria: [
        { ...f.criteria[0]!, status: 'mapped', reason: 'Key control c1 has no reviewed evidence' },
        f.criteria[1]!,
      ],
    }),
    'criterion_met',
    'blocking',
    'CC6.1',
  ],
  [
    'a criterion scoped out without a reason',
    (f) => ({ ...f, criteria: [f.criteria[0]!, { ...f.criteria[1]!, notRelevantReason: '  ' }] }),
    'not_relevant_reason',
    'major',
    'P1.1',
  ],
  [
    'a control without owner',
    (f) => withControl(f, 'c1', { ownerId: null }),
    'control_owner',
    'major',
    'C1 Control c1',
  ],
  [
    'a control without performer',
    (f) => withControl(f, 'c1', { performerId: null }),
    'control_performer_reviewer',
    'major',
    'C1 Control c1',
  ],
  [
    'a control without reviewer',
    (f) => withControl(f, 'c1', { reviewerId: null }),
    'control_performer_reviewer',
    'major',
    'C1 Control c1',
  ],
  [
    'a control reviewed by its performer',
    (f) => withControl(f, 'c2', { reviewerId: 'p_doer' }),
    'control_performer_reviewer',
    'major',
    'C2 Control c2',
  ],
  [
    'a control not assessed',
    (f) => withControl(f, 'c2', { assessment: null, inDescription: false }),
    'control_assessed',
    'major',
    'C2 Control c2',
  ],
  [
    'a key control operating only from March',
    (f) => withControl(f, 'c1', { operatingSince: '2026-03-01' }),
    'control_operating_since',
    'blocking',
    'C1 Control c1',
  ],
  [
    'a key control with no operating-since date recorded',
    (f) => withControl(f, 'c1', { operatingSince: null }),
    'control_operating_since',
    'major',
    'C1 Control c1',
  ],
  [
    'a supporting control with no operating-since date',
    (f) => withControl(f, 'c2', { operatingSince: null }),
    'control_operating_since',
    'major',
    'C2 Control c2',
  ],
  [
    'a gap with no task',
    (f) => withControl(f, 'c2', { assessment: 'partial', inDescription: false }),
    'gap_has_task',
    'major',
    'C2 Control c2',
  ],
  [
    'a described control with evidence for some windows',
    (f) => withControl(f, 'c2', { evidence: 'partial' }),
    'description_control_evidence',
    'major',
    'C2 Control c2',
  ],
  [
    'evidence reviewed by its own performer',
    (f) => withControl(f, 'c1', { selfReviewedEvidence: 2 }),
    'self_reviewed_evidence',
    'major',
    'C1 Control c1',
  ],
  [
    'a deviation without a response',
    (f) =>
      withControl(f, 'c1', { deviations: [{ id: 'd1', date: '2026-04-02', responded: false }] }),
    'deviation_response',
    'major',
    'C1 Control c1',
  ],
  [
    'a policy behind a control still in draft',
    (f) => ({ ...f, policies: [{ ...f.policies[0]!, inForce: false, nextReviewOn: null }] }),
    'policy_approved',
    'major',
    'Access control policy',
  ],
  [
    'a policy past its review date',
    (f) => ({ ...f, policies: [{ ...f.policies[0]!, nextReviewOn: '2026-07-14' }] }),
    'policy_review_current',
    'major',
    'Access control policy',
  ],
  [
    'a new hire who has not acknowledged',
    (f) => ({
      ...f,
      policies: [
        { ...f.policies[0]!, overdueAcknowledgements: [{ personId: 'p9', name: 'Noor Haddad' }] },
      ],
    }),
    'policy_acknowledged',
    'major',
    'Access control policy',
  ],
  [
    'a risk assessment 13 months old',
    (f) => ({ ...f, risks: { ...f.risks, assessedOn: '2025-06-14' } }),
    'risk_assessment_recent',
    'major',
    'Risk register',
  ],
  [
    'residual risk counting on a missing control',
    (f) => ({
      ...f,
      risks: {
        ...f.risks,
        creditedToControlsNotInPlace: [
          { riskId: 'r1', title: 'Laptop theft', controlRefs: ['C9'] },
        ],
      },
    }),
    'residual_risk_credit',
    'major',
    'Laptop theft',
  ],
  [
    'a vendor with no report',
    (f) => sub(f, { report: null }),
    'subservice_report',
    'major',
    'Acme Cloud',
  ],
  [
    'a vendor report not reviewed',
    (f) => report(f, { reviewedOn: null }),
    'subservice_report',
    'major',
    'Acme Cloud',
  ],
  [
    'a vendor report ending before our period',
    (f) => report(f, { periodStart: '2025-01-01', periodEnd: '2025-12-31' }),
    'subservice_report',
    'major',
    'Acme Cloud',
  ],
  [
    'a vendor report ending mid-period without a bridge letter',
    (f) => report(f, { periodStart: '2025-04-01', periodEnd: '2026-03-31' }),
    'subservice_bridge_letter',
    'major',
    'Acme Cloud',
  ],
  [
    'a bridge letter that stops short of the end of our period',
    (f) => ({
      ...report(f, { periodStart: '2025-04-01', periodEnd: '2026-03-31' }),
      subservices: [
        {
          ...report(f, { periodStart: '2025-04-01', periodEnd: '2026-03-31' }).subservices[0]!,
          bridgeLetter: {
            receivedOn: '2026-05-20',
            periodStart: '2026-04-01',
            periodEnd: '2026-05-15',
          },
        },
      ],
    }),
    'subservice_bridge_letter',
    'major',
    'Acme Cloud',
  ],
  [
    'a bridge letter that starts after their report ends',
    (f) => ({
      ...report(f, { periodStart: '2025-04-01', periodEnd: '2026-03-31' }),
      subservices: [
        {
          ...report(f, { periodStart: '2025-04-01', periodEnd: '2026-03-31' }).subservices[0]!,
          bridgeLetter: {
            receivedOn: '2026-07-05',
            periodStart: '2026-04-15',
            periodEnd: '2026-06-30',
          },
        },
      ],
    }),
    'subservice_bridge_letter',
    'major',
    'Acme Cloud',
  ],
  [
    'vendor exceptions listed and not assessed',
    (f) => report(f, { exceptionsListed: true, exceptionsAssessment: 'not_assessed' }),
    'subservice_exceptions',
    'major',
    'Acme Cloud',
  ],
  [
    'a reviewed vendor report with no word on its exceptions',
    (f) => report(f, { exceptionsListed: false, exceptionsAssessment: 'not_assessed' }),
    'subservice_exceptions',
    'major',
    'Acme Cloud',
  ],
  [
    'vendor exceptions listed but marked as none noted',
    (f) => report(f, { exceptionsListed: true, exceptionsAssessment: 'none_noted' }),
    'subservice_exceptions',
    'major',
    'Acme Cloud',
  ],
  [
    'a vendor nobody monitors',
    (f) => sub(f, { monitoringControlId: null }),
    'subservice_monitoring',
    'major',
    'Acme Cloud',
  ],
  [
    'a vendor CUEC nobody answers',
    (f) =>
      sub(f, {
        vendorCuecs: [{ description: 'Customers review access', implementedControlIds: [] }],
      }),
    'subservice_cuecs',
    'major',
    'Acme Cloud',
  ],
  [
    'a description section unanswered',
    (f) => ({
      ...f,
      description: {
        ...f.description,
        unansweredSections: [{ key: 'infrastructure', title: 'Infrastructure' }],
      },
    }),
    'description_complete',
    'blocking',
    'Infrastructure',
  ],
  [
    'changes not stated',
    (f) => ({ ...f, description: { ...f.description, changesStated: false } }),
    'events_stated',
    'major',
    'Significant changes',
  ],
  [
    'an automated control without its configuration’s change history',
    (f) => withControl(f, 'c2', { changeHistory: { status: 'none', gap: null } }),
    'automated_change_history',
    'major',
    'C2 Control c2',
  ],
  [
    'an automated control whose change history leaves days uncovered',
    (f) =>
      withControl(f, 'c2', {
        changeHistory: { status: 'partial', gap: { start: '2026-04-01', end: '2026-06-30' } },
      }),
    'automated_change_history',
    'major',
    'C2 Control c2',
  ],
  [
    'a population without completeness evidence',
    (f) => ({ ...f, populations: [{ ...f.populations[0]!, hasCompletenessEvidence: false }] }),
    'population_completeness',
    'major',
    'Terminations',
  ],
];

describe('readiness rules', () => {
  it('an engagement that satisfies every rule has no finding, and every check passes', () => {
    const r = evaluateReadiness(ready());
    expect(r.findings).toEqual([]);
    expect(r.blocked).toBe(false);
    expect(r.passing).toBe(r.checks);
    expect(r.percentPassing).toBe(100);
  });

  it.each(BROKEN)('%s raises one finding of its rule', (_what, breakIt, rule, severity, object) => {
    const r = evaluateReadiness(breakIt(ready()));
    expect(r.findings.map((f) => [f.rule, f.severity, f.object])).toEqual([
      [rule, severity, object],
    ]);
    const f = r.findings[0]!;
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.fix.length).toBeGreaterThan(0);
    expect(r.passing).toBe(r.checks - 1);
  });

  it('asks for a change history only of automated controls relied on and in the description', () => {
    const rule = (f: ReadinessFacts) =>
      evaluateReadiness(f).findings.filter((x) => x.rule === 'automated_change_history');
    const none = { status: 'none' as const, gap: null };
    // Covered (ready's c2) passes; not asked for (a sampled or manual control: null) has no check.
    expect(rule(ready())).toEqual([]);
    expect(rule(withControl(ready(), 'c2', { changeHistory: null }))).toEqual([]);
    // Not in the description: not tested, so not asked; not applicable: nothing is claimed.
    expect(rule(withControl(ready(), 'c2', { changeHistory: none, inDescription: false }))).toEqual(
      [],
    );
    expect(
      rule(withControl(ready(), 'c2', { changeHistory: none, assessment: 'not_applicable' })),
    ).toEqual([]);
    const partial = rule(
      withControl(ready(), 'c2', {
        changeHistory: { status: 'partial', gap: { start: '2026-04-01', end: '2026-06-30' } },
      }),
    );
    expect(partial.map((f) => [f.message, f.target])).toEqual([
      [
        expect.stringMatching(/2026-04-01 to 2026-06-30 uncovered/),
        { screen: 'control', id: 'c2' },
      ],
    ]);
  });

  it('every rule is tested broken at least once, and has a title and a reason', () => {
    expect(new Set(BROKEN.map((b) => b[2]))).toEqual(new Set(RULE_IDS));
    expect(RULES.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of RULES) expect(rule.title && rule.why).toBeTruthy();
  });

  it('a bridge letter covers a vendor report that ends inside our period', () => {
    const f = report(ready(), { periodStart: '2025-04-01', periodEnd: '2026-03-31' });
    const withLetter = (letter: { receivedOn: string; periodStart: string; periodEnd: string }) =>
      evaluateReadiness({ ...f, subservices: [{ ...f.subservices[0]!, bridgeLetter: letter }] });
    // Exactly the gap, and a letter reaching further either side: both cover it.
    const exact = withLetter({
      receivedOn: '2026-07-10',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
    });
    expect(exact.findings).toEqual([]);
    expect(exact.passing).toBe(exact.checks);
    expect(
      withLetter({ receivedOn: '2026-07-10', periodStart: '2026-03-01', periodEnd: '2026-07-10' })
        .findings,
    ).toEqual([]);
    // The gap is named with its dates, so the user knows what to ask the vendor for.
    const none = evaluateReadiness(f).findings[0]!;
    expect(none.message).toContain('2026-04-01 to 2026-06-30');
  });

  it('asks for a bridge letter only where their report ends before ours', () => {
    const base = evaluateReadiness(ready());
    // Their report reaches past our period: no bridge check at all.
    const gapped = evaluateReadiness(report(ready(), { periodEnd: '2026-03-31' }));
    expect(gapped.checks).toBe(base.checks + 1);
    // No report, or one not overlapping: the report rule fails alone, no letter is asked for.
    expect(evaluateReadiness(sub(ready(), { report: null })).findings.map((x) => x.rule)).toEqual([
      'subservice_report',
    ]);
    // Type I: their report must reach our as-of date; one ending before it is the report
    // rule's finding, not a gap for a letter.
    const typeOne = { ...ready(), reportType: 'type1' as const, period: null, asOf: '2026-03-31' };
    const early = report(typeOne, { periodStart: '2025-03-01', periodEnd: '2026-02-28' });
    expect(evaluateReadiness(early).findings.map((x) => x.rule)).toEqual(['subservice_report']);
  });

  it('exceptions assessed with a conclusion, or none noted, pass; an unreviewed report is not asked', () => {
    const assessed = report(ready(), { exceptionsListed: true, exceptionsAssessment: 'assessed' });
    expect(evaluateReadiness(assessed).findings).toEqual([]);
    const unreviewed = report(ready(), { reviewedOn: null, exceptionsAssessment: 'not_assessed' });
    expect(evaluateReadiness(unreviewed).findings.map((x) => x.rule)).toEqual([
      'subservice_report',
    ]);
  });

  it('residual risk credited to a missing control links to the risk itself', () => {
    const f = ready();
    const r = evaluateReadiness({
      ...f,
      risks: {
        ...f.risks,
        creditedToControlsNotInPlace: [
          { riskId: 'r1', title: 'Laptop theft', controlRefs: ['C9'] },
        ],
      },
    });
    expect(r.findings.map((x) => x.target)).toEqual([{ screen: 'risk', id: 'r1' }]);
  });

  it('a criterion whose key control was never assessed asks for the assessment first', () => {
    const mapped = (f: ReadinessFacts): ReadinessFacts => ({
      ...f,
      criteria: [{ ...f.criteria[0]!, status: 'mapped' }, f.criteria[1]!],
    });
    const fixOf = (f: ReadinessFacts) =>
      evaluateReadiness(f).findings.find((x) => x.rule === 'criterion_met')!.fix;
    expect(fixOf(mapped(ready()))).toMatch(/^Implement its key controls/);
    expect(fixOf(withControl(mapped(ready()), 'c1', { assessment: null }))).toMatch(
      /^Assess its key controls, then implement them/,
    );
  });

  it('controls assessed not applicable are held to no rule', () => {
    const f = withControl(ready(), 'c2', {
      assessment: 'not_applicable',
      ownerId: null,
      evidence: 'none',
    });
    expect(evaluateReadiness(f).findings).toEqual([]);
  });

  it('Type I: a control must operate by the as-of date', () => {
    const f = { ...ready(), reportType: 'type1' as const, period: null, asOf: '2026-03-31' };
    expect(evaluateReadiness(f).findings).toEqual([]);
    const late = withControl(f, 'c1', { operatingSince: '2026-04-01' });
    expect(evaluateReadiness(late).findings.map((x) => x.rule)).toEqual([
      'control_operating_since',
    ]);
  });
});

describe('gate, don’t average', () => {
  it('one blocking finding makes the whole not ready, however many checks pass', () => {
    const f = ready();
    const many = {
      ...f,
      controls: [...f.controls, ...Array.from({ length: 50 }, (_, i) => control(`x${i}`))],
    };
    const one = {
      ...many,
      criteria: [{ ...f.criteria[0]!, status: 'mapped' as const }, f.criteria[1]!],
    };
    const r = evaluateReadiness(one);
    expect(r.blocked).toBe(true);
    expect(r.percentPassing).toBeGreaterThanOrEqual(99);
    expect(statusLine(r, (d) => d)).toMatch(
      /^Not ready: 1 blocking finding \(CC6\.1\) · 99 % of checks pass · /,
    );
  });

  it('blocking findings come first, then major', () => {
    let f = withControl(ready(), 'c2', { ownerId: null });
    f = {
      ...f,
      description: { ...f.description, unansweredSections: [{ key: 'people', title: 'People' }] },
    };
    expect(evaluateReadiness(f).findings.map((x) => x.severity)).toEqual(['blocking', 'major']);
  });

  it('the status line names at most three blocking objects, then an ellipsis', () => {
    const f = ready();
    const sections = ['A', 'B', 'C', 'D'].map((t) => ({ key: t, title: `Section ${t}` }));
    const r = evaluateReadiness({
      ...f,
      description: { ...f.description, unansweredSections: sections },
    });
    expect(statusLine(r, (d) => d)).toBe(
      'Not ready: 4 blocking findings (Section A, Section B, Section C, …) · 87 % of checks pass · Self-assessment — not an audit opinion and not a prediction of one',
    );
  });

  it('a blocked status line is dated beside it; a line that says "as of" needs nothing more', () => {
    const f = ready();
    const blocked = evaluateReadiness({
      ...f,
      criteria: [{ ...f.criteria[0]!, status: 'mapped' as const }, f.criteria[1]!],
    });
    expect(evaluatedAsOf(blocked, () => '15 Jul 2026')).toBe('Evaluated as of 15 Jul 2026');
    expect(evaluatedAsOf(evaluateReadiness(f), () => '15 Jul 2026')).toBeNull();
  });

  it('without blocking findings: the date and the windows still to come', () => {
    const f = withControl(ready(), 'c1', { windowsToCome: 3 });
    expect(statusLine(evaluateReadiness(f), () => '15 Jul 2026')).toBe(
      'No blocking findings as of 15 Jul 2026 (3 windows still to come) · Self-assessment — not an audit opinion',
    );
  });

  it('a control without reviewed evidence is no check of who reviewed it (no share inflated)', () => {
    const f = ready();
    const bare = {
      ...f,
      controls: [
        ...f.controls,
        ...Array.from({ length: 50 }, (_, i) => ({
          ...control(`n${i}`),
          evidence: 'none' as const,
          inDescription: false,
        })),
      ],
    };
    const evidenceChecks = (x: ReadinessFacts) =>
      evaluateReadiness(x).byRule.find((r) => r.rule === 'self_reviewed_evidence')!.checks;
    expect(evidenceChecks(bare)).toBe(evidenceChecks(f));
    // Self-reviewed evidence outside every window is still looked at.
    const outside = withControl(bare, 'n0', { selfReviewedEvidence: 1 });
    expect(evidenceChecks(outside)).toBe(evidenceChecks(f) + 1);
    expect(evaluateReadiness(outside).findings.map((x) => x.rule)).toContain(
      'self_reviewed_evidence',
    );
  });

  it('the same facts give the same figures', () => {
    const f = withControl(ready(), 'c2', { ownerId: null, evidence: 'none' });
    expect(evaluateReadiness(f)).toEqual(evaluateReadiness(structuredClone(f)));
  });

  it('no wording claims what only an auditor can say', () => {
    const texts = BROKEN.flatMap(([, breakIt]) => {
      const r = evaluateReadiness(breakIt(ready()));
      return [statusLine(r, (d) => d), ...r.findings.flatMap((x) => [x.message, x.fix])];
    });
    texts.push(statusLine(evaluateReadiness(ready()), (d) => d));
    texts.push(...RULES.flatMap((r) => [r.title, r.why]));
    for (const text of texts) for (const word of FORBIDDEN_CLAIMS) expect(text).not.toMatch(word);
  });
});
