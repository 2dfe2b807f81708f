import { z } from 'zod';
import { method } from '../define';
import { packageVerifyReportSchema } from '../package-verify';
import { fileSource } from './blobs';

/** What auditor mode has open: the package as its verified manifest describes it. */
export const openPackageSchema = z.object({
  path: z.string(),
  engagement: z.string(),
  client: z.string().nullable(),
  generatedAt: z.string(),
  /** Hex SHA-256 of the package's signing key. */
  fingerprint: z.string(),
  filesChecked: z.number().int(),
  report: packageVerifyReportSchema,
});
export type OpenPackageInfo = z.infer<typeof openPackageSchema>;

/**
 * Auditor mode. These methods never change a vault (`mutates: false`): while a package is open no
 * vault is, and the dispatcher refuses every method declared `mutates`.
 */
export const auditorMethods = {
  'auditor.openPackage': method({
    summary:
      'Open an audit package read-only (a job): verified first with package.verify; opened only when verified, otherwise the report is the answer and nothing is opened',
    input: z.object({ source: fileSource }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: z.object({
      opened: z.boolean(),
      report: packageVerifyReportSchema,
      package: openPackageSchema.nullable(),
    }),
    mutates: false,
    reads: [],
  }),
  'auditor.closePackage': method({
    summary: 'Close the audit package open in auditor mode',
    input: z.object({}).strict(),
    output: z.object({ closed: z.boolean() }),
    mutates: false,
    reads: [],
  }),
  'auditor.package': method({
    summary: 'The audit package open in auditor mode, or null',
    input: z.object({}).strict(),
    output: openPackageSchema.nullable(),
    mutates: false,
    reads: [],
  }),
};
