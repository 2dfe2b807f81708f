import type { VerifyReport } from '../../../shared/api/vault';
import { type CheckedCopy, openVaultReadOnly } from '../../db/open-read-only';
import { systemClock } from '../../platform/clock';
import { type VerifyOptions, verifyDatabase } from './verify';

/**
 * `attest verify <vault>`: the checks of verifyDatabase on a vault file that is opened for
 * reading only and never written (see openVaultReadOnly). `checkedCopy` says when a temporary
 * copy was checked instead (an older format, or an unfinished write to undo).
 */
export async function verifyVaultFile(
  path: string,
  options: VerifyOptions & { now?: () => string } = {},
): Promise<{ report: VerifyReport; checkedCopy: CheckedCopy | null }> {
  const vault = await openVaultReadOnly(path);
  try {
    const report = await verifyDatabase(vault.db, options.now ?? systemClock.now, options);
    return { report, checkedCopy: vault.checkedCopy };
  } finally {
    vault.close();
  }
}
