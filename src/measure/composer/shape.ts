import type { FaceFiles, OpenedSubset } from "./faces";
import { shapePiece } from "./hb-shaper";
import { copyPiece, isAloneScript, joinsBefore, settingOf, shapeRun, standsAlone, tableFor } from "./pieces";
import { Scratch } from "./scratch";
import { ownScript, scriptRuns, scriptTag } from "./script";
import type { Problem } from "./types";
import { freeTypeScale } from "./units";

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
 * `into`: the scratch the paragraph's advances are kept in (else new arrays).
 */
export function shapeText(
  text: string,
  style: Uint8Array,
  fonts: readonly ShapeFont[],
  lang: string,
  whole = false,
  into?: { advances: Scratch<Float64Array>; clusters: Scratch<Uint8Array> },
): Shaped {
  const n = text.length;
  const advances = into ? into.advances.take(n) : new Float64Array(n);
  const clusters = into ? into.clusters.take(n) : new Uint8Array(n);
  const problems: Problem[] = [];
  // Scratch arrays of the process (composing is synchronous), only [0, n) used.
  if (subsetScratch.length < n) {
    subsetScratch = new Array(n * 2);
    aloneScratch = new Uint8Array(n * 2);
  }
  const subsetAt = subsetScratch;
  subsetAt.fill(undefined, 0, n);
  // An ideograph, kana or hangul syllable is shaped alone (see shapeRun): its advance at this font
  // and size is looked up, no subset or run needed. 1: found there; 2: to be stored once shaped.
  const alone = whole ? undefined : aloneScratch.fill(0, 0, n);
  const known = whole ? undefined : fonts.map((f) => aloneAdvances(f, lang));
  let firstFound: OpenedSubset | undefined;
  for (let i = 0; i < n; i++) {
    const cp = text.codePointAt(i) as number;
    if (invisible(cp)) continue;
    const st = style[i] as number;
    const wide = cp > 0xffff ? 2 : 1;
    if (alone && known && cp < 0x10000 && isAloneScript(ownScript(cp)) && standsAlone(cp)) {
      const next = i + 1 < n ? (text.codePointAt(i + 1) as number) : 0;
      if (next < 0x300 || !joinsBefore(next)) {
        const px = (known[st] as Float64Array)[cp] as number;
        if (px >= 0) {
          advances[i] = px;
          clusters[i] = 1;
          alone[i] = 1;
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
  const scripts = scriptRuns(text, scriptScratch.take(n));
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
        (known[style[i] as number] as Float64Array)[text.charCodeAt(i)] = advances[i] as number;
    }
  }
  return { advances, clusters, problems };
}

let subsetScratch: (OpenedSubset | undefined)[] = [];
const scriptScratch = new Scratch((n) => new Uint8Array(n));
let aloneScratch = new Uint8Array(0);

/** Advances (px) of BMP characters shaped alone (-1: not yet), per font (its stack, size,
 *  features) and language: a table by code point (512 KiB), the look-up of most CJK text. */
const aloneByFont = new WeakMap<ShapeFont, Map<string, Float64Array>>();

function aloneAdvances(font: ShapeFont, lang: string): Float64Array {
  let byLang = aloneByFont.get(font);
  if (!byLang) {
    byLang = new Map();
    aloneByFont.set(font, byLang);
  }
  let found = byLang.get(lang);
  if (!found) {
    found = new Float64Array(0x10000).fill(-1);
    byLang.set(lang, found);
  }
  return found;
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
