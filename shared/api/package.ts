import { z } from 'zod';
import { generatedFileSchema, saveToSchema } from './files';
import { fileName } from './methods/blobs';
import { idOf, localPath } from './text';

/**
 * The earlier package a delta follows: a path (desktop: picked or dropped; CLI) or a browser's
 * upload, with the name it was uploaded under (for the README's "follows …").
 */
export const packageSinceSchema = z.union([
  z.object({ path: localPath }).strict(),
  z.object({ uploadId: idOf('up', 'upload'), fileName: fileName.optional() }).strict(),
]);

/**
 * What an audit package (DESIGN §6) may include besides what it always has (the README, the
 * viewer, the manifest, its signature, SHA256SUMS and the public key).
 */
export const PACKAGE_CATEGORIES = [
  'index',
  'system-description',
  'policies',
  'evidence',
  'populations',
  'subservice',
] as const;
export type PackageCategory = (typeof PACKAGE_CATEGORIES)[number];

export const packageExportInput = z
  .object({
    /** Which parts to include; all of them unless given. */
    categories: z
      .array(z.enum(PACKAGE_CATEGORIES))
      .min(1, 'Choose at least one part to include')
      .default([...PACKAGE_CATEGORIES]),
    /** Only approved policy versions (in force during the period), no drafts. */
    approvedPoliciesOnly: z.boolean().default(false),
    /** Only evidence that is reviewed and whose dates fall inside the period. */
    reviewedEvidenceOnly: z.boolean().default(false),
    /** Add `07_Internal/` (self-test worksheets, deviations): off unless the user opts in. */
    internal: z.boolean().default(false),
    /** Lay evidence out by request instead of by control. */
    byRequest: z.boolean().default(false),
    /**
     * A delta: only what is new or changed since this earlier package of the same vault (read
     * and verified first; refused when it fails, or came from another vault).
     */
    since: packageSinceSchema.optional(),
    saveTo: saveToSchema.optional(),
  })
  .strict();
export type PackageExportInput = z.output<typeof packageExportInput>;

export const packageExportResult = generatedFileSchema.extend({
  /** Files in the package, the manifest, its signature and SHA256SUMS included. */
  files: z.number().int(),
  /** The vault's key fingerprint: to send to the auditor by another channel. */
  fingerprint: z.string(),
  /** A delta: the manifest hash of the package it follows and its records by status. */
  delta: z
    .object({
      since: z.string(),
      new: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      removed: z.number().int(),
    })
    .nullable(),
});
export type PackageExportResult = z.infer<typeof packageExportResult>;
