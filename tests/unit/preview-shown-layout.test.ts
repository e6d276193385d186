import { describe, expect, it } from "vitest";
import { makeUp } from "../../src/makeup/index";
import type { MakeupInput } from "../../src/makeup/types";
import { layoutReport } from "../../src/pipeline/summary";
import { ShownLayout } from "../../src/preview/client/frame-layout";
import { article, TABLOID } from "./makeup-fixtures";

// The preview's editor finds every module's rectangle and origin in the layout the server serves
// beside the pages (layout.json), not in the pages' markup: the same rectangles the make-up made.

describe("the editor's layout", () => {
  const grid = { columns: 4, rows: 40, ...TABLOID };
  const input: MakeupInput = {
    grid,
    pages: [
      {
        number: 1,
        reserved: [],
        articles: [article("long", 0, 300, { priority: 1, gridColumns: 4 })],
        booked: [{ id: "ad", span: 4, rows: 8, position: "bottom" }],
        pins: [],
      },
      { number: 2, reserved: [], articles: [article("short", 0, 40, { priority: 1, gridColumns: 4 })] },
    ],
  };
  const result = makeUp(input);
  const shown = ShownLayout.fromReport(JSON.parse(JSON.stringify(layoutReport(result.layout))));

  it("has every module and ad with the make-up's own rectangle and origin", () => {
    const made = result.layout.pages.flatMap((p) => [
      ...p.boxes.map((b) => ({
        kind: "ad",
        id: b.id,
        page: p.number,
        rect: { col: b.col, row: b.row, span: b.span, rows: b.rows },
      })),
      ...p.modules.map((m) => ({
        kind: "article",
        id: m.articleId,
        page: p.number,
        rect: { col: m.col, row: m.row, span: m.span, rows: m.rows },
      })),
    ]);
    expect(shown.modules.map(({ kind, id, page, rect }) => ({ kind, id, page, rect }))).toEqual(made);
    expect(shown.module("ad", "ad")?.origin).toBe("booked");
    expect(shown.module("article", "short")?.origin).toBe("make-up");
  });

  it("finds a jumped story where it starts, or its continued part on the page asked for", () => {
    expect(result.layout.jumps).toEqual([expect.objectContaining({ articleId: "long", fromPage: 1, toPage: 2 })]);
    const start = shown.module("article", "long");
    expect([start?.page, start?.continuedFrom]).toEqual([1, undefined]);
    expect(shown.module("article", "long", 2)).toMatchObject({ page: 2, continuedFrom: 1 });
    expect(
      shown
        .onPage(2)
        .map((m) => m.id)
        .sort(),
    ).toEqual(["long", "short"]);
  });

  it("measures the grid in CSS px from the format's points", () => {
    expect(shown.grid).toEqual(grid);
    const { column, gutter, pitch } = shown.px;
    expect([column, gutter, pitch].map((v) => Math.round(v * 1000) / 1000)).toEqual([146.667, 13.333, 20]);
  });
});
