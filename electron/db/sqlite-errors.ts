import { AttestError, isAttestError } from '../../shared/api/errors';

/** Maps SQLite's error codes onto the closed set of codes that may cross the contract. */
export function mapSqliteError(e: unknown, path?: string): unknown {
  if (isAttestError(e)) return e;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return e;
  const where = path ? ` (${path})` : '';
  if (code === 'SQLITE_FULL') {
    return new AttestError(
      'disk_full',
      `The disk is full; nothing was saved${where}. Free some space and try again.`,
    );
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_LOCKED')) {
    return new AttestError('vault_locked', `The vault is in use by another program${where}.`);
  }
  if (code === 'SQLITE_NOTADB')
    return new AttestError('not_a_vault', `Not an Attest vault${where}.`);
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new AttestError(
      'integrity',
      `The vault file is damaged${where}. Run verify, or restore a backup.`,
    );
  }
  if (
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY')
  ) {
    return new AttestError('io', `The vault file could not be read or written${where} (${code}).`);
  }
  return e;
}
