import { ALLOWED, FORCED, HYPHEN, NONE } from "./breaks";
import { INF, Items } from "./knuth-plass";
import type { Prepared } from "./prepare";
import { CLOSE, OPEN, punctuationClass } from "./punctuation";
import { renderedSize } from "./shape";

// CJK text as boxes and glue: one box per character, a glue after each. Justification is
// inter-character: every gap stretches alike (the line is printed with letter-spacing). Adjacent marks
// are set half width for good (clreq); the half of an opening mark that a line start would trim, and
// (house style) the half of a closing mark that a line end would trim, sit in the glue beside the mark,
// which a break discards. The other halves shrink when a line needs it (push-in, 行内压缩).

export interface GapModel {
  items: Items;
  /** Adjustment before / after each clean character whatever the breaks (adjacent marks). */
  fixedBefore: Float64Array;
  fixedAfter: Float64Array;
  /** Leading half of an opening mark, in the glue before it: trimmed when the mark starts a line. */
  lead: Float64Array;
  /** Trailing half of a closing mark, in the glue after it: trimmed when the mark ends a line. */
  trail: Float64Array;
  /** What may shrink before / after a character (push-in). */
  shrinkBefore: Float64Array;
  shrinkAfter: Float64Array;
  /** Stretch of one letter gap: the line's letter-spacing is ratio × this. */
  gapStretch: number;
}

export interface CjkOptions {
  indent: number;
  ragged: boolean;
  raggedStretch: number;
  halfWidthLineEnd: boolean;
  trimLineStart: boolean;
  tracking: number;
}

const SPACE = /[ \u00a0\u3000]/;

/** Margins are whole 1/64 px in Chromium (LayoutUnit): a half em is set at what prints. */
export const snap = (px: number) => Math.round(px * 64) / 64;

export function cjkItems(p: Prepared, o: CjkOptions): GapModel {
  const { clean, advances, breaks } = p;
  const n = clean.length;
  const m: GapModel = {
    items: new Items(),
    fixedBefore: new Float64Array(n),
    fixedAfter: new Float64Array(n),
    lead: new Float64Array(n),
    trail: new Float64Array(n),
    shrinkBefore: new Float64Array(n),
    shrinkAfter: new Float64Array(n),
    gapStretch: o.ragged ? 0 : renderedSize(p.fonts[0]?.sizePx ?? 16) / 4,
  };
  // The character indices that print as boxes (spaces are glue), with their punctuation class.
  const chars: number[] = [];
  for (let i = 0; i < n; i++) {
    const cp = clean.codePointAt(i) ?? 0;
    if (!SPACE.test(clean[i] as string)) chars.push(i);
    if (cp > 0xffff) i++;
  }
  const cls = chars.map((i) => punctuationClass(p.fonts[p.style[i] ?? 0] as never, clean[i] as string));
  const width = new Float64Array(n);
  chars.forEach((i, k) => {
    const half = snap((advances[i] as number) / 2);
    width[i] = (advances[i] as number) + o.tracking;
    const c = cls[k];
    const prev = k > 0 ? cls[k - 1] : 0;
    const next = k + 1 < chars.length ? cls[k + 1] : 0;
    if (c === OPEN) {
      if (k > 0 && prev)
        m.fixedBefore[i] = -half; // after another mark: half width for good
      else if (k > 0 && o.trimLineStart) m.lead[i] = half;
      else if (k > 0) m.shrinkBefore[i] = half;
    } else if (c === CLOSE) {
      if (next === CLOSE) m.fixedAfter[i] = -half;
      else if (o.halfWidthLineEnd && k + 1 < chars.length) m.trail[i] = half;
      else if (k + 1 < chars.length) m.shrinkAfter[i] = half;
    }
    width[i] = (width[i] as number) + (m.fixedBefore[i] as number) + (m.fixedAfter[i] as number);
    width[i] = (width[i] as number) - (m.lead[i] as number) - (m.trail[i] as number);
  });
  const items = m.items;
  if (o.indent > 0) items.box(0, o.indent, 0);
  chars.forEach((i, k) => {
    items.box(i, width[i] as number, i + ((clean.codePointAt(i) ?? 0) > 0xffff ? 2 : 1));
    const j = chars[k + 1];
    if (j === undefined) return;
    let gap = (m.trail[i] as number) + (m.lead[j] as number);
    let spaces = 0;
    for (let s = i + 1; s < j; s++) {
      if (SPACE.test(clean[s] as string)) {
        gap += (advances[s] as number) + o.tracking;
        spaces++;
      }
    }
    const stretch = m.gapStretch * (1 + spaces);
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
  });
  items.glue(n, 0, 1e6, 0);
  items.penaltyAt(n, 0, -INF);
  return m;
}
