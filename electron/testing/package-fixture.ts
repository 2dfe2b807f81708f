import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import {
  MANIFEST_PATH,
  PACKAGE_FORMAT,
  PUBLIC_KEY_PATH,
  SIGNATURE_PATH,
  SUMS_PATH,
  type Manifest,
  type ManifestFile,
  serializeManifest,
  sha256sumsText,
} from '../../shared/domain/package/manifest';
import { keyFingerprint, publicKeyPem, signManifest } from '../core/package/verify-signature';

/**
 * Writes a valid audit package from files, the way the export writer lays one out (DESIGN §6):
 * yazl, the shared manifest module and an Ed25519 key. Until `attest export` lands this is how
 * the verifier's tests and benchmark get packages; `tamper` then breaks one on purpose after the
 * manifest was signed.
 */
export interface FixtureFile {
  path: string;
  /** The bytes, or a file on disk streamed in (the benchmark's gigabyte). */
  content: Buffer | string | { file: string };
  kind?: ManifestFile['kind'];
  evidenceId?: string;
  controls?: string[];
  criteria?: string[];
  requests?: string[];
  /** Deflate it in the zip (the writer may compress text); stored otherwise. */
  compress?: boolean;
}

export interface Tamper {
  /** Other bytes under a listed path, after signing. */
  replace?: Record<string, Buffer | string>;
  /** Listed (or self-describing) paths left out of the zip. */
  remove?: string[];
  /** Extra entries the manifest does not list. */
  add?: Record<string, Buffer | string>;
  /** Rewrites the manifest's bytes after they were signed. */
  manifest?: (text: string) => string;
  /** Other signature bytes. */
  signature?: Buffer;
}

export interface FixturePackage {
  path: string;
  fingerprint: string;
  manifest: Manifest;
  privateKey: KeyObject;
}

const MTIME = new Date('2026-05-15T10:00:00Z');

async function sha256Of(
  content: FixtureFile['content'],
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  if (typeof content === 'object' && !Buffer.isBuffer(content)) {
    for await (const chunk of createReadStream(content.file, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } else {
    const buf = Buffer.from(content);
    hash.update(buf);
    size = buf.length;
  }
  return { sha256: hash.digest('hex'), size };
}

export async function writeTestPackage(
  zipPath: string,
  files: FixtureFile[],
  options: { tamper?: Tamper; key?: { privateKey: KeyObject; publicKey: KeyObject } } = {},
): Promise<FixturePackage> {
  const { privateKey, publicKey } = options.key ?? generateKeyPairSync('ed25519');
  const fingerprint = keyFingerprint(publicKey);
  const pem = publicKeyPem(publicKey);
  const all: FixtureFile[] = [
    ...files,
    { path: PUBLIC_KEY_PATH, content: pem, kind: 'public-key' },
  ];
  const rows: ManifestFile[] = [];
  for (const f of all) {
    rows.push({
      path: f.path,
      ...(await sha256Of(f.content)),
      kind: f.kind ?? 'evidence',
      ...(f.evidenceId ? { evidenceId: f.evidenceId } : {}),
      controls: f.controls ?? [],
      criteria: f.criteria ?? [],
      requests: f.requests ?? [],
    });
  }
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    app: { name: 'Attest', version: '0.1.0' },
    generatedAt: '2026-12-04T08:00:00.000Z',
    contentTime: MTIME.toISOString(),
    engagement: {
      name: 'Acme Cloud SOC 2',
      client: 'Acme',
      type: 'type2',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      asOf: null,
      categories: ['security'],
    },
    keyFingerprint: fingerprint,
    chainHead: { seq: 42, hash: 'b'.repeat(64) },
    options: {
      internal: false,
      byRequest: false,
      approvedPoliciesOnly: false,
      reviewedEvidenceOnly: false,
      categories: [],
      since: null,
    },
    delta: null,
    files: rows,
    records: [],
  };
  const manifestText = serializeManifest(manifest);
  const tamper = options.tamper ?? {};
  const signature = tamper.signature ?? signManifest(Buffer.from(manifestText), privateKey);
  const zip = new yazl.ZipFile();
  const removed = new Set(tamper.remove ?? []);
  const put = (path: string, content: FixtureFile['content'], compress = false) => {
    if (removed.has(path)) return;
    const replaced = tamper.replace?.[path];
    if (replaced !== undefined) content = replaced;
    if (typeof content === 'object' && !Buffer.isBuffer(content)) {
      zip.addFile(content.file, path, { mtime: MTIME, compress });
    } else {
      zip.addBuffer(Buffer.from(content), path, { mtime: MTIME, compress });
    }
  };
  for (const f of all) put(f.path, f.content, f.compress);
  put(MANIFEST_PATH, tamper.manifest ? tamper.manifest(manifestText) : manifestText);
  put(SIGNATURE_PATH, signature);
  put(SUMS_PATH, sha256sumsText(rows));
  for (const [path, content] of Object.entries(tamper.add ?? {})) put(path, content);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
  return { path: zipPath, fingerprint, manifest, privateKey };
}

/** A few files of each kind, like a small real package. */
export function sampleFiles(): FixtureFile[] {
  return [
    { path: 'index.html', content: '<!doctype html><title>Viewer</title>', kind: 'viewer' },
    {
      path: '01_Index/evidence-index.csv',
      content: 'id,title\nEV-1,Access review\n',
      kind: 'index',
    },
    {
      path: '04_Evidence/CC6.1-01/EV-0001_2026-03-31_access-review-Q1.pdf',
      content: '%PDF-1.4 access review',
      evidenceId: 'EV-0001',
      controls: ['CC6.1-01'],
      criteria: ['CC6.1'],
      requests: ['PBC-001'],
    },
    {
      path: '05_Populations/PBC-014_terminations_2026-01-01_2026-06-30.csv',
      content: 'user,terminated\nalice,2026-02-01\n',
      kind: 'population',
      evidenceId: 'EV-0002',
      controls: ['CC6.2-01'],
      criteria: ['CC6.2'],
      requests: ['PBC-014'],
    },
  ];
}
