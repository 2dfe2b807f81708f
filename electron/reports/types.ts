import type { ReportBlock } from '../../shared/domain/report-doc';

export type { BarsBlock, ReportBlock, TocBlock } from '../../shared/domain/report-doc';

/**
 * What a renderer gets: the document's blocks and a few facts for its frame (properties, running
 * header, footer). Renderers never read the vault; the same input makes the same document in
 * every format.
 */
export interface RenderInput {
  blocks: readonly ReportBlock[];
  meta: {
    /** Document title, e.g. "System description". */
    title: string;
    client: string;
    /** Shown in the running header, e.g. "1 January 2026 to 30 June 2026". */
    timing: string;
    /** `YYYY-MM-DD`. */
    generatedOn: string;
    /** Printed at the foot of every page; the draft footer unless given. */
    footer?: string;
    /** The word in the running header's corner (DOCX); DRAFT unless given. */
    stamp?: string;
    /**
     * The time the document's properties (and a DOCX's zip entries) carry instead of now, so
     * the same input gives the same bytes: the audit package stamps the vault's latest change.
     */
    stampedAt?: Date;
  };
}

/** Printed at the foot of every page: these documents are drafts until management signs. */
export const DRAFT_FOOTER = 'Draft — prepared with Attest';

export function runningHeader(meta: RenderInput['meta']): string {
  return [meta.client, meta.title, meta.timing].filter((s) => s.trim() !== '').join(' · ');
}
