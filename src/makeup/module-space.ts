import { breakPenalty } from "./columns";
import type { PhotoRange } from "./photos";
import type { BodyLine } from "./types";

// The space for text in a module below its head: photo columns start under the photo block
// (photos plus captions), the other columns right under the head.

/** A photo width and height for a module, or none. */
export interface PhotoChoice {
  range: PhotoRange | null;
  /** Photo rows summed over the images, captions apart. */
  rows: number;
}

export const NO_PHOTO: PhotoChoice = { range: null, rows: 0 };

export function photoBlock(choice: PhotoChoice): number {
  return choice.range === null ? 0 : choice.rows + choice.range.caption;
}

export function photoCells(choice: PhotoChoice): number {
  return (choice.range?.span ?? 0) * photoBlock(choice);
}

/** First body row of each text column. */
export function columnOffsets(span: number, choice: PhotoChoice): number[] {
  const block = photoBlock(choice);
  const photoSpan = choice.range?.span ?? 0;
  return Array.from({ length: span }, (_, c) => (c < photoSpan ? block : 0));
}

/** Lines that fit when all columns end on body row `end`. */
export function capacityAt(span: number, choice: PhotoChoice, end: number): number {
  const photoSpan = choice.range?.span ?? 0;
  return (span - photoSpan) * Math.max(0, end) + photoSpan * Math.max(0, end - photoBlock(choice));
}

/** Smallest body row at which n lines fit beside and under the photo. */
export function naturalEnd(span: number, choice: PhotoChoice, n: number): number {
  if (n <= 0) return 0;
  const photoSpan = choice.range?.span ?? 0;
  const beside = span - photoSpan;
  const block = photoBlock(choice);
  if (beside > 0 && beside * block >= n) return Math.ceil(n / beside);
  return Math.ceil((n + photoSpan * block) / span);
}

/** Every column filled to the bottom (a cut module), the last keeping a row for the jump
 *  line; null if that leaves the last column without a line. */
export function fullColumns(span: number, choice: PhotoChoice, body: number, jump: boolean): number[] | null {
  const counts = columnOffsets(span, choice).map((offset) => Math.max(0, body - offset));
  if (jump) {
    const last = (counts[span - 1] ?? 0) - 1;
    if (last < 1) return null;
    counts[span - 1] = last;
  }
  return counts;
}

/** Break penalties of given column counts. */
export function countsPenalty(lines: BodyLine[], start: number, counts: number[]): number {
  let penalty = 0;
  let at = start;
  const end = start + counts.reduce((a, b) => a + b, 0);
  for (const count of counts) {
    at += count;
    if (count > 0 && at < end) penalty += breakPenalty(lines, at);
  }
  return penalty;
}
