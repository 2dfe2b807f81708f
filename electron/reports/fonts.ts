import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmapCoverage } from './font-cmap';

/**
 * The fonts every PDF embeds: DejaVu Sans, regular and bold, shipped in `resources/fonts/` with
 * their licence (DejaVu-LICENSE.txt). Unlike the standard PDF fonts (Windows-1252 only) they cover
 * Latin with all its accents, Greek, Cyrillic, typographic punctuation, arrows, maths and check
 * marks; pdfkit embeds the subset of glyphs a document uses. They are binary, so they are read
 * from disk rather than bundled like the catalog JSON.
 */
export const PDF_FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export interface PdfFonts {
  regular: string;
  bold: string;
  /** Code points both faces have a glyph for. */
  covered: ReadonlySet<number>;
}

/**
 * Where `resources/fonts` may be, in order:
 * - the packaged app: electron-builder's extraResources puts `resources/` beside app.asar, in
 *   `process.resourcesPath` (which, in a development Electron, is Electron's own folder, without
 *   our fonts, so the next candidate is used);
 * - everything run from the repository: two folders up from this module, which is the repository
 *   root both for the sources (electron/reports/fonts.ts: vitest, tsx, the `attest` command) and
 *   for the bundle (dist/electron/main.js: `npm start`).
 */
export function fontDirCandidates(where: {
  resourcesPath?: string | undefined;
  moduleUrl: string;
}): string[] {
  const dirs: string[] = [];
  if (where.resourcesPath) dirs.push(join(where.resourcesPath, 'resources', 'fonts'));
  dirs.push(join(fileURLToPath(new URL('../..', where.moduleUrl)), 'resources', 'fonts'));
  return dirs;
}

/** The first candidate that holds every face; a clear error if none does (a broken install). */
export function findFontDir(candidates: readonly string[]): string {
  const found = candidates.find((dir) =>
    Object.values(PDF_FONT_FILES).every((file) => existsSync(join(dir, file))),
  );
  if (found === undefined) {
    throw new Error(
      `The PDF fonts (${Object.values(PDF_FONT_FILES).join(', ')}) are missing; looked in: ` +
        `${candidates.join(', ')}. The installation is incomplete.`,
    );
  }
  return found;
}

let cached: PdfFonts | undefined;

/** The font files and what they cover, found once per process. */
export function pdfFonts(): PdfFonts {
  if (cached) return cached;
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const dir = findFontDir(fontDirCandidates({ resourcesPath, moduleUrl: import.meta.url }));
  const regular = join(dir, PDF_FONT_FILES.regular);
  const bold = join(dir, PDF_FONT_FILES.bold);
  const inBold = cmapCoverage(readFileSync(bold));
  const covered = new Set([...cmapCoverage(readFileSync(regular))].filter((c) => inBold.has(c)));
  cached = { regular, bold, covered };
  return cached;
}
