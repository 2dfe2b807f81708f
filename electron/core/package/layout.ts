/**
 * Where each stored file goes in the package (DESIGN §6 names: stable ids, ASCII, ISO dates, no
 * spaces, whole paths under 150 characters). Each file is stored once: an evidence item under
 * its primary control (the first by reference) or, laid out by request, its first request; a
 * population and its completeness and accuracy files under `05_Populations/`. A note (D1) is
 * written there as a small Markdown file of its own; a link has no file — the indexes and the
 * viewer give its web address instead.
 */
import { createHash } from 'node:crypto';
import { MAX_PACKAGE_PATH, safeSegment } from '../../../shared/domain/package/manifest';
import type { EvidenceInPackage, PackageModel } from './model';

export const EVIDENCE_DIR = '04_Evidence';
export const POPULATIONS_DIR = '05_Populations';
export const SUBSERVICE_DIR = '06_Subservice';

/** The file's extension as typed (ASCII-safe, lower case), with its dot; "" when none. */
export function extensionOf(fileName: string | null): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName ?? '');
  return m ? `.${m[1]!.toLowerCase()}` : '';
}

/**
 * `<folder>/<prefix>_<title><ext>`, the title shortened so the whole path stays under the
 * limit; the prefix (ids and dates) is never cut.
 */
export function fitPath(folder: string, prefix: string, title: string, ext: string): string {
  const room = MAX_PACKAGE_PATH - folder.length - 1 - prefix.length - 1 - ext.length;
  const cut = room >= 8 ? safeSegment(title, Math.min(60, room)) : '';
  const path = `${folder}/${cut ? `${prefix}_${cut}` : prefix}${ext}`;
  if (path.length > MAX_PACKAGE_PATH) throw new Error(`Package path too long: ${path}`);
  return path;
}

/** The date an item is known by: the end of what it covers, else its as-of or performed date. */
function dateOf(row: EvidenceInPackage['row']): string | null {
  return row.window_end ?? row.as_of ?? row.performed_on;
}

export interface PlacedEvidence {
  item: EvidenceInPackage;
  /** Where its file goes; null for a link, which has none. */
  path: string | null;
  kind: 'evidence' | 'population';
  /** A note's file, written from its text (other items' bytes come from the vault). */
  note: { bytes: Buffer; sha256: string } | null;
}

/** A note as the file the auditor opens: its title as the heading, then its text as written. */
export function noteFile(title: string, body: string): { bytes: Buffer; sha256: string } {
  const bytes = Buffer.from(`# ${title.replace(/\s+/g, ' ')}\n\n${body.trimEnd()}\n`, 'utf8');
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The SHA-256 of what the package holds for an item (none for a link). */
export function sha256Of(p: PlacedEvidence): string {
  return p.note?.sha256 ?? p.item.row.file_sha256 ?? '';
}

export function placeEvidence(model: PackageModel): PlacedEvidence[] {
  const want = new Set(model.options.categories);
  const out: PlacedEvidence[] = [];
  for (const item of model.evidence) {
    const row = item.row;
    const date = dateOf(row);
    if (row.kind === 'link' || row.kind === 'note') {
      if (!want.has('evidence')) continue;
      out.push(writtenItem(model, item, date));
      continue;
    }
    if (row.blob_id === null) continue;
    const ext = extensionOf(row.file_name);
    if (item.population) {
      if (!want.has('populations')) continue;
      const p = item.population;
      const prefix = `${row.ref}_${p.window_start}_${p.window_end}`;
      out.push({
        item,
        path: fitPath(POPULATIONS_DIR, prefix, row.title, ext),
        kind: 'population',
        note: null,
      });
    } else if (item.supportOf) {
      if (!want.has('populations')) continue;
      const prefix = `${item.supportOf}_support_${row.ref}`;
      out.push({
        item,
        path: fitPath(POPULATIONS_DIR, prefix, row.title, ext),
        kind: 'population',
        note: null,
      });
    } else {
      if (!want.has('evidence')) continue;
      const prefix = date ? `${row.ref}_${date}` : row.ref;
      out.push({
        item,
        path: fitPath(folderOf(model, item), prefix, row.title, ext),
        kind: 'evidence',
        note: null,
      });
    }
  }
  return out;
}

function folderOf(model: PackageModel, item: EvidenceInPackage): string {
  const folder = model.options.byRequest
    ? (item.requests[0] ?? 'No-request')
    : (item.controls[0] ?? 'No-control');
  return `${EVIDENCE_DIR}/${safeSegment(folder, 40)}`;
}

/** A note as a Markdown file beside the files of its control; a link as an index row only. */
function writtenItem(
  model: PackageModel,
  item: EvidenceInPackage,
  date: string | null,
): PlacedEvidence {
  const row = item.row;
  if (row.kind === 'link') return { item, path: null, kind: 'evidence', note: null };
  const prefix = date ? `${row.ref}_${date}` : row.ref;
  return {
    item,
    path: fitPath(folderOf(model, item), prefix, row.title, '.md'),
    kind: 'evidence',
    note: noteFile(row.title, row.body ?? ''),
  };
}
