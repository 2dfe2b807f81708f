/**
 * Writes the audit package (DESIGN §6) as one zip, streamed: generated documents from memory,
 * stored files chunk by chunk from the vault (add-entry.ts: hashed by a worker from the package
 * file behind the writer), then the manifest (with the audit chain's head), its signature and
 * SHA256SUMS last. The vault is only read (apart from noting the manifest hash of a package it
 * exported, migration 016). `exportPackage` writes beside the destination and renames at the end,
 * so a cancel, a failure or a killed process never leaves a partial package under the
 * destination's name.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  createWriteStream,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname } from 'node:path';
import { Transform } from 'node:stream';
import yazl from 'yazl';
import type { JobProgress } from '../../../shared/api/jobs';
import { AttestError, isAttestError } from '../../../shared/api/errors';
import {
  MANIFEST_PATH,
  type Manifest,
  PACKAGE_FORMAT,
  SIGNATURE_PATH,
  SUMS_PATH,
  serializeManifest,
  sha256sumsText,
} from '../../../shared/domain/package/manifest';
import { chainHead } from '../../db/audit';
import { writesFree } from '../../db/connection';
import { recordPackageExport } from '../../db/repos/auditor-responses';
import { APP_VERSION } from '../../platform/version';
import type { Vault } from '../vault/session';
import { sizeOf } from './entry';
import { manifestDelta } from './delta';
import { readPackageModel } from './model';
import type { PackageOptions } from './options';
import { planPackage } from './plan';
import { useNativeCrc32 } from './fast-crc';
import { flushBehind } from './flush-behind';
import { type HashBehind, hashBehind } from './hash-behind';
import { packageSigner } from './signing';
import { partialPathFor, sweepPartialFiles } from './partial-files';
import { ENTRY_MODE, type StoredEntry, addEntry, until } from './add-entry';

export interface ExportRun {
  signal?: AbortSignal;
  progress?: (p: JobProgress) => void;
}

export interface PackageWritten {
  /** Files in the package, the manifest, its signature and SHA256SUMS included. */
  files: number;
  /** Bytes of the zip. */
  size: number;
  /** SHA-256 of the zip. */
  sha256: string;
  fingerprint: string;
  /** SHA-256 of manifest.json's bytes. */
  manifestSha256: string;
  /** For a delta: how its records compare with the package it follows. */
  delta: { since: string; new: number; changed: number; unchanged: number; removed: number } | null;
  /** The audit chain's head the package shows, and the engagement it names. */
  chainHead: { seq: number; hash: string };
  engagement: string;
}

/**
 * Writes the package to `target` exactly (no temporary name): the caller decides where. Fails
 * with `disk_full` when the disk fills, `cancelled` on a cancel; the target is then incomplete
 * and the caller removes it.
 */
export async function writePackageTo(
  vault: Vault,
  target: string,
  options: PackageOptions,
  run: ExportRun = {},
  flags = 'wx',
): Promise<PackageWritten> {
  const { signal, progress } = run;
  progress?.({ step: 'Preparing the documents' });
  const model = readPackageModel(vault, options);
  const head = chainHead(vault.db);
  const signer = packageSigner(vault.db);
  const { entries, records, delta } = await planPackage(model, signer, signal);
  throwIfCancelled(signal);

  const bytesTotal = entries.reduce((n, e) => n + sizeOf(e), 0);
  const filesTotal = entries.length + 3;
  let bytesDone = 0;
  let filesDone = 0;
  const report = () => progress?.({ filesDone, filesTotal, bytesDone, bytesTotal });

  const mtime = new Date(model.contentTime);
  useNativeCrc32();
  const zip = new yazl.ZipFile();
  let zipSize = 0;
  const file = createWriteStream(target, { flags });
  const flush = flushBehind(file);
  let zipHash: HashBehind | null = null;
  let settled = false;
  // Stored entries whose data range the hashing worker has not been told yet, in zip order.
  const unannounced: StoredEntry[] = [];
  const announce = () => {
    const hashing = zipHash as HashBehind | null;
    if (!hashing) return;
    while (unannounced[0]?.started()) {
      const e = unannounced.shift()!;
      e.answer(hashing.range(e.dataStart(), e.size));
    }
  };
  file.once('open', () => {
    if (settled) return;
    zipHash = hashBehind(target);
    announce();
  });
  let failure: Error | null = null;
  let fail: (e: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = (e) => {
      failure ??= e;
      reject(failure);
    };
  });
  failed.catch(() => {});
  file.on('error', fail);
  zip.outputStream.on('error', fail);
  const onAbort = () => fail(new AttestError('cancelled', 'Cancelled; no package was saved.'));
  signal?.addEventListener('abort', onAbort, { once: true });
  const counted = new Transform({
    transform(chunk: Buffer, _enc, done) {
      zipSize += chunk.length;
      // Before the worker may read past this chunk: an entry whose header yazl just wrote.
      announce();
      done(null, chunk);
      flush(file.bytesWritten);
      (zipHash as HashBehind | null)?.written(file.bytesWritten);
    },
  });
  zip.outputStream.pipe(counted).pipe(file);
  const closed = new Promise<void>((resolve) => file.on('close', resolve));

  try {
    const listed: Manifest['files'] = [];
    const checks: Promise<void>[] = [];
    let lastStored: StoredEntry | null = null;
    for (const entry of entries) {
      if (failure) throw failure;
      throwIfCancelled(signal);
      const sha256 = await addEntry(
        vault,
        zip,
        entry,
        mtime,
        failed,
        (n) => {
          bytesDone += n;
          report();
        },
        (stored) => {
          unannounced.push(stored);
          checks.push(stored.check);
          lastStored = stored;
        },
      );
      filesDone++;
      report();
      listed.push({
        path: entry.path,
        sha256,
        size: sizeOf(entry),
        kind: entry.kind,
        ...(entry.evidenceId ? { evidenceId: entry.evidenceId } : {}),
        ...(entry.policyVersion ? { policyVersion: entry.policyVersion } : {}),
        controls: entry.controls,
        criteria: entry.criteria,
        requests: entry.requests,
      });
    }
    // Each stored file's bytes, as the zip holds them, against the hash the vault recorded:
    // the worker hashes them from the file behind the writer, so it must catch up first.
    if (lastStored) {
      const last: StoredEntry = lastStored;
      const written = () => last.started() && file.bytesWritten >= last.dataStart() + last.size;
      await Promise.race([until(written, failed), failed]);
      announce();
      (zipHash as HashBehind | null)?.caughtUp(file.bytesWritten);
      await Promise.race([Promise.all(checks), failed]);
    }
    // Everything was read over several turns of the event loop (documents render, files
    // stream): the package must show one state of the vault, the one whose head it records.
    const now = chainHead(vault.db);
    if (now.seq !== head.seq || now.hash !== head.hash) {
      throw new AttestError(
        'conflict',
        'The vault changed while the package was being written, so it would not show one state of the vault. Nothing was saved; export again.',
      );
    }
    const e = model.engagement;
    const manifestText = serializeManifest({
      format: PACKAGE_FORMAT,
      app: { name: 'Attest', version: APP_VERSION },
      generatedAt: vault.now(),
      contentTime: model.contentTime,
      engagement: {
        name: e.name,
        client: e.client.trim() || null,
        type: e.reportType,
        periodStart: e.period?.start ?? null,
        periodEnd: e.period?.end ?? null,
        asOf: e.asOf,
        categories: e.categories,
      },
      keyFingerprint: signer.fingerprint,
      chainHead: head,
      options: {
        internal: options.internal,
        byRequest: options.byRequest,
        approvedPoliciesOnly: options.approvedPoliciesOnly,
        reviewedEvidenceOnly: options.reviewedEvidenceOnly,
        categories: [...options.categories],
        since: delta?.previous.manifestSha256 ?? null,
      },
      delta: delta ? manifestDelta(delta) : null,
      files: listed,
      records,
    });
    const manifest = Buffer.from(manifestText, 'utf8');
    const tail: [string, Buffer][] = [
      [MANIFEST_PATH, manifest],
      [SIGNATURE_PATH, signer.sign(manifest)],
      [SUMS_PATH, Buffer.from(sha256sumsText(listed), 'utf8')],
    ];
    for (const [path, bytes] of tail) {
      zip.addBuffer(bytes, path, { mtime, mode: ENTRY_MODE, compress: false });
      filesDone++;
    }
    zip.end();
    await Promise.race([closed, failed]);
    if (failure) throw failure;
    report();
    if (!zipHash) throw new Error('The package file was never opened');
    const sha256 = await (zipHash as HashBehind).digest(zipSize);
    return {
      files: filesDone,
      size: zipSize,
      sha256,
      fingerprint: signer.fingerprint,
      manifestSha256: createHash('sha256').update(manifest).digest('hex'),
      delta: delta ? { since: delta.previous.manifestSha256, ...delta.counts } : null,
      chainHead: head,
      engagement: e.name,
    };
  } catch (e) {
    // The first failure is the one to tell: destroying the file makes yazl's next write fail too.
    const cause = failure ?? e;
    file.destroy();
    await closed;
    throw asWriteError(cause, target);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    settled = true;
    (zipHash as HashBehind | null)?.stop();
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AttestError('cancelled', 'Cancelled; no package was saved.');
}

function asWriteError(e: unknown, target: string): unknown {
  if (isAttestError(e)) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AttestError(
      'disk_full',
      `The disk is full: the package could not be written to ${dirname(target)}. Free some space or choose another place.`,
    );
  }
  if (typeof code === 'string') {
    return new AttestError(
      'io',
      `The package could not be written (${code}): ${(e as Error).message}`,
    );
  }
  return e;
}

export interface PackageSaved extends PackageWritten {
  path: string;
  fileName: string;
}

/**
 * Exports the package to `destination`: written to a partial file beside it (partial-files.ts),
 * flushed to disk, then renamed over the destination. Anything going wrong removes the partial
 * file; the destination is either the whole package or untouched. Partial files a killed export
 * left beside the same destination are removed first.
 */
export async function exportPackage(
  vault: Vault,
  destination: string,
  options: PackageOptions,
  run: ExportRun = {},
): Promise<PackageSaved> {
  checkDestination(destination);
  sweepPartialFiles(destination);
  const partial = partialPathFor(destination);
  try {
    const written = await writePackageTo(vault, partial, options, run);
    throwIfCancelled(run.signal);
    const fd = openSync(partial, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Noted before the rename, so every package under a destination's name is known to the
    // vault (an auditor's response to it can be matched); a note for a package a failure then
    // removes is harmless. Outside the audit chain: see migration 016.
    await writesFree(vault.db);
    recordPackageExport(vault.db, {
      manifest_sha256: written.manifestSha256,
      exported_at: vault.now(),
      chain_seq: written.chainHead.seq,
      chain_hash: written.chainHead.hash,
      engagement: written.engagement,
    });
    renameSync(partial, destination);
    syncFolder(dirname(destination));
    return { ...written, path: destination, fileName: basename(destination) };
  } catch (e) {
    rmSync(partial, { force: true });
    throw asWriteError(e, destination);
  }
}

/** Best effort: makes the rename itself durable where the platform allows opening a folder. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for syncing; the rename is still atomic there.
  }
}

function checkDestination(destination: string): void {
  const folder = dirname(destination);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new AttestError(
      'not_found',
      `The folder ${folder} does not exist; choose another place.`,
    );
  }
  const existing = statSync(destination, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) {
    const what = existing.isDirectory()
      ? 'a folder'
      : existing.isCharacterDevice() || existing.isBlockDevice()
        ? 'a device'
        : 'not a regular file';
    throw new AttestError(
      'validation',
      `${destination} is ${what}; choose a file name for the package.`,
      [{ path: ['saveTo', 'path'], message: `This is ${what}, not a file name` }],
    );
  }
}
