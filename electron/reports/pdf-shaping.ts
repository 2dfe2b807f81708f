/**
 * A quick path for pdfkit's word layout. pdfkit lays each distinct word out through fontkit's
 * full OpenType shaper (script detection, a shaping plan, every GSUB and GPOS lookup of the
 * script): 0.3–1 ms a word in a fresh process, about a third of the readiness report's time.
 * For DejaVu Sans and plain Latin text that shaper does two things only: the `liga` ligatures
 * (fi, fl) and `kern` pair kerning; its ccmp, mark and mkmk lookups need a combining mark to act.
 * So a word made only of the characters below — none a mark, none invisible — is laid out here
 * from the same tables, with the same lookups in the same order, giving the same glyphs and
 * positions (checked word for word against fontkit in pdf-shaping.test.ts, so the PDF's bytes do
 * not change). Any other word (another script, a combining mark, a zero-width space, …) still
 * goes through fontkit.
 */

/** Code points laid out here: printable ASCII, Latin-1 and Latin Extended-A, typographic
 * punctuation (dashes, quotes, bullet, ellipsis, per mille, primes). Not U+00AD (soft hyphen,
 * invisible), nor the zero-width and direction marks from U+200B. */
function quick(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0x17f && cp !== 0xad) ||
    (cp >= 0x2010 && cp <= 0x2027) ||
    (cp >= 0x2030 && cp <= 0x203a)
  );
}

/** Latin letters decide the script as fontkit detects it (`latn`); without one it is `DFLT`. */
function isLatinLetter(cp: number): boolean {
  return (
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    cp === 0xaa ||
    cp === 0xba ||
    (cp >= 0xc0 && cp <= 0x17f && cp !== 0xd7 && cp !== 0xf7)
  );
}

// The slices of fontkit's parsed tables read here (fontkit has no types of its own).
type Coverage =
  | { version: 1; glyphs: number[] }
  | { version: 2; rangeRecords: { start: number; end: number; startCoverageIndex: number }[] };
type ClassDef =
  | { version: 1; startGlyph: number; classValueArray: number[] }
  | { version: 2; classRangeRecord: { start: number; end: number; class: number }[] };
interface Value {
  xAdvance?: number;
  yAdvance?: number;
  xPlacement?: number;
  yPlacement?: number;
}
interface Lazy<T> {
  get(i: number): T;
}
type PairPos =
  | {
      version: 1;
      coverage: Coverage;
      pairSets: Lazy<{ secondGlyph: number; value1?: Value; value2?: Value }[]>;
    }
  | {
      version: 2;
      coverage: Coverage;
      classDef1: ClassDef;
      classDef2: ClassDef;
      classRecords: Lazy<Lazy<{ value1?: Value; value2?: Value }>>;
    };
interface LigatureSubst {
  coverage: Coverage;
  ligatureSets: Lazy<{ glyph: number; components: number[] }[]>;
}
interface Lookup<T> {
  lookupType: number;
  subTables: T[];
}
interface LayoutTable<T> {
  scriptList: {
    tag: string;
    script: { defaultLangSys: { featureIndexes: number[] } };
  }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: Lazy<Lookup<T>>;
}
export interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
export interface FontkitFont {
  layout(text: string, features?: unknown): unknown;
  stream?: { buffer?: Uint8Array };
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
  _tables?: Record<string, unknown>;
  glyphForCodePoint(cp: number): Glyph;
  getGlyph(id: number, codePoints?: number[]): Glyph;
  GSUB?: LayoutTable<LigatureSubst>;
  GPOS?: LayoutTable<PairPos>;
  GDEF?: { glyphClassDef?: ClassDef };
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** What pdfkit reads of a laid-out run; `advanceWidth` is summed when read, as fontkit's is. */
class Run {
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: Position[],
  ) {}
  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

/** Coverage and class tables are searched linearly; each answer is kept per table and glyph. */
const answers = new WeakMap<object, Map<number, number>>();

function remembered(table: object, glyph: number, find: () => number): number {
  let known = answers.get(table);
  if (!known) answers.set(table, (known = new Map()));
  let answer = known.get(glyph);
  if (answer === undefined) known.set(glyph, (answer = find()));
  return answer;
}

function coverageIndex(coverage: Coverage, glyph: number): number {
  return remembered(coverage, glyph, () => findCoverage(coverage, glyph));
}

function classOf(classDef: ClassDef, glyph: number): number {
  return remembered(classDef, glyph, () => findClass(classDef, glyph));
}

function findCoverage(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) return coverage.glyphs.indexOf(glyph);
  for (const r of coverage.rangeRecords)
    if (r.start <= glyph && glyph <= r.end) return r.startCoverageIndex + glyph - r.start;
  return -1;
}

function findClass(classDef: ClassDef, glyph: number): number {
  if (classDef.version === 1) {
    const i = glyph - classDef.startGlyph;
    return i >= 0 && i < classDef.classValueArray.length ? classDef.classValueArray[i]! : 0;
  }
  for (const r of classDef.classRangeRecord) if (r.start <= glyph && glyph <= r.end) return r.class;
  return 0;
}

/** The lookups of `feature` for a script's default language, in lookup order (as fontkit). */
function lookupsOf<T>(table: LayoutTable<T> | undefined, script: string, feature: string) {
  const entry = table?.scriptList.find((s) => s.tag === script);
  if (!table || !entry) return null;
  const indexes = entry.script.defaultLangSys.featureIndexes
    .map((i) => table.featureList[i]!)
    .filter((f) => f.tag === feature)
    .flatMap((f) => f.feature.lookupListIndexes);
  return [...new Set(indexes)].sort((a, b) => a - b).map((i) => table.lookupList.get(i));
}

function add(p: Position | undefined, v: Value | undefined): void {
  if (!p || !v) return;
  if (v.xAdvance != null) p.xAdvance += v.xAdvance;
  if (v.yAdvance != null) p.yAdvance += v.yAdvance;
  if (v.xPlacement != null) p.xOffset += v.xPlacement;
  if (v.yPlacement != null) p.yOffset += v.yPlacement;
}

interface Plan {
  liga: Lookup<LigatureSubst>[];
  kern: Lookup<PairPos>[];
}

/**
 * The quick layout for `font`, or null when its tables are not the shape this path knows (then
 * every word goes through fontkit, as before).
 */
export function quickLayout(font: FontkitFont): ((text: string) => Run | null) | null {
  const plans = new Map<string, Plan | null>();
  const planFor = (script: string): Plan | null => {
    if (plans.has(script)) return plans.get(script)!;
    const liga = lookupsOf(font.GSUB, script, 'liga') ?? [];
    const kern = lookupsOf(font.GPOS, script, 'kern');
    const ok =
      kern !== null &&
      liga.every((l) => l.lookupType === 4) &&
      kern.every((l) => l.lookupType === 2);
    const plan = ok ? { liga, kern } : null;
    plans.set(script, plan);
    return plan;
  };
  const marks = font.GDEF?.glyphClassDef;
  return (text) => {
    let latin = false;
    for (let i = 0; i < text.length; i++) {
      const cp = text.charCodeAt(i);
      if (!quick(cp)) return null;
      if (isLatinLetter(cp)) latin = true;
    }
    // fontkit falls back to DFLT for text in no script (digits, punctuation).
    const plan = planFor(latin ? 'latn' : 'DFLT');
    if (!plan) return null;
    let glyphs: Glyph[] = [];
    for (let i = 0; i < text.length; i++) glyphs.push(font.glyphForCodePoint(text.charCodeAt(i)));
    // A glyph the font classes as a mark is positioned by rules this path does not apply.
    if (marks && glyphs.some((g) => classOf(marks, g.id) === 3)) return null;
    for (const lookup of plan.liga) glyphs = ligate(font, lookup, glyphs);
    const positions = glyphs.map((g) => ({
      xAdvance: g.advanceWidth,
      yAdvance: 0,
      xOffset: 0,
      yOffset: 0,
    }));
    for (const lookup of plan.kern) kern(lookup, glyphs, positions);
    return new Run(glyphs, positions);
  };
}

/** GSUB type 4 over the run: at each glyph, the first ligature whose components follow it. */
function ligate(font: FontkitFont, lookup: Lookup<LigatureSubst>, glyphs: Glyph[]): Glyph[] {
  const out: Glyph[] = [];
  for (let i = 0; i < glyphs.length; i++) {
    const cur = glyphs[i]!;
    let done = false;
    for (const table of lookup.subTables) {
      const index = coverageIndex(table.coverage, cur.id);
      if (index === -1) continue;
      for (const lig of table.ligatureSets.get(index)) {
        const n = lig.components.length;
        if (!lig.components.every((c, k) => glyphs[i + 1 + k]?.id === c)) continue;
        const codePoints = glyphs.slice(i, i + 1 + n).flatMap((g) => g.codePoints);
        out.push(font.getGlyph(lig.glyph, codePoints));
        i += n;
        done = true;
        break;
      }
      if (done) break;
    }
    if (!done) out.push(cur);
  }
  return out;
}

/** GPOS type 2 over the run: each glyph with the next, the first subtable that covers it. */
function kern(lookup: Lookup<PairPos>, glyphs: Glyph[], positions: Position[]): void {
  for (let i = 0; i + 1 < glyphs.length; i++) {
    const cur = glyphs[i]!.id;
    const next = glyphs[i + 1]!.id;
    for (const table of lookup.subTables) {
      const index = coverageIndex(table.coverage, cur);
      if (index === -1) continue;
      if (table.version === 1) {
        const pair = table.pairSets.get(index).find((p) => p.secondGlyph === next);
        if (!pair) continue;
        add(positions[i], pair.value1);
        add(positions[i + 1], pair.value2);
        break;
      }
      const pair = table.classRecords
        .get(classOf(table.classDef1, cur))
        .get(classOf(table.classDef2, next));
      add(positions[i], pair.value1);
      add(positions[i + 1], pair.value2);
      break;
    }
  }
}

/**
 * Makes `font` (the fontkit font pdfkit opened for one document) lay words out on the quick path
 * where it applies, and through its own shaper otherwise.
 */
export function useQuickLayout(font: FontkitFont): void {
  const quickly = quickLayout(font);
  if (!quickly) return;
  const shape = font.layout.bind(font);
  font.layout = (text, features) =>
    (features === undefined ? quickly(text) : null) ?? shape(text, features);
}

/**
 * pdfkit reads two numbers of the font's `post` table when it embeds the font (fixed pitch,
 * italic angle); fontkit decodes the whole table for them, names of all 6 000 glyphs included,
 * about 0.1 s a face. Its fixed header (OpenType `post`, 32 bytes) is read here instead and kept
 * where fontkit keeps decoded tables, with the values and field names fontkit would give.
 */
export function useLightPostTable(font: FontkitFont): void {
  const entry = font.directory?.tables?.post;
  const bytes = font.stream?.buffer;
  if (!entry || !bytes || !font._tables || 'post' in font._tables || entry.length < 32) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset + entry.offset, 32);
  const fixed = (at: number) => view.getInt32(at) / 65536;
  font._tables.post = {
    version: fixed(0),
    italicAngle: fixed(4),
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
}
