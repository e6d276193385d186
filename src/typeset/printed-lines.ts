// A line as the composer decided it (src/measure/composer), plain data: the measure stage gives
// these per paragraph, the render stage prints each one as its own line box. Lengths are CSS px.

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

// How render prints the composer's lines (src/measure/composer): each line its own box that never wraps (white-space: pre), its
// spacing written out (word-spacing, letter-spacing, a margin at each adjusted mark), so the text ends
// where the composer put it and Chromium has no line to break. templates/partials/lines.hbs and
// styles/lines.css take these views.

export interface LinePiece {
  text: string;
  /** Class of the run's style (the dateline's), if any. */
  cls?: string;
  /** Margins of an adjusted character. */
  css?: string;
}

export interface LineView {
  style: string;
  pieces: LinePiece[];
}

const px = (v: number) => `${Number(v.toFixed(5))}px`;

/** Views of lines for the lines partial; `classes[style]` is the class of a run style. */
export function lineViews(lines: ComposedLine[], classes: readonly (string | undefined)[] = []): LineView[] {
  return lines.map((line) => {
    const style = [
      line.left ? `padding-left:${px(line.left)}` : "",
      line.wordSpacing ? `word-spacing:${px(line.wordSpacing)}` : "",
      line.letterSpacing ? `letter-spacing:${px(line.letterSpacing)}` : "",
      // The composer shaped a letter-spaced line without ligatures: say so, not Chromium's heuristics.
      line.letterSpacing ? "font-variant-ligatures:none" : "",
    ]
      .filter(Boolean)
      .join(";");
    return { style, pieces: piecesOf(line, classes) };
  });
}

/** The line's text cut where the style changes, at each adjusted mark (its own piece with margins)
 *  and around tight ranges (a Latin word in CJK text, printed letter-spacing 0). */
function piecesOf(line: ComposedLine, classes: readonly (string | undefined)[]): LinePiece[] {
  const text = line.runs.map((r) => r.text).join("");
  const classAt: (string | undefined)[] = [];
  for (const run of line.runs) for (let i = 0; i < run.text.length; i++) classAt.push(classes[run.style]);
  const adjust = new Map(line.adjust.map((a) => [a.index, a]));
  const tight = new Uint8Array(text.length);
  const tr = line.tight ?? [];
  for (let k = 0; k + 1 < tr.length; k += 2) tight.fill(1, tr[k], tr[k + 1]);
  const pieces: LinePiece[] = [];
  let from = 0;
  const flush = (to: number, css?: string) => {
    if (to <= from) return;
    const cls = [classAt[from], tight[from] ? "np-tight" : undefined].filter(Boolean).join(" ");
    pieces.push({ text: text.slice(from, to), ...(cls ? { cls } : {}), ...(css !== undefined ? { css } : {}) });
    from = to;
  };
  for (let i = 0; i < text.length; i++) {
    const a = adjust.get(i);
    if (a) {
      flush(i);
      const end = i + (isHigh(text.charCodeAt(i)) ? 2 : 1);
      const margins = [a.before ? `margin-left:${px(a.before)}` : "", a.after ? `margin-right:${px(a.after)}` : ""];
      flush(end, margins.filter(Boolean).join(";"));
      i = end - 1;
    } else if (i > from && (classAt[i] !== classAt[i - 1] || tight[i] !== tight[i - 1])) flush(i);
  }
  flush(text.length);
  return pieces;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
