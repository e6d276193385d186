import { hyphenator } from "../../typeset/hyphenate";
import { breakCodes, HYPHEN, isCjkLang } from "./breaks";
import { curlyQuotes } from "./quotes";
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

const DROPPED = new Set(["\u2060", "\u00ad", "\n", "\u200b", "\ufeff"]);
const LIANG_POINT = "\u00ad";

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
  let orig = runs.map((r) => r.text).join("");
  let origStyle = runs.flatMap((r, i) => Array.from({ length: r.text.length }, () => styleOfRun[i] as number));
  const inserted = opts.hyphenate && !isCjkLang(lang) && !orig.includes(LIANG_POINT);
  if (inserted) {
    // Liang's points as soft hyphens, mapped back so line offsets stay those of the runs' text.
    ({ orig, origStyle } = withHyphens(orig, origStyle));
  }
  const origAtList: number[] = [];
  let clean = "";
  const style: number[] = [];
  for (let i = 0; i < orig.length; i++) {
    const ch = orig[i] as string;
    if (DROPPED.has(ch)) continue;
    origAtList.push(i);
    style.push(origStyle[i] ?? 0);
    clean += ch;
  }
  if (opts.curly) clean = curlyQuotes(clean);
  const origAt = Int32Array.from(origAtList);
  const breaks = breakCodes(orig, clean, origAt, lang);
  const styles = Uint8Array.from(style);
  const shaped = shapeText(clean, styles, fonts, lang);
  return {
    orig,
    clean,
    origAt,
    style: styles,
    fonts,
    tags,
    breaks,
    advances: shaped.advances,
    clusters: shaped.clusters,
    problems: shaped.problems,
    lang,
    toCaller: originalOffsets(orig, inserted),
  };
}

/** Inserts Liang's hyphenation points as soft hyphens (mapped away again by `originalOffsets`). */
function withHyphens(orig: string, origStyle: number[]): { orig: string; origStyle: number[] } {
  const hyphenate = hyphenator({ latin: true } as Parameters<typeof hyphenator>[0]);
  if (!hyphenate) return { orig, origStyle };
  const out = hyphenate(orig);
  const style: number[] = [];
  let j = 0;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === LIANG_POINT && orig[j] !== LIANG_POINT) style.push(origStyle[j] ?? 0);
    else style.push(origStyle[j++] ?? 0);
  }
  return { orig: out, origStyle: style };
}

/** Maps offsets in a text with inserted soft hyphens back to the text without them. */
export function originalOffsets(withPoints: string, inserted: boolean): (i: number) => number {
  if (!inserted) return (i) => i;
  const map = new Int32Array(withPoints.length + 1);
  let j = 0;
  for (let i = 0; i < withPoints.length; i++) {
    map[i] = j;
    if (withPoints[i] !== LIANG_POINT) j++;
  }
  map[withPoints.length] = j;
  return (i) => map[i] as number;
}

export { HYPHEN };
