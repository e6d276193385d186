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
  const styles = Array.from(style.subarray(l.startC, l.endC));
  if (l.addedHyphen) {
    text += "-";
    styles.push(styles.at(-1) ?? 0);
  }
  let advances: ArrayLike<number> = p.advances.subarray(l.startC, l.endC);
  let hyphen = l.addedHyphen ? s.hyphenWidth(l.endC - 1) : 0;
  if (l.reshape) {
    const shaped = shapeText(text, Uint8Array.from(styles), p.fonts, p.lang).advances;
    advances = shaped;
    hyphen = l.addedHyphen ? (shaped[text.length - 1] as number) : 0;
  }
  const chars = [...text].length;
  let natural = hyphen + s.tracking * chars;
  for (let i = 0; i < l.endC - l.startC; i++) natural += advances[i] as number;
  // CJK adjustments: fixed halves, the halves a line start or end trims, push-in when the line shrank.
  const adjust = new Map<number, CharAdjust>();
  const add = (c: number, before: number, after: number) => {
    if (before === 0 && after === 0) return;
    const index = c - l.startC;
    const a = adjust.get(index) ?? { index, before: 0, after: 0 };
    a.before += before;
    a.after += after;
    adjust.set(index, a);
    natural += before + after;
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
  const box = s.width - snap(l.indent);
  const spaces = text.match(WORD_SPACE)?.length ?? 0;
  let wordSpacing = 0;
  let letterSpacing = 0;
  let left = snap(l.indent);
  const slack = box - natural;
  const problems: Problem[] = [];
  if (l.align === "justify" || slack < -0.005) {
    if (s.cjk && chars > 1) letterSpacing = slack / (chars - 1);
    else if (!s.cjk && spaces > 0) wordSpacing = slack / spaces;
  } else if (l.align === "center") left = snap(left + slack / 2);
  else if (l.align === "right") left = snap(left + slack);
  const printed = natural + wordSpacing * spaces + letterSpacing * Math.max(0, chars - 1);
  if (printed > box + 0.01) problems.push({ kind: "overfull", line: l.index, byPx: printed - box });
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
    for (let i = 0; i < text.length; i++) {
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

/** The clean index of the last character before `end` (the low half of a pair belongs to it). */
function lastChar(clean: string, end: number): number {
  const code = clean.charCodeAt(end - 1);
  return code >= 0xdc00 && code <= 0xdfff ? end - 2 : end - 1;
}

export { GLUE };
