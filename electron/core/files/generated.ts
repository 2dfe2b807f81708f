import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { putBlobFromFile } from '../../db/blobs';
import type { Vault } from '../vault/session';

export interface GeneratedFile {
  blobId: number;
  fileName: string;
  size: number;
  sha256: string;
}

/**
 * Stores a document Attest generates (an export, a report) in the vault's blob store, so both
 * transports hand it out like any stored file (`GET /blob/<id>`, `app://blob/<id>`). The file is
 * written to a private temporary folder first and removed afterwards, whatever happens.
 */
export async function storeGeneratedFile(
  vault: Vault,
  fileName: string,
  write: (path: string) => Promise<void>,
  signal?: AbortSignal,
): Promise<GeneratedFile> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-gen-'));
  try {
    const path = join(dir, fileName);
    await write(path);
    const stored = await putBlobFromFile(vault.db, path, {
      now: vault.now,
      ...(signal ? { signal } : {}),
    });
    return { blobId: stored.blobId, fileName, size: stored.size, sha256: stored.sha256 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A file-name-safe ASCII rendering of a label: "Acme Ltd." → "Acme-Ltd". */
export function fileSlug(text: string, fallback = 'export'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || fallback;
}
