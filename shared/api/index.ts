import type { z } from 'zod';
import { mergeTables } from './define';
import { appMethods } from './methods/app';
import { blobMethods } from './methods/blobs';
import { catalogMethods } from './methods/catalog';
import { assessmentMethods } from './methods/assessments';
import { coverageMethods } from './methods/coverage';
import { evidenceMethods } from './methods/evidence';
import { riskMethods } from './methods/risks';
import { taskMethods } from './methods/tasks';
import { jobMethods } from './methods/jobs';
import { packageMethods } from './methods/package';
import { packageVerifyMethods } from './methods/package-verify';
import { auditorMethods } from './methods/auditor';
import { peopleMethods } from './methods/people';
import { policyMethods } from './methods/policies';
import { auditMethods } from './methods/audit';
import { readinessMethods } from './methods/readiness';
import { requestMethods } from './methods/requests';
import { scopeMethods } from './methods/scope';
import { sdMethods } from './methods/sd';
import { selfTestMethods } from './methods/self-tests';
import { vaultMethods } from './methods/vault';
import { vaultHistoryMethods } from './methods/vault-history';
import type { ApiError } from './errors';

export * from './errors';
export * from './events';

/** THE contract: every method once, merged from one table per domain. */
export const methods = mergeTables(
  appMethods,
  vaultMethods,
  vaultHistoryMethods,
  jobMethods,
  blobMethods,
  peopleMethods,
  scopeMethods,
  catalogMethods,
  assessmentMethods,
  coverageMethods,
  riskMethods,
  taskMethods,
  sdMethods,
  requestMethods,
  evidenceMethods,
  policyMethods,
  readinessMethods,
  auditMethods,
  selfTestMethods,
  packageMethods,
  packageVerifyMethods,
  auditorMethods,
);

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller passes (defaults may be omitted). */
export type Input<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives, after parsing and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type Output<M extends MethodName> = z.infer<Methods[M]['output']>;

type JobResultSchema<M extends MethodName> = NonNullable<Methods[M]['jobResult']>;

/** Methods that start a job: they answer `{ jobId }` and their result is read with `jobs.get`. */
export type JobMethodName = {
  [M in MethodName]: [JobResultSchema<M>] extends [never] ? never : M;
}[MethodName];

export type JobResult<M extends JobMethodName> =
  JobResultSchema<M> extends z.ZodType ? z.infer<JobResultSchema<M>> : never;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

/** The envelope every dispatched call answers with, over IPC and HTTP alike. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };
