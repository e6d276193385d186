import { tightRanges } from "./cjk-latin";
import type { GapModel } from "./gap-model";
import { BOX, PENALTY } from "./items";
import { snap } from "./items-cjk";
import type { Break } from "./knuth-plass";
import type { Prepared } from "./prepare";
import { fill, fragments } from "./printed-edge";
import { shapeText } from "./shape";
import { lineTracking, type TrackingLimits } from "./tracking";
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
  /** Fixed letter-spacing of every character, px (a head's tracking). */
  tracking: number;
  /** A hyphen's advance in the font of clean character i. */
  hyphenWidth: (i: number) => number;
  /** Latin justified lines: the letter-spacing a line may take. */
  justifyTracking?: TrackingLimits;
}

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
  const chars = l.endC - l.startC;
  const size = chars + (l.addedHyphen ? 1 : 0);
  const text = l.addedHyphen ? `${clean.slice(l.startC, l.endC)}-` : clean.slice(l.startC, l.endC);
  let styles = style.subarray(l.startC, l.endC);
  if (l.addedHyphen) {
    styles = withLast(styles, chars > 0 ? (styles[chars - 1] as number) : 0);
  }
  let advances: Float64Array = p.advances.subarray(l.startC, l.endC);
  let clusters: Uint8Array = p.clusters.subarray(l.startC, l.endC);
  if (l.reshape) {
    const shaped = shapeText(text, styles, p.fonts, p.lang);
    advances = shaped.advances;
    clusters = shaped.clusters;
  } else if (l.addedHyphen) {
    advances = withLast(advances, s.hyphenWidth(l.endC - 1) - s.tracking);
    clusters = withLast(clusters, 1);
  }
  // CJK adjustments: fixed halves, the halves a line start or end trims, push-in when the line shrank.
  const adjust = s.cjk ? cjkAdjustments(clean, m, l) : NO_ADJUST;
  // CJK: Latin words keep their letters together (printed letter-spacing 0 but their last letter).
  const tight = s.cjk && s.tracking === 0 ? tightRanges(text) : NO_TIGHT;
  let frags = fragments(text, advances, clusters, styles, adjust, s.tracking, tight);
  let natural = frags.edge(0, 0);
  const justify = l.align === "justify";
  const jt = justify && !s.cjk ? s.justifyTracking : undefined;
  let letterSpacing = 0;
  if (jt) {
    const extra = s.width - snap(l.indent) - natural;
    const ls = lineTracking(
      { extra, spaces: frags.spaces, clusters: frags.clusters, space: spaceOf(text, advances) },
      jt,
    );
    if (ls !== 0) {
      // Letter-spaced: shaped again without ligatures, as Chromium prints it.
      const shaped = shapeText(text, styles, jt.fonts, p.lang);
      advances = shaped.advances;
      clusters = shaped.clusters;
      frags = fragments(text, advances, clusters, styles, adjust, s.tracking, NO_TIGHT);
      natural = frags.edge(0, 0);
      letterSpacing = ls;
    }
  }
  const box = s.width - snap(l.indent);
  let wordSpacing = 0;
  let left = snap(l.indent);
  const slack = box - natural;
  const problems: Problem[] = [];
  const gaps = Math.max(0, frags.clusters - 1);
  if (justify || slack < -0.005) {
    // Latin: the word spaces take what the tracking leaves; a line of one word is tracked within the
    // limits. CJK: letter-spacing.
    const byLetters = s.cjk || (frags.spaces === 0 && jt !== undefined);
    if (byLetters && gaps > 0) {
      letterSpacing = fill((ls) => frags.edge(ls, wordSpacing), letterSpacing, gaps, box);
      if (jt && !s.cjk) letterSpacing = Math.max(-jt.shrink, Math.min(jt.stretch, letterSpacing));
    } else if (!s.cjk && frags.spaces > 0) {
      wordSpacing = fill((ws) => frags.edge(letterSpacing, ws), wordSpacing, frags.spaces, box);
    }
  } else if (l.align === "center") left = snap(left + slack / 2);
  else if (l.align === "right") left = snap(left + slack);
  const printed = frags.edge(letterSpacing, wordSpacing);
  if (printed > box + 0.05) problems.push({ kind: "overfull", line: l.index, byPx: printed - box });
  const runs: PrintedRun[] = [];
  for (let i = 0; i < size; ) {
    const st = styles[i] as number;
    let j = i + 1;
    while (j < size && styles[j] === st) j++;
    const tag = p.tags[st] ?? st;
    const last = runs[runs.length - 1];
    if (last && last.style === tag) last.text += text.slice(i, j);
    else runs.push({ text: text.slice(i, j), style: tag });
    i = j;
  }
  // The gap between two words as a multiple of the space: the space, its word-spacing, and the
  // letter-spacing after the word and after the space.
  let spaceRatio: number | undefined;
  if (!s.cjk && frags.spaces > 0) {
    spaceRatio = 0;
    for (let i = 0; i < chars; i++) {
      const code = text.charCodeAt(i);
      if (code !== 0x20 && code !== 0xa0) continue;
      const w = advances[i] as number;
      const tracked = w + s.tracking;
      if (w > 0) spaceRatio = Math.max(spaceRatio, (tracked + wordSpacing + 2 * letterSpacing) / tracked);
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
    adjust: adjust === NO_ADJUST ? [] : [...adjust.values()].sort((a, b) => a.index - b.index),
    printed,
    ...(spaceRatio !== undefined ? { spaceRatio } : {}),
    ...(tight.length > 0 ? { tight } : {}),
  };
  return { line, problems };
}

const NO_ADJUST: ReadonlyMap<number, CharAdjust> = new Map();

const NO_TIGHT: number[] = [];

/** The natural width of the line's first word space, px (0: none). */
function spaceOf(text: string, advances: Float64Array): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0xa0) return advances[i] as number;
  }
  return 0;
}

function withLast<T extends Float64Array | Uint8Array>(a: T, value: number): T {
  const b = new (a.constructor as new (n: number) => T)(a.length + 1);
  b.set(a);
  b[a.length] = value;
  return b;
}

/** The spacing of a CJK line's marks, by index in the line's text. */
function cjkAdjustments(clean: string, m: GapModel, l: LineSpec): Map<number, CharAdjust> {
  const adjust = new Map<number, CharAdjust>();
  const add = (c: number, before: number, after: number) => {
    if (before === 0 && after === 0) return;
    const index = c - l.startC;
    const a = adjust.get(index) ?? { index, before: 0, after: 0 };
    a.before += before;
    a.after += after;
    adjust.set(index, a);
  };
  const end = lastChar(clean, l.endC);
  const { marks } = m;
  // The marked characters of the line (marks ascend; lines are few).
  let k = 0;
  while (k < marks.length && (marks[k] as number) < l.startC) k++;
  for (; k < marks.length && (marks[k] as number) < l.endC; k++) {
    const c = marks[k] as number;
    add(c, m.fixedBefore[c] as number, m.fixedAfter[c] as number);
    if (l.ratio < 0 && c > l.startC) add(c, snap(l.ratio * (m.shrinkBefore[c] as number)), 0);
    if (l.ratio < 0 && c < end) add(c, 0, snap(l.ratio * (m.shrinkAfter[c] as number)));
    if (c < end) add(c, 0, m.autospaceAfter[c] as number);
  }
  add(l.startC, -(m.lead[l.startC] as number), 0);
  add(end, 0, -(m.trail[end] as number));
  return adjust;
}

/** The clean index of the last character before `end` (the low half of a pair belongs to it). */
function lastChar(clean: string, end: number): number {
  const code = clean.charCodeAt(end - 1);
  return code >= 0xdc00 && code <= 0xdfff ? end - 2 : end - 1;
}
