import { describe, expect, it } from 'vitest';
import {
  COMPONENT_KINDS,
  type CompletenessInput,
  describeCompleteness,
} from './system-description';
import {
  exportFileName,
  listPhrase,
  longDate,
  possessive,
  splitPlaceholders,
} from './system-description-wording';

function answered(overrides: Partial<CompletenessInput> = {}): CompletenessInput {
  return {
    reportType: 'type2',
    asOf: null,
    period: { start: '2026-01-01', end: '2026-06-30' },
    texts: {
      services: 'Hosted analytics',
      commitments: '99.9 % availability',
      systemRequirements: 'MFA for production access',
      boundaries: 'The production environment in AWS',
    },
    components: COMPONENT_KINDS.map((kind) => ({ kind })),
    subservices: [
      { name: 'AWS', method: 'carve_out', criteria: ['CC6.4'], monitoringControlId: 'ctl_1' },
    ],
    cuecs: [{}],
    confirmedNone: { subservices: null, cuecs: null, notRelevant: '2026-07-01' },
    incidents: [{ title: 'Outage', date: '2026-03-14' }],
    changes: [],
    none: { incidents: null, changes: '2026-07-01' },
    criteriaInScope: 36,
    inScopeCriteria: ['CC6.1', 'CC6.4', 'CC7.2'],
    notRelevantCriteria: [],
    activeControlIds: ['ctl_1'],
    ...overrides,
  };
}

const problemsOf = (input: CompletenessInput, section: string) =>
  describeCompleteness(input).sections.find((s) => s.section === section)!;

describe('system description completeness', () => {
  it('asks again about a vendor whose criteria all left the scope', () => {
    const section = problemsOf(answered({ inScopeCriteria: ['CC7.2'] }), 'subservices');
    expect(section.status).toBe('incomplete');
    expect(section.problems).toEqual([
      'None of the criteria AWS’s controls support (CC6.4) is in scope any more: name the in-scope ones, or archive AWS.',
    ]);
  });

  it('is complete when every section is answered', () => {
    const result = describeCompleteness(answered());
    expect(result.complete).toBe(true);
    expect(result.sections.every((s) => s.problems.length === 0)).toBe(true);
  });

  it('names each missing text and component kind', () => {
    const result = describeCompleteness(
      answered({
        texts: { services: ' ', commitments: '', systemRequirements: 'x', boundaries: 'x' },
        components: [{ kind: 'software' }],
      }),
    );
    expect(result.complete).toBe(false);
    expect(
      problemsOf(answered({ texts: { ...answered().texts, services: '' } }), 'services').problems,
    ).toEqual(['Describe the services provided.']);
    const components = result.sections.find((s) => s.section === 'components')!;
    expect(components.status).toBe('incomplete');
    expect(components.problems).toHaveLength(4);
    expect(components.problems).toContain('Add at least one people component.');
  });

  it('needs incidents listed or a dated none covering the period', () => {
    expect(problemsOf(answered({ incidents: [] }), 'incidents').problems).toEqual([
      'List the incidents, or state that there were none and as of which date.',
    ]);
    expect(
      problemsOf(
        answered({ incidents: [], none: { incidents: '2026-04-30', changes: null } }),
        'incidents',
      ).problems,
    ).toEqual([
      '“No incidents” is confirmed only up to 2026-04-30; confirm it again on or after 2026-06-30.',
    ]);
    expect(
      problemsOf(
        answered({ incidents: [], none: { incidents: '2026-06-30', changes: null } }),
        'incidents',
      ).status,
    ).toBe('complete');
    expect(
      problemsOf(
        answered({ none: { incidents: '2026-07-01', changes: '2026-07-01' } }),
        'incidents',
      ).problems,
    ).toEqual(['Incidents are listed and also stated as none; clear the “none” statement.']);
    expect(
      problemsOf(
        answered({ incidents: [{ title: 'Old outage', date: '2025-12-01' }] }),
        'incidents',
      ).problems,
    ).toEqual(['“Old outage” (2025-12-01) falls outside the period 2026-01-01 to 2026-06-30.']);
  });

  it('asks for significant changes in Type II only', () => {
    expect(
      problemsOf(answered({ none: { incidents: null, changes: null } }), 'changes').status,
    ).toBe('incomplete');
    const typeOne = answered({
      reportType: 'type1',
      asOf: '2026-03-31',
      period: null,
      none: { incidents: null, changes: null },
    });
    expect(problemsOf(typeOne, 'changes')).toMatchObject({
      status: 'not_applicable',
      problems: [],
    });
    expect(describeCompleteness(typeOne).complete).toBe(true);
  });

  it('needs criteria and an active monitoring control for every subservice organisation', () => {
    const org = { name: 'Stripe', method: 'carve_out' as const };
    expect(
      problemsOf(
        answered({
          subservices: [
            { ...org, criteria: [], monitoringControlId: null },
            { ...org, name: 'Okta', criteria: ['CC6.1'], monitoringControlId: 'ctl_archived' },
          ],
        }),
        'subservices',
      ).problems,
    ).toEqual([
      'Name the criteria Stripe’s controls support.',
      'Name the control through which Stripe is monitored.',
      'The control that monitors Okta is archived; choose an active one.',
    ]);
  });

  it('flags a carved-out criterion later marked not relevant', () => {
    expect(
      problemsOf(answered({ notRelevantCriteria: ['CC6.4'] }), 'subservices').problems,
    ).toEqual([
      'CC6.4 is carved out to AWS but marked not relevant; a carve-out is not “not relevant”.',
    ]);
  });

  it('needs the scope confirmed before criteria can be described', () => {
    expect(problemsOf(answered({ criteriaInScope: 0 }), 'criteria').status).toBe('incomplete');
  });
});

describe('wording helpers', () => {
  it('writes dates out in full and joins lists', () => {
    expect(longDate('2026-06-30')).toBe('30 June 2026');
    expect(longDate('2026-01-01')).toBe('1 January 2026');
    expect(listPhrase(['A'])).toBe('A');
    expect(listPhrase(['A', 'B', 'C'])).toBe('A, B and C');
    expect(possessive('Acme')).toBe('Acme’s');
    expect(possessive('Amazon Web Services')).toBe('Amazon Web Services’');
    expect(possessive('Hansen & Søn ApS')).toBe('Hansen & Søn ApS’s');
  });

  it('finds the placeholders left in a text', () => {
    expect(splitPlaceholders('A [To be completed: x] b [note] [To be completed: y]')).toEqual([
      { text: 'A ', placeholder: false },
      { text: '[To be completed: x]', placeholder: true },
      { text: ' b [note] ', placeholder: false },
      { text: '[To be completed: y]', placeholder: true },
    ]);
  });

  it('makes ASCII export file names', () => {
    expect(exportFileName('description', 'Café Zürich & Co. GmbH', '2026-07-06', 'docx')).toBe(
      'System-Description_Cafe-Zurich-Co-GmbH_2026-07-06.docx',
    );
    expect(exportFileName('assertion', '株式会社', '2026-07-06', 'pdf')).toBe(
      'Management-Assertion_Client_2026-07-06.pdf',
    );
    expect(exportFileName('assertion', 'x'.repeat(200), '2026-07-06', 'md')).toHaveLength(
      'Management-Assertion__2026-07-06.md'.length + 60,
    );
  });
});
