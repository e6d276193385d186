import type { FaceFiles, OpenedSubset } from "./faces";
import { type ShapedPiece, shapePiece } from "./hb-shaper";
import { HANG, HANI, KANA, ownScript, scriptRuns, scriptTag } from "./script";
import type { Problem } from "./types";

// Advances of a paragraph's characters, shaped by HarfBuzz as Chromium shapes them: run by run of one
// font subset, in the context of the whole text, with the features the CSS asks for. Chromium's
// FreeType sizes a face in whole 1/64 px (26.6 fixed point, truncated): a 10 pt body (13.333 px) is set
// at 13.328125 px, so a CJK character is 13.328 px wide, not 13.333 — measured in Chromium 156.

/** A font as the CSS sets it: the family stack, the size, the OpenType features. */
export interface ShapeFont {
  stack: FaceFiles[];
  sizePx: number;
  /** Features on (1) or off (0), e.g. { kern: 0 } for font-kerning: none. */
  features: Record<string, number>;
}

/** The size FreeType sets the face at: CSS px truncated to 1/64 px. */
export function renderedSize(sizePx: number): number {
  return Math.floor(sizePx * 64 + 1e-6) / 64;
}

/**
 * FreeType's scale of a face at a CSS size, 16.16 (FT_DivFix of the 26.6 size by the em). Chromium
 * takes each glyph's advance from FreeType's linear advance at this scale, a whole 1/65536 px:
 * a 1000-unit ideograph at 12 px is 12 + 6/65536 px, at 24 px 24 - 5/65536 (measured in Chromium
 * 156: it decides where a fragment's width rounds up to the next 1/64 px).
 */
export function freeTypeScale(sizePx: number, upem: number): number {
  return Math.round((Math.floor(sizePx * 64 + 1e-6) * 65536) / upem);
}

/** A glyph advance in font units as Chromium sets it, px (FT_MulDiv(units, scale, 64) / 65536). */
export function chromiumAdvance(units: number, scale: number): number {
  const x = (units * scale) / 64;
  return (x < 0 ? -Math.round(-x) : Math.round(x)) / 65536;
}

export interface Shaped {
  /** Advance of each UTF-16 code unit, px (a cluster's advance on its first unit, 0 on the others). */
  advances: Float64Array;
  /** 1 where a glyph cluster starts (letter-spacing is added once per cluster: a ligature is one). */
  clusters: Uint8Array;
  problems: Problem[];
}

/**
 * Shapes `text`, where code unit i is set in fonts[style[i]]. Characters no font of the stack has get
 * a problem and no advance (Chromium would take a system font: unknown). `whole`: each run shaped in
 * one HarfBuzz call in the text's context, as Chromium does, bypassing the piece caches (to check them).
 */
export function shapeText(
  text: string,
  style: Uint8Array,
  fonts: readonly ShapeFont[],
  lang: string,
  whole = false,
): Shaped {
  const n = text.length;
  const advances = new Float64Array(n);
  const clusters = new Uint8Array(n);
  const problems: Problem[] = [];
  const subsetAt: (OpenedSubset | undefined)[] = new Array(n);
  // An ideograph, kana or hangul syllable is shaped alone (see shapeRun): its advance at this font
  // and size is looked up, no subset or run needed. 1: found there; 2: to be stored once shaped.
  const alone = whole ? undefined : new Uint8Array(n);
  const known = whole ? undefined : fonts.map((f) => aloneAdvances(f, lang));
  let firstFound: OpenedSubset | undefined;
  for (let i = 0; i < n; i++) {
    const cp = text.codePointAt(i) as number;
    if (invisible(cp)) continue;
    const st = style[i] as number;
    const wide = cp > 0xffff ? 2 : 1;
    if (alone && known && isAloneScript(ownScript(cp)) && standsAlone(cp)) {
      const next = i + wide < n ? (text.codePointAt(i + wide) as number) : 0;
      if (!joinsBefore(next)) {
        const px = (known[st] as Map<number, number>).get(cp);
        if (px !== undefined) {
          advances[i] = px;
          clusters[i] = 1;
          alone[i] = 1;
          if (wide === 2) alone[++i] = 1;
          continue;
        }
        alone[i] = 2;
      }
    }
    const font = fonts[st] as ShapeFont;
    const subset = pick(font.stack, cp);
    subsetAt[i] = subset;
    firstFound ??= subset;
    if (!subset) {
      problems.push({
        kind: "missing-glyph",
        char: String.fromCodePoint(cp),
        codePoint: cp,
        at: i,
        fonts: font.stack.map((f) => f.family),
      });
    }
    if (wide === 2) subsetAt[++i] = subset;
  }
  // Invisible characters (joiners, spaces of no width) go with the run around them.
  for (let i = 0; i < n; i++) if (alone?.[i] !== 1) subsetAt[i] ??= subsetAt[i - 1] ?? firstFound;
  const scripts = scriptRuns(text);
  let start = 0;
  while (start < n) {
    if (alone?.[start] === 1) {
      start++;
      continue;
    }
    const subset = subsetAt[start];
    const st = style[start] as number;
    const script = scripts[start] as number;
    let end = start + 1;
    while (end < n && alone?.[end] !== 1 && subsetAt[end] === subset && style[end] === st && scripts[end] === script)
      end++;
    if (subset) {
      const font = fonts[st] as ShapeFont;
      const scale = freeTypeScale(font.sizePx, subset.upem);
      if (whole) {
        const shaped = shapePiece(subset.font, text, scriptTag(script), lang, font.features, start, end);
        copyPiece(shaped, scale, start, advances, clusters);
      } else {
        const table = tableFor(subset, settingOf(font.features, lang) + script);
        shapeRun(text, start, end, subset, table, font.features, script, lang, scale, advances, clusters);
      }
    }
    start = end;
  }
  if (alone && known) {
    for (let i = 0; i < n; i++) {
      if (alone[i] === 2 && subsetAt[i])
        (known[style[i] as number] as Map<number, number>).set(text.codePointAt(i) as number, advances[i] as number);
    }
  }
  return { advances, clusters, problems };
}

const isAloneScript = (script: number) => script === HANI || script === KANA || script === HANG;

/** Advances (px) of characters shaped alone, per font (its stack, size, features) and language. */
const aloneByFont = new WeakMap<ShapeFont, Map<string, Map<number, number>>>();

function aloneAdvances(font: ShapeFont, lang: string): Map<number, number> {
  let byLang = aloneByFont.get(font);
  if (!byLang) {
    byLang = new Map();
    aloneByFont.set(font, byLang);
  }
  let found = byLang.get(lang);
  if (!found) {
    found = new Map();
    byLang.set(lang, found);
  }
  return found;
}

/**
 * A run shaped piece by piece, each piece's result cached per subset, features, script and language
 * in font units (so any size shares it). Pieces are cut where shaping cannot reach across: at spaces,
 * and in CJK runs around each ideograph, kana, hangul syllable or full-width mark (no GSUB or GPOS
 * lookup of the fonts joins them to a neighbour with ligatures off — tests/unit/composer-shape.test.ts
 * compares the pieces with whole-run shaping on the corpus). A single character is a lookup by code
 * point; a word a lookup by its text.
 */
function shapeRun(
  text: string,
  start: number,
  end: number,
  subset: OpenedSubset,
  table: ShapeTable,
  features: Record<string, number>,
  script: number,
  lang: string,
  scale: number,
  advances: Float64Array,
  clusters: Uint8Array,
) {
  const cjk = isAloneScript(script);
  let i = start;
  while (i < end) {
    let j = i + unitsAt(text, i);
    while (j < end && !cutBefore(text, j, cjk)) j += unitsAt(text, j);
    if (j - i === unitsAt(text, i)) {
      const cp = text.codePointAt(i) as number;
      let units = table.chars.get(cp);
      if (units === undefined) {
        // An ideograph, kana or hangul syllable alone: its advance is its glyph's (hmtx), no
        // shaping needed (the shape test holds this against whole-run shaping).
        units =
          cjk && isAloneScript(ownScript(cp))
            ? subset.font.glyphHAdvance(subset.font.glyph(cp) ?? 0)
            : (shapePiece(subset.font, text.slice(i, j), scriptTag(script), lang, features).advances[0] as number);
        table.chars.set(cp, units);
      }
      advances[i] = chromiumAdvance(units, scale);
      clusters[i] = 1;
    } else {
      const key = text.slice(i, j);
      let piece = table.pieces.get(key);
      if (!piece) {
        piece = shapePiece(subset.font, key, scriptTag(script), lang, features);
        table.pieces.set(key, piece);
      }
      copyPiece(piece, scale, i, advances, clusters);
    }
    i = j;
  }
}

function copyPiece(piece: ShapedPiece, scale: number, at: number, advances: Float64Array, clusters: Uint8Array) {
  for (let k = 0; k < piece.advances.length; k++) {
    advances[at + k] = chromiumAdvance(piece.advances[k] as number, scale);
    clusters[at + k] = piece.clusters[k] as number;
  }
}

interface ShapeTable {
  /** Advance of a character shaped alone, font units. */
  chars: Map<number, number>;
  pieces: Map<string, ShapedPiece>;
}

// A table per subset and setting; a setting (features, script, language) is a small number, so the
// look-up per run (in CJK text nearly per character: the subsets split the ideographs) is cheap.
const tables = new WeakMap<OpenedSubset, Map<number, ShapeTable>>();
const settingIds = new Map<string, number>();
const featureKeys = new WeakMap<Record<string, number>, string>();

/** The number of a (features, language) pair; the script is added below it. */
function settingOf(features: Record<string, number>, lang: string): number {
  let f = featureKeys.get(features);
  if (f === undefined) {
    f = JSON.stringify(features);
    featureKeys.set(features, f);
  }
  const key = `${f}|${lang}`;
  let id = settingIds.get(key);
  if (id === undefined) {
    id = settingIds.size;
    settingIds.set(key, id);
  }
  return id * 16;
}

/** The piece table of a subset for a setting (settingOf + script). */
function tableFor(subset: OpenedSubset, key: number): ShapeTable {
  let bySetting = tables.get(subset);
  if (!bySetting) {
    bySetting = new Map();
    tables.set(subset, bySetting);
  }
  let table = bySetting.get(key);
  if (!table) {
    table = { chars: new Map(), pieces: new Map() };
    bySetting.set(key, table);
  }
  return table;
}

const unitsAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
};

const isSpace = (c: number) => c === 0x20 || c === 0xa0 || c === 0x3000;

/** Whether shaping may start afresh at code unit j. */
function cutBefore(text: string, j: number, cjk: boolean): boolean {
  const next = text.codePointAt(j) as number;
  if (joinsBefore(next)) return false;
  const low = text.charCodeAt(j - 1);
  const prev = low >= 0xdc00 && low <= 0xdfff && j >= 2 ? (text.codePointAt(j - 2) as number) : low;
  if (isSpace(prev) || isSpace(next)) return true;
  return cjk && (standsAlone(prev) || standsAlone(next));
}

/** Marks and selectors that shape with the character before them. */
function joinsBefore(cp: number): boolean {
  return (
    (cp >= 0x300 && cp <= 0x36f) ||
    cp === 0x200d ||
    (cp >= 0x3099 && cp <= 0x309a) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x20d0 && cp <= 0x20ff)
  );
}

/** CJK characters a font shapes on their own: ideographs, kana, hangul syllables, full-width marks. */
function standsAlone(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0x3001 && cp <= 0x3003) ||
    (cp >= 0x3008 && cp <= 0x3011) ||
    (cp >= 0x3014 && cp <= 0x301b) ||
    (cp >= 0xff01 && cp <= 0xff5e) ||
    (cp >= 0x2018 && cp <= 0x201d)
  );
}

function pick(stack: readonly FaceFiles[], cp: number): OpenedSubset | undefined {
  for (const face of stack) {
    const s = face.subsetFor(cp);
    if (s) return s;
  }
  return undefined;
}

// Format characters (U+2060, U+00AD, ZWSP) and controls draw nothing and need no font.
function invisible(cp: number): boolean {
  return cp < 0x20 || cp === 0xad || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff;
}

/** Where the ink of a character lies in its advance, as shares of the em: for punctuation classes. */
export function inkOf(font: ShapeFont, cp: number): { advance: number; left: number; right: number } | undefined {
  const subset = pick(font.stack, cp);
  if (!subset) return undefined;
  const outlined = subset.withOutlines();
  const gid = outlined.glyph(cp);
  if (!gid) return undefined;
  const e = outlined.glyphExtents(gid);
  const advance = outlined.glyphHAdvance(gid) / subset.upem;
  if (!e) return { advance, left: 0, right: 0 };
  return { advance, left: e.xBearing / subset.upem, right: (e.xBearing + e.width) / subset.upem };
}
