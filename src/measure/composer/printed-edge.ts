import { Scratch } from "./scratch";
import type { CharAdjust } from "./types";

const f64 = (n: number) => new Float64Array(n);
const baseScratch = new Scratch(f64);
const clusterScratch = new Scratch(f64);
const spaceScratch = new Scratch(f64);
const beforeScratch = new Scratch(f64);
const afterScratch = new Scratch(f64);

// Where a printed line ends, as Chromium lays it out, and the spacing that brings it to the measure.

/**
 * A printed line as Chromium lays it out: the printer splits it into inline fragments (a run of
 * another style, a mark with margins), and Chromium lays fragments end to end at their widths rounded
 * up to 1/64 px (LayoutUnit::FromFloatCeil, measured in Chromium 156); within a fragment glyphs sit
 * at float offsets. Letter-spacing comes after each cluster, word-spacing after each space. Each
 * fragment is summed once; `edge` then costs a step per fragment.
 */
export interface Fragments {
  /** Glyph clusters that take letter-spacing (not those of a tight range); spaces (U+0020, U+00A0). */
  clusters: number;
  spaces: number;
  /** Where the last glyph ends, px from the text's start, at the given spacing. */
  edge(letterSpacing: number, wordSpacing: number): number;
}

export function fragments(
  text: string,
  advances: Float64Array,
  clusters: Uint8Array,
  styles: Uint8Array,
  adjust: ReadonlyMap<number, CharAdjust>,
  tracking: number,
  tight: number[],
): Fragments {
  const n = text.length;
  const bounds = [0];
  for (let i = 1; i < n; i++) if (styles[i] !== styles[i - 1] || adjust.has(i)) bounds.push(i);
  for (const a of adjust.keys()) {
    const after = Math.min(n, a + 1 + (isHighSurrogate(text, a) ? 1 : 0));
    if (after < n && !adjust.has(after) && styles[after] === styles[after - 1]) bounds.push(after);
  }
  for (const t of tight) if (t > 0 && t < n) bounds.push(t);
  let cut = bounds;
  if (adjust.size > 0 || tight.length > 0) cut = [...new Set(bounds)].sort((a, b) => a - b);
  cut.push(n);
  return sum(text, advances, clusters, adjust, tracking, cut, tight);
}

function sum(
  text: string,
  advances: Float64Array,
  clusters: Uint8Array,
  adjust: ReadonlyMap<number, CharAdjust>,
  tracking: number,
  bounds: number[],
  tight: number[],
): Fragments {
  const count = bounds.length - 1;
  // One line's fragments at a time: the arrays are reused by the next line.
  const base = baseScratch.take(count);
  const clusterCount = clusterScratch.take(count);
  const spaceCount = spaceScratch.take(count);
  const before = beforeScratch.take(count);
  const after = afterScratch.take(count);
  let totalClusters = 0;
  let t = 0;
  let totalSpaces = 0;
  for (let f = 0; f < count; f++) {
    const from = bounds[f] as number;
    const to = bounds[f + 1] as number;
    let w = 0;
    let c = 0;
    let sp = 0;
    for (let i = from; i < to; i++) {
      w += advances[i] as number;
      if (clusters[i]) {
        c++;
        w += tracking;
      }
      const code = text.charCodeAt(i);
      if (code === 0x20 || code === 0xa0) sp++;
    }
    base[f] = w;
    // A fragment in a tight range takes no letter-spacing.
    while (t < tight.length && (tight[t + 1] as number) <= from) t += 2;
    const isTight = t < tight.length && (tight[t] as number) <= from;
    clusterCount[f] = isTight ? 0 : c;
    spaceCount[f] = sp;
    const a = adjust.get(from);
    before[f] = a ? a.before : 0;
    after[f] = a ? a.after : 0;
    totalClusters += isTight ? 0 : c;
    totalSpaces += sp;
  }
  return {
    clusters: totalClusters,
    spaces: totalSpaces,
    edge(ls, ws) {
      let x = 0;
      for (let f = 0; f < count; f++) {
        x += before[f] as number;
        const w = (base[f] as number) + (clusterCount[f] as number) * ls + (spaceCount[f] as number) * ws;
        if (f === count - 1) return x + w - ls + (after[f] as number);
        x += count > 1 ? Math.ceil(w * 64 - 1e-7) / 64 : w;
        x += after[f] as number;
      }
      return x;
    },
  };
}

const isHighSurrogate = (t: string, i: number) => {
  const c = t.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
};

/** A spacing as print.ts writes it into the CSS (5 decimals) and Chromium keeps it (a float). */
export const asPrinted = (px: number) => Math.fround(Number(px.toFixed(5)));

/**
 * The spacing (px per gap, `gaps` of them) that brings the line's edge to `box`: first the float
 * model, then — the edge steps where a fragment's width rounds up to the next 1/64 px — the widest
 * printed value whose edge stays within the box.
 */
export function fill(edge: (spacing: number) => number, start: number, gaps: number, box: number): number {
  let v = start;
  for (let k = 0; k < 5; k++) {
    const miss = box - edge(v);
    if (Math.abs(miss) < 1e-4) break;
    v += miss / gaps;
  }
  v = asPrinted(v);
  if (Math.abs(box - edge(v)) < 1e-3) return v;
  // Bracket [lo, hi] with edge(lo) <= box < edge(hi), then bisect.
  let lo = v - 1 / 64;
  let hi = v + 1 / 64;
  while (edge(lo) > box) lo -= 1 / 64;
  while (edge(hi) <= box) hi += 1 / 64;
  for (let k = 0; k < 30 && hi - lo > 1e-6; k++) {
    const mid = (lo + hi) / 2;
    if (edge(mid) <= box) lo = mid;
    else hi = mid;
  }
  let out = asPrinted(Math.floor(lo * 1e5) / 1e5);
  while (edge(out) > box + 1e-6) out = asPrinted(out - 1e-5);
  return out;
}
