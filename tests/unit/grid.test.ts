import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fromIssuePin,
  fromIssueRect,
  type GridRect,
  inside,
  intersection,
  overlaps,
  photoRows,
  placementClashes,
  rectLabel,
  spanWidth,
  toIssueRect,
} from "../../src/grid";

const rect = fc.record({
  col: fc.integer({ min: -2, max: 10 }),
  row: fc.integer({ min: -2, max: 40 }),
  span: fc.integer({ min: 1, max: 6 }),
  rows: fc.integer({ min: 1, max: 20 }),
});

/** The cells of a rectangle, one by one: what the rectangle arithmetic must agree with. */
const cells = (r: GridRect) =>
  Array.from({ length: r.span * r.rows }, (_, i) => `${r.col + (i % r.span)},${r.row + Math.floor(i / r.span)}`);

describe("grid rectangles", () => {
  it("overlap exactly when they share a cell, and share the cells of their intersection", () => {
    fc.assert(
      fc.property(rect, rect, (a, b) => {
        const shared = cells(a).filter((c) => cells(b).includes(c));
        expect(overlaps(a, b)).toBe(shared.length > 0);
        expect(overlaps(b, a)).toBe(overlaps(a, b));
        const both = intersection(a, b);
        expect(both ? cells(both).sort() : []).toEqual(shared.sort());
      }),
    );
  });

  it("are inside a grid when every cell is", () => {
    fc.assert(
      fc.property(rect, (r) => {
        const within = cells(r).every((c) => {
          const [col, row] = c.split(",").map(Number) as [number, number];
          return col >= 0 && row >= 0 && col < 6 && row < 30;
        });
        expect(inside(r, { columns: 6, rows: 30 })).toBe(within);
      }),
    );
  });

  it("convert to and from the issue file's 1-based units", () => {
    fc.assert(
      fc.property(rect, (r) => {
        expect(fromIssueRect(toIssueRect(r))).toEqual(r);
      }),
    );
    expect(toIssueRect({ col: 0, row: 9, span: 2, rows: 5 })).toEqual({ column: 1, line: 10, span: 2, height: 5 });
    expect(fromIssuePin({ column: 3, line: 1, span: 2 })).toEqual({ col: 2, row: 0, span: 2 });
    expect(fromIssuePin({ column: 3, line: 1, span: 2, height: 4 })).toEqual({ col: 2, row: 0, span: 2, rows: 4 });
  });

  it("are named as editors count, from 1", () => {
    expect(rectLabel({ col: 1, row: 9, span: 3, rows: 24 })).toBe("columns 2–4, lines 10–33");
    expect(rectLabel({ col: 0, row: 4, span: 1, rows: 1 })).toBe("column 1, line 5");
  });
});

describe("grid geometry", () => {
  const g = { columns: 6, rows: 66, columnWidth: 100, gutter: 10, linePitch: 15 };

  it("measures a span with the gutters between its columns", () => {
    expect(spanWidth(g, 1)).toBe(100);
    expect(spanWidth(g, 3)).toBe(320);
  });

  it("gives a photo the lines of its aspect ratio at a span, at least one", () => {
    expect(photoRows(g, 2, 1.4)).toBe(10); // 210 / 1.4 / 15
    expect(photoRows(g, 1, 100)).toBe(1);
    // No usable aspect ratio: a landscape 3:2.
    expect(photoRows(g, 3, 0)).toBe(photoRows(g, 3, 1.5));
  });
});

describe("explicit placements", () => {
  it("are checked once for the grid, duplicates and overlaps, in list order", () => {
    const at = (articleId: string, col: number, row: number, span: number, rows: number) => ({
      articleId,
      rect: { col, row, span, rows },
    });
    const clashes = placementClashes(
      [at("a", 0, 0, 4, 10), at("b", 4, 0, 3, 10), at("a", 0, 20, 2, 5), at("c", 3, 9, 2, 3)],
      { columns: 6, rows: 30 },
    );
    expect(clashes).toEqual([
      { kind: "outside", index: 1 },
      { kind: "twice", index: 2, first: 0 },
      { kind: "overlap", index: 3, other: 0, shared: { col: 3, row: 9, span: 1, rows: 1 } },
      { kind: "overlap", index: 3, other: 1, shared: { col: 4, row: 9, span: 1, rows: 1 } },
    ]);
  });
});
