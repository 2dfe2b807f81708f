/**
 * The readiness report (E item 5) as blocks: pure, so the same vault state and evaluation date
 * always give the same document, and the words can be tested without drawing a PDF. The core
 * gathers `ReadinessReportInput`; `electron/reports/pdf.ts` draws the blocks.
 *
 * Internal by nature: it says "met" and shows self-test results, so the audit package carries
 * it only in `07_Internal/` (DESIGN §6). Every page says what it is not (REPORT_FOOTER).
 */
import type { ReportBlock } from '../report-doc';
import { CATEGORY_LABELS, type Category } from '../engagement';
import type { AssessmentStatus, CoverageStatus, EvidenceState } from '../coverage';
import { criteriaByCategory } from './categories';
import type { Readiness } from './evaluate';
import type { ReadinessFacts } from './facts';
import type { Finding } from './finding';
import { NOT_AN_OPINION, statusLine } from './status-line';

export const REPORT_TITLE = 'Readiness report';

/** On every page (E item 5): what this document is not. */
export const REPORT_FOOTER =
  'Internal readiness assessment — not a SOC 2 report; no CPA firm has examined these controls';

/** Findings listed in full up to this many per severity; the rest are counted (Attest lists all). */
export const FINDINGS_SHOWN = 150;

export interface ReportControlExtra {
  frequency: string;
  /** Current evidence items linked (not superseded). */
  evidenceItems: number;
  reviewedItems: number;
  /** Distinct reviewers' names. */
  reviewers: string[];
  /** Occurrence windows due by the evaluation date, and how many reviewed evidence covers. */
  windowsDue: number;
  windowsMet: number;
}

export interface ReportSelfTest {
  controlRef: string;
  drawnOn: string;
  drawnBy: string;
  items: number;
  tested: number;
  /** "Self-test: N deviations in M items", as the self-test states it. */
  result: string;
}

export interface ReadinessReportInput {
  engagement: {
    name: string;
    client: string;
    reportType: 'type1' | 'type2';
    /** "1 January 2026 to 30 June 2026" or "as of 31 March 2026". */
    timing: string;
    categories: readonly Category[];
  };
  fingerprint: string;
  facts: ReadinessFacts;
  readiness: Readiness;
  /** Person id → name, for owners. */
  people: Readonly<Record<string, string>>;
  controls: Readonly<Record<string, ReportControlExtra>>;
  tasks: { open: number; overdue: number; done: number };
  /** Risks recorded; those whose residual score stays high; those accepted as they are. */
  risks: { total: number; highResidual: number; accepted: number };
  selfTests: readonly ReportSelfTest[];
  formatDate: (iso: string) => string;
}

const COVERAGE_WORDS: Record<CoverageStatus, string> = {
  met: 'Met',
  // Short enough to stay on one line in the narrow Status column ("No control" is the other).
  mapped: 'Not met yet',
  not_mapped: 'No control',
  not_relevant: 'Not relevant',
};

const ASSESSMENT_WORDS: Record<AssessmentStatus, string> = {
  implemented: 'Implemented',
  partial: 'Partly implemented',
  not_implemented: 'Not implemented',
  not_applicable: 'Not applicable',
};

const EVIDENCE_WORDS: Record<EvidenceState, string> = {
  complete: 'Complete',
  partial: 'Partial',
  none: 'None',
};

const SEVERITY_WORDS = { blocking: 'Blocking', major: 'Major', minor: 'Minor' } as const;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const heading = (text: string, level: 1 | 2 | 3 = 1): ReportBlock => ({
  kind: 'heading',
  level,
  text,
});
const para = (text: string): ReportBlock => ({ kind: 'paragraph', text });
const table = (header: string[], rows: string[][]): ReportBlock => ({
  kind: 'table',
  header,
  rows,
});

export function readinessReportBlocks(input: ReadinessReportInput): ReportBlock[] {
  return [
    ...cover(input),
    { kind: 'toc' },
    ...status(input),
    ...findingsSection(input),
    ...scopeSection(input),
    ...criteriaSection(input),
    ...gapsSection(input),
    ...risksSection(input),
    ...policiesSection(input),
    ...selfTestSection(input),
    ...evidenceSection(input),
  ];
}

function cover({ engagement, fingerprint, readiness, formatDate }: ReadinessReportInput) {
  const type = engagement.reportType === 'type2' ? 'Type II' : 'Type I';
  return [
    heading(REPORT_TITLE),
    table(
      ['Engagement', engagement.name],
      [
        ['Organisation', engagement.client],
        ['Report type', `SOC 2 ${type}, ${engagement.timing}`],
        ['Categories', engagement.categories.map((c) => CATEGORY_LABELS[c]).join(', ')],
        ['Evaluated as of', formatDate(readiness.evaluatedOn)],
        ['Vault key fingerprint', fingerprint],
      ],
    ),
    para(
      `${REPORT_FOOTER}. It records where the organisation stands against its own controls as of the date above, from what was entered in Attest. ${NOT_AN_OPINION}: only a licensed CPA firm's examination leads to a SOC 2 report.`,
    ),
  ];
}

function status({ readiness, facts, formatDate }: ReadinessReportInput): ReportBlock[] {
  const blocking = readiness.findings.filter((f) => f.severity === 'blocking');
  return [
    heading('Status'),
    para(statusLine(readiness, formatDate)),
    para(
      `${readiness.passing} of ${readiness.checks} checks pass. Findings: ${readiness.counts.blocking} blocking, ${readiness.counts.major} major, ${readiness.counts.minor} minor. Not ready while any blocking finding remains, however many checks pass.`,
    ),
    heading('Criteria met, by category', 2),
    {
      kind: 'bars',
      rows: criteriaByCategory(facts.criteria).map((b) => ({
        label: b.label,
        value: b.met,
        total: b.total,
      })),
    },
    heading('Checks passing, by rule', 2),
    {
      kind: 'bars',
      rows: readiness.byRule
        .filter((r) => r.checks > 0)
        .map((r) => ({ label: r.title, value: r.passing, total: r.checks })),
    },
    heading('Blocking findings', 2),
    ...(blocking.length === 0
      ? [para('None as of the evaluation date.')]
      : [findingTable(blocking.slice(0, FINDINGS_SHOWN)), ...more(blocking.length)]),
  ];
}

function findingTable(findings: readonly Finding[]): ReportBlock {
  return table(
    ['About', 'Finding', 'What to do'],
    findings.map((f) => [f.object, f.message, f.fix]),
  );
}

function more(total: number): ReportBlock[] {
  return total > FINDINGS_SHOWN
    ? [para(`And ${total - FINDINGS_SHOWN} more, listed on the Readiness page in Attest.`)]
    : [];
}

function findingsSection({ readiness }: ReadinessReportInput): ReportBlock[] {
  const others = readiness.findings.filter((f) => f.severity !== 'blocking');
  const out: ReportBlock[] = [heading('Other findings')];
  if (others.length === 0) return [...out, para('None as of the evaluation date.')];
  for (const severity of ['major', 'minor'] as const) {
    const list = others.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    out.push(
      heading(`${SEVERITY_WORDS[severity]} (${list.length})`, 2),
      findingTable(list.slice(0, FINDINGS_SHOWN)),
      ...more(list.length),
    );
  }
  return out;
}

function scopeSection({ facts }: ReadinessReportInput): ReportBlock[] {
  const inScope = facts.criteria.filter((c) => c.status !== 'not_relevant');
  const scopedOut = facts.criteria.filter((c) => c.status === 'not_relevant');
  const d = facts.description;
  return [
    heading('Scope and system description'),
    para(
      `${count(inScope.length, 'criterion', 'criteria')} in scope, ${scopedOut.length} scoped out as not relevant; ${count(facts.controls.length, 'control')}; ${count(facts.subservices.length, 'subservice organisation')}.`,
    ),
    ...(scopedOut.length > 0
      ? [
          table(
            ['Scoped out', 'Why'],
            scopedOut.map((c) => [c.ref, c.notRelevantReason ?? 'No reason recorded']),
          ),
        ]
      : []),
    para(
      d.unansweredSections.length === 0
        ? 'Every section of the system description is answered or stated as none.'
        : `Sections of the system description still unanswered: ${d.unansweredSections.map((s) => s.title).join('; ')}.`,
    ),
    para(
      `Incidents: ${d.incidentsStated ? 'listed or stated as none' : 'not stated yet'}. Significant changes: ${d.changesStated ? 'listed or stated as none' : 'not stated yet'}.`,
    ),
  ];
}

function criteriaSection({ facts }: ReadinessReportInput): ReportBlock[] {
  const refs = new Map(facts.controls.map((c) => [c.id, c.ref]));
  return [
    heading('Criteria and their key controls'),
    para(
      'A criterion is met only when every key control for it is implemented and reviewed evidence covers its windows; a self-assessment alone never meets one.',
    ),
    table(
      ['Criterion', 'Status', 'Key controls', 'Why'],
      facts.criteria.map((c) => [
        c.ref,
        c.status === 'met' && c.exceptions.length > 0
          ? 'Met with exceptions'
          : COVERAGE_WORDS[c.status],
        c.keyControlIds.map((id) => refs.get(id) ?? id).join(', '),
        c.status === 'not_relevant' ? (c.notRelevantReason ?? '') : c.reason,
      ]),
    ),
  ];
}

function gapsSection({ facts, tasks, people }: ReadinessReportInput): ReportBlock[] {
  const counts = new Map<string, number>();
  for (const c of facts.controls) {
    const word = c.assessment ? ASSESSMENT_WORDS[c.assessment] : 'Not assessed';
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const gaps = facts.controls.filter(
    (c) => c.assessment === 'partial' || c.assessment === 'not_implemented',
  );
  return [
    heading('Gaps and remediation'),
    {
      kind: 'bars',
      rows: [...counts].map(([label, value]) => ({
        label,
        value,
        total: facts.controls.length,
      })),
    },
    para(`Remediation tasks: ${tasks.open} open (${tasks.overdue} overdue), ${tasks.done} done.`),
    ...(gaps.length === 0
      ? [para('No control is assessed as a gap.')]
      : [
          table(
            ['Control', 'Assessment', 'Owner', 'Open tasks'],
            gaps.map((c) => [
              `${c.ref} ${c.title}`,
              ASSESSMENT_WORDS[c.assessment!],
              c.ownerId ? (people[c.ownerId] ?? '') : 'Nobody',
              String(c.openTasks),
            ]),
          ),
        ]),
  ];
}

function risksSection({ facts, risks, formatDate }: ReadinessReportInput): ReportBlock[] {
  const credited = facts.risks.creditedToControlsNotInPlace;
  return [
    heading('Risks'),
    para(
      `${count(risks.total, 'risk')} recorded: ${risks.highResidual} with a high residual score, ${risks.accepted} accepted. Risk assessment last recorded: ${facts.risks.assessedOn ? formatDate(facts.risks.assessedOn) : 'never'}.`,
    ),
    ...(credited.length === 0
      ? [para('No residual risk is credited to controls that are not in place.')]
      : [
          table(
            ['Risk', 'Counts on controls not in place'],
            credited.map((r) => [r.title, r.controlRefs.join(', ')]),
          ),
        ]),
  ];
}

function policiesSection({ facts, formatDate }: ReadinessReportInput): ReportBlock[] {
  if (facts.policies.length === 0) return [heading('Policies'), para('No policy is recorded.')];
  return [
    heading('Policies'),
    table(
      ['Policy', 'In force', 'Next review', 'Acknowledgements overdue'],
      facts.policies.map((p) => [
        p.title,
        p.inForce ? 'Yes' : 'No approved version',
        p.nextReviewOn ? formatDate(p.nextReviewOn) : '',
        String(p.overdueAcknowledgements.length),
      ]),
    ),
  ];
}

function selfTestSection({ selfTests, facts, formatDate }: ReadinessReportInput): ReportBlock[] {
  const deviations = facts.controls.flatMap((c) => c.deviations.map((d) => ({ ref: c.ref, ...d })));
  return [
    heading('Self-tests and deviations'),
    para(
      'Management self-tests rehearse the auditor’s tests; the auditor selects its own items. Results are stated as found, deviations included.',
    ),
    ...(selfTests.length === 0
      ? [para('No control has been self-tested yet.')]
      : [
          table(
            ['Control', 'Drawn', 'By', 'Items tested', 'Result'],
            selfTests.map((t) => [
              t.controlRef,
              formatDate(t.drawnOn),
              t.drawnBy,
              `${t.tested} of ${t.items}`,
              t.result,
            ]),
          ),
        ]),
    ...(deviations.length === 0
      ? []
      : [
          heading('Deviations', 2),
          table(
            ['Control', 'Date', 'Management response'],
            deviations.map((d) => [
              d.ref,
              formatDate(d.date),
              d.responded ? 'Recorded' : 'Missing',
            ]),
          ),
        ]),
  ];
}

function evidenceSection({ facts, controls }: ReadinessReportInput): ReportBlock[] {
  return [
    heading('Evidence by control'),
    para(
      'Counts, windows covered and reviewers per control. The full index, with each file’s SHA-256, is in the audit package’s evidence index.',
    ),
    table(
      ['Control', 'Items', 'Reviewed', 'Windows covered', 'State', 'Reviewed by'],
      facts.controls.map((c) => {
        const x = controls[c.id];
        return [
          c.ref,
          String(x?.evidenceItems ?? 0),
          String(x?.reviewedItems ?? 0),
          x && x.windowsDue > 0 ? `${x.windowsMet} of ${x.windowsDue}` : '—',
          EVIDENCE_WORDS[c.evidence],
          x?.reviewers.join(', ') ?? '',
        ];
      }),
    ),
  ];
}
