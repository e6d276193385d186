// What the composer takes and gives. Lengths are CSS px (the page's unit; 1 pt = 4/3 px).

/** What the composer could not be sure of: the build names the article and says so. */
export type Problem =
  | { kind: "missing-glyph"; char: string; codePoint: number; at: number; fonts: string[] }
  | { kind: "overfull"; line: number; byPx: number }
  | { kind: "loose"; line: number; wordSpace: number }
  | { kind: "unsupported-font"; file: string; reason: string };

export type Align = "justify" | "ragged" | "center" | "right";

/** A change of spacing around one printed character: px added before and after it. */
export interface CharAdjust {
  /** Index into the line's printed text. */
  index: number;
  before: number;
  after: number;
}

/** A piece of the printed text in one style: `style` is the tag of the run it comes from
 *  (ComposeRun.style, else the index of the first run in its font). */
export interface PrintedRun {
  text: string;
  style: number;
}

export interface ComposedLine {
  /** Offsets into the paragraph's text (runs joined): the line holds [start, end). */
  start: number;
  end: number;
  /** What is printed: the text of [start, end) without joiners and soft hyphens, curly quotes,
   *  and a hyphen where the line ends in one; by run style. */
  runs: PrintedRun[];
  /** Ends at a hyphenation point (a hyphen is printed) or at a hard hyphen. */
  hyphen: boolean;
  /** The line box: the column (or head) width, px. */
  width: number;
  /** Where the text starts in the box (indent, centring), px. */
  left: number;
  /** Width of the printed text at its natural spacing with the fixed adjustments, px. */
  natural: number;
  /** px added to every U+0020 (CSS word-spacing). */
  wordSpacing: number;
  /** px added after every character (CSS letter-spacing). */
  letterSpacing: number;
  /** Fixed per-character spacing: punctuation set half width, spacing shrunk at a mark. */
  adjust: CharAdjust[];
  /** The printed width after spacing; equals width - left for a justified line. */
  printed: number;
  /** Largest word space of the line as a multiple of the face's own (Latin text with spaces). */
  spaceRatio?: number;
  /** CJK: parts of the printed text set without the line's letter-spacing, [start, end) pairs of
   *  indices: a Latin word or number but its last character. */
  tight?: number[];
}

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
}
