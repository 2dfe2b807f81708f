import type { MethodName } from '../../shared/api/index';
import { appHandlers } from './handlers/app';
import { blobHandlers } from './handlers/blobs';
import { catalogHandlers } from './handlers/catalog';
import { assessmentHandlers } from './handlers/assessments';
import { coverageHandlers } from './handlers/coverage';
import { evidenceHandlers } from './handlers/evidence';
import { riskHandlers } from './handlers/risks';
import { taskHandlers } from './handlers/tasks';
import { jobHandlers } from './handlers/jobs';
import { packageHandlers } from './handlers/package';
import { packageVerifyHandlers } from './handlers/package-verify';
import { auditorHandlers } from './handlers/auditor';
import { auditorBrowseHandlers } from './handlers/auditor-browse';
import { auditorDraftHandlers } from './handlers/auditor-draft';
import { peopleHandlers } from './handlers/people';
import { policyHandlers } from './handlers/policies';
import { auditHandlers } from './handlers/audit';
import { readinessHandlers } from './handlers/readiness';
import { requestHandlers } from './handlers/requests';
import { scopeHandlers } from './handlers/scope';
import { sdHandlers } from './handlers/sd';
import { selfTestHandlers } from './handlers/self-tests';
import type { Handlers } from './handlers/types';
import { vaultHandlers } from './handlers/vault';
import { vaultHistoryHandlers } from './handlers/vault-history';

const table = {
  ...appHandlers,
  ...vaultHandlers,
  ...vaultHistoryHandlers,
  ...jobHandlers,
  ...blobHandlers,
  ...peopleHandlers,
  ...scopeHandlers,
  ...catalogHandlers,
  ...assessmentHandlers,
  ...coverageHandlers,
  ...riskHandlers,
  ...taskHandlers,
  ...sdHandlers,
  ...requestHandlers,
  ...evidenceHandlers,
  ...policyHandlers,
  ...readinessHandlers,
  ...auditHandlers,
  ...selfTestHandlers,
  ...packageHandlers,
  ...packageVerifyHandlers,
  ...auditorHandlers,
  ...auditorBrowseHandlers,
  ...auditorDraftHandlers,
};

// A missing or an extra method is a compile error that names it.
type Missing = Exclude<MethodName, keyof typeof table>;
type Extra = Exclude<keyof typeof table, MethodName>;
const exact: [Missing, Extra] extends [never, never] ? true : { missing: Missing; extra: Extra } =
  true;
void exact;

export const handlers: Handlers = table;
