import type { Category, ReportType } from './engagement';
import type { AssessmentStatus } from './coverage';
import type { ComponentKind, ConfirmedNone, SdTexts, SubserviceMethod } from './system-description';
import { type DocBlock, parseMarkdown } from './system-description-doc';
import { placeholder } from './system-description-wording';

/**
 * Everything a draft is built from: the engagement, the description's answers (active records
 * only) and the confirmed scope. The core gathers it; the builders stay pure.
 */
export interface DraftInput {
  /** The date the draft is generated, `YYYY-MM-DD`. */
  generatedOn: string;
  engagement: {
    name: string;
    client: string;
    services: string;
    reportType: ReportType;
    asOf: string | null;
    period: { start: string; end: string } | null;
    categories: readonly Category[];
  };
  texts: SdTexts;
  components: readonly { kind: ComponentKind; name: string; description: string }[];
  subservices: readonly DraftSubservice[];
  cuecs: readonly { description: string; criteria: readonly string[] }[];
  incidents: readonly DraftEvent[];
  changes: readonly DraftEvent[];
  none: { incidents: string | null; changes: string | null };
  /** Explicit "none" answers (DC 6, 7, 8): without one, an empty list is a gap, not a claim. */
  confirmedNone: ConfirmedNone;
  /** In-scope criteria, in catalog order. */
  criteria: readonly { id: string; title: string; notRelevantReason: string | null }[];
  /** Active controls, by reference, with their assessment (null while not assessed). */
  controls: readonly DraftControl[];
}

export interface DraftControl {
  id: string;
  ref: string;
  title: string;
  description: string;
  assessment: AssessmentStatus | null;
  criteria: readonly string[];
}

/**
 * Why the assessment does not let the draft present a control as designed and in place, in a
 * few words (`not implemented`), or null when it does (assessed as implemented).
 */
export function notInPlace(control: Pick<DraftControl, 'assessment'>): string | null {
  switch (control.assessment) {
    case 'implemented':
      return null;
    case 'partial':
      return 'partly implemented';
    case 'not_implemented':
      return 'not implemented';
    case 'not_applicable':
      return 'not applicable';
    case null:
      return 'not assessed';
  }
}

export interface DraftSubservice {
  name: string;
  services: string;
  method: SubserviceMethod;
  criteria: readonly string[];
  csocs: readonly { description: string; criteria: readonly string[] }[];
  vendorCuecs: readonly { description: string; controlIds: readonly string[] }[];
  monitoringControlId: string | null;
}

export interface DraftEvent {
  date: string;
  title: string;
  description: string;
  effect: string;
  disposition: string;
}

/**
 * A free-text answer as blocks: paragraphs and bullet lists as the user wrote them (a heading
 * typed into an answer becomes a paragraph, so answers cannot break the document's outline), or a
 * placeholder when it is empty.
 */
export function answerBlocks(text: string, missing: string): DocBlock[] {
  const blocks = parseMarkdown(text).map((b): DocBlock =>
    b.kind === 'heading' ? { kind: 'paragraph', text: b.text } : b,
  );
  return blocks.length > 0 ? blocks : [{ kind: 'paragraph', text: placeholder(missing) }];
}

export function paragraph(text: string): DocBlock {
  return { kind: 'paragraph', text };
}

export function heading(level: 1 | 2 | 3, text: string): DocBlock {
  return { kind: 'heading', level, text };
}

/** Control references for ids, in reference order; unknown ids are left out. */
export function controlRefs(input: DraftInput, ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  return input.controls.filter((c) => wanted.has(c.id)).map((c) => c.ref);
}

/** The as-of or period-end date the statements speak to, or null while it is not set. */
export function reportEnd(input: DraftInput): string | null {
  const e = input.engagement;
  return e.reportType === 'type2' ? (e.period?.end ?? null) : e.asOf;
}
