import { lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import type { z } from 'zod';
import type { EvidenceAddResult, evidenceAddInput } from '../../../shared/api/evidence';
import { AttestError } from '../../../shared/api/errors';
import { recordChange } from '../../db/audit';
import { type BlobProgress, putBlobFromFile } from '../../db/blobs';
import { insertEvidence, nextEvidenceSeq } from '../../db/repos/evidence';
import { replaceLinks } from '../../db/repos/links';
import { heldBy } from '../../db/open-registry';
import type { EvidenceTable } from '../../db/schema';
import type { Vault } from '../vault/session';
import { coverageColumns } from './evidence';

export type EvidenceAddInput = z.output<typeof evidenceAddInput>;

/** A file to store: where to read it and the name it is shown under. */
export interface IngestFile {
  path: string;
  /** As shown: the file's name, or its path inside a dropped folder ("Q1/review.pdf"). */
  name: string;
  size: number;
}

/** Most files one add takes (a folder of more is refused before anything is stored). */
export const MAX_FILES = 10_000;

/** Names that are the system's own bookkeeping, not anybody's evidence. */
const SYSTEM_FILES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);

/**
 * The files behind the sources: a file as itself, a folder as every regular file inside it, in
 * name order, depth first. Inside a folder, links, pipes, devices, hidden and system files and
 * an open vault are left out and reported (`skipped`); a source named directly that is not a
 * regular file fails the call, naming it.
 */
export function collectFiles(sources: readonly { path: string; name?: string }[]): {
  files: IngestFile[];
  skipped: { path: string; reason: string }[];
} {
  const files: IngestFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const add = (file: IngestFile) => {
    if (files.length >= MAX_FILES) {
      throw new AttestError(
        'validation',
        `More than ${MAX_FILES.toLocaleString('en')} files were chosen; add them in smaller folders.`,
        [{ path: ['sources'], message: 'Too many files' }],
      );
    }
    files.push(file);
  };
  const walk = (root: string, dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } catch (e) {
      const shown = join(basename(root), relative(root, dir));
      skipped.push({
        path: shown,
        reason: `a folder Attest cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      });
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const st = lstatSync(path, { throwIfNoEntry: false });
      if (!st) continue; // removed meanwhile
      const shown = join(basename(root), relative(root, path));
      if (name.startsWith('.') || SYSTEM_FILES.has(name.toLowerCase())) {
        if (!st.isDirectory()) skipped.push({ path: shown, reason: 'a hidden or system file' });
        continue;
      }
      if (st.isSymbolicLink()) skipped.push({ path: shown, reason: 'a link' });
      else if (st.isDirectory()) walk(root, path);
      else if (!st.isFile()) skipped.push({ path: shown, reason: 'not a regular file' });
      else if (isVaultFile(path)) skipped.push({ path: shown, reason: 'the open vault' });
      else add({ path, name: shown, size: st.size });
    }
  };
  for (const source of sources) {
    const st = statSync(source.path, { throwIfNoEntry: false });
    if (!st) throw new AttestError('not_found', `No file or folder at ${source.path}`);
    if (st.isDirectory()) walk(source.path, source.path);
    else add({ path: source.path, name: source.name ?? basename(source.path), size: st.size });
  }
  return { files, skipped };
}

function isVaultFile(path: string): boolean {
  return [path, path.replace(/-journal$/, ''), path.replace(/\.lock$/, '')].some(
    (p) => heldBy(p) !== null,
  );
}

export interface IngestProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

/** A title from a file name: without its folder and extension. */
export function titleFor(name: string): string {
  const base = basename(name);
  const stem = base.slice(0, base.length - extname(base).length) || base;
  return stem.slice(0, 300);
}

/**
 * Stores each file as its own evidence item (DESIGN §3): streamed into the blob store, hashed as
 * it is read, pending chunks in short transactions, and one final transaction that marks the
 * bytes complete and creates the item with its links — so an item exists only with its whole
 * file. Identical bytes are stored once. A cancel keeps the items already finished and leaves
 * nothing of the one under way; the error carries how many were kept.
 */
export async function ingestEvidence(
  vault: Vault,
  input: EvidenceAddInput,
  files: readonly IngestFile[],
  skipped: { path: string; reason: string }[],
  options: {
    signal?: AbortSignal | undefined;
    onProgress?: (p: IngestProgress) => void;
    afterCommit?: (chunksWritten: number) => void;
  } = {},
): Promise<EvidenceAddResult> {
  const bytesTotal = files.reduce((s, f) => s + f.size, 0);
  const added: EvidenceAddResult['added'] = [];
  let bytesBefore = 0;
  const report = (p: BlobProgress | null) =>
    options.onProgress?.({
      filesDone: added.length,
      filesTotal: files.length,
      bytesDone: bytesBefore + (p?.bytesDone ?? 0),
      bytesTotal,
    });
  report(null);
  for (const file of files) {
    let stored;
    try {
      stored = await putBlobFromFile(vault.db, file.path, {
        now: vault.now,
        signal: options.signal,
        onProgress: report,
        afterCommit: options.afterCommit,
        finalize: (blobId, info) => createItem(vault, input, file, blobId, info),
      });
    } catch (e) {
      if (e instanceof AttestError && e.code === 'cancelled' && added.length > 0) {
        throw new AttestError(
          'cancelled',
          `Cancelled; ${added.length} of ${files.length} files were stored and kept, nothing of ${file.name}.`,
        );
      }
      throw e;
    }
    const item = stored.result!;
    added.push({
      evidenceId: item.id,
      ref: item.ref,
      fileName: file.name,
      size: stored.size,
      sha256: stored.sha256,
      deduplicated: stored.deduplicated,
    });
    bytesBefore += file.size;
    report(null);
  }
  return { added, filesTotal: files.length, bytesTotal, skipped };
}

/** What an item is created with: the add's fields, and the file it owns. */
export type NewItemFields = Pick<
  EvidenceAddInput,
  | 'performedOn'
  | 'coverage'
  | 'collectedOn'
  | 'source'
  | 'collectorId'
  | 'notes'
  | 'controlIds'
  | 'requestIds'
> & { title?: string };

/**
 * Creates the item that owns a stored file, inside the caller's transaction (the blob's final
 * one, or a demo batch): the row, its audit entry (whose state carries the file's hash and size)
 * and its links, each link its own audited row.
 */
export function createItem(
  vault: Vault,
  input: NewItemFields,
  file: { name: string },
  blobId: number,
  info: { sha256: string; size: number },
): EvidenceTable {
  const now = vault.now();
  const seq = nextEvidenceSeq(vault.db);
  const row: EvidenceTable = {
    id: vault.ids.next('evd'),
    seq,
    ref: `EV-${seq}`,
    kind: 'file',
    title: input.title ?? titleFor(file.name),
    performed_on: input.performedOn ?? null,
    ...coverageColumns(input.coverage),
    collected_on: input.collectedOn ?? now.slice(0, 10),
    source: input.source || null,
    collector_id: input.collectorId ?? null,
    reviewer_id: null,
    reviewed_on: null,
    notes: input.notes || null,
    blob_id: blobId,
    file_name: file.name.slice(0, 1000),
    file_sha256: info.sha256,
    file_size: info.size,
    superseded_by_id: null,
    superseded_on: null,
    created_at: now,
    updated_at: now,
  };
  insertEvidence(vault.db, row);
  // The item owns its file: its recorded state vouches for the bytes (hash and size).
  recordChange(vault, {
    action: 'create',
    entity: 'evidence',
    entityId: row.id,
    payload: { file: { name: row.file_name, sha256: info.sha256, size: info.size } },
  });
  replaceLinks(vault, 'evidence_control', row.id, input.controlIds);
  replaceLinks(vault, 'evidence_request', row.id, input.requestIds);
  return row;
}
