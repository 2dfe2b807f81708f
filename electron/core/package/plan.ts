/**
 * Every file of the package, decided before a byte is written: the generated documents (in
 * memory: they are small) and the stored files (streamed from the vault by the writer). Paths
 * are checked here — unique, also ignoring case, as the verifier requires. For a delta, the
 * files of records unchanged since the previous package are left out; the README, the viewer
 * and the indexes are whole and say what is where.
 */
import { renderViewerHtml } from '../../../shared/domain/package/viewer-html';
import {
  type ManifestRecord,
  PUBLIC_KEY_PATH,
  SELF_DESCRIBING_PATHS,
  packagePath,
} from '../../../shared/domain/package/manifest';
import { type DeltaView, compareRecords, recordsOf } from './delta';
import { descriptionEntries, internalEntries, policyEntries, subserviceEntries } from './documents';
import { type PackageEntry, type PlannedEntry, digestOf, generated, rendered } from './entry';
import { evidenceColumns, indexEntries, rowRecords } from './indexes';
import { placeEvidence } from './layout';
import type { PackageModel } from './model';
import { README_PATH, readmePdf } from './readme';
import type { PackageSigner } from './signing';
import { viewerData } from './viewer';

export const VIEWER_PATH = 'index.html';

export interface PackagePlan {
  entries: PackageEntry[];
  /** Every record the package shows (in a delta, the unchanged ones too). */
  records: ManifestRecord[];
  delta: DeltaView | null;
}

export async function planPackage(
  model: PackageModel,
  signer: PackageSigner,
  signal?: AbortSignal,
): Promise<PackagePlan> {
  const want = new Set(model.options.categories);
  const placed = placeEvidence(model);
  const recordSteps: (() => Promise<PlannedEntry[]> | PlannedEntry[])[] = [
    () => (want.has('system-description') ? descriptionEntries(model) : []),
    () => (want.has('policies') ? policyEntries(model) : []),
    () => (want.has('subservice') ? subserviceEntries(model) : []),
  ];
  const recorded: PlannedEntry[] = [];
  for (const step of recordSteps) {
    if (signal?.aborted) break;
    recorded.push(...(await step()));
  }
  // An evidence item's state is its file and its row of the evidence index (path and SHA-256
  // included): a file moved, re-titled or newly reviewed is "changed".
  const columns = evidenceColumns(model);
  for (const p of placed) {
    if (p.path === null) continue; // a link: its record is its index row (rowRecords)
    recorded.push({
      path: p.path,
      kind: p.kind,
      evidenceId: p.item.row.ref,
      controls: p.item.controls,
      criteria: p.item.criteria,
      requests: p.item.requests,
      source: p.note
        ? { bytes: p.note.bytes }
        : { blobId: p.item.row.blob_id!, size: p.item.row.file_size ?? 0 },
      record: {
        kind: 'evidence',
        id: p.item.row.ref,
        part: digestOf(columns.map((c) => c.value(p))),
      },
    });
  }
  const records = recordsOf(recorded, rowRecords(model, placed));
  const since = model.options.since ?? null;
  const delta = since ? compareRecords(since, records) : null;
  // Documents are rendered only now, and only those kept: a delta after a small edit renders
  // one or two instead of every PDF and DOCX.
  const kept: PackageEntry[] = [];
  for (const e of recorded) {
    if (signal?.aborted) break;
    if (delta && delta.status(e.record!.kind, e.record!.id) === 'unchanged') continue;
    kept.push(await rendered(e));
  }

  const wholeSteps: (() => Promise<PackageEntry[]> | PackageEntry[])[] = [
    async () => [
      generated(README_PATH, 'readme', await readmePdf(model, signer.fingerprint, delta)),
    ],
    () => (want.has('index') ? indexEntries(model, placed, delta) : []),
    () => (model.options.internal ? internalEntries(model) : []),
  ];
  const whole: PackageEntry[] = [];
  for (const step of wholeSteps) {
    if (signal?.aborted) break;
    whole.push(...(await step()));
  }
  // The viewer lists the documents this zip holds; evidence it lists by request, criterion and
  // control, unchanged items included (marked as in an earlier package).
  const documents = [
    ...whole,
    ...kept.filter((e) => e.kind !== 'evidence' && e.kind !== 'population'),
  ];
  const html = renderViewerHtml(viewerData(model, signer.fingerprint, placed, documents, delta));
  const entries = [
    ...whole,
    ...kept,
    generated(VIEWER_PATH, 'viewer', Buffer.from(html, 'utf8')),
    generated(PUBLIC_KEY_PATH, 'public-key', Buffer.from(signer.publicKeyPem, 'utf8')),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  checkPaths(entries);
  return { entries, records, delta };
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
