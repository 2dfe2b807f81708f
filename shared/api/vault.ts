import { z } from 'zod';
import { CATEGORIES, REPORT_TYPES, normaliseCategories } from '../domain/engagement';
import { isoDate, isoInstant } from './common';
import { text } from './text';
import { witnessSchema } from './witness';

export const periodSchema = z.object({ start: isoDate, end: isoDate });

/**
 * What it takes to start an engagement. Security is always added to the categories; Type I needs
 * an as-of date, Type II a period whose end comes after its start.
 */
export const engagementInput = z
  .object({
    name: text({ max: 200, required: 'Give the engagement a name' }),
    client: text({ max: 200 }).default(''),
    reportType: z.enum(REPORT_TYPES).default('type2'),
    asOf: isoDate.optional(),
    period: periodSchema.optional(),
    categories: z.array(z.enum(CATEGORIES)).default(['security']).transform(normaliseCategories),
  })
  .superRefine((value, ctx) => {
    if (value.reportType === 'type1') {
      if (value.period) {
        ctx.addIssue({
          code: 'custom',
          path: ['period'],
          message: 'A Type I report has an as-of date, not a period',
        });
      }
    } else {
      if (value.asOf) {
        ctx.addIssue({
          code: 'custom',
          path: ['asOf'],
          message: 'A Type II report covers a period, not an as-of date',
        });
      }
      if (value.period && value.period.end <= value.period.start) {
        ctx.addIssue({
          code: 'custom',
          path: ['period', 'end'],
          message: 'The period must end after it starts',
        });
      }
    }
  });

export type EngagementInput = z.input<typeof engagementInput>;
export type EngagementValues = z.output<typeof engagementInput>;

export const engagementSchema = z.object({
  name: z.string(),
  client: z.string(),
  reportType: z.enum(REPORT_TYPES),
  asOf: isoDate.nullable(),
  period: periodSchema.nullable(),
  categories: z.array(z.enum(CATEGORIES)),
  catalogVersion: z.string().nullable(),
  services: z.string(),
  auditorFirm: z.string(),
  contacts: z.array(z.object({ name: z.string(), role: z.string(), email: z.string() })),
  /** The scoping wizard's furthest step (0-based), so it can be resumed. */
  scopeStep: z.number().int(),
  scopeConfirmedAt: isoInstant.nullable(),
  /** DC 4 / DC 9: an explicit, dated "none" when there is nothing to list. */
  incidentsNoneAsOf: isoDate.nullable(),
  changesNoneAsOf: isoDate.nullable(),
  /** When the risk assessment was last performed (readiness wants one within 12 months). */
  riskAssessedOn: isoDate.nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Engagement = z.infer<typeof engagementSchema>;

/**
 * What a vault started with "Start next period" records about the one it came from (its
 * `previous_period` setting): the file, its key and period, and its audit chain head then.
 */
export const previousPeriodSchema = z.object({
  fileName: z.string(),
  vaultId: z.string(),
  fingerprint: z.string(),
  engagementName: z.string(),
  reportType: z.enum(REPORT_TYPES),
  asOf: isoDate.nullable(),
  period: periodSchema.nullable(),
  /** The previous vault's audit chain head when the roll forward read it. */
  chainSeq: z.number().int(),
  chainHash: z.string(),
});
export type PreviousPeriod = z.infer<typeof previousPeriodSchema>;

export const vaultInfoSchema = z.object({
  path: z.string(),
  vaultId: z.string(),
  formatVersion: z.number().int(),
  appVersion: z.string(),
  createdAt: isoInstant,
  fingerprint: z.string(),
  engagement: engagementSchema,
  currentUser: z.object({ personId: z.string().nullable(), name: z.string() }),
  /** What the confirmed scope holds (empty until the scope is confirmed). */
  scope: z.object({
    criteria: z.array(z.string()),
    controls: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string() })),
  }),
  /** The vault this one was rolled forward from ("Start next period"); null for a new one. */
  previousPeriod: previousPeriodSchema.nullable(),
  counts: z.object({
    people: z.number().int(),
    auditEvents: z.number().int(),
    blobs: z.number().int(),
    blobBytes: z.number().int(),
  }),
});
export type VaultInfo = z.infer<typeof vaultInfoSchema>;

export const VERIFY_PROBLEM_KINDS = [
  'sqlite_integrity',
  'audit_entry_missing',
  'audit_entry_altered',
  'audit_chain_broken',
  'row_changed',
  'row_untracked',
  'row_deleted',
  'blob_altered',
  'blob_incomplete',
  /** An owner's file is gone. */
  'blob_missing',
  /** A stored file is not the one its owner recorded (hash or size). */
  'blob_owner_mismatch',
  /** A stored file (or parts of one) that no record owns. */
  'blob_unowned',
  /** The chain no longer extends a head the witness on this computer recorded. */
  'chain_rewritten',
] as const;

export const verifyProblemSchema = z.object({
  kind: z.enum(VERIFY_PROBLEM_KINDS),
  message: z.string(),
  entity: z.string().optional(),
  entityId: z.string().optional(),
  seq: z.number().int().optional(),
  blobId: z.number().int().optional(),
});
export type VerifyProblem = z.infer<typeof verifyProblemSchema>;

export const verifyReportSchema = z.object({
  ok: z.boolean(),
  checkedAt: isoInstant,
  checked: z.object({
    auditEntries: z.number().int(),
    rows: z.number().int(),
    blobs: z.number().int(),
    blobBytes: z.number().int(),
  }),
  problems: z.array(verifyProblemSchema),
  /**
   * The chain compared with the witness kept outside the vault (absent when it could not be
   * consulted: no witness folder given, or a vault too damaged to read its head).
   */
  witness: witnessSchema.optional(),
});
export type VerifyReport = z.infer<typeof verifyReportSchema>;

/**
 * When `vault.verifyFile` checked a temporary copy instead of the file itself: an older format
 * (upgraded in the copy) or an unfinished write (undone in the copy). The file is never changed.
 */
export const checkedCopySchema = z.object({
  reason: z.enum(['older_format', 'unfinished_write']),
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
});
export type CheckedCopy = z.infer<typeof checkedCopySchema>;

export const verifyFileResultSchema = z.object({
  report: verifyReportSchema,
  /** Null when the file itself was read. */
  checkedCopy: checkedCopySchema.nullable(),
  /** `acceptWitness`: the witness once the chain's head was recorded as the new baseline. */
  accepted: witnessSchema.nullable(),
  /** `acceptWitness`: why the head was not recorded. */
  notAccepted: z.string().nullable(),
});
export type VerifyFileResult = z.infer<typeof verifyFileResultSchema>;

export const DEMO_SCALES = ['small', 'large'] as const;

/** How the vault uses its file, for the Compact confirmation (`vault.storage`). */
export const vaultStorageSchema = z.object({
  path: z.string(),
  /** The vault file's size. */
  fileBytes: z.number().int(),
  /** Free pages inside it: what compacting would give back. */
  freeBytes: z.number().int(),
  /** `incremental` gives free pages back as they are freed; older vaults are `none` until compacted. */
  autoVacuum: z.enum(['none', 'full', 'incremental']),
  /** Free disk space compacting needs (a copy of the vault plus the compact copy). */
  compactNeedsBytes: z.number().int(),
  /** Free space on the disk that holds the vault. */
  diskFreeBytes: z.number().int(),
});
export type VaultStorage = z.infer<typeof vaultStorageSchema>;

export const compactResultSchema = z.object({
  path: z.string(),
  bytesBefore: z.number().int(),
  bytesAfter: z.number().int(),
});
export type CompactResult = z.infer<typeof compactResultSchema>;
