import { type Items, larger, paragraphItems } from "./items";

// A paragraph's items and the spacing that sits beside its characters (CJK marks, autospace), read
// again when its lines are set. The per-character arrays are the process's, reused and zeroed per
// paragraph (composing is synchronous): only [0, n) of each is the paragraph's.

export interface GapModel {
  items: Items;
  /** Adjustment before / after each clean character whatever the breaks (adjacent marks). */
  fixedBefore: Float64Array;
  fixedAfter: Float64Array;
  /** Leading half of an opening mark, in the glue before it: trimmed when the mark starts a line. */
  lead: Float64Array;
  /** Trailing half of a closing mark, in the glue after it: trimmed when the mark ends a line. */
  trail: Float64Array;
  /** What may shrink before / after a character (push-in). */
  shrinkBefore: Float64Array;
  shrinkAfter: Float64Array;
  /** Autospace after a character (when the next one is on the same line). */
  autospaceAfter: Float64Array;
  /** The characters with any of the above, ascending. */
  marks: number[];
  /** Stretch of one letter gap: the line's letter-spacing is ratio × this. */
  gapStretch: number;
}

let scratch = new Float64Array(7 * 256);

/** An empty model for a paragraph of n code units. */
export function gapModel(n: number, gapStretch: number): GapModel {
  if (scratch.length < 7 * n) scratch = larger(scratch, 7 * n * 2);
  const size = scratch.length / 7;
  const part = (k: number) => {
    const a = scratch.subarray(k * size, k * size + size);
    a.fill(0, 0, n);
    return a;
  };
  return {
    items: paragraphItems(),
    fixedBefore: part(0),
    fixedAfter: part(1),
    lead: part(2),
    trail: part(3),
    shrinkBefore: part(4),
    shrinkAfter: part(5),
    autospaceAfter: part(6),
    marks: [],
    gapStretch,
  };
}
