import type { ComposedLine } from "../../typeset/printed-lines";

// What the composer takes and gives. Lengths are CSS px (the page's unit; 1 pt = 4/3 px).

/** What the composer could not be sure of: the build names the article and says so. */
export type Problem =
  | { kind: "missing-glyph"; char: string; codePoint: number; at: number; fonts: string[] }
  | { kind: "overfull"; line: number; byPx: number }
  | { kind: "loose"; line: number; wordSpace: number }
  | { kind: "unsupported-font"; file: string; reason: string };

export type Align = "justify" | "ragged" | "center" | "right";

export type { CharAdjust, ComposedLine, PrintedRun } from "../../typeset/printed-lines";

export interface ComposedParagraph {
  lines: ComposedLine[];
  problems: Problem[];
}

/** Breaking a paragraph: one cost model for Latin (words, hyphens) and CJK (characters on a grid). */
export interface ComposeOptions {
  /** The measure, px. */
  width: number;
  /** BCP 47 language of the text (zh-Hans, zh-Hant, en...): kinsoku, punctuation, shaping. */
  lang: string;
  /** First-line indent, px. */
  indent?: number;
  align?: Align;
  /** Alignment of the last line (justify: left-aligned last line). */
  alignLast?: Align;
  /** Latin: hyphenate (Liang) where the text has no soft hyphens of its own. Default: true for Latin body. */
  hyphenate?: boolean;
  /** Latin: widest word space the style wants, as a multiple of the natural one (house style). */
  maxWordSpace?: number;
  /** Latin: never wider than this (a loose line beyond it is reported). */
  hardMaxWordSpace?: number;
  /** Latin: the narrowest word space, as a multiple of the natural one. Default 0.75. */
  minWordSpace?: number;
  /** Latin justified lines: letter-spacing a line may take, em (min ≤ 0 ≤ max), in steps of `step`
   *  em, counted as stretch and shrink when breaking; a tracked line is set without ligatures. */
  trackingRange?: { min: number; max: number; step?: number };
  /** Most hyphenated lines in a row. */
  maxHyphens?: number;
  /** CJK: full-width 。，、 at a line end set half width (house style). */
  halfWidthLineEnd?: boolean;
  /** CJK: an opening mark at the start of a line (not the paragraph's first) set half width. */
  trimLineStart?: boolean;
  /** px added after every character (CSS letter-spacing of a head); ligatures are then off. */
  tracking?: number;
  /** CJK: em between an ideograph and a Latin letter or digit (0.125: Chromium's text-autospace:
   *  normal; clreq suggests 0.25), never at a line's edge. Default 0. */
  autospace?: number;
  /** Straight quotes become curly ones (Latin). */
  curlyQuotes?: boolean;
  /** `first-fit`: each line as full as it goes at natural spacing, as Chromium breaks text it sets
   *  itself (heads, captions); default `total-fit` (Knuth–Plass). */
  breaking?: "total-fit" | "first-fit";
  /** CJK: every mark at its full width, none compressed nor trimmed at a line's edge, as Chromium
   *  sets heads and captions (text-spacing-trim: space-all in article.css). */
  fullWidthMarks?: boolean;
}
