/**
 * Where each stored file goes in the package (DESIGN §6 names: stable ids, ASCII, ISO dates, no
 * spaces, whole paths under 150 characters). Each file is stored once: an evidence item under
 * its primary control (the first by reference) or, laid out by request, its first request; a
 * population and its completeness and accuracy files under `05_Populations/`.
 */
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
  path: string;
  kind: 'evidence' | 'population';
}

export function placeEvidence(model: PackageModel): PlacedEvidence[] {
  const want = new Set(model.options.categories);
  const out: PlacedEvidence[] = [];
  for (const item of model.evidence) {
    const row = item.row;
    if (row.blob_id === null) continue;
    const ext = extensionOf(row.file_name);
    const date = dateOf(row);
    if (item.population) {
      if (!want.has('populations')) continue;
      const p = item.population;
      const prefix = `${row.ref}_${p.window_start}_${p.window_end}`;
      out.push({
        item,
        path: fitPath(POPULATIONS_DIR, prefix, row.title, ext),
        kind: 'population',
      });
    } else if (item.supportOf) {
      if (!want.has('populations')) continue;
      const prefix = `${item.supportOf}_support_${row.ref}`;
      out.push({
        item,
        path: fitPath(POPULATIONS_DIR, prefix, row.title, ext),
        kind: 'population',
      });
    } else {
      if (!want.has('evidence')) continue;
      const folder = model.options.byRequest
        ? (item.requests[0] ?? 'No-request')
        : (item.controls[0] ?? 'No-control');
      const prefix = date ? `${row.ref}_${date}` : row.ref;
      out.push({
        item,
        path: fitPath(`${EVIDENCE_DIR}/${safeSegment(folder, 40)}`, prefix, row.title, ext),
        kind: 'evidence',
      });
    }
  }
  return out;
}
