import type { MethodName } from '../../../shared/api/index';
import type { Case } from './harness';
import { auditorBrowseCases } from './auditor-browse.cases';
import { auditorResponseCases } from './auditor-response.cases';
import { auditorCases } from './auditor.cases';
import { catalogCases } from './catalog.cases';
import { evidenceCases } from './evidence.cases';
import { gapCases } from './gaps.cases';
import { jobsCases } from './jobs.cases';
import { packageCases } from './package.cases';
import { packageVerifyCases } from './package-verify.cases';
import { peopleCases } from './people.cases';
import { policyCases } from './policies.cases';
import { auditCases } from './audit.cases';
import { readinessCases } from './readiness.cases';
import { requestCases } from './requests.cases';
import { scopeCases } from './scope.cases';
import { sdCases } from './sd.cases';
import { selfTestCases } from './self-tests.cases';
import { vaultCases } from './vault.cases';
import { vaultHistoryCases } from './vault-history.cases';

export type { Harness } from './harness';

/**
 * One case per contract method. The mapped type makes a method without a case (or a case for a
 * method that does not exist) a compile error, so the suite run over both transports covers
 * the whole contract.
 */
export const CONTRACT_CASES: { [M in MethodName]: Case } = {
  ...vaultCases,
  ...vaultHistoryCases,
  ...jobsCases,
  ...peopleCases,
  ...scopeCases,
  ...catalogCases,
  ...gapCases,
  ...sdCases,
  ...requestCases,
  ...evidenceCases,
  ...policyCases,
  ...readinessCases,
  ...auditCases,
  ...selfTestCases,
  ...packageCases,
  ...packageVerifyCases,
  ...auditorResponseCases,
  ...auditorCases,
  ...auditorBrowseCases,
};
