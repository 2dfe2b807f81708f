/**
 * What an audit package holds, cross-linked for browsing by request, criterion and control:
 * built from the verified manifest (every file with its evidence id, controls, criteria and
 * requests) and, when the package has them, the `01_Index/` CSVs (titles, the request list's
 * texts, the control matrix). Nothing else is needed, so a package exported before auditor mode
 * existed opens too. Criterion titles come from the catalog this build ships.
 */
import type {
  PackageContents,
  PackageEvidence,
  PackagePopulation,
} from '../../../shared/api/methods/auditor';
import type { Category } from '../../../shared/domain/engagement';
import type { Manifest, ManifestFile } from '../../../shared/domain/package/manifest';
import { parseDateText } from '../../../shared/domain/requests-dates';
import { guessColumns } from '../../../shared/domain/requests-headers';
import { naturalSortKey } from '../../../shared/domain/natural-sort';
import { contentTypeFor } from '../../platform/static-path';
import { criteriaForCategories, findControl, findCriterion } from '../catalog/catalog';
import { type IndexTable, cellOf, listOf } from './index-csv';

export interface PackageIndexes {
  evidence: IndexTable | null;
  requests: IndexTable | null;
  controls: IndexTable | null;
}

const byNatural = (a: string, b: string) => {
  const ka = naturalSortKey(a);
  const kb = naturalSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};
const union = (...lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** `EV-0004_2026-01-01_2026-03-31` → the window; a population's file name starts so. */
const POPULATION_NAME = /^(EV-[A-Za-z0-9-]+?)_(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})(?:_|\.|$)/;
/** `EV-0004_support_EV-0005_...`: a population's completeness and accuracy file. */
const SUPPORT_NAME = /^(EV-[A-Za-z0-9-]+?)_support_/;

/** A readable title from a file name: its prefix of ids and dates dropped, dashes as spaces. */
export function titleFromPath(path: string): string {
  const name = baseName(path).replace(/\.[A-Za-z0-9]{1,10}$/, '');
  const parts = name.split('_');
  const rest = parts.filter(
    (p) => !/^(EV-[A-Za-z0-9-]+|\d{4}-\d{2}-\d{2}|support)$/.test(p) && p !== '',
  );
  const text = (rest.length > 0 ? rest.join(' ') : name).replace(/-/g, ' ').trim();
  return text || name;
}

function evidenceOf(files: readonly ManifestFile[], index: IndexTable | null): PackageEvidence[] {
  const rows = new Map<string, string[]>();
  if (index) for (const r of index.rows) rows.set(cellOf(index, r, 'Evidence ID'), r);
  const cellOfRow = (row: string[] | undefined) => (h: string) =>
    row && index ? cellOf(index, row, h) : '';
  const inFiles = files
    .filter((f) => f.evidenceId !== undefined)
    .map((f): PackageEvidence => {
      const cell = cellOfRow(rows.get(f.evidenceId!));
      const support = SUPPORT_NAME.exec(baseName(f.path));
      const type = cell('Type');
      const kind: PackageEvidence['kind'] =
        f.kind !== 'population'
          ? 'evidence'
          : type === 'population support' || (type === '' && support)
            ? 'population-support'
            : 'population';
      const window = POPULATION_NAME.exec(baseName(f.path));
      return {
        id: f.evidenceId!,
        title: cell('Title') || titleFromPath(f.path),
        file: {
          path: f.path,
          size: f.size,
          sha256: f.sha256,
          mediaType: contentTypeFor(f.path).split(';')[0]!,
        },
        url: null,
        kind,
        controls: f.controls,
        criteria: f.criteria,
        requests: f.requests,
        covers:
          cell('Covers') ||
          (kind === 'population' && window ? `${window[2]} to ${window[3]}` : null),
        population:
          kind === 'population'
            ? f.evidenceId!
            : kind === 'population-support'
              ? support![1]!
              : null,
      };
    });
  return [...inFiles, ...linksOf(index, new Set(inFiles.map((e) => e.id)))].sort((a, b) =>
    byNatural(a.id, b.id),
  );
}

/**
 * The links the evidence index lists: a link has no file, so the manifest does not name it. The
 * index is itself a file the manifest hashes, so these rows are as verified as the files.
 */
function linksOf(index: IndexTable | null, files: ReadonlySet<string>): PackageEvidence[] {
  if (!index) return [];
  return index.rows
    .filter((r) => cellOf(index, r, 'Type') === 'link')
    .map((r) => (h: string) => cellOf(index, r, h))
    .filter((cell) => cell('Evidence ID') !== '' && !files.has(cell('Evidence ID')))
    .map((cell) => ({
      id: cell('Evidence ID'),
      title: cell('Title') || cell('Link'),
      file: null,
      url: cell('Link') || null,
      kind: 'evidence' as const,
      controls: listOf(cell('Controls')),
      criteria: listOf(cell('Criteria')),
      requests: listOf(cell('Request IDs')),
      covers: cell('Covers') || null,
      population: null,
    }));
}

function populationsOf(evidence: readonly PackageEvidence[]): PackagePopulation[] {
  return evidence
    .filter((e) => e.kind === 'population')
    .map((e) => {
      const path = e.file!.path; // a population is always a file
      const named = POPULATION_NAME.exec(baseName(path));
      const covers = /^(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/.exec(e.covers ?? '');
      // The file name carries the population's own window; the index's "Covers" is the
      // evidence item's, which may be wider.
      const window = named
        ? { start: named[2]!, end: named[3]! }
        : covers
          ? { start: covers[1]!, end: covers[2]! }
          : null;
      return {
        id: e.id,
        title: e.title,
        path,
        rows: null,
        dateColumn: null,
        window,
        support: evidence
          .filter((s) => s.kind === 'population-support' && s.population === e.id)
          .map((s) => s.id),
      };
    });
}

/** A date as the auditor's list wrote it, as YYYY-MM-DD when it reads as one. */
function dayOf(text: string): string | null {
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return parseDateText(text, 'mdy').date ?? text;
}

function requestsOf(
  manifestRefs: ReadonlySet<string>,
  evidence: readonly PackageEvidence[],
  index: IndexTable | null,
): PackageContents['requests'] {
  const out = new Map<string, PackageContents['requests'][number]>();
  const evidenceFor = (ref: string) => evidence.filter((e) => e.requests.includes(ref));
  if (index) {
    // The auditor's own columns come first, up to our "Internal status"; which is which is
    // guessed as the request import guesses it, the reference column being the one holding the
    // references the manifest names.
    const end = index.headers.indexOf('Internal status');
    const theirs = index.headers.slice(0, end < 0 ? index.headers.length : end);
    const guess = guessColumns(theirs);
    const hits = theirs.map(
      (_, i) => index.rows.filter((r) => manifestRefs.has(r[i]?.trim() ?? '')).length,
    );
    const best = hits.indexOf(Math.max(0, ...hits));
    const refCol = hits[best]! > 0 ? best : guess.ref;
    const at = (r: string[], i: number | undefined) => (i === undefined ? '' : (r[i] ?? '').trim());
    for (const r of index.rows) {
      const ref = at(r, refCol);
      if (!ref || out.has(ref)) continue;
      const description = at(r, guess.description);
      const mine = evidenceFor(ref);
      const firstLine = description.split(/\r?\n/)[0]!.trim();
      out.set(ref, {
        ref,
        title: firstLine.length > 120 ? `${firstLine.slice(0, 119)}…` : firstLine || ref,
        description,
        type: at(r, guess.type) || null,
        dueOn: dayOf(at(r, guess.dueOn)),
        controls: union(
          listOf(at(r, guess.controls).replace(/;/g, ',')),
          ...mine.map((e) => e.controls),
        ),
        criteria: union(
          listOf(at(r, guess.criteria).replace(/;/g, ',')),
          ...mine.map((e) => e.criteria),
        ),
        evidence: union(
          listOf(cellOf(index, r, 'Evidence IDs')),
          mine.map((e) => e.id),
        ),
      });
    }
  }
  for (const ref of [...manifestRefs].sort(byNatural)) {
    if (out.has(ref)) continue;
    const mine = evidenceFor(ref);
    out.set(ref, {
      ref,
      title: ref,
      description: '',
      type: null,
      dueOn: null,
      controls: union(...mine.map((e) => e.controls)),
      criteria: union(...mine.map((e) => e.criteria)),
      evidence: mine.map((e) => e.id),
    });
  }
  return [...out.values()];
}

function controlsOf(
  evidence: readonly PackageEvidence[],
  index: IndexTable | null,
): PackageContents['controls'] {
  const out = new Map<string, PackageContents['controls'][number]>();
  const evidenceFor = (ref: string) => evidence.filter((e) => e.controls.includes(ref));
  for (const r of index?.rows ?? []) {
    const cell = (h: string) => cellOf(index!, r, h);
    const ref = cell('Ref');
    if (!ref || out.has(ref)) continue;
    // The matrix writes "<title>. <description>": the library's title when it starts so, else
    // the text up to the first full stop.
    const text = cell('Description');
    const library = findControl(ref)?.title;
    const title =
      library && text.startsWith(library) ? library : (text.split(/\.\s/)[0] ?? text).trim() || ref;
    out.set(ref, {
      ref,
      title,
      owner: cell('Owner') || null,
      frequency: cell('Frequency') || null,
      criteria: listOf(cell('Criteria')),
      evidence: union(
        listOf(cell('Evidence IDs')),
        evidenceFor(ref).map((e) => e.id),
      ),
    });
  }
  const named = [...new Set(evidence.flatMap((e) => e.controls))].sort(byNatural);
  for (const ref of named) {
    if (out.has(ref)) continue;
    const mine = evidenceFor(ref);
    out.set(ref, {
      ref,
      title: findControl(ref)?.title ?? ref,
      owner: null,
      frequency: null,
      criteria: union(...mine.map((e) => e.criteria)),
      evidence: mine.map((e) => e.id),
    });
  }
  return [...out.values()];
}

export function buildContents(manifest: Manifest, indexes: PackageIndexes): PackageContents {
  const evidence = evidenceOf(manifest.files, indexes.evidence);
  const manifestRefs = new Set(manifest.files.flatMap((f) => f.requests));
  const controls = controlsOf(evidence, indexes.controls);
  const inScope = criteriaForCategories(manifest.engagement.categories as Category[]).map(
    (c) => c.id,
  );
  const named = [...controls.flatMap((c) => c.criteria), ...evidence.flatMap((e) => e.criteria)];
  const criterionIds = union(inScope, named.filter((id) => !inScope.includes(id)).sort(byNatural));
  return {
    requests: requestsOf(manifestRefs, evidence, indexes.requests),
    criteria: criterionIds.map((id) => ({
      id,
      title: findCriterion(id)?.title ?? id,
      controls: controls.filter((c) => c.criteria.includes(id)).map((c) => c.ref),
      evidence: evidence.filter((e) => e.criteria.includes(id)).map((e) => e.id),
    })),
    controls,
    evidence,
    populations: populationsOf(evidence),
    documents: manifest.files
      .filter((f) => f.evidenceId === undefined && f.kind !== 'public-key')
      .map((f) => ({ path: f.path, title: titleFromPath(f.path), kind: f.kind })),
  };
}
