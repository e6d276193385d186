import type { OpenedSubset } from "./faces";
import { type ShapedPiece, shapePiece } from "./hb-shaper";
import { HANG, HANI, KANA, ownScript, scriptTag } from "./script";
import { chromiumAdvance } from "./units";

// Shaping a run piece by piece from caches: what HarfBuzz gave for a piece of text is kept per font
// subset and setting (features, script, language), in font units, so any size shares it.

/** Ideographs, kana and hangul: scripts whose characters are shaped alone. */
export const isAloneScript = (script: number) => script === HANI || script === KANA || script === HANG;

/**
 * A run shaped piece by piece, each piece's result cached per subset, features, script and language
 * in font units (so any size shares it). Pieces are cut where shaping cannot reach across: at spaces,
 * and in CJK runs around each ideograph, kana, hangul syllable or full-width mark (no GSUB or GPOS
 * lookup of the fonts joins them to a neighbour with ligatures off — tests/unit/composer-shape.test.ts
 * compares the pieces with whole-run shaping on the corpus). A single character is a lookup by code
 * point; a word a lookup by its text.
 */
export function shapeRun(
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

export function copyPiece(piece: ShapedPiece, scale: number, at: number, advances: Float64Array, clusters: Uint8Array) {
  for (let k = 0; k < piece.advances.length; k++) {
    advances[at + k] = chromiumAdvance(piece.advances[k] as number, scale);
    clusters[at + k] = piece.clusters[k] as number;
  }
}

export interface ShapeTable {
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
export function settingOf(features: Record<string, number>, lang: string): number {
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
export function tableFor(subset: OpenedSubset, key: number): ShapeTable {
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
export function joinsBefore(cp: number): boolean {
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
export function standsAlone(cp: number): boolean {
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
