import { AttestError, isAttestError, type ApiError } from '../../shared/api/errors';
import { mapSqliteError } from '../db/sqlite-errors';
import type { Logger } from '../platform/logger';

/**
 * Turns anything thrown into error data with a closed code. Unknown errors are logged here, in
 * the main process, and reach the caller as `internal` without a stack.
 */
export function toApiError(e: unknown, logger: Logger): ApiError {
  const mapped = mapSqliteError(e);
  if (isAttestError(mapped)) return mapped.toApiError();
  const errno = (e as NodeJS.ErrnoException)?.code;
  if (errno === 'ENOSPC')
    return new AttestError('disk_full', 'The disk is full; nothing was saved.').toApiError();
  if (errno === 'ENAMETOOLONG') {
    return new AttestError(
      'validation',
      'That file name is too long for this computer’s file system; choose a shorter one.',
    ).toApiError();
  }
  if (errno === 'ENOTDIR' || errno === 'ELOOP' || errno === 'EISDIR') {
    return new AttestError('io', 'That path does not lead to a file Attest can use.').toApiError();
  }
  if (errno === 'EACCES' || errno === 'EPERM') {
    return new AttestError(
      'io',
      'Permission denied: Attest may not read or write that file.',
    ).toApiError();
  }
  logger.error('unexpected error', { error: String(e), stack: (e as Error)?.stack });
  return {
    code: 'internal',
    message: 'Something went wrong inside Attest. The details are in the log.',
  };
}
