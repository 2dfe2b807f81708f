/**
 * What a change touches, for keeping screens fresh: every mutating method declares the domains it
 * writes (`touches`), the dispatcher announces them in `vault.changed` once the call (or its job)
 * succeeded, and the renderer re-reads exactly the queries that read those domains.
 */
export const DOMAINS = [
  /** The open vault itself: its info, the current person (the audit actor). */
  'vault',
  /** Engagement details: name, client, report type, period, categories, dates. */
  'engagement',
  'people',
  'criteria',
  'controls',
  'assessments',
  'risks',
  'tasks',
  /** The system description: texts, components, subservice organisations, CUECs, events. */
  'sd',
  'requests',
  /** Evidence items, their links and populations. */
  'evidence',
  /** Policies, their versions, links to controls and acknowledgements. */
  'policies',
  /** Management self-tests: samples, their grids, deviations, the sample-size table. */
  'selfTests',
  /** Frozen readiness reviews (snapshots): created once, never changed. */
  'reviews',
  /** Stored files (the blob store). */
  'files',
  /** Long operations: started, cancelled, finished. */
  'jobs',
  /** The recent-vaults list in ATTEST_HOME (no vault needed). */
  'recent',
  /** The open vault's backups (outside the vault, in the shared home). */
  'backups',
  /** The witness of the open vault's audit chain (outside the vault, in the shared home). */
  'witness',
  /** Auditor mode: the auditor's identity and draft response (in ATTEST_HOME, never a vault). */
  'auditor',
] as const;

export type Domain = (typeof DOMAINS)[number];

/** Domains kept outside the vault file: a change to them never writes to the vault. */
const OUTSIDE_THE_VAULT: ReadonlySet<Domain> = new Set<Domain>([
  'jobs',
  'recent',
  'backups',
  'witness',
  'auditor',
]);

/**
 * The domains whose changes extend the vault's audit chain: everything recorded in the vault
 * file (stored files are owned by records, so their changes come with one of these). A read that
 * depends on the chain as a whole — the history, the witness's verdict — declares all of them.
 */
export const AUDITED_DOMAINS = DOMAINS.filter(
  (d) => !OUTSIDE_THE_VAULT.has(d) && d !== 'files',
) as readonly Domain[];

/** Whether a method touching these domains writes to the open vault's file. */
export function writesVaultData(touches: readonly Domain[]): boolean {
  return touches.some((d) => !OUTSIDE_THE_VAULT.has(d));
}

/** Whether a change to `changed` makes an answer that depends on `reads` stale. */
export function overlaps(reads: readonly Domain[], changed: readonly Domain[]): boolean {
  return reads.some((d) => changed.includes(d));
}
