import type { OpenPackageInfo } from '../../../shared/api/methods/auditor';
import { useApiQuery } from '../../api/queries';

/**
 * The audit package open in auditor mode (server state: it survives a reload of the page, and
 * `attest serve --package` opens one before any window asks). No vault is open meanwhile, so
 * every auditor read is keyed by no opening.
 */
export function useAuditorPackage() {
  return useApiQuery(null, 'auditor.package', {});
}

/** The package when one is open (the auditor screens are only shown then). */
export function useOpenAuditPackage(): OpenPackageInfo | null {
  return useAuditorPackage().data ?? null;
}
