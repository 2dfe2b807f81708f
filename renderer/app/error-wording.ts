import type { ErrorCode } from '../../shared/api/errors';

export interface ErrorWording {
  /** What happened, in the user's terms. */
  title: string;
  /** What to do about it. */
  advice: string;
  /** The specific message from Attest (names the file, the field…), when it adds something. */
  detail: string | null;
}

const WORDING: Record<ErrorCode, { title: string; advice: string }> = {
  not_a_vault: {
    title: 'This file is not an Attest vault',
    advice:
      'It is not a vault made by Attest, or it is damaged. Choose another file, or restore this one from a backup.',
  },
  vault_locked: {
    title: 'This vault is open in another window or program',
    advice: 'Close it there, then try again. A vault can be open in only one place at a time.',
  },
  vault_too_new: {
    title: 'This vault was made by a newer version of Attest',
    advice: 'Update Attest to open it. Nothing in the file was changed.',
  },
  not_a_package: {
    title: 'This file is not an Attest audit package',
    advice: 'Choose the .zip package that was exported from Attest.',
  },
  validation: {
    title: 'Some details need attention',
    advice: 'Correct the highlighted information and try again.',
  },
  not_found: {
    title: 'It could not be found',
    advice: 'It may have been moved or deleted. Check the location and try again.',
  },
  conflict: {
    // Used for a name already taken and for a change the vault's current state does not allow
    // (a pending catalog update, a proposal already accepted): the detail says which.
    title: 'That cannot be done as things stand',
    advice: 'Nothing was changed. The details below say why and what to do first.',
  },
  no_vault: {
    title: 'No vault is open',
    advice: 'Create a new vault or open an existing one first.',
  },
  integrity: {
    title: 'The vault failed an integrity check',
    advice:
      'Run “Verify vault” on the Dashboard to see which records are affected, and restore from a backup if needed.',
  },
  io: {
    title: 'Attest could not read or write the file',
    advice: 'Check that the file and its folder are still there and that you may change them.',
  },
  disk_full: {
    title: 'The disk is full',
    advice: 'Nothing was saved. Free some space, then try again.',
  },
  cancelled: {
    title: 'Cancelled',
    advice: 'Nothing was changed.',
  },
  host_stopped: {
    title: 'The part of Attest that works on the vault stopped',
    advice: 'Everything saved before it stopped is kept. Reopen the vault to go on.',
  },
  internal: {
    title: 'Something went wrong inside Attest',
    advice: 'Try again. If it keeps happening, the details are in Attest’s log file.',
  },
};

/** How an error from the contract is told to the user: never a code alone, never a stack. */
export function describeError(error: { code: ErrorCode; message: string }): ErrorWording {
  const wording = WORDING[error.code] ?? WORDING.internal;
  const message = error.message.trim();
  const detail = message.length === 0 || message.startsWith(wording.title) ? null : message;
  return { ...wording, detail };
}
