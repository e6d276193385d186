import type { Feature } from "harfbuzzjs";
import type { FaceFiles, OpenedSubset } from "./faces";
import { harfBuzz } from "./harfbuzz";
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

export interface Shaped {
  /** Advance of each UTF-16 code unit, px (a cluster's advance on its first unit, 0 on the others). */
  advances: Float64Array;
  /** 1 where a glyph cluster starts (letter-spacing is added once per cluster: a ligature is one). */
  clusters: Uint8Array;
  problems: Problem[];
}

/**
 * Shapes `text`, where code unit i is set in fonts[style[i]]. Characters no font of the stack has get
 * a problem and the advance of the first face's .notdef (Chromium would take a system font: unknown).
 */
export function shapeText(text: string, style: Uint8Array, fonts: readonly ShapeFont[], lang: string): Shaped {
  const advances = new Float64Array(text.length);
  const clusters = new Uint8Array(text.length);
  const problems: Problem[] = [];
  const subsetAt: (OpenedSubset | undefined)[] = new Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    const font = fonts[style[i] ?? 0] as ShapeFont;
    const subset = invisible(cp) ? undefined : pick(font.stack, cp);
    subsetAt[i] = subset;
    if (!subset && !invisible(cp)) {
      problems.push({
        kind: "missing-glyph",
        char: String.fromCodePoint(cp),
        codePoint: cp,
        at: i,
        fonts: font.stack.map((f) => f.family),
      });
    }
    if (cp > 0xffff) {
      subsetAt[i + 1] = subset;
      i++;
    }
  }
  // Invisible characters (joiners, spaces of no width) go with the run around them.
  for (let i = 0; i < text.length; i++) subsetAt[i] ??= subsetAt[i - 1] ?? subsetAt.find((s) => s);
  const scripts = scriptRuns(text);
  let start = 0;
  while (start < text.length) {
    let end = start + 1;
    while (
      end < text.length &&
      subsetAt[end] === subsetAt[start] &&
      style[end] === style[start] &&
      scripts[end] === scripts[start]
    )
      end++;
    const subset = subsetAt[start];
    const font = fonts[style[start] ?? 0] as ShapeFont;
    if (subset) {
      shapeRun(text, start, end, subset, font, SCRIPT_TAGS[scripts[start] ?? 0] as string, lang, advances, clusters);
    }
    start = end;
  }
  return { advances, clusters, problems };
}

const featureCache = new Map<string, Feature[]>();

function featuresOf(font: ShapeFont): Feature[] {
  const key = JSON.stringify(font.features);
  let found = featureCache.get(key);
  if (!found) {
    const hb = harfBuzz();
    found = Object.entries(font.features).map(([tag, value]) => new hb.Feature(tag, value));
    featureCache.set(key, found);
  }
  return found;
}

function shapeRun(
  text: string,
  start: number,
  end: number,
  subset: OpenedSubset,
  font: ShapeFont,
  script: string,
  lang: string,
  out: Float64Array,
  clusters: Uint8Array,
): void {
  const hb = harfBuzz();
  const buffer = new hb.Buffer();
  buffer.addText(text, start, end - start);
  buffer.setDirection(hb.Direction.LTR);
  buffer.setScript(script);
  buffer.setLanguage(lang);
  hb.shape(subset.font, buffer, featuresOf(font));
  const scale = renderedSize(font.sizePx) / subset.upem;
  for (const g of buffer.getGlyphInfosAndPositions()) {
    out[g.cluster] = (out[g.cluster] ?? 0) + (g.xAdvance ?? 0) * scale;
    clusters[g.cluster] = 1;
  }
}

// Chromium shapes script run by script run; a character of no script of its own (punctuation,
// digits, the em dash) takes the script before it, or after it at the start (ScriptRunIterator). It
// matters: Noto CJK sets —— as one 2-em glyph under Hani but not under Latn, digits differ too.
const SCRIPT_TAGS = ["Zyyy", "Hani", "Latn", "Hang", "Kana", "Cyrl", "Grek"];
const STRONG: [RegExp, number][] = [
  [/\p{Script=Han}/u, 1],
  [/\p{Script=Latin}/u, 2],
  [/\p{Script=Hangul}/u, 3],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 4],
  [/\p{Script=Cyrillic}/u, 5],
  [/\p{Script=Greek}/u, 6],
];

function scriptRuns(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let last = 0;
  let firstStrong = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    let s = 0;
    const code = ch.charCodeAt(0);
    if (code >= 0x4e00 && code <= 0x9fff) s = 1;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) s = 2;
    else if (code > 0x7f) {
      const cp = text.codePointAt(i) ?? 0;
      const c = String.fromCodePoint(cp);
      for (const [re, id] of STRONG) if (re.test(c)) s = id;
    }
    if (s) {
      last = s;
      if (!firstStrong) firstStrong = s;
    }
    out[i] = s || last;
  }
  // Neutral characters before the first strong one take its script.
  for (let i = 0; i < text.length && out[i] === 0; i++) out[i] = firstStrong;
  return out;
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
  const gid = subset.font.glyph(cp);
  if (!gid) return undefined;
  const e = subset.font.glyphExtents(gid);
  const advance = subset.font.glyphHAdvance(gid) / subset.upem;
  if (!e) return { advance, left: 0, right: 0 };
  return { advance, left: e.xBearing / subset.upem, right: (e.xBearing + e.width) / subset.upem };
}
