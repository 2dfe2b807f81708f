import { z } from 'zod';
import { isoInstant } from './common';

/**
 * The head of a vault's audit chain: the last entry's number and hash (0 and the genesis hash
 * for an empty chain). This is the anchor that everything kept outside the vault records — the
 * witness on this computer, and (when they are built) every exported package's manifest and
 * every frozen review snapshot — so that a chain recomputed from scratch is caught.
 */
export const chainHeadSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ChainHead = z.infer<typeof chainHeadSchema>;

/** Why a head was written to the witness. */
export const WITNESS_EVENTS = [
  /** A new vault, as created. */
  'create',
  /** Opened (after any format upgrade). */
  'open',
  /** Closed. */
  'close',
  /** A few seconds after the last change. */
  'change',
  /** A job that changed the vault finished. */
  'job',
  /** A backup was made at this head. */
  'backup',
  /** "Save a copy…" wrote a copy at this head. */
  'copy',
  /** The user accepted this head as the new baseline (after a restore by hand, a copy, …). */
  'accept',
  /** Restored from a backup in Attest: the restored head is the new baseline. */
  'restore',
] as const;
export type WitnessEvent = (typeof WITNESS_EVENTS)[number];

export const recordedHeadSchema = chainHeadSchema.extend({
  at: isoInstant,
  event: z.enum(WITNESS_EVENTS),
});
export type RecordedHead = z.infer<typeof recordedHeadSchema>;

/**
 * What the witness says about a vault's chain:
 * - `sound`: it contains the newest head recorded here (and may have grown since);
 * - `behind`: it is exactly an older head recorded here, one the newest head grew from — a
 *   restored backup or an older copy; nothing was changed outside Attest;
 * - `diverged`: it contains an older recorded head but not the newest one: it went its own way
 *   after that point (a copy edited elsewhere) — a warning;
 * - `rewritten`: it contains none of the heads recorded here: its history was recomputed
 *   outside Attest — a problem;
 * - `unwitnessed`: nothing was recorded here for this vault (it comes from another computer).
 */
export const WITNESS_STATUSES = [
  'sound',
  'behind',
  'diverged',
  'rewritten',
  'unwitnessed',
] as const;
export type WitnessStatus = (typeof WITNESS_STATUSES)[number];

export const witnessSchema = z.object({
  status: z.enum(WITNESS_STATUSES),
  /** The verdict in plain sentences (the CLI prints it; the app words it with local dates). */
  message: z.string(),
  /** The vault's chain head now. */
  head: chainHeadSchema,
  /** The newest head recorded for this vault (any copy of it) on this computer. */
  latest: recordedHeadSchema.nullable(),
  /** The newest recorded head that the chain still contains (null when none). */
  matched: recordedHeadSchema.nullable(),
  /** `behind`: how many entries the newest recorded head has beyond this chain. */
  entriesBehind: z.number().int().nullable(),
  /** `sound`: entries added since the newest recorded head (not yet recorded). */
  entriesSince: z.number().int().nullable(),
  /** The witness file (outside the vault). */
  file: z.string(),
});
export type Witness = z.infer<typeof witnessSchema>;

export const BACKUP_REASONS = ['open', 'daily', 'manual', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** A backup id: when it was made (UTC, to the millisecond) and why, e.g. `20261203T101500123Z-open`. */
export const BACKUP_ID = /^\d{8}T\d{9}Z-(open|daily|manual|before-restore)$/;

export const backupSchema = z.object({
  id: z.string(),
  createdAt: isoInstant,
  reason: z.enum(BACKUP_REASONS),
  bytes: z.number().int(),
  /** The chain head the backup holds (its number of audit entries is `head.seq`). */
  head: chainHeadSchema,
  /** The vault file it was made from. */
  source: z.string(),
  /** True when the backup holds exactly the open vault's current chain head. */
  current: z.boolean(),
});
export type Backup = z.infer<typeof backupSchema>;

export const restoreResultSchema = z.object({
  path: z.string(),
  restored: backupSchema,
  /** The vault as it was before the restore, kept as a backup first. */
  keptAs: backupSchema,
  /** What the witness saw in the restored chain before recording it as the new baseline. */
  witnessBefore: witnessSchema,
  /** The witness now. */
  witness: witnessSchema,
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;
