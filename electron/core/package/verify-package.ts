import { AttestError } from '../../../shared/api/errors';
import type { PackageProblem, PackageVerifyReport } from '../../../shared/api/package-verify';
import {
  MANIFEST_PATH,
  PACKAGE_FORMAT,
  PUBLIC_KEY_PATH,
  SELF_DESCRIBING_PATHS,
  SIGNATURE_PATH,
  SUMS_PATH,
  type Manifest,
  manifestSchema,
  sha256sumsText,
} from '../../../shared/domain/package/manifest';
import { checkManifestSignature, keyFingerprint, readPublicKey } from './verify-signature';
import { type OpenedZip, type ZipEntryInfo, openZip, readEntries } from './zip-read';
import {
  DEFAULT_ZIP_LIMITS,
  type ZipLimits,
  directoryProblems,
  hostileProblem,
  isFolderEntry,
  tooManyEntries,
} from './zip-rules';
import { type EntryRead, hashEntry } from './zip-stream';

export interface PackageVerifyProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface PackageVerifyOptions {
  signal?: AbortSignal;
  onProgress?: (p: PackageVerifyProgress) => void;
  limits?: ZipLimits;
  /**
   * Called with the manifest as read and parsed (before the files are checked against it): what
   * auditor mode keeps of a package it opens, so it never reads the manifest a second time.
   */
  onManifest?: (manifest: Manifest, bytes: Buffer) => void;
}

/** Size limits for the files read into memory, checked on the declared size before reading. */
const MAX_KEPT_BYTES: Record<string, number> = {
  [MANIFEST_PATH]: 64 * 1024 * 1024,
  [SUMS_PATH]: 64 * 1024 * 1024,
  [SIGNATURE_PATH]: 1024,
  [PUBLIC_KEY_PATH]: 64 * 1024,
};

class Refused extends Error {}

/**
 * Checks an audit package without unpacking it (DESIGN §6): the hostile-zip rules on the
 * central directory first, then the manifest (schema, format), its signature with the key beside
 * it, `SHA256SUMS` against the manifest, and every file's SHA-256 and size, streamed. Each
 * problem is named. Writes nothing anywhere. Throws `not_a_package` for a file that cannot be
 * read as a zip at all; everything else is a problem in the report.
 */
export async function verifyPackage(
  path: string,
  options: PackageVerifyOptions = {},
): Promise<PackageVerifyReport> {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  const opened = await openZip(path);
  try {
    return await verifyOpened(opened, limits, options);
  } finally {
    opened.close();
  }
}

async function verifyOpened(
  opened: OpenedZip,
  limits: ZipLimits,
  options: PackageVerifyOptions,
): Promise<PackageVerifyReport> {
  const problems: PackageProblem[] = [];
  const report: PackageVerifyReport = {
    verified: false,
    complete: false,
    fingerprint: null,
    filesChecked: 0,
    bytesChecked: 0,
    manifest: null,
    problems,
  };
  const finish = (complete: boolean): PackageVerifyReport => {
    report.complete = complete;
    report.verified = complete && problems.length === 0;
    return report;
  };

  const tooMany = tooManyEntries(opened.entryCount, limits);
  if (tooMany) {
    problems.push(tooMany);
    return finish(false);
  }
  const entries = await readEntries(opened);
  const hostile = directoryProblems(entries, opened.fileSize, limits);
  if (hostile.length > 0) {
    problems.push(...hostile);
    return finish(false);
  }

  const files = new Map<string, ZipEntryInfo>();
  for (const e of entries) if (!isFolderEntry(e)) files.set(e.name, e);

  const read = async (entry: ZipEntryInfo, keep: boolean): Promise<EntryRead & { ok: true }> => {
    const result = await hashEntry(opened, entry, {
      keep,
      signal: options.signal,
      onBytes: (n) => (bytesDone += n),
    });
    if (result.ok) return result;
    if (result.hostile) {
      problems.push(hostileProblem(entry.name, result.why));
      throw new Refused();
    }
    problems.push({
      kind: 'unreadable',
      path: entry.name,
      message: `Unreadable: ${entry.name} cannot be read back from the zip (${result.why}).`,
    });
    return { ok: true, sha256: '', size: -1 };
  };
  let bytesDone = 0;

  try {
    const kept = new Map<string, Buffer | null>();
    for (const name of [MANIFEST_PATH, SIGNATURE_PATH, PUBLIC_KEY_PATH, SUMS_PATH]) {
      const entry = files.get(name);
      if (!entry) {
        problems.push({
          kind: 'missing',
          path: name,
          message: `Missing: ${name}, which every Attest package holds, is not in this one.`,
        });
        kept.set(name, null);
        continue;
      }
      if (entry.raw.uncompressedSize > MAX_KEPT_BYTES[name]!) {
        problems.push({
          kind: name === MANIFEST_PATH ? 'bad_manifest' : 'changed',
          path: name,
          message: `Changed: ${name} is ${entry.raw.uncompressedSize} bytes, far larger than Attest writes it; it was not read.`,
        });
        kept.set(name, null);
        continue;
      }
      const result = await read(entry, true);
      kept.set(name, result.size < 0 ? null : result.bytes!);
    }

    const manifestBytes = kept.get(MANIFEST_PATH) ?? null;
    const manifest = manifestBytes ? parseManifest(manifestBytes, problems) : null;
    if (manifest) {
      options.onManifest?.(manifest, manifestBytes!);
      report.manifest = {
        format: manifest.format,
        generatedAt: manifest.generatedAt,
        engagement: manifest.engagement.name,
        client: manifest.engagement.client,
        files: manifest.files.length,
        delta: manifest.delta
          ? {
              since: manifest.delta.since,
              previousGeneratedAt: manifest.delta.previousGeneratedAt,
              ...manifest.delta.counts,
            }
          : null,
      };
    }
    checkSignature(kept, manifest, report, problems);

    const sums = kept.get(SUMS_PATH);
    if (manifest && sums && sums.toString('utf8') !== sha256sumsText(manifest.files)) {
      problems.push({
        kind: 'changed',
        path: SUMS_PATH,
        message: `Changed: ${SUMS_PATH} does not list the files and hashes the signed manifest lists.`,
      });
    }

    const listed = new Map((manifest?.files ?? []).map((f) => [f.path, f]));
    const present = [...listed.values()].filter((f) => files.has(f.path));
    const alreadyMissing = new Set(problems.filter((p) => p.kind === 'missing').map((p) => p.path));
    for (const f of listed.values()) {
      if (!files.has(f.path) && !alreadyMissing.has(f.path)) {
        problems.push({
          kind: 'missing',
          path: f.path,
          message: `Missing: ${f.path} is listed in the manifest but not in the package.`,
        });
      }
    }
    const filesTotal = present.length;
    const bytesTotal = present.reduce((n, f) => n + f.size, 0);
    // In the order the bytes sit in the file, so reading is one pass over the disk.
    const offset = (path: string) => files.get(path)!.raw.relativeOffsetOfLocalHeader;
    present.sort((a, b) => offset(a.path) - offset(b.path));
    const fileProblems: PackageProblem[] = [];
    bytesDone = 0;
    let filesDone = 0;
    for (const f of present) {
      const result = await read(files.get(f.path)!, false);
      filesDone++;
      options.onProgress?.({ filesDone, filesTotal, bytesDone, bytesTotal });
      if (result.size < 0) continue;
      report.filesChecked++;
      report.bytesChecked += result.size;
      if (result.size !== f.size) {
        fileProblems.push({
          kind: 'changed',
          path: f.path,
          message: `Changed: ${f.path} has ${result.size} bytes where the manifest records ${f.size}.`,
        });
      } else if (result.sha256 !== f.sha256) {
        fileProblems.push({
          kind: 'changed',
          path: f.path,
          message: `Changed: ${f.path} no longer matches its SHA-256 in the manifest (expected ${f.sha256.slice(0, 12)}…, found ${result.sha256.slice(0, 12)}…).`,
        });
      }
    }
    fileProblems.sort((a, b) => (a.path! < b.path! ? -1 : 1));
    problems.push(...fileProblems);
    const extras = [...files.keys()]
      .filter((name) => !listed.has(name) && !SELF_DESCRIBING_PATHS.includes(name))
      .sort();
    // Without a manifest nothing else can be compared; the files are not called extra.
    if (manifest) {
      for (const name of extras) {
        problems.push({
          kind: 'not_in_manifest',
          path: name,
          message: `Not in the manifest: ${name} is in the package but not in its signed manifest.`,
        });
      }
    }
    // Every entry's bytes are read once, listed or not, so none can lie about its size unseen.
    for (const name of extras) {
      if (name !== PUBLIC_KEY_PATH) await read(files.get(name)!, false);
    }
    return finish(true);
  } catch (e) {
    if (e instanceof Refused) return finish(false);
    if (options.signal?.aborted) throw new AttestError('cancelled', 'Verification cancelled.');
    throw e;
  }
}

function parseManifest(bytes: Buffer, problems: PackageProblem[]): Manifest | null {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    problems.push({
      kind: 'bad_manifest',
      path: MANIFEST_PATH,
      message: `${MANIFEST_PATH} is not valid JSON, so the files could not be checked against it.`,
    });
    return null;
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== PACKAGE_FORMAT) {
    problems.push({
      kind: 'unknown_format',
      path: MANIFEST_PATH,
      message: `Unknown format: the manifest is of format ${JSON.stringify(format ?? null)}; this version of Attest reads format ${PACKAGE_FORMAT}. Verify it with a newer Attest, or with sha256sum -c SHA256SUMS.`,
    });
    return null;
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    problems.push({
      kind: 'bad_manifest',
      path: MANIFEST_PATH,
      message: `${MANIFEST_PATH} is not an Attest manifest (${issue.path.join('.') || 'top level'}: ${issue.message}), so the files could not be checked against it.`,
    });
    return null;
  }
  return parsed.data;
}

function checkSignature(
  kept: Map<string, Buffer | null>,
  manifest: Manifest | null,
  report: PackageVerifyReport,
  problems: PackageProblem[],
): void {
  const pem = kept.get(PUBLIC_KEY_PATH);
  const signature = kept.get(SIGNATURE_PATH);
  const manifestBytes = kept.get(MANIFEST_PATH);
  if (!pem) return;
  const key = readPublicKey(pem);
  if ('error' in key) {
    problems.push({
      kind: 'bad_signature',
      path: PUBLIC_KEY_PATH,
      message: `Bad signature: ${key.error}, so the signature cannot be checked.`,
    });
    return;
  }
  report.fingerprint = keyFingerprint(key.key);
  if (signature && manifestBytes && !checkManifestSignature(manifestBytes, signature, key.key)) {
    problems.push({
      kind: 'bad_signature',
      path: SIGNATURE_PATH,
      message: `Bad signature: ${SIGNATURE_PATH} is not the signature of ${MANIFEST_PATH} by ${PUBLIC_KEY_PATH}; the manifest or its signature was changed after export.`,
    });
  }
  if (manifest && manifest.keyFingerprint !== report.fingerprint) {
    problems.push({
      kind: 'key_mismatch',
      path: PUBLIC_KEY_PATH,
      message: `The manifest names the key ${manifest.keyFingerprint.slice(0, 16)}…, but ${PUBLIC_KEY_PATH} is the key ${report.fingerprint.slice(0, 16)}…: the key was swapped.`,
    });
  }
}
