import type { ViewerData } from '../../../shared/domain/package/viewer-data';
import { type DeltaView, KIND_LABEL } from './delta';
import type { PackageEntry } from './entry';
import { type PlacedEvidence, sha256Of } from './layout';
import type { PackageModel } from './model';

const DOCUMENT_TITLES: [RegExp, string][] = [
  [/^00_README\.pdf$/, 'Read me first: what this package is and how to check it'],
  [/^01_Index\//, 'Index'],
  [/^02_System_Description\//, 'System description'],
  [/^03_Policies\//, 'Policy'],
  [/^06_Subservice\//, 'Subservice organisation'],
];

function coverage(row: PlacedEvidence['item']['row']): string | null {
  if (row.window_start && row.window_end) return `${row.window_start}..${row.window_end}`;
  return row.as_of ? `as of ${row.as_of}` : null;
}

/**
 * What `index.html` shows. Its time is the vault's latest change (not the moment of export),
 * so the viewer's bytes, like every other file's, depend only on the vault's state.
 */
export function viewerData(
  model: PackageModel,
  fingerprint: string,
  placed: readonly PlacedEvidence[],
  documents: readonly PackageEntry[],
  delta: DeltaView | null = null,
): ViewerData {
  const e = model.engagement;
  return {
    ...(delta
      ? {
          delta: {
            previousGeneratedAt: delta.previous.manifest.generatedAt,
            since: delta.previous.manifestSha256,
            previousFileName: delta.previous.fileName,
            counts: delta.counts,
            removed: delta.removed.map((r) => ({
              what: KIND_LABEL[r.kind],
              id: r.id,
              paths: r.paths,
            })),
          },
        }
      : {}),
    engagement: {
      name: e.name,
      client: e.client.trim() || null,
      type: e.reportType,
      periodStart: e.period?.start ?? null,
      periodEnd: e.period?.end ?? null,
      asOf: e.asOf,
    },
    keyFingerprint: fingerprint,
    generatedAt: model.contentTime,
    criteria: model.criteria.map((c) => ({ id: c.id, title: c.title, controls: c.controls })),
    controls: model.controls.map((c) => ({
      ref: c.ref,
      title: c.title,
      criteria: c.criteria,
      owner: c.owner_id ? (model.people.get(c.owner_id) ?? null) : null,
      frequency: c.frequency,
    })),
    requests: model.requests.map((r) => ({
      ref: r.ref,
      title: r.description,
      controls: r.controls,
      criteria: r.criteria,
    })),
    files: placed.map((p) => ({
      evidenceId: p.item.row.ref,
      title: p.item.row.title,
      path: p.path,
      ...(p.item.row.url !== null ? { url: p.item.row.url } : {}),
      sha256: sha256Of(p),
      size: p.note?.bytes.length ?? p.item.row.file_size ?? 0,
      controls: p.item.controls,
      criteria: p.item.criteria,
      requests: p.item.requests,
      covers: coverage(p.item.row),
      ...(delta ? { status: delta.status('evidence', p.item.row.ref) } : {}),
    })),
    // 07_Internal's papers are not listed: the viewer shows evidence, never results.
    documents: documents
      .filter((d) => d.kind !== 'internal')
      .map((d) => {
        const label = DOCUMENT_TITLES.find(([re]) => re.test(d.path))?.[1] ?? 'Document';
        const name = d.path.split('/').pop()!;
        return { path: d.path, title: label.startsWith('Read me') ? label : `${label}: ${name}` };
      }),
  };
}
