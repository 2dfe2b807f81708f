import { closeSync, existsSync, readSync, statSync } from 'node:fs';
import { AttestError } from '../../shared/api/errors';
import { LATEST_FORMAT_VERSION } from './migrations/index';
import { openRegularFile } from './regular-file';

/** `PRAGMA application_id` of every Attest vault: the bytes "ATST". */
export const APPLICATION_ID = 0x41545354;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface VaultHeader {
  pageSize: number;
  pageCount: number;
  formatVersion: number;
}

/**
 * Reads the first 100 bytes of the file with plain file I/O — no SQLite handle, no lock, no
 * journal — and decides whether this is an Attest vault this build can open. A file that is not
 * a vault, is truncated, or comes from a newer format is refused here, before anything can write.
 */
export function readVaultHeader(path: string): VaultHeader {
  const { fd, stats } = openRegularFile(
    path,
    (what) => new AttestError('not_a_vault', `${path} ${what}, not an Attest vault.`),
    (code) =>
      code === 'ENOENT'
        ? new AttestError('not_found', `No file at ${path}`)
        : new AttestError('io', `Cannot read ${path} (${code ?? 'unknown error'})`),
  );
  try {
    const size = stats.size;
    const header = Buffer.alloc(100);
    const n = size >= 100 ? readSync(fd, header, 0, 100, 0) : 0;
    if (n < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
      throw new AttestError('not_a_vault', `${path} is not an Attest vault (not a database file)`);
    }
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pageCount = header.readUInt32BE(28);
    const formatVersion = header.readInt32BE(60);
    const applicationId = header.readUInt32BE(68);
    if (applicationId !== APPLICATION_ID) {
      throw new AttestError(
        'not_a_vault',
        `${path} is a database but not an Attest vault (application id ${applicationId})`,
      );
    }
    if (formatVersion > LATEST_FORMAT_VERSION) {
      throw new AttestError(
        'vault_too_new',
        `${path} was written by a newer Attest (vault format ${formatVersion}; this build reads up to ${LATEST_FORMAT_VERSION}). Update Attest to open it.`,
        { formatVersion, supported: LATEST_FORMAT_VERSION },
      );
    }
    // A hot journal means an interrupted write that SQLite will roll back on open; the size in
    // the header may legitimately disagree with the file until then.
    if (!hasHotJournal(path) && size < pageCount * pageSize) {
      throw new AttestError(
        'not_a_vault',
        `${path} is damaged: it is shorter than its header says (${size} of ${pageCount * pageSize} bytes). Restore it from a backup.`,
      );
    }
    return { pageSize, pageCount, formatVersion };
  } finally {
    closeSync(fd);
  }
}

export function hasHotJournal(path: string): boolean {
  const journal = `${path}-journal`;
  return existsSync(journal) && statSync(journal).size > 0;
}
