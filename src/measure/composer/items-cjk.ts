import { ALLOWED, FORCED, HYPHEN, NONE } from "./breaks";
import { autospaced, isWide } from "./cjk-latin";
import { type GapModel, gapModel } from "./gap-model";
import { INF } from "./items";
import type { Prepared } from "./prepare";
import { CLOSE, OPEN, punctuationClass } from "./punctuation";
import { Scratch } from "./scratch";
import type { ShapeFont } from "./shape";
import { renderedSize } from "./units";

// CJK text as boxes and glue: one box per character, a glue after each. Justification is
// inter-character: every gap stretches alike (the line is printed with letter-spacing). Adjacent marks
// are set half width for good (clreq); the half of an opening mark that a line start would trim, and
// (house style) the half of a closing mark that a line end would trim, sit in the glue beside the mark,
// which a break discards. The other halves shrink when a line needs it (push-in, 行内压缩).

export interface CjkOptions {
  indent: number;
  ragged: boolean;
  raggedStretch: number;
  halfWidthLineEnd: boolean;
  trimLineStart: boolean;
  tracking: number;
  /** px between an ideograph and a Latin letter or digit (text-autospace), 0 for none. */
  autospace: number;
  /** Every mark at its full width, none compressed nor trimmed (text-spacing-trim: space-all). */
  fullWidthMarks?: boolean;
}

const isSpace = (code: number) => code === 0x20 || code === 0xa0 || code === 0x3000;

/** Margins are whole 1/64 px in Chromium (LayoutUnit): a half em is set at what prints. */
export const snap = (px: number) => Math.round(px * 64) / 64;

// The printing characters of the paragraph and their punctuation classes, reused between paragraphs.
const widthScratch = new Scratch((n) => new Float64Array(n));
let charAt = new Int32Array(256);
let classOf = new Uint8Array(256);

export function cjkItems(p: Prepared, o: CjkOptions): GapModel {
  const { clean, advances, breaks, style, fonts } = p;
  const n = clean.length;
  const m = gapModel(n, o.ragged ? 0 : renderedSize(fonts[0]?.sizePx ?? 16) / 4);
  if (charAt.length < n) {
    charAt = new Int32Array(n * 2);
    classOf = new Uint8Array(n * 2);
  }
  // The character indices that print as boxes (spaces are glue), with their punctuation class.
  let count = 0;
  for (let i = 0; i < n; i++) {
    const cp = clean.codePointAt(i) as number;
    if (!isSpace(cp)) {
      charAt[count] = i;
      classOf[count++] = punctuationClass(fonts[style[i] as number] as ShapeFont, cp);
    }
    if (cp > 0xffff) i++;
  }
  const width = widthScratch.take(n);
  for (let k = 0; k < count; k++) {
    const i = charAt[k] as number;
    const half = snap((advances[i] as number) / 2);
    const c = o.fullWidthMarks ? 0 : classOf[k];
    const prev = k > 0 ? classOf[k - 1] : 0;
    const next = k + 1 < count ? classOf[k + 1] : 0;
    if (c === OPEN) {
      if (k > 0 && prev)
        m.fixedBefore[i] = -half; // after another mark: half width for good
      else if (k > 0 && o.trimLineStart) m.lead[i] = half;
      else if (k > 0) m.shrinkBefore[i] = half;
    } else if (c === CLOSE) {
      if (next === CLOSE) m.fixedAfter[i] = -half;
      else if (o.halfWidthLineEnd && k + 1 < count) m.trail[i] = half;
      else if (k + 1 < count) m.shrinkAfter[i] = half;
    }
    width[i] =
      (advances[i] as number) +
      o.tracking +
      (m.fixedBefore[i] as number) +
      (m.fixedAfter[i] as number) -
      (m.lead[i] as number) -
      (m.trail[i] as number);
  }
  const items = m.items;
  if (o.indent > 0) items.box(0, o.indent, 0);
  for (let k = 0; k < count; k++) {
    const i = charAt[k] as number;
    items.box(i, width[i] as number, i + ((clean.codePointAt(i) as number) > 0xffff ? 2 : 1));
    if (k + 1 === count) break;
    const j = charAt[k + 1] as number;
    let gap = (m.trail[i] as number) + (m.lead[j] as number);
    // Letter-spacing widens the gap after each wide character and after the last of a narrow run
    // (a Latin word keeps its letters together); spaces inside a narrow run take none.
    const cpI = clean.codePointAt(i) as number;
    const cpJ = clean.codePointAt(j) as number;
    const afterI = i + (cpI > 0xffff ? 2 : 1);
    let spaced = isWide(cpI) || isWide(clean.codePointAt(afterI) as number) ? 1 : 0;
    for (let s = afterI; s < j; s++) {
      if (isSpace(clean.charCodeAt(s))) {
        gap += (advances[s] as number) + o.tracking;
        if (isWide(clean.charCodeAt(s)) || isWide(clean.codePointAt(s + 1) as number)) spaced++;
      }
    }
    if (j === afterI && o.autospace > 0 && autospaced(cpI, cpJ)) {
      gap += o.autospace;
      m.autospaceAfter[i] = o.autospace;
    }
    const stretch = m.gapStretch * spaced;
    const shrink = (m.shrinkAfter[i] as number) + (m.shrinkBefore[j] as number);
    const code = breaks[j] ?? NONE;
    if (code === FORCED) {
      items.glue(j, 0, 1e6, 0);
      items.penaltyAt(j, 0, -INF);
      items.glue(j, gap, 0, 0);
    } else if (code === ALLOWED || code === HYPHEN) {
      if (o.ragged) {
        items.glue(j, 0, o.raggedStretch, 0);
        items.penaltyAt(j, 0, 0);
        items.glue(j, gap, -o.raggedStretch, shrink);
      } else items.glue(j, gap, stretch, shrink);
    } else {
      items.penaltyAt(j, 0, INF);
      items.glue(j, gap, stretch, shrink);
    }
  }
  items.glue(n, 0, 1e6, 0);
  items.penaltyAt(n, 0, -INF);
  for (let k = 0; k < count; k++) {
    const i = charAt[k] as number;
    if (
      m.fixedBefore[i] ||
      m.fixedAfter[i] ||
      m.lead[i] ||
      m.trail[i] ||
      m.shrinkBefore[i] ||
      m.shrinkAfter[i] ||
      m.autospaceAfter[i]
    )
      m.marks.push(i);
  }
  return m;
}
