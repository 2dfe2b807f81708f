import type { DocBlock } from './system-description-doc';

/**
 * The blocks a generated report is made of: the drafts' blocks (`DocBlock`, which round-trip
 * through Markdown) plus what only a report has — a bar chart and a table of contents. Reports
 * are built as data in `shared/` and drawn by `electron/reports`.
 */

/** Horizontal bars, one per row: `value` of `total` (a share), drawn in the PDF itself. */
export interface BarsBlock {
  kind: 'bars';
  rows: { label: string; value: number; total: number }[];
}

/** The table of contents: every level-1 heading after it, with the page it starts on. */
export interface TocBlock {
  kind: 'toc';
}

export type ReportBlock = DocBlock | BarsBlock | TocBlock;
