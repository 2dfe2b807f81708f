import type { ReportType } from './engagement';
import { possessive } from './system-description-wording';

/**
 * The system description (DC 200): the vocabulary shared by the contract, the core and the drafts,
 * plus the completeness rule that readiness reuses. Pure: no I/O, no clock.
 */

/** Free-text answers, each one section of the description (DC 1–3). */
export const SD_TEXT_KEYS = [
  'services',
  'commitments',
  'systemRequirements',
  'boundaries',
] as const;
export type SdTextKey = (typeof SD_TEXT_KEYS)[number];
export type SdTexts = Record<SdTextKey, string>;

export const SD_TEXT_LABELS: Record<SdTextKey, string> = {
  services: 'Services provided',
  commitments: 'Principal service commitments',
  systemRequirements: 'System requirements',
  boundaries: 'System boundaries',
};

/** DC 3: the five components of a system. */
export const COMPONENT_KINDS = [
  'infrastructure',
  'software',
  'people',
  'procedures',
  'data',
] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

export const COMPONENT_KIND_LABELS: Record<ComponentKind, string> = {
  infrastructure: 'Infrastructure',
  software: 'Software',
  people: 'People',
  procedures: 'Procedures',
  data: 'Data',
};

/** DC 7: how a subservice organisation is presented. */
export const SUBSERVICE_METHODS = ['carve_out', 'inclusive'] as const;
export type SubserviceMethod = (typeof SUBSERVICE_METHODS)[number];

export const SUBSERVICE_METHOD_LABELS: Record<SubserviceMethod, string> = {
  carve_out: 'Carve-out',
  inclusive: 'Inclusive',
};

/** The opinion in a subservice organisation's own SOC report. */
export const REPORT_OPINIONS = ['unmodified', 'qualified', 'adverse', 'disclaimer'] as const;
export type ReportOpinion = (typeof REPORT_OPINIONS)[number];

/**
 * Our assessment of the exceptions in a vendor's report: it notes none, we assessed them (with a
 * written conclusion on how they affect our controls), or not yet.
 */
export const EXCEPTIONS_ASSESSMENTS = ['not_assessed', 'none_noted', 'assessed'] as const;
export type ExceptionsAssessment = (typeof EXCEPTIONS_ASSESSMENTS)[number];

export const EXCEPTIONS_ASSESSMENT_LABELS: Record<ExceptionsAssessment, string> = {
  not_assessed: 'Not yet assessed',
  none_noted: 'None noted',
  assessed: 'Assessed',
};

/** DC 4 incidents and DC 9 significant changes share one shape. */
export const SD_EVENT_KINDS = ['incident', 'change'] as const;
export type SdEventKind = (typeof SD_EVENT_KINDS)[number];

/** What an explicit, dated "none" can be stated for. */
export const NONE_KINDS = ['incidents', 'changes'] as const;
export type NoneKind = (typeof NONE_KINDS)[number];

export const NONE_KIND_OF_EVENT: Record<SdEventKind, NoneKind> = {
  incident: 'incidents',
  change: 'changes',
};

/**
 * Sections whose honest answer can be "there are none": no subservice organisations (DC 7), no
 * controls expected of user entities (DC 6), no criterion that is not relevant (DC 8). Only an
 * explicit answer becomes that sentence; an empty list alone is an unanswered section.
 */
export const CONFIRMABLE_NONE = ['subservices', 'cuecs', 'notRelevant'] as const;
export type ConfirmableNone = (typeof CONFIRMABLE_NONE)[number];
/** The date each was confirmed, or null while it is not. */
export type ConfirmedNone = Record<ConfirmableNone, string | null>;

/** Where each confirmation is kept (`sd_text` keys holding the date, never set by `sd.setText`). */
export const CONFIRMED_NONE_TEXT_KEY: Record<ConfirmableNone, string> = {
  subservices: 'none_subservices',
  cuecs: 'none_cuecs',
  notRelevant: 'none_not_relevant',
};

/** The documents Attest drafts from the answers. */
export const SD_DOCUMENTS = ['description', 'assertion'] as const;
export type SdDocument = (typeof SD_DOCUMENTS)[number];

/** Where an edited draft is kept (`sd_text` keys, never editable through `sd.setText`). */
export const DRAFT_TEXT_KEY: Record<SdDocument, string> = {
  description: 'draft_description',
  assertion: 'draft_assertion',
};

// ---------------------------------------------------------------------------------------------
// Completeness: which sections of the description are answered. Readiness turns each problem
// into a finding; the description screen shows them beside the section.

export const SD_SECTIONS = [
  'services',
  'commitments',
  'systemRequirements',
  'components',
  'boundaries',
  'incidents',
  'criteria',
  'cuecs',
  'subservices',
  'notRelevant',
  'changes',
] as const;
export type SdSection = (typeof SD_SECTIONS)[number];

export const SD_SECTION_INFO: Record<SdSection, { dc: string; title: string }> = {
  services: { dc: 'DC 1', title: 'Services provided' },
  commitments: { dc: 'DC 2', title: 'Principal service commitments' },
  systemRequirements: { dc: 'DC 2', title: 'System requirements' },
  components: { dc: 'DC 3', title: 'Components of the system' },
  boundaries: { dc: 'DC 3', title: 'System boundaries' },
  incidents: { dc: 'DC 4', title: 'System incidents' },
  criteria: { dc: 'DC 5', title: 'Applicable criteria and related controls' },
  cuecs: { dc: 'DC 6', title: 'Complementary user entity controls' },
  subservices: { dc: 'DC 7', title: 'Subservice organisations' },
  notRelevant: { dc: 'DC 8', title: 'Criteria not relevant to the system' },
  changes: { dc: 'DC 9', title: 'Significant changes during the period' },
};

export type SectionStatus = 'complete' | 'incomplete' | 'not_applicable';

export interface SectionCompleteness {
  section: SdSection;
  dc: string;
  title: string;
  status: SectionStatus;
  /** What is missing or inconsistent, each a sentence that says what to do. */
  problems: string[];
}

export interface Completeness {
  complete: boolean;
  sections: SectionCompleteness[];
}

/** Only what the rule needs; the contract's richer objects fit it structurally. */
export interface CompletenessInput {
  reportType: ReportType;
  asOf: string | null;
  period: { start: string; end: string } | null;
  texts: SdTexts;
  /** Active components only. */
  components: readonly { kind: ComponentKind }[];
  /** Active subservice organisations only. */
  subservices: readonly {
    name: string;
    method: SubserviceMethod;
    criteria: readonly string[];
    monitoringControlId: string | null;
  }[];
  /** Active CUECs only. */
  cuecs: readonly unknown[];
  /** Explicit "there are none" answers for the sections that allow one. */
  confirmedNone: ConfirmedNone;
  /** Active events only. */
  incidents: readonly { title: string; date: string }[];
  changes: readonly { title: string; date: string }[];
  none: { incidents: string | null; changes: string | null };
  /** In-scope criteria in the vault (empty until the scope is confirmed). */
  criteriaInScope: number;
  /** Their ids: a vendor whose criteria all left the scope must be revisited. */
  inScopeCriteria: readonly string[];
  /** In-scope criteria marked not relevant (DC 8). */
  notRelevantCriteria: readonly string[];
  activeControlIds: readonly string[];
}

export function describeCompleteness(input: CompletenessInput): Completeness {
  const problems = new Map<SdSection, string[]>(SD_SECTIONS.map((s) => [s, []]));
  const add = (section: SdSection, message: string) => problems.get(section)!.push(message);

  for (const key of SD_TEXT_KEYS) {
    if (input.texts[key].trim() === '')
      add(key, `Describe the ${SD_TEXT_LABELS[key].toLowerCase()}.`);
  }
  for (const kind of COMPONENT_KINDS) {
    if (!input.components.some((c) => c.kind === kind))
      add('components', `Add at least one ${COMPONENT_KIND_LABELS[kind].toLowerCase()} component.`);
  }
  if (input.criteriaInScope === 0)
    add('criteria', 'Confirm the scope so the applicable criteria are known.');

  const active = new Set(input.activeControlIds);
  const notRelevant = new Set(input.notRelevantCriteria);
  const inScope = new Set(input.inScopeCriteria);
  for (const org of input.subservices) {
    if (org.criteria.length === 0)
      add('subservices', `Name the criteria ${possessive(org.name)} controls support.`);
    else if (inScope.size > 0 && !org.criteria.some((c) => inScope.has(c)))
      add(
        'subservices',
        `None of the criteria ${possessive(org.name)} controls support (${org.criteria.join(', ')}) is in scope any more: name the in-scope ones, or archive ${org.name}.`,
      );
    if (!org.monitoringControlId)
      add('subservices', `Name the control through which ${org.name} is monitored.`);
    else if (!active.has(org.monitoringControlId))
      add(
        'subservices',
        `The control that monitors ${org.name} is archived; choose an active one.`,
      );
    // Marking a criterion not relevant after carving it out would hide a dependency.
    if (org.method === 'carve_out') {
      for (const id of org.criteria.filter((c) => notRelevant.has(c)))
        add(
          'subservices',
          `${id} is carved out to ${org.name} but marked not relevant; a carve-out is not “not relevant”.`,
        );
    }
  }

  for (const [section, message] of confirmableProblems(input)) add(section, message);

  for (const kind of ['incidents', 'changes'] as const) {
    if (kind === 'changes' && input.reportType === 'type1') continue;
    for (const message of eventProblems(kind, input)) add(kind, message);
  }

  const sections = SD_SECTIONS.map((section): SectionCompleteness => {
    const list = problems.get(section)!;
    const notApplicable = section === 'changes' && input.reportType === 'type1';
    return {
      section,
      ...SD_SECTION_INFO[section],
      status: notApplicable ? 'not_applicable' : list.length === 0 ? 'complete' : 'incomplete',
      problems: list,
    };
  });
  return { complete: sections.every((s) => s.status !== 'incomplete'), sections };
}

/** The date the description speaks to: the period end (Type II) or the as-of date (Type I). */
export function coverageEnd(input: Pick<CompletenessInput, 'reportType' | 'asOf' | 'period'>) {
  return input.reportType === 'type2' ? (input.period?.end ?? null) : input.asOf;
}

function eventProblems(kind: NoneKind, input: CompletenessInput): string[] {
  const events = input[kind];
  const noneAsOf = input.none[kind];
  const noun = kind === 'incidents' ? 'incidents' : 'significant changes';
  const out: string[] = [];
  if (events.length === 0 && !noneAsOf) {
    out.push(`List the ${noun}, or state that there were none and as of which date.`);
  }
  if (events.length > 0 && noneAsOf) {
    out.push(`${capitalise(noun)} are listed and also stated as none; clear the “none” statement.`);
  }
  const end = coverageEnd(input);
  if (events.length === 0 && noneAsOf && end && noneAsOf < end) {
    out.push(
      `“No ${noun}” is confirmed only up to ${noneAsOf}; confirm it again on or after ${end}.`,
    );
  }
  const start = input.reportType === 'type2' ? (input.period?.start ?? null) : null;
  for (const e of events) {
    if ((start && e.date < start) || (end && e.date > end)) {
      const span = start ? `the period ${start} to ${end}` : `the as-of date ${end}`;
      out.push(`“${e.title}” (${e.date}) falls outside ${span}.`);
    }
  }
  return out;
}

/** What each section that may be "none" still lacks: a list, or the explicit answer, not both. */
function confirmableProblems(input: CompletenessInput): [ConfirmableNone, string][] {
  const listed: Record<ConfirmableNone, number> = {
    subservices: input.subservices.length,
    cuecs: input.cuecs.length,
    notRelevant: input.notRelevantCriteria.length,
  };
  const ask: Record<ConfirmableNone, string> = {
    subservices:
      'Add the subservice organisations the system relies on, or state that it relies on none.',
    cuecs:
      'Add the controls user entities are expected to operate (CUECs), or state that there are none.',
    notRelevant:
      'Mark the criteria that are not relevant to the system, or confirm that every one applies.',
  };
  const both: Record<ConfirmableNone, string> = {
    subservices:
      'Subservice organisations are listed and also stated as none; withdraw the “none” statement.',
    cuecs: 'CUECs are listed and also stated as none; withdraw the “none” statement.',
    notRelevant:
      'Criteria are marked not relevant and every one is also confirmed as applying; withdraw the confirmation.',
  };
  const out: [ConfirmableNone, string][] = [];
  for (const kind of CONFIRMABLE_NONE) {
    // Which criteria are relevant can only be answered once the scope says which apply.
    if (kind === 'notRelevant' && input.criteriaInScope === 0) continue;
    const confirmed = input.confirmedNone[kind] !== null;
    if (listed[kind] === 0 && !confirmed) out.push([kind, ask[kind]]);
    if (listed[kind] > 0 && confirmed) out.push([kind, both[kind]]);
  }
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
