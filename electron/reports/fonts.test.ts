import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/spawn';
import { tempDir } from '../testing/tmp';
import { cmapCoverage } from './font-cmap';
import { PDF_FONT_FILES, findFontDir, fontDirCandidates, pdfFonts } from './fonts';

const SHIPPED = join(REPO_ROOT, 'resources', 'fonts');

describe('PDF fonts', () => {
  it('ship in resources/fonts with their licence', () => {
    for (const file of Object.values(PDF_FONT_FILES))
      expect(existsSync(join(SHIPPED, file))).toBe(true);
    const licence = readFileSync(join(SHIPPED, 'DejaVu-LICENSE.txt'), 'utf8');
    expect(licence).toContain('Bitstream Vera Fonts Copyright');
    expect(licence).toContain('Arev Fonts Copyright');
  });

  it('are found from the sources and from the bundle, both two folders below the root', () => {
    for (const module of ['electron/reports/fonts.ts', 'dist/electron/main.js']) {
      const moduleUrl = pathToFileURL(join(REPO_ROOT, module)).href;
      expect(fontDirCandidates({ moduleUrl })).toEqual([SHIPPED]);
    }
    expect(pdfFonts().regular).toBe(join(SHIPPED, PDF_FONT_FILES.regular));
  });

  it('are taken from resources/ beside app.asar in the packaged app', () => {
    const resourcesPath = join(tempDir(), 'Attest', 'resources');
    const moduleUrl = pathToFileURL(join(resourcesPath, 'app.asar', 'dist', 'electron', 'main.js'));
    const candidates = fontDirCandidates({ resourcesPath, moduleUrl: moduleUrl.href });
    const packaged = join(resourcesPath, 'resources', 'fonts');
    expect(candidates[0]).toBe(packaged);
    expect(() => findFontDir(candidates)).toThrow(/PDF fonts .* are missing; looked in: /);
    mkdirSync(packaged, { recursive: true });
    for (const file of Object.values(PDF_FONT_FILES)) {
      copyFileSync(join(SHIPPED, file), join(packaged, file));
    }
    expect(findFontDir(candidates)).toBe(packaged);
  });

  it('in a development Electron, whose resourcesPath has no fonts, come from the repository', () => {
    const moduleUrl = pathToFileURL(join(REPO_ROOT, 'dist', 'electron', 'main.js')).href;
    const resourcesPath = join(REPO_ROOT, 'node_modules', 'electron', 'dist', 'resources');
    expect(findFontDir(fontDirCandidates({ resourcesPath, moduleUrl }))).toBe(SHIPPED);
  });

  it('report their coverage from the character map', () => {
    const regular = cmapCoverage(readFileSync(join(SHIPPED, PDF_FONT_FILES.regular)));
    for (const ch of 'AzëŁØ–“≥✓Пδ€\u{fffd}') expect(regular.has(ch.codePointAt(0)!)).toBe(true);
    for (const ch of '東서ก') expect(regular.has(ch.codePointAt(0)!)).toBe(false);
    // The bold face covers a little less; only what both have counts.
    expect(pdfFonts().covered.size).toBeGreaterThan(5000);
    expect(pdfFonts().covered.size).toBeLessThanOrEqual(regular.size);
  });
});
