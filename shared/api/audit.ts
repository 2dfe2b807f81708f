import { z } from 'zod';
import { pageOf } from './common';

/** One field an audit entry records, in words, with the value it had before when known. */
export const auditChangeSchema = z.object({
  /** The field in words: "owner", "residual impact". */
  field: z.string(),
  /** The value the entry recorded, as the user knows it (a person by name). */
  after: z.string(),
  /**
   * The value before this entry: what the record's latest earlier entry recorded for the field.
   * Null: no earlier entry recorded it (the log keeps values, not old states). Absent: there is
   * no before — the entry created the record, or the field is a note about the change (a
   * migration's name, a catalog update) rather than a stored value.
   */
  before: z.string().nullable().optional(),
});
export type AuditChangeView = z.infer<typeof auditChangeSchema>;

/** One entry of the vault's audit history, as a person reads it. */
export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['create', 'update', 'delete', 'archive', 'restore']),
  /** The kind of record, in words: "Control", "Evidence ↔ control". */
  kind: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** The record as the user knows it: "AC-01 Single sign-on", "EV-12 Access review Q1". */
  label: z.string(),
  /**
   * What the entry records in a line, shortened: the fields changed, each "before → after" when
   * the value before is known ("owner: Ana Lima → Ben Ortiz").
   */
  details: z.string(),
  /** The same field by field (empty when the entry records no fields, e.g. a link's creation). */
  changes: z.array(auditChangeSchema),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = pageOf(auditEntrySchema);
