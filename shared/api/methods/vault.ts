import { z } from 'zod';
import { method } from '../define';
import {
  DEMO_SCALES,
  compactResultSchema,
  engagementInput,
  verifyFileResultSchema,
  vaultInfoSchema,
  vaultStorageSchema,
  verifyReportSchema,
} from '../vault';
import { localPath, text } from '../text';
import { refineRollForward, rollForwardFields, rollForwardSummarySchema } from '../roll-forward';

/**
 * Where a vault file is: an absolute path (desktop dialogs, recent list) or a bare file name that
 * is resolved inside ATTEST_HOME (browser mode, where there is no native dialog).
 */
export const vaultFile = text({ max: 1024, required: 'Choose a file' });

export const recentVaultSchema = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
});

export const vaultMethods = {
  'vault.create': method({
    summary: 'Create a vault for a new engagement and open it',
    input: z
      .object({
        file: vaultFile,
        engagement: engagementInput,
        /**
         * Confirm the scope while the vault is built (`attest init`): criteria and library
         * controls in place before the file takes its name, so an interrupted creation leaves
         * nothing behind. The app's wizard confirms later, with `scope.confirm`.
         */
        confirmScope: z.boolean().default(false),
      })
      .strict(),
    output: vaultInfoSchema,
    mutates: true,
    touches: [] /* announces opened/closed itself */,
  }),
  'vault.createDemo': method({
    summary:
      'Build the sample engagement of a fictional company (a job) and open it; large: for benchmarks',
    input: z.object({ file: vaultFile, scale: z.enum(DEMO_SCALES).default('small') }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: vaultInfoSchema,
    mutates: true,
    touches: [] /* announces opened itself */,
  }),
  'vault.open': method({
    summary: 'Open an existing vault (closing the one that is open)',
    input: z.object({ file: vaultFile }).strict(),
    output: vaultInfoSchema,
    mutates: true,
    touches: [] /* announces opened/closed itself */,
  }),
  'vault.close': method({
    summary: 'Close the open vault, cancelling its running jobs',
    input: z.object({}).strict(),
    output: z.object({ closed: z.boolean() }),
    mutates: true,
    touches: [] /* announces opened/closed itself */,
  }),
  'vault.info': method({
    summary: 'The open vault: engagement, fingerprint, format version, counts',
    input: z.object({}).strict(),
    output: vaultInfoSchema,
    mutates: false,
    reads: ['vault', 'engagement', 'people', 'criteria', 'controls', 'files'],
  }),
  'vault.verify': method({
    summary: 'Verify the open vault (audit chain, records, stored files) as a job',
    input: z.object({}).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: verifyReportSchema,
    mutates: false,
    reads: [],
  }),
  'vault.verifyFile': method({
    summary:
      'Verify a vault file that is not open, reading only (a job): the file is never changed; with acceptWitness its chain becomes the baseline this computer compares it with',
    input: z.object({ file: vaultFile, acceptWitness: z.boolean().default(false) }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: verifyFileResultSchema,
    mutates: true,
    touches: ['witness'],
  }),
  'vault.storage': method({
    summary: 'How the open vault uses its file: free space inside it, and free disk space',
    input: z.object({}).strict(),
    output: vaultStorageSchema,
    mutates: false,
    reads: ['vault', 'files', 'backups'],
  }),
  'vault.compact': method({
    summary:
      'Compact the open vault as a job: a compact copy swapped in, free space given back (changes wait meanwhile)',
    input: z.object({}).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: compactResultSchema,
    mutates: true,
    touches: ['vault', 'files'],
  }),
  'vault.saveCopy': method({
    summary: 'Save a consistent, compact copy of the open vault',
    input: z.object({ file: vaultFile }).strict(),
    output: z.object({ path: z.string() }),
    mutates: false,
    reads: [],
  }),
  'vault.rollForward': method({
    summary:
      'Start the next period (a job): a new vault file for the next engagement, built from the open one — people, scope, controls, description, risks, open tasks, policies in force — without its evidence, requests, self-tests or reviews; the open vault is only read',
    input: z
      .object({ file: vaultFile, ...rollForwardFields })
      .strict()
      .superRefine(refineRollForward),
    output: z.object({ jobId: z.string() }),
    jobResult: rollForwardSummarySchema,
    mutates: false,
    reads: [],
  }),
  'vault.recent': method({
    summary: 'Recently opened vaults, newest first',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(recentVaultSchema) }),
    mutates: false,
    reads: ['recent'],
  }),
  'vault.forgetRecent': method({
    summary: 'Remove a vault from the recent list (the file is not touched)',
    input: z.object({ path: localPath }).strict(),
    output: z.object({ items: z.array(recentVaultSchema) }),
    mutates: true,
    touches: ['recent'],
  }),
  'vault.available': method({
    summary: 'Vault files inside ATTEST_HOME (browser mode has no file dialog)',
    input: z.object({}).strict(),
    output: z.object({
      home: z.string(),
      items: z.array(
        z.object({
          path: z.string(),
          fileName: z.string(),
          size: z.number(),
          modifiedAt: z.string(),
        }),
      ),
    }),
    mutates: false,
    reads: ['recent'],
  }),
} as const;
