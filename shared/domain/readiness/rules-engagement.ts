import { addDays, addMonths } from '../calendar';
import type { Check } from './finding';
import type { ReadinessFacts, ReadinessSubservice } from './facts';
import type { RuleCheck } from './rules-controls';

const ok: Check = { pass: true };

/** True when the two inclusive date ranges share at least one day. */
const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  a.start <= b.end && b.start <= a.end;

/** Our examination: the period (Type II), or the as-of day (Type I). */
function ourRange(facts: ReadinessFacts): { start: string; end: string } | null {
  if (facts.period) return facts.period;
  return facts.asOf ? { start: facts.asOf, end: facts.asOf } : null;
}

const vendorFail = (s: ReadinessSubservice, message: string, fix: string): Check => ({
  pass: false,
  finding: { object: s.name, message, fix, target: { screen: 'subservice', id: s.id } },
});

/** Their report's span: a Type I report is one day, its as-of date. */
const theirRange = (r: NonNullable<ReadinessSubservice['report']>) =>
  r.periodEnd ? { start: r.periodStart ?? r.periodEnd, end: r.periodEnd } : null;

function subserviceReportCheck(facts: ReadinessFacts, s: ReadinessSubservice): Check {
  const r = s.report;
  const theirs = r && theirRange(r);
  if (!r || !theirs) {
    return vendorFail(
      s,
      'No SOC report of theirs is recorded.',
      'Obtain their SOC report, record its period and attach it.',
    );
  }
  if (!r.reviewedOn)
    return vendorFail(s, 'Their SOC report is not reviewed.', 'Review it and record when.');
  const ours = ourRange(facts);
  if (ours && !overlaps(ours, theirs)) {
    return vendorFail(
      s,
      `Their report (to ${theirs.end}) does not overlap our period.`,
      'Obtain their current report.',
    );
  }
  return ok;
}

/**
 * The stretch of our period a vendor's report does not reach, which a bridge letter must cover:
 * from the day after their report ends to the end of our period. Null when there is none, or
 * when the report rule already fails (no report, none overlapping; for Type I a report must
 * reach our as-of date, so there is never a gap).
 */
export function bridgeGapOf(
  facts: ReadinessFacts,
  s: ReadinessSubservice,
): { start: string; end: string } | null {
  const theirs = s.report && theirRange(s.report);
  const ours = ourRange(facts);
  if (!theirs || !ours || !overlaps(ours, theirs) || theirs.end >= ours.end) return null;
  return { start: addDays(theirs.end, 1), end: ours.end };
}

function bridgeLetterCheck(gap: { start: string; end: string }, s: ReadinessSubservice): Check {
  const letter = s.bridgeLetter;
  const fix = `Obtain a bridge letter from them covering ${gap.start} to ${gap.end}, and record it.`;
  if (!letter) {
    return vendorFail(
      s,
      `Their report ends before our period does, and no bridge letter is recorded for ${gap.start} to ${gap.end}.`,
      fix,
    );
  }
  if (letter.periodStart > gap.start || letter.periodEnd < gap.end) {
    return vendorFail(
      s,
      `Their bridge letter covers ${letter.periodStart} to ${letter.periodEnd}; the gap runs ${gap.start} to ${gap.end}.`,
      fix,
    );
  }
  return ok;
}

function exceptionsCheck(
  r: NonNullable<ReadinessSubservice['report']>,
  s: ReadinessSubservice,
): Check {
  const a = r.exceptionsAssessment;
  // "None noted" beside listed exceptions contradicts itself: it assesses nothing.
  if (a === 'assessed' || (a === 'none_noted' && !r.exceptionsListed)) return ok;
  return vendorFail(
    s,
    r.exceptionsListed
      ? 'Their report lists exceptions whose effect on our controls is not assessed.'
      : 'Their report is reviewed, but whether it notes exceptions is not recorded.',
    r.exceptionsListed
      ? 'Write your conclusion on how each exception affects our controls, or why it does not.'
      : 'Record that it notes none, or your conclusion on the exceptions it notes.',
  );
}

export const ENGAGEMENT_RULES: readonly RuleCheck[] = [
  {
    id: 'criterion_met',
    title: 'Every in-scope criterion is met',
    severity: 'blocking',
    why: 'A criterion is met only when every key control for it is implemented and has reviewed evidence for its windows.',
    check: (facts) => {
      const unassessed = new Set(
        facts.controls.filter((c) => c.assessment === null).map((c) => c.id),
      );
      return facts.criteria
        .filter((c) => c.status !== 'not_relevant')
        .map((c) =>
          c.status === 'met'
            ? ok
            : {
                pass: false,
                finding: {
                  object: c.ref,
                  message: c.reason,
                  // A key control nobody has assessed is to be assessed first, not "implemented".
                  fix:
                    c.status === 'not_mapped'
                      ? 'Map a key control to it, or state why it is not relevant.'
                      : c.keyControlIds.some((id) => unassessed.has(id))
                        ? 'Assess its key controls, then implement them and add reviewed evidence for their windows.'
                        : 'Implement its key controls and add reviewed evidence for their windows.',
                  target: { screen: 'criterion', id: c.id },
                },
              },
        );
    },
  },
  {
    id: 'not_relevant_reason',
    title: 'Every criterion scoped out says why',
    severity: 'major',
    why: 'The description must explain each criterion that does not apply to the system.',
    check: (facts) =>
      facts.criteria
        .filter((c) => c.status === 'not_relevant')
        .map((c) =>
          (c.notRelevantReason ?? '').trim() !== ''
            ? ok
            : {
                pass: false,
                finding: {
                  object: c.ref,
                  message: 'Marked not relevant with no reason.',
                  fix: 'Say why it does not apply to this system.',
                  target: { screen: 'criterion', id: c.id },
                },
              },
        ),
  },
  {
    id: 'policy_approved',
    title: 'Every policy behind a control is approved',
    severity: 'major',
    why: 'A control that rests on a draft policy rests on nothing management has approved.',
    check: (facts) =>
      facts.policies
        .filter((p) => p.controlIds.length > 0)
        .map((p) =>
          p.inForce
            ? ok
            : {
                pass: false,
                finding: {
                  object: p.title,
                  message: 'No approved version is in force.',
                  fix: 'Approve the policy (approver and date).',
                  target: { screen: 'policy', id: p.id },
                },
              },
        ),
  },
  {
    id: 'policy_review_current',
    title: 'Every policy in force is within its review cycle',
    severity: 'major',
    why: 'Auditors check that policies are reviewed as often as they say.',
    check: (facts) =>
      facts.policies
        .filter((p) => p.inForce && p.nextReviewOn)
        .map((p) =>
          p.nextReviewOn! >= facts.evaluatedOn
            ? ok
            : {
                pass: false,
                finding: {
                  object: p.title,
                  message: `Its review was due ${p.nextReviewOn}.`,
                  fix: 'Review it and approve the reviewed version.',
                  target: { screen: 'policy', id: p.id },
                },
              },
        ),
  },
  {
    id: 'policy_acknowledged',
    title: 'Everyone in scope acknowledged each policy in force within its deadline',
    severity: 'major',
    why: 'An auditor sampling new hires will find each one who did not acknowledge.',
    check: (facts) =>
      facts.policies
        .filter((p) => p.inForce)
        .map((p) => {
          const late = p.overdueAcknowledgements;
          if (late.length === 0) return ok;
          const names = late.slice(0, 3).map((x) => x.name);
          const more = late.length > 3 ? ` and ${late.length - 3} more` : '';
          return {
            pass: false,
            finding: {
              object: p.title,
              message: `Not acknowledged in time by ${names.join(', ')}${more}.`,
              fix: 'Record their acknowledgements, or import them from your HR or LMS export.',
              target: { screen: 'policy', id: p.id },
            },
          };
        }),
  },
  {
    id: 'risk_assessment_recent',
    title: 'A risk assessment within the last 12 months',
    severity: 'major',
    why: 'The criteria expect risks to be assessed at least yearly.',
    check: (facts) => {
      const at = facts.risks.assessedOn;
      if (at && addMonths(at, 12) >= facts.evaluatedOn) return [ok];
      return [
        {
          pass: false,
          finding: {
            object: 'Risk register',
            message: at
              ? `Last assessed ${at}, more than 12 months ago.`
              : 'No risk assessment is recorded.',
            fix: 'Assess the register’s risks and record the date.',
            target: { screen: 'risks' },
          },
        },
      ];
    },
  },
  {
    id: 'residual_risk_credit',
    title: 'No residual risk is credited to controls not in place',
    severity: 'major',
    why: 'A residual level that counts on missing controls overstates how well the risk is treated.',
    check: (facts) => {
      const risks = facts.risks.creditedToControlsNotInPlace;
      if (risks.length === 0) return [ok];
      return risks.map((r) => ({
        pass: false as const,
        finding: {
          object: r.title,
          message: `Its residual level counts on ${r.controlRefs.join(', ')}, not implemented.`,
          fix: 'Raise the residual level until those controls are in place.',
          // The risk itself, not the register: the level to raise is on it.
          target: { screen: 'risk' as const, id: r.riskId },
        },
      }));
    },
  },
  {
    id: 'subservice_report',
    title: 'Every subservice organisation’s report is reviewed and covers our period',
    severity: 'major',
    why: 'A carved-out vendor’s controls are relied on through its report: it must be current and reviewed.',
    check: (facts) => facts.subservices.map((s) => subserviceReportCheck(facts, s)),
  },
  {
    id: 'subservice_bridge_letter',
    title: 'A bridge letter covers any part of our period a vendor’s report does not reach',
    severity: 'major',
    why: 'Between the end of a vendor’s report and the end of ours, only the vendor’s bridge letter speaks for its controls.',
    check: (facts) =>
      facts.subservices.flatMap((s) => {
        const gap = bridgeGapOf(facts, s);
        return gap ? [bridgeLetterCheck(gap, s)] : [];
      }),
  },
  {
    id: 'subservice_exceptions',
    title: 'The exceptions in every reviewed vendor report are assessed',
    severity: 'major',
    why: 'An exception in a vendor’s controls may weaken ours; the review must say whether it does.',
    check: (facts) =>
      facts.subservices.flatMap((s) =>
        s.report?.reviewedOn ? [exceptionsCheck(s.report, s)] : [],
      ),
  },
  {
    id: 'subservice_monitoring',
    title: 'Every subservice organisation has a monitoring control',
    severity: 'major',
    why: 'Relying on a vendor needs a control of ours that watches it.',
    check: (facts) =>
      facts.subservices.map((s) =>
        s.monitoringControlId
          ? ok
          : {
              pass: false,
              finding: {
                object: s.name,
                message: 'None of our controls is named as monitoring it.',
                fix: 'Name the control that reviews this vendor.',
                target: { screen: 'subservice', id: s.id },
              },
            },
      ),
  },
  {
    id: 'subservice_cuecs',
    title: 'What each vendor’s report expects of us is done by an implemented control',
    severity: 'major',
    why: 'A vendor’s controls hold only if we do our part (its CUECs).',
    check: (facts) =>
      facts.subservices.flatMap((s) =>
        s.vendorCuecs.map((v) =>
          v.implementedControlIds.length > 0
            ? ok
            : {
                pass: false,
                finding: {
                  object: s.name,
                  message: `“${v.description}” is not answered by an implemented control of ours.`,
                  fix: 'Link one of our implemented controls to it.',
                  target: { screen: 'subservice', id: s.id },
                },
              },
        ),
      ),
  },
  {
    id: 'description_complete',
    title: 'Every section of the system description is answered',
    severity: 'blocking',
    why: 'The description is management’s; an auditor cannot examine one with sections missing.',
    check: (facts) => {
      const missing = facts.description.unansweredSections;
      if (missing.length === 0) return [ok];
      return missing.map((s) => ({
        pass: false as const,
        finding: {
          object: s.title,
          message: 'Not answered, and not stated as “none”.',
          fix: 'Answer it in the scoping wizard.',
          target: { screen: 'description' as const },
        },
      }));
    },
  },
  {
    id: 'events_stated',
    title: 'Incidents and significant changes are listed or stated as none',
    severity: 'major',
    why: 'The description must disclose them, or say there were none as of a date.',
    check: (facts) =>
      (
        [
          ['Incidents', facts.description.incidentsStated],
          ['Significant changes', facts.description.changesStated],
        ] as const
      ).map(([what, stated]) =>
        stated
          ? ok
          : {
              pass: false,
              finding: {
                object: what,
                message: 'Neither listed nor stated as none.',
                fix: 'List them, or state that there were none as of a date.',
                target: { screen: 'events' },
              },
            },
      ),
  },
  {
    id: 'population_completeness',
    title: 'Every population has completeness and accuracy evidence',
    severity: 'major',
    why: 'An auditor samples from a population only after checking it is complete and accurate.',
    check: (facts) =>
      facts.populations.map((p) =>
        p.hasCompletenessEvidence
          ? ok
          : {
              pass: false,
              finding: {
                object: p.title,
                message:
                  'No completeness and accuracy evidence (the query, when it ran, the count, a reconciliation).',
                fix: 'Attach it to the population.',
                target: { screen: 'evidence', id: p.evidenceId },
              },
            },
      ),
  },
];
