import { daysBetween } from '../dates';
import type { Check, Rule } from './finding';
import type { ReadinessControl, ReadinessFacts } from './facts';

/**
 * The rules about each control (DESIGN §5, E item 1). Each returns one check per control it
 * applies to, so "X % of checks pass" counts controls, not rules. Controls assessed not
 * applicable are out of every rule: nothing is claimed for them.
 */
export interface RuleCheck extends Rule {
  check(facts: ReadinessFacts): Check[];
}

const applicable = (facts: ReadinessFacts) =>
  facts.controls.filter((c) => c.assessment !== 'not_applicable');

const about = (c: ReadinessControl) => `${c.ref} ${c.title}`;
const ok: Check = { pass: true };

/** The date a control must be operating by: the period's start (Type II) or the as-of date. */
export function operatingBy(facts: ReadinessFacts): string | null {
  return facts.period?.start ?? facts.asOf;
}

export const CONTROL_RULES: readonly RuleCheck[] = [
  {
    id: 'control_owner',
    title: 'Every control has an owner',
    severity: 'major',
    why: 'An auditor asks who is accountable for each control; a control nobody owns is not operated for long.',
    check: (facts) =>
      applicable(facts).map((c) =>
        c.ownerId
          ? ok
          : {
              pass: false,
              finding: {
                object: about(c),
                message: 'No owner is named.',
                fix: 'Name the person accountable for the control.',
                target: { screen: 'control', id: c.id },
              },
            },
      ),
  },
  {
    id: 'control_performer_reviewer',
    title: 'Every control has a performer and a reviewer, two different people',
    severity: 'major',
    why: 'Segregation of duties: a review by the person who did the work is not a review.',
    check: (facts) =>
      applicable(facts).map((c): Check => {
        if (!c.performerId)
          return {
            pass: false,
            finding: {
              object: about(c),
              message: 'No one is named as performing it.',
              fix: 'Name who performs the control.',
              target: { screen: 'control', id: c.id },
            },
          };
        // DESIGN §5: "a performer ≠ reviewer" asks for a reviewer as much as for a performer.
        if (!c.reviewerId)
          return {
            pass: false,
            finding: {
              object: about(c),
              message: 'No one is named as reviewing it.',
              fix: 'Name a reviewer other than the performer.',
              target: { screen: 'control', id: c.id },
            },
          };
        if (c.reviewerId === c.performerId)
          return {
            pass: false,
            finding: {
              object: about(c),
              message: 'The same person performs and reviews it.',
              fix: 'Name a reviewer other than the performer.',
              target: { screen: 'control', id: c.id },
            },
          };
        return ok;
      }),
  },
  {
    id: 'control_assessed',
    title: 'Every control is assessed',
    severity: 'major',
    why: 'Nothing is known of a control nobody has assessed: it can meet no criterion.',
    check: (facts) =>
      applicable(facts).map((c) =>
        c.assessment
          ? ok
          : {
              pass: false,
              finding: {
                object: about(c),
                message: 'Not assessed yet.',
                fix: 'Assess it in Gap analysis: implemented, partly, or not.',
                target: { screen: 'control', id: c.id },
              },
            },
      ),
  },
  {
    id: 'control_operating_since',
    title: 'Every control operates from the start of the period',
    severity: 'major',
    why: 'A Type II auditor tests the whole period (a Type I, the as-of date): a control started later leaves part of it untested. Blocking for a key control known to have started late.',
    check: (facts) => {
      const by = operatingBy(facts);
      if (!by) return [];
      return applicable(facts)
        .filter((c) => c.assessment === 'implemented' || c.assessment === 'partial')
        .map((c): Check => {
          if (c.operatingSince && daysBetween(c.operatingSince, by) >= 0) return ok;
          return {
            pass: false,
            // A known late start of a key control leaves part of the period untested: blocking.
            // A date not recorded yet is a gap in the record, not a known late start.
            severity: c.operatingSince && c.keyForAny ? 'blocking' : 'major',
            finding: {
              object: about(c),
              message: c.operatingSince
                ? `Operating since ${c.operatingSince}, after ${by}.`
                : 'No operating-since date is recorded.',
              fix: c.operatingSince
                ? 'Agree with your auditor how the period is covered (a shorter period, or testing from that date).'
                : 'Record the date the control started operating.',
              target: { screen: 'control', id: c.id },
            },
          };
        });
    },
  },
  {
    id: 'gap_has_task',
    title: 'Every gap has a remediation task',
    severity: 'major',
    why: 'A gap without a plan stays a gap; the plan is what management shows it is acting on.',
    check: (facts) =>
      applicable(facts)
        .filter((c) => c.assessment === 'partial' || c.assessment === 'not_implemented')
        .map((c) =>
          c.openTasks > 0
            ? ok
            : {
                pass: false,
                finding: {
                  object: about(c),
                  message: `Assessed ${c.assessment === 'partial' ? 'partly implemented' : 'not implemented'}, with no open task.`,
                  fix: 'Add a remediation task for it.',
                  target: { screen: 'control', id: c.id },
                },
              },
        ),
  },
  {
    id: 'description_control_evidence',
    title: 'Every control in the description has reviewed evidence',
    severity: 'major',
    why: 'An auditor tests every control the description describes, key or not.',
    check: (facts) =>
      applicable(facts)
        .filter((c) => c.inDescription)
        .map((c) =>
          c.evidence === 'complete'
            ? ok
            : {
                pass: false,
                finding: {
                  object: about(c),
                  message:
                    c.evidence === 'none'
                      ? 'In the description, with no reviewed evidence.'
                      : 'In the description, with reviewed evidence for only some of its windows.',
                  fix: 'Add and review evidence for each window, or take it out of the description.',
                  target: { screen: 'control', id: c.id },
                },
              },
        ),
  },
  {
    id: 'self_reviewed_evidence',
    title: 'Evidence is reviewed by someone other than the control’s owner or performer',
    severity: 'major',
    why: 'Evidence reviewed only by the person who produced it does not count as reviewed.',
    // A check only where there is reviewed evidence to look at: a control without any (a new
    // vault's, or one whose windows are not due yet) would otherwise "pass" it, and 130 such
    // controls made a near-empty vault's evidence 130 of 132 passing.
    check: (facts) =>
      applicable(facts)
        .filter((c) => c.evidence !== 'none' || c.selfReviewedEvidence > 0)
        .map((c) =>
          c.selfReviewedEvidence === 0
            ? ok
            : {
                pass: false,
                finding: {
                  object: about(c),
                  message: `${c.selfReviewedEvidence} evidence item${c.selfReviewedEvidence === 1 ? ' was' : 's were'} reviewed only by the control’s own owner or performer.`,
                  fix: 'Have someone independent review them.',
                  target: { screen: 'control', id: c.id },
                },
              },
        ),
  },
  {
    id: 'automated_change_history',
    title: 'Every automated control has its configuration’s change history',
    severity: 'major',
    why: 'An auditor accepts one instance of an automated control’s configuration only with the history of changes to it over the period: without it the configuration may have differed on other days.',
    // Controls not in the description are not tested, and a sampled one (its IT general controls
    // failing) rests on its instances: neither is asked for one (facts say null).
    check: (facts) =>
      applicable(facts)
        .filter((c) => c.inDescription && c.changeHistory !== null)
        .map((c): Check => {
          const h = c.changeHistory!;
          if (h.status === 'covered') return ok;
          return {
            pass: false,
            finding: {
              object: about(c),
              message:
                h.status === 'none' || !h.gap
                  ? 'Automated, with no reviewed evidence of its configuration’s change history.'
                  : `Automated; the reviewed change history of its configuration leaves ${h.gap.start} to ${h.gap.end} uncovered.`,
              fix: 'Add the change log of its configuration over the period, mark it as the configuration change history of this control, and have it reviewed.',
              target: { screen: 'control', id: c.id },
            },
          };
        }),
  },
  {
    id: 'deviation_response',
    title: 'Every deviation has a management response',
    severity: 'major',
    why: 'The report shows each deviation; without a response the reader sees only the failure.',
    check: (facts) =>
      facts.controls.flatMap((c) =>
        c.deviations.map((d) =>
          d.responded
            ? ok
            : {
                pass: false,
                finding: {
                  object: about(c),
                  message: `The deviation of ${d.date} has no management response.`,
                  fix: 'Record the root cause, the remediation and management’s response.',
                  target: { screen: 'controlTesting', id: c.id },
                },
              },
        ),
      ),
  },
];
