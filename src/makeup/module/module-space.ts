import type { PhotoChoice } from "../photos/photo-layouts";
import { breakPenalty } from "../rules/column-breaks";
import { legCost } from "../rules/legs";
import type { BodyLine } from "../types";

// The space for text in a module below its head: columns under photos start below the photos
// and their captions, the others right under the head.

/** Rows taken by photos (and captions) at the top of column c. */
function depthAt(choice: PhotoChoice, c: number): number {
  return choice.depth[c] ?? 0;
}

/** Rows of the photo area: the deepest photo column. */
export function photoBlock(choice: PhotoChoice): number {
  return choice.block;
}

/** First body row of each text column. */
export function columnOffsets(span: number, choice: PhotoChoice): number[] {
  const offsets = new Array<number>(span);
  for (let c = 0; c < span; c++) offsets[c] = depthAt(choice, c);
  return offsets;
}

/** Lines that fit when all columns end on body row `end`. */
export function capacityAt(span: number, choice: PhotoChoice, end: number): number {
  let total = 0;
  for (let c = 0; c < span; c++) total += Math.max(0, end - depthAt(choice, c));
  return total;
}

/** Smallest body row at which n lines fit beside and under the photos. */
export function naturalEnd(span: number, choice: PhotoChoice, n: number): number {
  if (n <= 0) return 0;
  let lo = 0;
  let hi = photoBlock(choice) + Math.ceil(n / span);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (capacityAt(span, choice, mid) >= n) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Every column filled to the bottom (a cut module), the last keeping a row for the jump
 *  line; null if that leaves the last column without a line. */
export function fullColumns(span: number, choice: PhotoChoice, body: number, jump: boolean): number[] | null {
  const counts = new Array<number>(span);
  for (let c = 0; c < span; c++) counts[c] = Math.max(0, body - depthAt(choice, c));
  if (jump) {
    const last = (counts[span - 1] ?? 0) - 1;
    if (last < 1) return null;
    counts[span - 1] = last;
  }
  return counts;
}

/** Break and short-leg penalties of given column counts. */
export function countsPenalty(lines: BodyLine[], start: number, counts: number[], minLeg: number): number {
  let penalty = 0;
  let at = start;
  const total = counts.reduce((a, b) => a + b, 0);
  const end = start + total;
  for (const count of counts) {
    at += count;
    if (count > 0 && at < end) penalty += breakPenalty(lines, at);
    penalty += legCost(count, total, minLeg);
  }
  return penalty;
}
