import type { BboxBlock, BboxLine, BboxPage, BboxWord } from "./bbox";

// Rebuilds lines and text columns from pdftotext's word boxes. pdftotext's own grouping is not fit for
// narrow newspaper columns: it runs two columns' lines into one line when they share a baseline, puts
// the tail of a long column into its neighbour's block, and starts a new "line" where Chromium pulls
// a glyph back into its neighbour's box (the half-width pair 。”). The words themselves are exact.

// Words whose tops differ by at most this share of their height sit on one row.
const SAME_ROW = 0.25;
// A horizontal gap wider than this many characters between words of a row is a gutter between columns.
const GUTTER_EMS = 1;
// CJK fonts' boxes are about 1.4 em tall: the character size from a word's height.
const EMS_PER_HEIGHT = 1 / 1.4;
// A line continues the column above if it starts within this many line heights below the last line
// (a blank line between paragraphs included) ...
const MAX_LINE_STEP = 2.5;
// ... is set at about the same size ...
const SIZE_TOLERANCE = 0.2;
// ... and shares at least this much of the narrower line's width with it.
const MIN_OVERLAP = 0.5;

export function regroupPage(page: BboxPage): BboxPage {
  const words = page.blocks.flatMap((b) => b.lines.flatMap((l) => l.words));
  return { ...page, blocks: toColumns(toLines(words)) };
}

/** Words on one row, split at gutters: the lines of the page, top to bottom, left to right. */
export function toLines(words: readonly BboxWord[]): BboxLine[] {
  const rows: BboxWord[][] = [];
  for (const word of [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const height = word.yMax - word.yMin;
    const row = rows.findLast((r) => Math.abs((r[0] as BboxWord).yMin - word.yMin) <= height * SAME_ROW);
    if (row) row.push(word);
    else rows.push([word]);
  }
  return rows.flatMap(splitAtGutters);
}

function splitAtGutters(row: BboxWord[]): BboxLine[] {
  const lines: BboxLine[] = [];
  let line: BboxLine | undefined;
  for (const word of [...row].sort((a, b) => a.xMin - b.xMin)) {
    const em = (word.yMax - word.yMin) * EMS_PER_HEIGHT;
    if (line && word.xMin - line.xMax <= GUTTER_EMS * em) {
      line.words.push(word);
      line.xMax = Math.max(line.xMax, word.xMax);
      line.yMin = Math.min(line.yMin, word.yMin);
      line.yMax = Math.max(line.yMax, word.yMax);
    } else {
      line = { xMin: word.xMin, yMin: word.yMin, xMax: word.xMax, yMax: word.yMax, words: [word] };
      lines.push(line);
    }
  }
  return lines;
}

/** Stacks lines into columns: each line goes under the nearest column it continues. */
export function toColumns(lines: readonly BboxLine[]): BboxBlock[] {
  const blocks: BboxBlock[] = [];
  for (const line of [...lines].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    let best: BboxBlock | undefined;
    let bestStep = Infinity;
    for (const block of blocks) {
      const last = block.lines.at(-1) as BboxLine;
      const step = line.yMin - last.yMin;
      if (step < bestStep && continues(last, line, step)) {
        best = block;
        bestStep = step;
      }
    }
    if (best) {
      best.lines.push(line);
      best.xMin = Math.min(best.xMin, line.xMin);
      best.xMax = Math.max(best.xMax, line.xMax);
      best.yMax = Math.max(best.yMax, line.yMax);
    } else {
      blocks.push({ xMin: line.xMin, yMin: line.yMin, xMax: line.xMax, yMax: line.yMax, lines: [line] });
    }
  }
  return blocks;
}

function continues(above: BboxLine, line: BboxLine, step: number): boolean {
  const height = line.yMax - line.yMin;
  const aboveHeight = above.yMax - above.yMin;
  if (step <= height * SAME_ROW || step > height * MAX_LINE_STEP) return false;
  if (Math.abs(height - aboveHeight) > height * SIZE_TOLERANCE) return false;
  const overlap = Math.min(above.xMax, line.xMax) - Math.max(above.xMin, line.xMin);
  const narrower = Math.min(above.xMax - above.xMin, line.xMax - line.xMin);
  return overlap >= narrower * MIN_OVERLAP;
}
