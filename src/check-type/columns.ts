import { type BboxBlock, type BboxLine, type BboxPage, type BboxWord, isWide } from "./bbox";

// Rebuilds lines and text columns from pdftotext's word boxes. pdftotext's own grouping is not fit for
// narrow newspaper columns: it runs two columns' lines into one line when they share a baseline, puts
// the tail of a long column into its neighbour's block, and starts a new "line" where Chromium pulls
// a glyph back into its neighbour's box (the half-width pair 。”). The words themselves are exact.
//
// On a page set on a baseline grid the columns of neighbouring modules share baselines and are only a
// one-character gutter apart, no wider than a space in a justified line (“珍爱生命 谨防溺水”) or the space
// after a dateline (东昌府讯　); where a closing mark ends one column's line and an opening mark starts
// the next one's, both set half-width, the gutter shrinks to nothing. So a row is cut where a gap could
// be a gutter, unless the nearest line above or below runs across that gap: a gutter is a gutter on
// every row. The pieces are then stacked into columns, and a piece that still sits alone inside another
// column's measure, on a row where that column has a line, is put back into that line.

// Words whose tops differ by at most this share of their height sit on one row ...
const SAME_ROW = 0.25;
// ... unless their sizes differ by more than this share (a headline beside body text).
const ROW_SIZE = 0.2;
// Justification spreads CJK text by up to a third of a character; a gap this wide (in characters of the
// smaller of the two words) may be a gutter (one character, or half of one where a trimmed “ starts the
// next column's line), a space, or the spread of a loose caption line.
const CUT_EMS = 0.4;
// Between Latin words a gap that narrow is a word space (about half a character in a justified
// line): only one this wide may be a gutter, or spaces that line up on neighbouring rows (a
// column's first line over its second) cut a line in two.
const LATIN_CUT_EMS = 0.8;
const LATIN_END = /[\p{Script=Latin}\p{Nd}.,;:!?'"’”)\]-]$/u;
const LATIN_START = /^[\p{Script=Latin}\p{Nd}(“‘"'[-]/u;
// Next to a closing mark on the left or an opening mark on the right, a gap this narrow (negative: the
// boxes overlap) may be a gutter too: within a line, a pair of marks Chromium trims overlaps by half a
// character, less what justification adds.
const TOUCH_EMS = -0.25;
// A line above or below runs across a gap if it starts and ends this many characters beyond it.
const ACROSS_EMS = 0.25;
// A line continues the column above if it starts within this many line heights below the last line
// (a blank line between paragraphs included) ...
const MAX_LINE_STEP = 2.5;
// ... is set at about the same size (a caption at 0.9 of the body size is not) ...
const SIZE_TOLERANCE = 0.07;
// ... and shares at least this much of the narrower line's width with it.
const MIN_OVERLAP = 0.5;
// A lone piece is put back into a column's line if it lies within the column's edges give or take
// this many characters (half-width marks overhang the measure by half a character).
const INSIDE_EMS = 0.6;

// Marks Chromium may set half-width at a line's end (closing) or start (opening), overhanging the measure.
const CLOSING_MARK = /[、，。．？！：；》」』”’）】〕〉〗］｝]$/u;
const OPENING_MARK = /^[（《「『“‘【〔〈〖［｛]/u;

export function regroupPage(page: BboxPage): BboxPage {
  const words = page.blocks.flatMap((b) => b.lines.flatMap((l) => l.words));
  return { ...page, blocks: toColumns(toLines(words)) };
}

/** Words on one row, cut at the gutters between them: the line pieces, top to bottom. */
export function toLines(words: readonly BboxWord[]): BboxLine[] {
  const emScale = emPerHeight(words);
  const rows: BboxWord[][] = [];
  for (const word of [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const row = rows.findLast((r) => {
      const first = r[0] as BboxWord;
      return Math.abs(first.yMin - word.yMin) <= height(word) * SAME_ROW && sameSize(first, word, ROW_SIZE);
    });
    if (row) row.push(word);
    else rows.push([word]);
  }
  const pieces = rows.map((row) => splitRow(row, emScale));
  return pieces.flatMap((row, i) => joinAcross(row, pieces, i, emScale));
}

/** A row cut at every gap that could be a gutter. */
function splitRow(row: BboxWord[], emScale: number): BboxLine[] {
  const lines: BboxLine[] = [];
  let line: BboxLine | undefined;
  let last: BboxWord | undefined;
  for (const word of [...row].sort((a, b) => a.xMin - b.xMin)) {
    if (line && last && !mayBeGutter(line, last, word, emScale)) {
      addWords(line, [word]);
    } else {
      line = { xMin: word.xMin, yMin: word.yMin, xMax: word.xMax, yMax: word.yMax, words: [word] };
      lines.push(line);
    }
    last = word;
  }
  return lines;
}

function mayBeGutter(line: BboxLine, last: BboxWord, word: BboxWord, emScale: number): boolean {
  const em = Math.min(height(word), height(last)) * emScale;
  const gap = word.xMin - line.xMax;
  const latin = LATIN_END.test(last.text) && LATIN_START.test(word.text);
  if (gap >= (latin ? LATIN_CUT_EMS : CUT_EMS) * em) return true;
  return gap >= TOUCH_EMS * em && (CLOSING_MARK.test(last.text) || OPENING_MARK.test(word.text));
}

/** Joins the pieces of row `i` again where the nearest line above or below runs across the gap. */
function joinAcross(row: readonly BboxLine[], rows: readonly BboxLine[][], i: number, emScale: number): BboxLine[] {
  const lines: BboxLine[] = [];
  for (const piece of row) {
    const line = lines.at(-1);
    if (line && (runsAcross(line, piece, rows, i, -1, emScale) || runsAcross(line, piece, rows, i, 1, emScale))) {
      addWords(line, piece.words);
    } else {
      // A copy: the pieces stay as they were for the rows that take them as neighbours.
      lines.push({ ...piece, words: [...piece.words] });
    }
  }
  return lines;
}

/**
 * Whether the nearest line of the same size in direction `dir` (-1 up, 1 down) with text near the gap
 * between `left` and `right` spans that gap. Only the nearest counts: a column's last line, short,
 * says nothing about the lines further up.
 */
function runsAcross(
  left: BboxLine,
  right: BboxLine,
  rows: readonly BboxLine[][],
  i: number,
  dir: -1 | 1,
  emScale: number,
): boolean {
  const h = Math.min(height(left), height(right));
  const em = h * emScale;
  const lo = Math.min(left.xMax, right.xMin);
  const hi = Math.max(left.xMax, right.xMin);
  for (let j = i + dir; j >= 0 && j < rows.length; j += dir) {
    const row = rows[j] as BboxLine[];
    const step = Math.abs(((row[0] as BboxLine).yMin - right.yMin) / h);
    if (step > MAX_LINE_STEP) return false;
    if (step <= SAME_ROW) continue;
    const near = row.filter((p) => sameSize(p, right, SIZE_TOLERANCE) && p.xMin < hi + em && p.xMax > lo - em);
    if (near.length === 0) continue;
    const margin = ACROSS_EMS * em;
    return near.some((p) => p.xMin <= lo - margin && p.xMax >= hi + margin);
  }
  return false;
}

/** Stacks lines into columns, then puts lone pieces back into the column lines they belong to. */
export function toColumns(lines: readonly BboxLine[]): BboxBlock[] {
  const blocks: BboxBlock[] = [];
  for (const line of [...lines].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    let best: BboxBlock | undefined;
    let bestStep = Infinity;
    for (const block of blocks) {
      const last = block.lines.at(-1) as BboxLine;
      const step = line.yMin - last.yMin;
      if (step < bestStep && continues(block, last, line, step)) {
        best = block;
        bestStep = step;
      }
    }
    if (best) {
      best.lines.push(line);
      growBox(best, line);
    } else {
      blocks.push({ xMin: line.xMin, yMin: line.yMin, xMax: line.xMax, yMax: line.yMax, lines: [line] });
    }
  }
  const emScale = emPerHeight(lines.flatMap((l) => l.words));
  return blocks.filter((block) => !(block.lines.length === 1 && putBack(block.lines[0] as BboxLine, blocks, emScale)));
}

// The overlap is taken with the whole column, not its last line: a paragraph's short last line and the
// next paragraph's indented first line need not overlap at all.
function continues(column: BboxBlock, above: BboxLine, line: BboxLine, step: number): boolean {
  if (step <= height(line) * SAME_ROW || step > height(line) * MAX_LINE_STEP) return false;
  if (!sameSize(above, line, SIZE_TOLERANCE)) return false;
  const overlap = Math.min(column.xMax, line.xMax) - Math.max(column.xMin, line.xMin);
  const narrower = Math.min(column.xMax - column.xMin, line.xMax - line.xMin);
  return overlap >= narrower * MIN_OVERLAP;
}

/** Merges a lone piece into the line of a longer column on its row, if it lies within that column. */
function putBack(piece: BboxLine, blocks: readonly BboxBlock[], emScale: number): boolean {
  const margin = INSIDE_EMS * height(piece) * emScale;
  for (const block of blocks) {
    if (block.lines.length < 2 || piece.xMin < block.xMin - margin || piece.xMax > block.xMax + margin) continue;
    const host = block.lines.find(
      (l) =>
        l !== piece && Math.abs(l.yMin - piece.yMin) <= height(piece) * SAME_ROW && sameSize(l, piece, SIZE_TOLERANCE),
    );
    if (!host) continue;
    addWords(host, piece.words);
    growBox(block, host);
    return true;
  }
  return false;
}

function addWords(line: BboxLine, words: readonly BboxWord[]): void {
  line.words = [...line.words, ...words].sort((a, b) => a.xMin - b.xMin);
  for (const word of words) growBox(line, word);
}

function growBox(box: BboxLine | BboxBlock, inner: { xMin: number; yMin: number; xMax: number; yMax: number }) {
  box.xMin = Math.min(box.xMin, inner.xMin);
  box.yMin = Math.min(box.yMin, inner.yMin);
  box.xMax = Math.max(box.xMax, inner.xMax);
  box.yMax = Math.max(box.yMax, inner.yMax);
}

function height(box: { yMin: number; yMax: number }): number {
  return box.yMax - box.yMin;
}

function sameSize(a: { yMin: number; yMax: number }, b: { yMin: number; yMax: number }, tolerance: number) {
  return Math.abs(height(a) - height(b)) <= Math.max(height(a), height(b)) * tolerance;
}

/**
 * Character width per unit of box height, from the page's all-CJK words (a full-width character is
 * one em wide; the box is about 1.44 em tall in Noto CJK). The median keeps justified words out.
 */
function emPerHeight(words: readonly BboxWord[]): number {
  const ratios: number[] = [];
  for (const word of words) {
    const chars = [...word.text].filter((c) => c.trim() !== "" && c !== "\u2060");
    if (chars.length > 0 && chars.every(isWide) && height(word) > 0) {
      ratios.push((word.xMax - word.xMin) / chars.length / height(word));
    }
  }
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)] ?? 1 / 1.4;
}
