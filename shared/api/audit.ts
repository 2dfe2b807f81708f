import { z } from 'zod';
import { pageOf } from './common';

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
  /** What the entry records, shortened: the fields changed and their new values. */
  details: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = pageOf(auditEntrySchema);
