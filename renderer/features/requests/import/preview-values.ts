import type { PreviewRow } from '../../../../shared/api/requests';
import type { RequestField } from '../../../../shared/domain/requests';
import { formatDate, formatDateRange } from '../../../components/format';
import { REQUEST_TYPE_LABELS } from '../labels';

export interface PreviewContext {
  personName(id: string): string | null;
  controlRefs(ids: readonly string[]): string[];
}

/** A period as the file wrote it, or the dates read from it when the text is missing. */
export function periodText(period: PreviewRow['period']): string | null {
  if (!period) return null;
  if (period.text) return period.text;
  if (period.start && period.end) return formatDateRange(period.start, period.end);
  if (period.asOf) return `as of ${formatDate(period.asOf)}`;
  return null;
}

/** The owner a row names: a person from People, or the file's text that matched no one. */
export function ownerText(row: PreviewRow, ctx: PreviewContext): string | null {
  if (row.ownerId) return ctx.personName(row.ownerId) ?? row.ownerText;
  return row.ownerText;
}

/** How each field of a preview row reads on screen. */
export function previewFieldText(
  ctx: PreviewContext,
): Record<RequestField, (row: PreviewRow) => string | null> {
  return {
    ref: (r) => r.ref,
    description: (r) => r.description,
    criteria: (r) => r.criteria?.join(', ') || null,
    controls: (r) => (r.controlIds ? ctx.controlRefs(r.controlIds).join(', ') || null : null),
    type: (r) => (r.type ? REQUEST_TYPE_LABELS[r.type] : null),
    period: (r) => periodText(r.period),
    owner: (r) => ownerText(r, ctx),
    dueOn: (r) => (r.dueOn ? formatDate(r.dueOn) : null),
    wave: (r) => r.wave,
    comments: (r) => r.comments,
  };
}
