import { hyphenator, SOFT_HYPHEN } from "../../typeset/hyphenate";
import { breakCodes, HYPHEN, isCjkLang } from "./breaks";
import { curlyQuotes } from "./quotes";
import { Scratch } from "./scratch";
import { type ShapeFont, shapeText } from "./shape";
import type { Problem } from "./types";

// A paragraph made ready for breaking: its runs joined, the characters that print nothing taken out
// (word joiners, soft hyphens, newlines: they only steer the breaks), break codes, advances.

export interface ComposeRun {
  text: string;
  font: ShapeFont;
  /** The caller's tag for the run's style (a dateline...), given back on the printed runs. */
  style?: number;
}

export interface Prepared {
  /** The runs joined: the offsets of composed lines refer to it. */
  orig: string;
  /** What prints. */
  clean: string;
  /** Index in orig of each clean code unit. */
  origAt: Int32Array;
  /** Font (index into fonts) of each clean code unit. */
  style: Uint8Array;
  fonts: ShapeFont[];
  /** The caller's style tag of each font (of the first run set in it). */
  tags: number[];
  breaks: Uint8Array;
  advances: Float64Array;
  clusters: Uint8Array;
  problems: Problem[];
  lang: string;
  /** Offset in the caller's text of an offset in orig (orig may hold Liang's soft hyphens). */
  toCaller: (i: number) => number;
}

// The paragraph's arrays are the process's (one paragraph at a time): Prepared lives until the next.
const origStyleScratch = new Scratch((n) => new Uint8Array(n));
const origAtScratch = new Scratch((n) => new Int32Array(n));
const styleScratch = new Scratch((n) => new Uint8Array(n));
const paragraphShaped = {
  advances: new Scratch((n) => new Float64Array(n)),
  clusters: new Scratch((n) => new Uint8Array(n)),
};

const DROPPED = /[\u2060\u00ad\n\u200b\ufeff]/;
const DROPPED_ALL = /[\u2060\u00ad\n\u200b\ufeff]/g;

export function prepare(runs: ComposeRun[], lang: string, opts: { hyphenate: boolean; curly: boolean }): Prepared {
  const fonts: ShapeFont[] = [];
  const tags: number[] = [];
  const styleOfRun = runs.map((r, k) => {
    const i = fonts.indexOf(r.font);
    if (i >= 0) return i;
    fonts.push(r.font);
    tags.push(r.style ?? k);
    return fonts.length - 1;
  });
  const text = runs.length === 1 ? (runs[0] as ComposeRun).text : runs.map((r) => r.text).join("");
  const inserted = opts.hyphenate && !isCjkLang(lang) && !text.includes(SOFT_HYPHEN);
  // Liang's points as soft hyphens, mapped back so line offsets stay those of the runs' text.
  const orig = inserted ? hyphenateWords(text) : text;
  const callerAt = inserted ? callerOffsets(orig) : undefined;
  // Font of each orig code unit, from the run its caller offset falls in.
  const origStyle = origStyleScratch.take(orig.length);
  if (runs.length > 1) {
    let run = 0;
    let runEnd = (runs[0] as ComposeRun).text.length;
    for (let i = 0; i < orig.length; i++) {
      const at = callerAt ? (callerAt[i] as number) : i;
      while (at >= runEnd && run + 1 < runs.length) runEnd += (runs[++run] as ComposeRun).text.length;
      origStyle[i] = styleOfRun[run] as number;
    }
  } else origStyle.fill(styleOfRun[0] ?? 0);
  let clean = orig;
  let origAt: Int32Array;
  let style = origStyle;
  if (DROPPED.test(orig)) {
    clean = orig.replace(DROPPED_ALL, "");
    origAt = origAtScratch.take(clean.length);
    style = styleScratch.take(clean.length);
    let c = 0;
    for (let i = 0; i < orig.length; i++) {
      const code = orig.charCodeAt(i);
      if (code === 0x2060 || code === 0xad || code === 0x0a || code === 0x200b || code === 0xfeff) continue;
      origAt[c] = i;
      style[c++] = origStyle[i] as number;
    }
  } else {
    origAt = origAtScratch.take(orig.length);
    for (let i = 0; i < orig.length; i++) origAt[i] = i;
  }
  if (opts.curly) clean = curlyQuotes(clean);
  const breaks = breakCodes(orig, clean, origAt, lang);
  const shaped = shapeText(clean, style, fonts, lang, false, paragraphShaped);
  return {
    orig,
    clean,
    origAt,
    style,
    fonts,
    tags,
    breaks,
    advances: shaped.advances,
    clusters: shaped.clusters,
    problems: shaped.problems,
    lang,
    toCaller: callerAt ? (i) => callerAt[i] as number : (i) => i,
  };
}

const hyphenateText = hyphenator({ latin: true } as Parameters<typeof hyphenator>[0]);
const hyphenated = new Map<string, string>();
// A word as the hyphen package reads one: what is neither a space nor ASCII punctuation, digits or
// U+2013–U+203C (the apostrophe is part of a word). So word by word is the same as the whole text.
const WORD = /(?:'|[^\s!-@[-`{-~\u2013-\u203c])+/g;

/** Liang's points of each word, as soft hyphens; a word is hyphenated once per process. */
function hyphenateWords(text: string): string {
  if (!hyphenateText) return text;
  return text.replace(WORD, (word) => {
    let out = hyphenated.get(word);
    if (out === undefined) {
      out = hyphenateText(word);
      hyphenated.set(word, out);
    }
    return out;
  });
}

/** The offset in the text without inserted soft hyphens of each offset in the text with them. */
function callerOffsets(withPoints: string): Int32Array {
  const map = new Int32Array(withPoints.length + 1);
  let j = 0;
  for (let i = 0; i < withPoints.length; i++) {
    map[i] = j;
    if (withPoints.charCodeAt(i) !== 0xad) j++;
  }
  map[withPoints.length] = j;
  return map;
}

export { HYPHEN };
