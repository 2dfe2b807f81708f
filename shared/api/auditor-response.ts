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

/** Who the response is from and which package it answers: shown before and after an import. */
const responseAbout = {
  /** SHA-256 of the manifest of the package the response answers (one this vault exported). */
  manifestSha256: z.string(),
  engagement: z.string(),
  auditor: z.object({ name: z.string(), firm: z.string(), email: z.string().nullable() }),
  /** Hex SHA-256 of the auditor key's SPKI DER; null for an unsigned response. */
  fingerprint: z.string().nullable(),
  /** How the changes are attributed in the threads and the audit log. */
  attribution: z.string(),
  /** Every item had been imported before: nothing changes. */
  alreadyImported: z.boolean(),
  itemsAlreadyImported: z.number().int(),
};

export const responseImportResultSchema = z.object({
  ...responseAbout,
  itemsApplied: z.number().int(),
  changes: z.array(responseChangeSchema),
});
export type ResponseImportResult = z.infer<typeof responseImportResultSchema>;

/**
 * What importing a response would do (`requests.previewResponse`): the same checks as the
 * import, nothing applied. Counts are of the items not imported before, by kind.
 */
export const responsePreviewSchema = z.object({
  ...responseAbout,
  /** Items the import would apply (not imported before). */
  itemsNew: z.number().int(),
  counts: z.object({
    status: z.number().int(),
    comment: z.number().int(),
    request: z.number().int(),
    sample: z.number().int(),
  }),
});
export type ResponsePreview = z.infer<typeof responsePreviewSchema>;
