import { type GapModel, snap } from "./items-cjk";
import { BOX, type Break, GLUE, PENALTY } from "./knuth-plass";
import type { Prepared } from "./prepare";
import { shapeText } from "./shape";
import type { Align, CharAdjust, ComposedLine, PrintedRun, Problem } from "./types";

// From the chosen breaks to lines as they will print: the text of each, its natural width (shaped
// again where a hyphen changes the word's shaping), and the spacing that brings a justified line to
// the measure exactly: word-spacing for Latin, letter-spacing (and push-in at marks) for CJK.

export interface LineSetting {
  width: number;
  indent: number;
  align: Align;
  alignLast: Align;
  cjk: boolean;
  tracking: number;
  /** A hyphen's advance in the font of clean character i. */
  hyphenWidth: (i: number) => number;
}

const WORD_SPACE = /[ \u00a0]/g;

export function linesOf(
  p: Prepared,
  m: GapModel,
  breaks: Break[],
  s: LineSetting,
): { lines: ComposedLine[]; problems: Problem[] } {
  const { items } = m;
  const problems: Problem[] = [];
  const out: ComposedLine[] = [];
  let from = 0;
  let hyphenBefore = false;
  breaks.forEach((bk, index) => {
    let first = -1;
    let last = -1;
    let indentBox = false;
    for (let i = from; i < bk.item; i++) {
      if (items.kind[i] !== BOX) continue;
      if (items.end[i] === items.at[i]) {
        indentBox = true;
        continue;
      }
      if (first < 0) first = i;
      last = i;
    }
    const isLast = index === breaks.length - 1;
    const forced = items.kind[bk.item] === PENALTY && (items.penalty[bk.item] as number) <= -10000;
    const addedHyphen = items.kind[bk.item] === PENALTY && (items.width[bk.item] as number) > 0;
    const startC = first >= 0 ? (items.at[first] as number) : 0;
    const endC = last >= 0 ? (items.end[last] as number) : startC;
    const line = setLine(p, m, s, {
      startC,
      endC,
      addedHyphen,
      reshape: addedHyphen || hyphenBefore,
      indent: indentBox ? s.indent : 0,
      align: isLast || forced ? s.alignLast : s.align,
      ratio: bk.ratio,
      index,
    });
    out.push(line.line);
    problems.push(...line.problems);
    hyphenBefore = addedHyphen;
    // The next line starts after the glue and penalties the break discards.
    from = bk.item + 1;
    while (from < items.length && items.kind[from] !== BOX) from++;
  });
  // Offsets in the caller's text: a line runs to the next line's start.
  const total = p.toCaller(p.orig.length);
  out.forEach((line, i) => {
    line.end = out[i + 1]?.start ?? total;
  });
  if (out[0]) out[0].start = 0;
  return { lines: out, problems };
}

interface LineSpec {
  startC: number;
  endC: number;
  addedHyphen: boolean;
  reshape: boolean;
  indent: number;
  align: Align;
  ratio: number;
  index: number;
}

function setLine(p: Prepared, m: GapModel, s: LineSetting, l: LineSpec): { line: ComposedLine; problems: Problem[] } {
  const { clean, style } = p;
  let text = clean.slice(l.startC, l.endC);
  const chars = l.endC - l.startC;
  const styles = Array.from(style.subarray(l.startC, l.endC));
  if (l.addedHyphen) {
    text += "-";
    styles.push(styles.at(-1) ?? 0);
  }
  let advances: ArrayLike<number> = p.advances.subarray(l.startC, l.endC);
  let clusters: ArrayLike<number> = p.clusters.subarray(l.startC, l.endC);
  let hyphen = l.addedHyphen ? s.hyphenWidth(l.endC - 1) : 0;
  if (l.reshape) {
    const shaped = shapeText(text, Uint8Array.from(styles), p.fonts, p.lang);
    advances = shaped.advances;
    clusters = shaped.clusters;
    hyphen = l.addedHyphen ? (shaped.advances[text.length - 1] as number) : 0;
  } else if (l.addedHyphen) {
    advances = Float64Array.from([...Array.from(advances), hyphen]);
    clusters = Uint8Array.from([...Array.from(clusters), 1]);
  }
  const tracked = Float64Array.from(advances, (a, i) => a + (clusters[i] ? s.tracking : 0));
  // CJK adjustments: fixed halves, the halves a line start or end trims, push-in when the line shrank.
  const adjust = new Map<number, CharAdjust>();
  const add = (c: number, before: number, after: number) => {
    if (before === 0 && after === 0) return;
    const index = c - l.startC;
    const a = adjust.get(index) ?? { index, before: 0, after: 0 };
    a.before += before;
    a.after += after;
    adjust.set(index, a);
  };
  if (s.cjk) {
    for (let c = l.startC; c < l.endC; c++) {
      add(c, m.fixedBefore[c] as number, m.fixedAfter[c] as number);
      if (l.ratio < 0 && c > l.startC) add(c, snap(l.ratio * (m.shrinkBefore[c] as number)), 0);
      if (l.ratio < 0 && c < lastChar(clean, l.endC)) add(c, 0, snap(l.ratio * (m.shrinkAfter[c] as number)));
    }
    add(l.startC, -(m.lead[l.startC] as number), 0);
    const end = lastChar(clean, l.endC);
    add(end, 0, -(m.trail[end] as number));
  }
  const edge = printedEdge(text, tracked, clusters, styles, adjust);
  const natural = edge(0, 0);
  const box = s.width - snap(l.indent);
  const spaces = text.match(WORD_SPACE)?.length ?? 0;
  const gaps = Math.max(0, Array.from(clusters).reduce((n, c) => n + (c ? 1 : 0), 0) - 1);
  let wordSpacing = 0;
  let letterSpacing = 0;
  let left = snap(l.indent);
  const slack = box - natural;
  const problems: Problem[] = [];
  if (l.align === "justify" || slack < -0.005) {
    // The float model first, then again with the widths Chromium snaps (see printedEdge).
    for (let k = 0; k < 5; k++) {
      const miss = box - edge(letterSpacing, wordSpacing);
      if (Math.abs(miss) < 1e-4) break;
      if (s.cjk && gaps > 0) letterSpacing += miss / gaps;
      else if (!s.cjk && spaces > 0) wordSpacing += miss / spaces;
      else break;
    }
  } else if (l.align === "center") left = snap(left + slack / 2);
  else if (l.align === "right") left = snap(left + slack);
  const printed = edge(letterSpacing, wordSpacing);
  if (printed > box + 0.05) problems.push({ kind: "overfull", line: l.index, byPx: printed - box });
  const runs: PrintedRun[] = [];
  styles.forEach((st, i) => {
    const run = runs.at(-1);
    const tag = p.tags[st] ?? st;
    if (run && run.style === tag) run.text += text[i];
    else runs.push({ text: text[i] as string, style: tag });
  });
  let spaceRatio: number | undefined;
  if (!s.cjk && spaces > 0) {
    spaceRatio = 0;
    for (let i = 0; i < chars; i++) {
      if (text[i] !== " " && text[i] !== "\u00a0") continue;
      const w = advances[i] as number;
      if (w > 0) spaceRatio = Math.max(spaceRatio, (w + wordSpacing) / w);
    }
  }
  const line: ComposedLine = {
    start: p.toCaller(p.origAt[l.startC] ?? p.orig.length),
    end: 0,
    runs,
    hyphen: l.addedHyphen || text.endsWith("-"),
    width: s.width,
    left,
    natural,
    wordSpacing,
    letterSpacing,
    adjust: [...adjust.values()].sort((a, b) => a.index - b.index),
    printed,
    ...(spaceRatio !== undefined ? { spaceRatio } : {}),
  };
  return { line, problems };
}

/**
 * Where the last glyph of the printed line ends, px from the text's start, at the given spacing. The
 * printer splits a line into inline fragments (a run of another style, a mark with margins), and
 * Chromium lays fragments end to end at their widths rounded up to 1/64 px (LayoutUnit::FromFloatCeil,
 * measured in Chromium 156); within a fragment glyphs sit at float offsets. Letter-spacing comes after
 * each cluster, word-spacing after each space.
 */
function printedEdge(
  text: string,
  advances: ArrayLike<number>,
  clusters: ArrayLike<number>,
  styles: number[],
  adjust: Map<number, CharAdjust>,
): (letterSpacing: number, wordSpacing: number) => number {
  const cuts = new Set<number>([0, text.length]);
  for (let i = 1; i < text.length; i++) if (styles[i] !== styles[i - 1]) cuts.add(i);
  for (const a of adjust.keys()) {
    cuts.add(a);
    cuts.add(Math.min(text.length, a + 1 + (isHighSurrogate(text, a) ? 1 : 0)));
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  return (ls, ws) => {
    let x = 0;
    for (let f = 0; f + 1 < bounds.length; f++) {
      const from = bounds[f] as number;
      const to = bounds[f + 1] as number;
      const a = adjust.get(from);
      if (a) x += a.before;
      let w = 0;
      for (let i = from; i < to; i++) {
        w += advances[i] as number;
        if (clusters[i]) w += ls;
        if (text[i] === " " || text[i] === "\u00a0") w += ws;
      }
      if (f + 2 === bounds.length) return x + w - ls + (a ? a.after : 0);
      x += bounds.length > 2 ? Math.ceil(w * 64 - 1e-7) / 64 : w;
      if (a) x += a.after;
    }
    return x;
  };
}

const isHighSurrogate = (t: string, i: number) => {
  const c = t.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
};

/** The clean index of the last character before `end` (the low half of a pair belongs to it). */
function lastChar(clean: string, end: number): number {
  const code = clean.charCodeAt(end - 1);
  return code >= 0xdc00 && code <= 0xdfff ? end - 2 : end - 1;
}

export { GLUE };
