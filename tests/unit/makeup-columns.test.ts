import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HARD_BREAK, RULE_BREAK } from "../../src/makeup/costs";
import { splitColumns } from "../../src/makeup/module/columns";
import { breakPenalty } from "../../src/makeup/rules/column-breaks";
import type { BodyLine } from "../../src/makeup/types";
import { bodyLines, random } from "./makeup-fixtures";

// Breaking one module's lines into its columns.

/** Legs of any length (the leg rule has its own tests below). */
const ANY_LEG = 1;

const line = (first: boolean, last: boolean, keepWithNext = false): BodyLine => ({
  paragraph: 0,
  first,
  last,
  keepWithNext,
});

describe("splitColumns", () => {
  it("balances lines over the columns, the first ones longer", () => {
    const lines = Array.from({ length: 10 }, () => line(false, false));
    expect(splitColumns(lines, 0, 10, [0, 0, 0], 100, false, ANY_LEG)?.counts).toEqual([4, 3, 3]);
  });

  it("sets text under a photo in the photo columns and beside it in the others", () => {
    const lines = Array.from({ length: 30 }, () => line(false, false));
    const split = splitColumns(lines, 0, 30, [12, 0, 0], 100, false, ANY_LEG);
    // Columns end on row 14: 2 lines under the photo, 14 beside it in each other column.
    expect(split?.counts).toEqual([2, 14, 14]);
    expect(split?.end).toBe(14);
  });

  it("keeps a row for the jump line at the foot of the last column", () => {
    const lines = Array.from({ length: 40 }, () => line(false, false));
    const split = splitColumns(lines, 0, 29, [0, 0, 0], 10, true, ANY_LEG);
    expect(split?.counts).toEqual([10, 10, 9]);
    expect(splitColumns(lines, 0, 30, [0, 0, 0], 10, true, ANY_LEG)).toBeNull();
  });

  it("moves a break rather than end a column on a subhead or after a paragraph's first line", () => {
    // 9 lines in 3 columns: balanced is 3/3/3, but line 2 is a subhead and line 5 a first line.
    const lines = [
      line(true, false),
      line(false, true),
      line(true, true, true),
      line(true, false),
      line(false, false),
      line(true, false),
      line(false, false),
      line(false, false),
      line(false, true),
    ];
    const split = splitColumns(lines, 0, 9, [0, 0, 0], 100, false, ANY_LEG);
    // 3/3/3 would end the first column on the subhead: one row deeper, columns 2/3/4.
    expect(split?.penalty).toBe(0);
    expect(split?.counts).toEqual([2, 3, 4]);
    let at = 0;
    for (const count of split?.counts ?? []) {
      at += count;
      expect(breakPenalty(lines, at)).toBe(0);
    }
  });

  it("avoids a leg shorter than the rule's lines: under a photo, or the text spread too wide", () => {
    const lines = Array.from({ length: 30 }, () => line(false, false));
    // Ending on row 14 leaves room for 2 lines under the photo: the text ends a row lower.
    const split = splitColumns(lines, 0, 30, [12, 0, 0], 100, false, 3);
    expect(split?.penalty).toBe(0);
    expect(Math.min(...(split?.counts ?? []).filter((n) => n > 0))).toBeGreaterThanOrEqual(3);
    // Five lines over three columns cannot be set without a short leg: it is paid for.
    const spread = splitColumns(lines, 0, 5, [0, 0, 0], 100, false, 3);
    expect(spread?.penalty).toBeGreaterThanOrEqual(RULE_BREAK);
  });

  it("places every line, within the rows, columns ending at most a line apart", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 8 }),
        (n, seed, span, photo, photoSpan) => {
          const lines = bodyLines(n, random(seed));
          const offsets = Array.from({ length: span }, (_, c) => (c < photoSpan ? photo : 0));
          const split = splitColumns(lines, 0, n, offsets, 10_000, false, ANY_LEG);
          expect(split).not.toBeNull();
          const counts = split?.counts ?? [];
          expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
          const ends = counts.flatMap((count, c) => (count > 0 ? [(offsets[c] ?? 0) + count] : []));
          // One line apart; two only to keep a subhead off a column foot.
          const subheads = lines.some((l) => l.keepWithNext);
          if (ends.length > 0) {
            expect(Math.max(...ends) - Math.min(...ends)).toBeLessThanOrEqual(subheads ? 2 : 1);
          }
          if (!subheads) expect(split?.penalty ?? 0).toBeLessThan(HARD_BREAK);
        },
      ),
    );
  });
});
