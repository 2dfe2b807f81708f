import { createHash } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AttestError, isAttestError } from '../../shared/api/errors';
import { type VaultDb, first, prepare, run, runExpect, tx, writesFree } from './connection';
import { unownedBlobIds } from './blob-owners';
import { type BlobSource, changedWhileRead, openBlobSource, readWholeSource } from './blob-source';
import { reclaimFreePages } from './space';

/**
 * The content-addressed blob store (DESIGN §3). Bytes are streamed into 1 MiB chunks of a
 * *pending* blob in short transactions; a final transaction records the SHA-256, marks the blob
 * complete and lets the caller create the owning record. Identical bytes are stored once. Pending
 * blobs are removed on cancel and at every open, so a crash leaves the whole item or nothing.
 */
export const CHUNK_SIZE = 1024 * 1024;
/** Bytes per commit: big enough to amortise the fsync, small enough to keep edits flowing. */
export const COMMIT_BYTES = 16 * 1024 * 1024;
/** Files up to this size are read whole and stored with their owner in a single transaction. */
export const WHOLE_FILE_BYTES = COMMIT_BYTES;
const INSERT_CHUNK = 'INSERT INTO blob_chunk (blob_id, idx, bytes) VALUES (?, ?, ?)';

export interface BlobProgress {
  bytesDone: number;
  bytesTotal: number;
}

export interface PutBlobOptions<T> {
  signal?: AbortSignal;
  onProgress?: (p: BlobProgress) => void;
  now: () => string;
  /** Runs inside the final transaction with the blob id, to create the record that owns it. */
  finalize?: (blobId: number, info: StoredBlob) => T;
  /** Test hook: called after each committed batch with the number of chunks written so far. */
  afterCommit?: (chunksWritten: number) => void;
}

export interface StoredBlob {
  blobId: number;
  sha256: string;
  size: number;
  /** True when identical bytes were already stored and this put only pointed at them. */
  deduplicated: boolean;
}

export async function putBlobFromFile<T = undefined>(
  db: VaultDb,
  filePath: string,
  options: PutBlobOptions<T>,
): Promise<StoredBlob & { result: T | undefined }> {
  await writesFree(db);
  const source = openBlobSource(filePath);
  try {
    return await putBlobFromSource(db, source, options);
  } finally {
    closeSync(source.fd);
  }
}

/** Stores an opened source (see `openBlobSource`): read whole when small, else streamed. */
export function putBlobFromSource<T>(
  db: VaultDb,
  source: BlobSource,
  options: PutBlobOptions<T>,
): Promise<StoredBlob & { result: T | undefined }> {
  return source.size <= WHOLE_FILE_BYTES
    ? putWholeSource(db, source, options)
    : putStreamedSource(db, source, options);
}

/**
 * A small file in one transaction: read and hashed first, then its bytes (unless identical ones
 * are stored already, when nothing is written) and its owner are committed together — one commit
 * instead of a pending blob's two, and a blob that is never pending.
 */
async function putWholeSource<T>(
  db: VaultDb,
  source: BlobSource,
  options: PutBlobOptions<T>,
): Promise<StoredBlob & { result: T | undefined }> {
  const whole = readWholeSource(source);
  throwIfAborted(options.signal);
  await writesFree(db);
  const stored = tx(db, () => {
    const blob = putSmallBlob(db, whole.bytes, options.now(), whole.sha256);
    return { ...blob, result: options.finalize?.(blob.blobId, blob) };
  });
  options.afterCommit?.(Math.ceil(source.size / CHUNK_SIZE));
  options.onProgress?.({ bytesDone: source.size, bytesTotal: source.size });
  return stored;
}

/** A file bigger than one commit: chunks of a pending blob in short transactions, then final. */
async function putStreamedSource<T>(
  db: VaultDb,
  source: BlobSource,
  options: PutBlobOptions<T>,
): Promise<StoredBlob & { result: T | undefined }> {
  const pending: { id: number | null } = { id: null };
  try {
    const bytesTotal = source.size;
    const { sha256, bytesDone } = await streamChunks(db, source.fd, pending, bytesTotal, options);
    const pendingId = pending.id!;
    if (bytesDone !== bytesTotal) throw changedWhileRead(source.path);
    await writesFree(db);
    const stored = finalizeBlob(db, pendingId, sha256, bytesDone, options.finalize);
    // Identical bytes were already stored: the chunks just written are free pages now.
    if (stored.deduplicated) await reclaimQuietly(db);
    return stored;
  } catch (e) {
    try {
      const id = pending.id;
      if (id !== null && db.sqlite.open) tx(db, () => deleteBlobRows(db, id));
    } catch {
      // The pending rows are removed at the next open anyway.
    }
    // A cancelled import of 765 MB must not leave a 765 MB vault behind.
    await reclaimQuietly(db);
    throw e;
  }
}

/**
 * Reads the file into chunks of a pending blob, one short transaction per batch. The pending row
 * is created in the first batch's transaction (one commit, and so one fsync, less per file: it
 * counts for a folder of small files); `pending.id` names it as soon as it exists, so the caller
 * can remove it on failure.
 */
async function streamChunks(
  db: VaultDb,
  fd: number,
  pending: { id: number | null },
  bytesTotal: number,
  options: Pick<PutBlobOptions<unknown>, 'signal' | 'onProgress' | 'afterCommit' | 'now'>,
): Promise<{ sha256: string; bytesDone: number }> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
  const insertChunk = prepare(db, INSERT_CHUNK);
  const chunksPerCommit = Math.max(1, Math.floor(COMMIT_BYTES / CHUNK_SIZE));
  let idx = 0;
  let bytesDone = 0;
  for (;;) {
    throwIfAborted(options.signal);
    // A yielding transaction (an import) holds the vault's writes until it commits.
    await writesFree(db);
    let eof = false;
    tx(db, () => {
      pending.id ??= runExpect(
        db,
        db.qb
          .insertInto('blob')
          .values({ sha256: null, size: null, state: 'pending', created_at: options.now() }),
      );
      const blobId = pending.id;
      for (let k = 0; k < chunksPerCommit; k++) {
        const n = readSync(fd, buffer, 0, CHUNK_SIZE, bytesDone);
        if (n === 0) {
          eof = true;
          return;
        }
        const chunk = buffer.subarray(0, n);
        hash.update(chunk);
        insertChunk.run(blobId, idx++, chunk);
        bytesDone += n;
      }
    });
    options.afterCommit?.(idx);
    options.onProgress?.({ bytesDone, bytesTotal });
    if (eof) break;
    // Let other calls run between batches: no transaction ever spans this await.
    await yieldToEventLoop();
  }
  throwIfAborted(options.signal);
  return { sha256: hash.digest('hex'), bytesDone };
}

/** Records the hash (or points at identical bytes already stored) and lets the owner be created. */
function finalizeBlob<T>(
  db: VaultDb,
  pendingId: number,
  sha256: string,
  size: number,
  finalize: PutBlobOptions<T>['finalize'],
): StoredBlob & { result: T | undefined } {
  return tx(db, () => {
    const existing = first(
      db,
      db.qb
        .selectFrom('blob')
        .select('id')
        .where('sha256', '=', sha256)
        .where('state', '=', 'complete'),
    );
    let stored: StoredBlob;
    if (existing) {
      deleteBlobRows(db, pendingId);
      stored = { blobId: existing.id, sha256, size, deduplicated: true };
    } else {
      runExpect(
        db,
        db.qb
          .updateTable('blob')
          .set({ sha256, size, state: 'complete' })
          .where('id', '=', pendingId)
          .where('state', '=', 'pending'),
      );
      stored = { blobId: pendingId, sha256, size, deduplicated: false };
    }
    return { ...stored, result: finalize?.(stored.blobId, stored) };
  });
}

/**
 * Stores a small file held in memory (at most `WHOLE_FILE_BYTES`, in 1 MiB chunks) as a complete
 * blob inside the caller's transaction, or points at identical bytes already stored (then
 * nothing is written). The caller creates the owner in the same transaction: files read whole
 * (`putBlobFromFile`, an add of many small files) and bulk builds (the large demo).
 */
export function putSmallBlob(
  db: VaultDb,
  bytes: Buffer,
  now: string,
  sha256 = createHash('sha256').update(bytes).digest('hex'),
): StoredBlob {
  if (!db.sqlite.inTransaction) throw new Error('putSmallBlob must run inside a transaction');
  if (bytes.length > WHOLE_FILE_BYTES) throw new Error('putSmallBlob takes at most one commit');
  const existing = prepare(db, `SELECT id FROM blob WHERE sha256 = ? AND state = 'complete'`).get(
    sha256,
  ) as { id: number } | undefined;
  if (existing) return { blobId: existing.id, sha256, size: bytes.length, deduplicated: true };
  const blobId = runExpect(
    db,
    db.qb
      .insertInto('blob')
      .values({ sha256, size: bytes.length, state: 'complete', created_at: now }),
  );
  const insertChunk = prepare(db, INSERT_CHUNK);
  for (let idx = 0; idx * CHUNK_SIZE < bytes.length; idx++)
    insertChunk.run(blobId, idx, bytes.subarray(idx * CHUNK_SIZE, (idx + 1) * CHUNK_SIZE));
  return { blobId, sha256, size: bytes.length, deduplicated: false };
}

/** Giving space back is housekeeping: failing at it must not fail what was asked for. */
async function reclaimQuietly(db: VaultDb): Promise<void> {
  try {
    await reclaimFreePages(db);
  } catch {
    // The free pages stay in the file and are given back at close or the next open.
  }
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AttestError('cancelled', 'Cancelled; nothing was stored.');
}

function deleteBlobRows(db: VaultDb, blobId: number): void {
  run(db, db.qb.deleteFrom('blob_chunk').where('blob_id', '=', blobId));
  run(db, db.qb.deleteFrom('blob').where('id', '=', blobId));
}

/**
 * Removes what interrupted puts left behind, and any stored file no record owns (DESIGN §3: a
 * blob goes with its last owner). Called at every open — never by verify, which only reads.
 */
export function removePendingBlobs(db: VaultDb): number {
  return tx(db, () => {
    const pending = db.sqlite
      .prepare(`SELECT id FROM blob WHERE state = 'pending'`)
      .pluck()
      .all() as number[];
    const unowned = unownedBlobIds(db);
    for (const id of [...pending, ...unowned]) deleteBlobRows(db, id);
    return pending.length + unowned.length;
  });
}

export interface BlobRecord {
  id: number;
  sha256: string;
  size: number;
}

export function getBlob(db: VaultDb, blobId: number): BlobRecord {
  const row = first(
    db,
    db.qb.selectFrom('blob').select(['id', 'sha256', 'size', 'state']).where('id', '=', blobId),
  );
  if (!row || row.state !== 'complete' || row.sha256 === null || row.size === null) {
    throw new AttestError('not_found', `No stored file with id ${blobId}`);
  }
  return { id: row.id, sha256: row.sha256, size: row.size };
}

/**
 * Chunks read per query. One statement per chunk costs a read transaction each, which made
 * reading ~3× slower than the disk (measured: 400 MB in 1.0 s one by one, 0.37 s eight at a
 * time, 0.48 s sixteen at a time); a statement left stepping between yields would keep the
 * connection busy for every other call. Eight 1 MiB chunks bound the memory a reader holds;
 * a stream read as fast as its consumer (`blobReadStream`) reads one at a time.
 */
const CHUNKS_PER_READ = 8;

/**
 * Reads a blob's chunks in order, `CHUNKS_PER_READ` per query, stopping at the first missing
 * index (as reading one by one would: the hash check then names the damage).
 */
export function* chunkBatches(
  db: VaultDb,
  blobId: number,
  perRead = CHUNKS_PER_READ,
): Generator<Buffer[]> {
  const stmt = db.sqlite
    .prepare(
      'SELECT idx, bytes FROM blob_chunk WHERE blob_id = ? AND idx >= ? ORDER BY idx LIMIT ?',
    )
    .raw();
  for (let next = 0; ;) {
    const rows = stmt.all(blobId, next, perRead) as [number, Buffer][];
    const batch: Buffer[] = [];
    for (const [idx, bytes] of rows) {
      if (idx !== next) break;
      batch.push(bytes);
      next++;
    }
    if (batch.length > 0) yield batch;
    if (batch.length < perRead) return;
  }
}

/** The chunks of a blob in order; memory stays bounded whatever the size. */
export function* blobChunks(
  db: VaultDb,
  blobId: number,
  perRead = CHUNKS_PER_READ,
): Generator<Buffer> {
  getBlob(db, blobId);
  for (const batch of chunkBatches(db, blobId, perRead)) yield* batch;
}

/**
 * A stored file as a stream for a consumer that may be slow (a window, a browser): one chunk per
 * read, so what the process holds for it stays at a chunk or two whatever the consumer's pace.
 */
export function blobReadStream(db: VaultDb, blobId: number): Readable {
  return Readable.from(blobChunks(db, blobId, 1), { objectMode: false });
}

export interface BlobCheck {
  blobId: number;
  expected: string;
  actual: string;
  expectedSize: number;
  actualSize: number;
}

export interface BlobCheckResult {
  count: number;
  bytes: number;
  mismatches: BlobCheck[];
  /** Blobs whose chunks could not be read back at all (a damaged file), with SQLite's reason. */
  unreadable: { blobId: number; reason: string }[];
}

/**
 * Re-hashes every complete blob, yielding between batches; returns the ones that differ. A
 * blob that cannot be read (damage) is named and the others are still checked; only a cancel
 * stops the run.
 */
export async function checkAllBlobs(
  db: VaultDb,
  onProgress?: (p: {
    blobsDone: number;
    blobsTotal: number;
    bytesDone: number;
    bytesTotal: number;
  }) => void,
  signal?: AbortSignal,
): Promise<BlobCheckResult> {
  const blobs = db.sqlite
    .prepare(`SELECT id, sha256, size FROM blob WHERE state = 'complete' ORDER BY id`)
    .all() as BlobRecord[];
  const bytesTotal = blobs.reduce((s, b) => s + b.size, 0);
  const result: BlobCheckResult = {
    count: blobs.length,
    bytes: bytesTotal,
    mismatches: [],
    unreadable: [],
  };
  let bytesDone = 0;
  let blobsDone = 0;
  for (const blob of blobs) {
    const hash = createHash('sha256');
    let size = 0;
    try {
      let chunks = 0;
      for (const batch of chunkBatches(db, blob.id)) {
        for (const bytes of batch) {
          hash.update(bytes);
          size += bytes.length;
        }
        chunks += batch.length;
        if (chunks >= 16) {
          chunks = 0;
          throwIfAborted(signal);
          await yieldToEventLoop();
        }
      }
      const actual = hash.digest('hex');
      if (actual !== blob.sha256 || size !== blob.size) {
        result.mismatches.push({
          blobId: blob.id,
          expected: blob.sha256,
          actual,
          expectedSize: blob.size,
          actualSize: size,
        });
      }
    } catch (e) {
      if (isAttestError(e)) throw e; // cancelled
      result.unreadable.push({ blobId: blob.id, reason: (e as Error).message });
    }
    bytesDone += blob.size;
    blobsDone++;
    onProgress?.({ blobsDone, blobsTotal: blobs.length, bytesDone, bytesTotal });
  }
  return result;
}
