import type { VerifyReport } from '../../../shared/api/vault';
import type { Witness } from '../../../shared/api/witness';
import { type CheckedCopy, openVaultReadOnly } from '../../db/open-read-only';
import { systemClock } from '../../platform/clock';
import { type VerifyOptions, verifyDatabase } from './verify';
import { acceptHead } from './witness';

/**
 * `attest verify <vault>`: the checks of verifyDatabase on a vault file that is opened for
 * reading only and never written (see openVaultReadOnly). `checkedCopy` says when a temporary
 * copy was checked instead (an older format, or an unfinished write to undo).
 */
export async function verifyVaultFile(
  path: string,
  options: VerifyOptions & {
    now?: () => string;
    /**
     * `attest verify --accept-witness`: once checked, record the chain's head as the new
     * baseline in the witness (not when anything else is wrong). The vault is still only read.
     */
    acceptWitness?: boolean;
  } = {},
): Promise<VerifiedFile> {
  const vault = await openVaultReadOnly(path);
  try {
    const now = options.now ?? systemClock.now;
    const report = await verifyDatabase(vault.db, now, options);
    const verified: VerifiedFile = {
      report,
      checkedCopy: vault.checkedCopy,
      accepted: null,
      notAccepted: null,
    };
    if (!options.acceptWitness || !options.witness) return verified;
    const others = report.problems.filter((p) => p.kind !== 'chain_rewritten');
    if (vault.checkedCopy?.reason === 'older_format') {
      // The copy's upgrade added entries that the file itself only gets, with other hashes,
      // when Attest upgrades it: that head must not become the baseline.
      verified.notAccepted =
        'This vault is from an earlier Attest: open it in Attest (which upgrades it), then accept its history.';
    } else if (others.length > 0) {
      verified.notAccepted = `Not accepted as the new baseline: the vault has ${others.length === 1 ? 'a problem' : `${others.length} problems`} besides its history.`;
    } else {
      verified.accepted = acceptHead(options.witness, vault.db, {
        event: 'accept',
        file: path,
        now: now(),
      });
    }
    return verified;
  } finally {
    vault.close();
  }
}

export interface VerifiedFile {
  report: VerifyReport;
  /** Set when a temporary copy was checked instead of the file. */
  checkedCopy: CheckedCopy | null;
  /** `acceptWitness`: the witness after the chain's head was recorded as the new baseline. */
  accepted: Witness | null;
  /** `acceptWitness`: why the head was not recorded. */
  notAccepted: string | null;
}
