import { z } from 'zod';

/**
 * What importing an auditor's response did (`requests.importResponse`,
 * `attest response import`). The fingerprint is shown so the consultant confirms it with the
 * auditor by another channel: a signature proves the response is unchanged since someone holding
 * that key signed it, not who that someone is.
 */
export const RESPONSE_CHANGE_KINDS = ['status', 'comment', 'request', 'sample'] as const;

export const responseChangeSchema = z.object({
  kind: z.enum(RESPONSE_CHANGE_KINDS),
  /** The request changed or added. */
  requestRef: z.string(),
  message: z.string(),
});
export type ResponseChange = z.infer<typeof responseChangeSchema>;

export const responseImportResultSchema = z.object({
  /** SHA-256 of the manifest of the package the response answers (one this vault exported). */
  manifestSha256: z.string(),
  engagement: z.string(),
  auditor: z.object({ name: z.string(), firm: z.string(), email: z.string().nullable() }),
  /** Hex SHA-256 of the auditor key's SPKI DER; null for an unsigned response. */
  fingerprint: z.string().nullable(),
  /** How the changes are attributed in the threads and the audit log. */
  attribution: z.string(),
  /** Every item had been imported before: nothing changed. */
  alreadyImported: z.boolean(),
  itemsApplied: z.number().int(),
  itemsAlreadyImported: z.number().int(),
  changes: z.array(responseChangeSchema),
});
export type ResponseImportResult = z.infer<typeof responseImportResultSchema>;
