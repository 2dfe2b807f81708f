/**
 * The audit package's manifest (DESIGN §6), shared by the writer (`attest export`) and the
 * verifier (`attest verify <package.zip>`, auditor mode). One schema so the two can never drift.
 *
 * `manifest.json` is written as `serializeManifest(m)`; `manifest.json.sig` is the Ed25519
 * signature over exactly those bytes; `SHA256SUMS` lists every file except the three that
 * describe the others (the manifest, its signature and SHA256SUMS itself), in the manifest's order.
 */
import { z } from 'zod';

/** Bumped when the manifest's meaning changes; a verifier refuses a format it does not know. */
export const PACKAGE_FORMAT = 1;

export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.json.sig';
export const SUMS_PATH = 'SHA256SUMS';
export const PUBLIC_KEY_PATH = 'signing-key.pub';

/** Files that describe the package and so are not listed in `files[]`. */
export const SELF_DESCRIBING_PATHS: readonly string[] = [MANIFEST_PATH, SIGNATURE_PATH, SUMS_PATH];

/** DESIGN §6: whole paths under 150 characters. */
export const MAX_PACKAGE_PATH = 149;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A package path: ASCII letters, digits, `._-` in each segment, `/` between segments, no empty,
 * `.` or `..` segment, no leading slash, under 150 characters (DESIGN §6 names).
 */
export const packagePath = z
  .string()
  .max(MAX_PACKAGE_PATH)
  .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/)
  .refine((p) => p.split('/').every((s) => s !== '.' && s !== '..'), 'no . or .. segments');

export const manifestFileSchema = z.object({
  path: packagePath,
  sha256: sha256Hex,
  size: z.number().int().nonnegative(),
  /** What the file is, so a viewer can group it without parsing paths. */
  kind: z.enum([
    'readme',
    'viewer',
    'index',
    'system-description',
    'policy',
    'evidence',
    'population',
    'subservice',
    'internal',
    'public-key',
  ]),
  /** Set for evidence and population files: the stable id (e.g. `EV-0123`). */
  evidenceId: z.string().optional(),
  /** Set for policy files: the policy's reference and the version's number (`POL-08 v3`). */
  policyVersion: z.string().optional(),
  controls: z.array(z.string()).default([]),
  criteria: z.array(z.string()).default([]),
  requests: z.array(z.string()).default([]),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

/** What a record of the package is: the stable ids a delta export compares by. */
export const RECORD_KINDS = [
  'evidence',
  'policy',
  'document',
  'subservice',
  'control',
  'request',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * A record the package shows (an evidence item, a policy version, a document, a vendor, a
 * control's or a request's row) by its stable id, with the SHA-256 of what it shows — its files'
 * content and its index row, never the time generated files are stamped with — and the files it
 * lies in. A delta export compares these with the previous package's.
 */
export const manifestRecordSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  id: z.string(),
  state: sha256Hex,
  paths: z.array(packagePath),
});
export type ManifestRecord = z.infer<typeof manifestRecordSchema>;

/** What a delta package follows and what went since (DESIGN §6: packages sent in waves). */
export const manifestDeltaSchema = z.object({
  /** SHA-256 of the previous package's `manifest.json` bytes. */
  since: sha256Hex,
  previousGeneratedAt: z.string(),
  previousChainHead: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }),
  /** Records of this package by how they compare with the previous one. */
  counts: z.object({
    new: z.number().int().nonnegative(),
    changed: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
    removed: z.number().int().nonnegative(),
  }),
  /** Records the previous package showed that this one no longer does (archived, deleted…). */
  removed: z.array(manifestRecordSchema.omit({ state: true })),
});
export type ManifestDelta = z.infer<typeof manifestDeltaSchema>;

export const manifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  app: z.object({ name: z.literal('Attest'), version: z.string() }),
  /** The one field allowed to differ between two exports of the same vault state. */
  generatedAt: z.string(),
  /** The time every generated file is stamped with: the vault's latest audit entry. */
  contentTime: z.string(),
  engagement: z.object({
    name: z.string(),
    client: z.string().nullable(),
    type: z.enum(['type1', 'type2']),
    periodStart: isoDay.nullable(),
    periodEnd: isoDay.nullable(),
    asOf: isoDay.nullable(),
    categories: z.array(z.string()),
  }),
  /** SHA-256 of the signing key's SPKI DER, hex — the vault's fingerprint. */
  keyFingerprint: sha256Hex,
  /** The vault's audit chain head when exported (H2): the state this package shows. */
  chainHead: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }),
  options: z.object({
    internal: z.boolean(),
    byRequest: z.boolean(),
    approvedPoliciesOnly: z.boolean(),
    reviewedEvidenceOnly: z.boolean(),
    categories: z.array(z.string()),
    /** A delta package: the manifest hash of the package it follows, else null. */
    since: sha256Hex.nullable(),
  }),
  /** Set for a delta package: `files` then holds only what is new or changed since. */
  delta: manifestDeltaSchema.nullable().default(null),
  files: z.array(manifestFileSchema),
  /**
   * Every record the package shows — in a delta, those left out as unchanged too — so the next
   * delta can be taken from this one. Empty in packages exported before deltas existed.
   */
  records: z.array(manifestRecordSchema).default([]),
});
export type Manifest = z.infer<typeof manifestSchema>;
/** A manifest as written: the fields with defaults may be left out. */
export type ManifestInput = z.input<typeof manifestSchema>;

/**
 * The manifest's bytes: JSON with two-space indentation, keys in schema order, files sorted
 * by path (byte order), ending in a newline. Deterministic so two exports of one state agree.
 */
export function serializeManifest(manifest: ManifestInput): string {
  const parsed = manifestSchema.parse(manifest);
  const files = [...parsed.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify({ ...parsed, files }, null, 2)}\n`;
}

/** `SHA256SUMS` in the format `sha256sum -c` reads: `<hex>  <path>` per line. */
export function sha256sumsText(files: readonly Pick<ManifestFile, 'path' | 'sha256'>[]): string {
  return files
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : a.slice(66) > b.slice(66) ? 1 : 0))
    .join('');
}

/**
 * Turns free text into one ASCII path segment: accents dropped, anything else becomes `-`,
 * runs collapsed, trimmed, cut to `max` characters. Never empty.
 */
export function safeSegment(text: string, max = 60): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  const cut = ascii.slice(0, max).replace(/[-.]+$/g, '');
  return cut.length > 0 ? cut : 'untitled';
}
