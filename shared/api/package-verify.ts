import { z } from 'zod';

/**
 * What checking an audit package found (`package.verify`, `attest verify <package.zip>`,
 * DESIGN §6). Each problem is named by its kind and, where it concerns one file, its path, in a
 * sentence a user understands.
 */
export const PACKAGE_PROBLEM_KINDS = [
  /** A file's bytes or size differ from what the manifest records. */
  'changed',
  /** The manifest lists a file the package does not hold (or a required file is absent). */
  'missing',
  /** The package holds a file the manifest does not list. */
  'not_in_manifest',
  /** `manifest.json.sig` is not a valid signature of `manifest.json` by `signing-key.pub`. */
  'bad_signature',
  /** The manifest names another key than the one beside it. */
  'key_mismatch',
  /** An entry a zip tool could use against the computer opening it; the package is refused. */
  'hostile_entry',
  /** A manifest of a format this version of Attest does not know. */
  'unknown_format',
  /** `manifest.json` is not a manifest (not JSON, or not the shape Attest writes). */
  'bad_manifest',
  /** An entry whose bytes cannot be read back (damaged compressed data). */
  'unreadable',
] as const;
export type PackageProblemKind = (typeof PACKAGE_PROBLEM_KINDS)[number];

export const packageProblemSchema = z.object({
  kind: z.enum(PACKAGE_PROBLEM_KINDS),
  /** The entry's name inside the zip, as far as it can be shown; null for the package as a whole. */
  path: z.string().nullable(),
  message: z.string(),
});
export type PackageProblem = z.infer<typeof packageProblemSchema>;

export const packageVerifyReportSchema = z.object({
  /** True only when every file matched, nothing was extra and the signature holds. */
  verified: z.boolean(),
  /**
   * False when hostile entries made Attest refuse the package before reading every file: the
   * problems then name what was refused, not every difference.
   */
  complete: z.boolean(),
  /** Hex SHA-256 of `signing-key.pub` (SPKI DER), or null when there is no readable key. */
  fingerprint: z.string().nullable(),
  /** Files whose SHA-256 and size were compared with the manifest. */
  filesChecked: z.number().int(),
  bytesChecked: z.number(),
  /** What the manifest says the package is; null when it could not be read. */
  manifest: z
    .object({
      format: z.number().int(),
      generatedAt: z.string(),
      engagement: z.string(),
      client: z.string().nullable(),
      files: z.number().int(),
      /** A delta package: the package it follows and how its records compare with it. */
      delta: z
        .object({
          /** SHA-256 of the previous package's manifest.json. */
          since: z.string(),
          previousGeneratedAt: z.string(),
          new: z.number().int(),
          changed: z.number().int(),
          unchanged: z.number().int(),
          removed: z.number().int(),
        })
        .nullable()
        .default(null),
    })
    .nullable(),
  problems: z.array(packageProblemSchema),
});
export type PackageVerifyReport = z.infer<typeof packageVerifyReportSchema>;
