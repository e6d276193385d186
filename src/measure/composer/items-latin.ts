import { FORCED, HYPHEN, NONE } from "./breaks";
import { type GapModel, gapModel } from "./gap-model";
import { INF } from "./items";
import type { Prepared } from "./prepare";

// Latin text as TeX sets it: words (cut at Liang's points and after hard hyphens) as boxes, word spaces
// as glue that stretches to the house style's widest space at ratio 1 and shrinks to two thirds,
// hyphenation points as flagged penalties. Ragged lines put the stretch at the line end instead.

export interface LatinOptions {
  indent: number;
  ragged: boolean;
  raggedStretch: number;
  /** A word space at ratio 1, as a multiple of its natural width. */
  maxWordSpace: number;
  /** The narrowest word space, as a multiple of its natural width (ratio -1). */
  minWordSpace: number;
  /** px of letter-spacing a glyph cluster may take at ratio 1 / give at ratio -1 (justified lines). */
  trackStretch: number;
  trackShrink: number;
  hyphenPenalty: number;
  /** Width of the hyphen printed at a break in the font of clean character i. */
  hyphenWidth: (i: number) => number;
  tracking: number;
}

const WORD_SPACE = /[ \u00a0]/;

export function latinItems(p: Prepared, o: LatinOptions): GapModel {
  const { clean, advances, breaks } = p;
  const n = clean.length;
  const model = gapModel(n, 0);
  const items = model.items;
  if (o.indent > 0) items.box(0, o.indent);
  let start = 0;
  let width = 0;
  let clusters = 0;
  const closeBox = (end: number) => {
    if (end > start) items.box(start, width, end, clusters * o.trackStretch, clusters * o.trackShrink);
    width = 0;
    clusters = 0;
  };
  let i = 0;
  while (i < n) {
    const ch = clean[i] as string;
    if (WORD_SPACE.test(ch)) {
      closeBox(i);
      let k = i;
      let w = 0;
      let breakable = true;
      while (k < n && WORD_SPACE.test(clean[k] as string)) {
        w += (advances[k] as number) + o.tracking;
        if (clean[k] === "\u00a0") breakable = false;
        k++;
      }
      const spaceStretch = o.ragged ? 0 : (o.maxWordSpace - 1) * w + (k - i) * o.trackStretch;
      const spaceShrink = (1 - o.minWordSpace) * w + (k - i) * o.trackShrink;
      const code = breaks[k] ?? NONE;
      if (code === FORCED) {
        items.glue(k, 0, 1e6, 0);
        items.penaltyAt(k, 0, -INF);
      } else if (breakable && code !== NONE && o.ragged) {
        items.glue(k, 0, o.raggedStretch, 0);
        items.penaltyAt(k, 0, 0);
        items.glue(k, w, -o.raggedStretch, 0);
      } else {
        if (!breakable || code === NONE) items.penaltyAt(k, 0, INF);
        items.glue(k, w, spaceStretch, spaceShrink);
      }
      start = k;
      i = k;
      continue;
    }
    const code = i > start ? (breaks[i] ?? NONE) : NONE;
    if (code !== NONE) {
      closeBox(i);
      const flagged = code === HYPHEN || clean[i - 1] === "-";
      const hyphen = code === HYPHEN ? o.hyphenWidth(i - 1) : 0;
      const cost = code === FORCED ? -INF : flagged ? o.hyphenPenalty : 0;
      if (code === FORCED) items.glue(i, 0, 1e6, 0);
      if (o.ragged && code !== FORCED) {
        items.penaltyAt(i, 0, INF);
        items.glue(i, 0, o.raggedStretch, 0);
        items.penaltyAt(i, hyphen, cost, flagged);
        items.glue(i, 0, -o.raggedStretch, 0);
      } else items.penaltyAt(i, hyphen, cost, flagged);
      start = i;
    }
    width += (advances[i] as number) + o.tracking;
    clusters += p.clusters[i] as number;
    i++;
  }
  closeBox(n);
  items.glue(n, 0, 1e6, 0);
  items.penaltyAt(n, 0, -INF);
  return model;
}
