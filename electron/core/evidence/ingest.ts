import { closeSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { z } from 'zod';
import type { EvidenceAddResult, evidenceAddInput } from '../../../shared/api/evidence';
import { AttestError } from '../../../shared/api/errors';
import { recordChange } from '../../db/audit';
import {
  type BlobSource,
  type WholeFile,
  openBlobSource,
  readWholeSource,
} from '../../db/blob-source';
import {
  type BlobProgress,
  COMMIT_BYTES,
  type StoredBlob,
  WHOLE_FILE_BYTES,
  putBlobFromSource,
  putSmallBlob,
} from '../../db/blobs';
import { tx, writesFree } from '../../db/connection';
import { insertEvidence, nextEvidenceSeq } from '../../db/repos/evidence';
import { replaceLinks } from '../../db/repos/links';
import { heldBy } from '../../db/open-registry';
import type { EvidenceTable } from '../../db/schema';
import type { Vault } from '../vault/session';
import { controlsToLink, setChangeHistory } from './change-history';
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

/** Most files stored in one transaction (their items are created and audited in it too). */
export const FILES_PER_COMMIT = 64;

/**
 * Stores each file as its own evidence item (DESIGN §3), in order. A file bigger than one commit
 * is streamed into the blob store, hashed as it is read, pending chunks in short transactions,
 * and one final transaction marks the bytes complete and creates the item with its links. Smaller
 * files are read whole and hashed first, then stored together with their items, up to one
 * commit's worth of bytes (`COMMIT_BYTES`, `FILES_PER_COMMIT`) per transaction: a folder of small
 * files no longer costs two commits, and their fsyncs, per file. Either way an item exists only
 * with its whole file, and identical bytes are stored once. A cancel keeps the items already
 * committed and leaves nothing of the rest; the error carries how many were kept.
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
  const stored = (file: IngestFile, item: EvidenceTable, blob: StoredBlob) => {
    added.push({
      evidenceId: item.id,
      ref: item.ref,
      fileName: file.name,
      size: blob.size,
      sha256: blob.sha256,
      deduplicated: blob.deduplicated,
    });
    bytesBefore += blob.size;
  };
  const create = (file: IngestFile) => (blobId: number, blob: StoredBlob) =>
    createItem(vault, input, file, blobId, blob);

  report(null);
  let group: ReadFile[] = [];
  let groupBytes = 0;
  const flush = async () => {
    if (group.length === 0) return;
    const batch = group;
    group = [];
    groupBytes = 0;
    await storeWholeFiles(vault, batch, create, stored);
    report(null);
    await yieldToEventLoop();
  };
  try {
    for (const file of files) {
      throwIfCancelled(options.signal);
      let source: BlobSource;
      try {
        source = openBlobSource(file.path);
      } catch (e) {
        await flush(); // the files read before this one are stored, as if added one by one
        throw e;
      }
      try {
        if (source.size <= WHOLE_FILE_BYTES) {
          if (groupBytes + source.size > COMMIT_BYTES || group.length >= FILES_PER_COMMIT)
            await flush();
          let whole: WholeFile;
          try {
            whole = readWholeSource(source);
          } catch (e) {
            await flush();
            throw e;
          }
          group.push({ file, whole });
          groupBytes += source.size;
        } else {
          await flush();
          const blob = await putBlobFromSource(vault.db, source, {
            now: vault.now,
            signal: options.signal,
            onProgress: report,
            afterCommit: options.afterCommit,
            finalize: create(file),
          });
          stored(file, blob.result!, blob);
          report(null);
        }
      } finally {
        closeSync(source.fd);
      }
    }
    throwIfCancelled(options.signal);
    await flush();
  } catch (e) {
    if (e instanceof AttestError && e.code === 'cancelled' && added.length > 0) {
      throw new AttestError(
        'cancelled',
        `Cancelled; ${added.length} of ${files.length} files were stored and kept, nothing of ${files[added.length]!.name}.`,
      );
    }
    throw e;
  }
  return { added, filesTotal: files.length, bytesTotal, skipped };
}

interface ReadFile {
  file: IngestFile;
  whole: WholeFile;
}

/**
 * Stores files read whole, each with its item, in one transaction. If that fails (a full disk),
 * they are stored again one per transaction, so that — as when each had its own — the files
 * before the one that cannot be stored are kept; that one's error is thrown.
 */
async function storeWholeFiles(
  vault: Vault,
  group: readonly ReadFile[],
  create: (file: IngestFile) => (blobId: number, blob: StoredBlob) => EvidenceTable,
  stored: (file: IngestFile, item: EvidenceTable, blob: StoredBlob) => void,
): Promise<void> {
  const storeOne = ({ file, whole }: ReadFile) => {
    const blob = putSmallBlob(vault.db, whole.bytes, vault.now(), whole.sha256);
    return { file, blob, item: create(file)(blob.blobId, blob) };
  };
  await writesFree(vault.db);
  let done;
  try {
    done = tx(vault.db, () => group.map(storeOne));
  } catch (e) {
    if (group.length === 1) throw e;
    for (const one of group) {
      await writesFree(vault.db);
      const { file, blob, item } = tx(vault.db, () => storeOne(one));
      stored(file, item, blob);
      await yieldToEventLoop();
    }
    return;
  }
  for (const { file, blob, item } of done) stored(file, item, blob);
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AttestError('cancelled', 'Cancelled; nothing was stored.');
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
> & { title?: string; changeHistoryFor?: readonly string[] };

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
    url: null,
    body: null,
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
  // A new item has no links to compare with: only chosen ones are written (a folder of files
  // added without links reads nothing more per file).
  const controlIds = controlsToLink(input);
  if (controlIds.length > 0) replaceLinks(vault, 'evidence_control', row.id, controlIds);
  if (input.changeHistoryFor?.length) setChangeHistory(vault, row.id, input.changeHistoryFor);
  if (input.requestIds.length > 0)
    replaceLinks(vault, 'evidence_request', row.id, input.requestIds);
  return row;
}
