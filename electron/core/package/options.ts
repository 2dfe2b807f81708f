/**
 * What an export includes. The README, the viewer, the manifest, its signature, SHA256SUMS and
 * the public key are always there; the rest follows the categories chosen.
 */
import { PACKAGE_CATEGORIES, type PackageCategory } from '../../../shared/api/package';
import type { PreviousPackage } from './delta';

export { PACKAGE_CATEGORIES, type PackageCategory };

export interface PackageOptions {
  categories: readonly PackageCategory[];
  /** Leave out policy drafts: only approved versions in force during the period. */
  approvedPoliciesOnly: boolean;
  /** Only evidence that is reviewed and whose dates fall inside the period. */
  reviewedEvidenceOnly: boolean;
  /** Add `07_Internal/`: self-test worksheets and deviations (the only place results appear). */
  internal: boolean;
  /** Lay evidence out by request (`04_Evidence/<request>/`) instead of by control. */
  byRequest: boolean;
  /**
   * A delta: the verified package it follows (`readPreviousPackage`). Only what is new or changed
   * since goes in; the indexes, README and viewer are whole and say what is where.
   */
  since?: PreviousPackage | null;
}

export const DEFAULT_PACKAGE_OPTIONS: PackageOptions = {
  categories: PACKAGE_CATEGORIES,
  approvedPoliciesOnly: false,
  reviewedEvidenceOnly: false,
  internal: false,
  byRequest: false,
};
