import { RULE_BREAK } from "../costs";
import { breakPenalty } from "../rules/column-breaks";
import { legCost } from "../rules/legs";
import type { BodyLine } from "../types";

// Breaking an article's lines into the text columns of one module: balanced (columns end on
// the same row, or one apart) and avoiding orphans, widows and lone subheads at the breaks
// (rules/column-breaks.ts) and legs shorter than `minLeg` lines (rules/legs.ts).

export interface ColumnSplit {
  /** Lines per text column, left to right. */
  counts: number[];
  /** Body row (below the head) where the text ends, jump line included. */
  end: number;
  /** Sum of break penalties (HARD_BREAK for a column ending on a keepWithNext line) and of
   *  short legs (RULE_BREAK each). */
  penalty: number;
}

/** Lines column c can hold when the text ends on row `end`. */
function capacity(offsets: number[], c: number, end: number, jump: boolean): number {
  const reserved = jump && c === offsets.length - 1 ? 1 : 0;
  return Math.max(0, end - (offsets[c] ?? 0) - reserved);
}

function totalCapacity(offsets: number[], end: number, jump: boolean): number {
  let total = 0;
  for (let c = 0; c < offsets.length; c++) total += capacity(offsets, c, end, jump);
  return total;
}

/** Smallest end row that holds n lines, or -1 if even maxRows does not. */
export function minimalEnd(offsets: number[], n: number, maxRows: number, jump: boolean): number {
  if (totalCapacity(offsets, maxRows, jump) < n) return -1;
  let lo = 0;
  let hi = maxRows;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (totalCapacity(offsets, mid, jump) >= n) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// Scratch tables of the DP below, grown as needed: it runs thousands of times per page.
let costs = new Float64Array(1024);
let parents = new Int32Array(1024);

function scratch(size: number): void {
  if (costs.length >= size) return;
  costs = new Float64Array(size * 2);
  parents = new Int32Array(size * 2);
}

/** Best counts with each column ending between `end - slack` and `end`, or null. A small DP
 *  over the cumulative line count after each column. */
function splitAt(
  lines: BodyLine[],
  start: number,
  n: number,
  offsets: number[],
  end: number,
  slack: number,
  jump: boolean,
  minLeg: number,
): ColumnSplit | null {
  const k = offsets.length;
  const hi = offsets.map((_, c) => capacity(offsets, c, end, jump));
  const lo = hi.map((h) => Math.max(0, h - slack));
  // The jump line follows the last line of the last column, so that column must hold text.
  if (jump && k > 0) {
    if ((hi[k - 1] ?? 0) < 1) return null;
    lo[k - 1] = Math.max(1, lo[k - 1] ?? 0);
  }
  const sumLo = lo.reduce((a, b) => a + b, 0);
  const sumHi = hi.reduce((a, b) => a + b, 0);
  if (sumLo > n || sumHi < n) return null;
  const width = n + 1;
  scratch(width * (k + 1));
  // Row c holds the best penalty after c columns for each cumulative count in its window.
  costs[0] = 0;
  let prefixLo = 0;
  let prefixHi = 0;
  let windowLo = 0;
  let windowHi = 0;
  for (let c = 0; c < k; c++) {
    const cLo = lo[c] ?? 0;
    const cHi = hi[c] ?? 0;
    prefixLo += cLo;
    prefixHi += cHi;
    const nextLo = Math.max(prefixLo, n - (sumHi - prefixHi));
    const nextHi = Math.min(prefixHi, n - (sumLo - prefixLo));
    const row = (c + 1) * width;
    for (let at = nextLo; at <= nextHi; at++) costs[row + at] = Number.POSITIVE_INFINITY;
    for (let pos = windowLo; pos <= windowHi; pos++) {
      const base = costs[c * width + pos] ?? Number.POSITIVE_INFINITY;
      if (base === Number.POSITIVE_INFINITY) continue;
      const first = Math.max(cLo, nextLo - pos);
      const last = Math.min(cHi, nextHi - pos);
      for (let count = first; count <= last; count++) {
        const at = pos + count;
        // Ties go to fuller early columns: text fills left to right, the last column is short.
        const short = (cHi - count) * (k - c) * 1e-6;
        const cost =
          base + short + (count > 0 && at < n ? breakPenalty(lines, start + at) : 0) + legCost(count, n, minLeg);
        if (cost < (costs[row + at] ?? Number.POSITIVE_INFINITY)) {
          costs[row + at] = cost;
          parents[row + at] = pos;
        }
      }
    }
    windowLo = nextLo;
    windowHi = nextHi;
  }
  if ((costs[k * width + n] ?? Number.POSITIVE_INFINITY) === Number.POSITIVE_INFINITY) return null;
  const counts = new Array<number>(k).fill(0);
  let pos = n;
  let penalty = 0;
  for (let c = k; c > 0; c--) {
    const prev = parents[c * width + pos] ?? 0;
    counts[c - 1] = pos - prev;
    if (pos > prev && pos < n) penalty += breakPenalty(lines, start + pos);
    penalty += legCost(pos - prev, n, minLeg);
    pos = prev;
  }
  return { counts, end: textEnd(offsets, counts, jump), penalty };
}

function textEnd(offsets: number[], counts: number[], jump: boolean): number {
  let end = 0;
  counts.forEach((count, c) => {
    const withJump = jump && c === counts.length - 1 ? 1 : 0;
    if (count + withJump > 0) end = Math.max(end, (offsets[c] ?? 0) + count + withJump);
  });
  return end;
}

/**
 * Set n lines from `start` into columns whose text starts at `offsets` (rows below the head),
 * at most `maxRows` deep. With `jump`, the last column keeps a row for the jump line.
 * Balanced first; if that forces a column to end on a keepWithNext line or leaves a leg shorter
 * than `minLeg`, columns may differ by two lines or the text may run a row or two deeper.
 */
export function splitColumns(
  lines: BodyLine[],
  start: number,
  n: number,
  offsets: number[],
  maxRows: number,
  jump: boolean,
  minLeg: number,
): ColumnSplit | null {
  const end = minimalEnd(offsets, n, maxRows, jump);
  if (end < 0) return null;
  let split = splitAt(lines, start, n, offsets, end, 1, jump, minLeg);
  if (split !== null && split.penalty < RULE_BREAK) return split;
  for (const [tryEnd, slack] of [
    [end, 2],
    [end + 1, 2],
    [end + 2, 3],
  ] as const) {
    if (tryEnd > maxRows) continue;
    const other = splitAt(lines, start, n, offsets, tryEnd, slack, jump, minLeg);
    if (other !== null && (split === null || other.penalty < split.penalty)) split = other;
    if (split !== null && split.penalty < RULE_BREAK) break;
  }
  return split;
}
