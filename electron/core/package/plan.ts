/**
 * Every file of the package, decided before a byte is written: the generated documents (in
 * memory: they are small) and the stored files (streamed from the vault by the writer). Paths
 * are checked here — unique, also ignoring case, as the verifier requires.
 */
import { renderViewerHtml } from '../../../shared/domain/package/viewer-html';
import {
  PUBLIC_KEY_PATH,
  SELF_DESCRIBING_PATHS,
  packagePath,
} from '../../../shared/domain/package/manifest';
import { descriptionEntries, internalEntries, policyEntries, subserviceEntries } from './documents';
import { type PackageEntry, generated } from './entry';
import { indexEntries } from './indexes';
import { placeEvidence } from './layout';
import type { PackageModel } from './model';
import { README_PATH, readmePdf } from './readme';
import type { PackageSigner } from './signing';
import { viewerData } from './viewer';

export const VIEWER_PATH = 'index.html';

export async function planPackage(
  model: PackageModel,
  signer: PackageSigner,
  signal?: AbortSignal,
): Promise<PackageEntry[]> {
  const want = new Set(model.options.categories);
  const placed = placeEvidence(model);
  const steps: (() => Promise<PackageEntry[]> | PackageEntry[])[] = [
    async () => [generated(README_PATH, 'readme', await readmePdf(model, signer.fingerprint))],
    () => (want.has('index') ? indexEntries(model, placed) : []),
    () => (want.has('system-description') ? descriptionEntries(model) : []),
    () => (want.has('policies') ? policyEntries(model) : []),
    () => (want.has('subservice') ? subserviceEntries(model) : []),
    () => (model.options.internal ? internalEntries(model) : []),
  ];
  const documents: PackageEntry[] = [];
  for (const step of steps) {
    if (signal?.aborted) break;
    documents.push(...(await step()));
  }
  const stored: PackageEntry[] = placed.map((p) => ({
    path: p.path,
    kind: p.kind,
    evidenceId: p.item.row.ref,
    controls: p.item.controls,
    criteria: p.item.criteria,
    requests: p.item.requests,
    source: { blobId: p.item.row.blob_id!, size: p.item.row.file_size ?? 0 },
  }));
  const html = renderViewerHtml(viewerData(model, signer.fingerprint, placed, documents));
  const entries = [
    ...documents,
    ...stored,
    generated(VIEWER_PATH, 'viewer', Buffer.from(html, 'utf8')),
    generated(PUBLIC_KEY_PATH, 'public-key', Buffer.from(signer.publicKeyPem, 'utf8')),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  checkPaths(entries);
  return entries;
}

/** Loud: a clash here is a bug in the naming rules, never something to skip over. */
function checkPaths(entries: readonly PackageEntry[]): void {
  const seen = new Set<string>(SELF_DESCRIBING_PATHS.map((p) => p.toLowerCase()));
  for (const e of entries) {
    packagePath.parse(e.path);
    const folded = e.path.toLowerCase();
    if (seen.has(folded)) throw new Error(`Two files of the package would be named ${e.path}`);
    seen.add(folded);
  }
}
