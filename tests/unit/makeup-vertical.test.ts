import { describe, expect, it } from "vitest";
import { makeUp } from "../../src/makeup/index";
import type { ArticleMetrics, Grid, MakeupInput } from "../../src/makeup/types";
import { article, image, layoutProblems, TABLOID } from "./makeup-fixtures";

// A vertical head (竖排标题) is a block of k columns × n lines at the module's right: the text
// columns are the others, and the module is at least as tall as the head.

const grid: Grid = { columns: 6, rows: 60, ...TABLOID };

function vertical(id: string, order: number, lines: number, side: { span: number; rows: number }): ArticleMetrics {
  const a = article(id, order, lines, { gridColumns: 6 });
  return { ...a, headRows: a.headRows.map(() => 0), sideHead: side };
}

function solve(input: MakeupInput) {
  const result = makeUp(input);
  expect(layoutProblems(input, result)).toEqual([]);
  expect(result.ok).toBe(true);
  return result.layout;
}

describe("vertical heads in the make-up", () => {
  it("sets the head as a column block at the right, the text in the columns left of it", () => {
    const input: MakeupInput = {
      grid,
      pages: [
        {
          number: 1,
          reserved: [],
          articles: [article("lead", 0, 120, { gridColumns: 6 }), vertical("column", 1, 60, { span: 1, rows: 14 })],
        },
      ],
    };
    const layout = solve(input);
    const m = layout.pages[0]?.modules.find((x) => x.articleId === "column");
    expect(m?.sideHead).toEqual({ span: 1, rows: 14 });
    expect(m?.headRows).toBe(0);
    expect(m && m.rows >= 14).toBe(true);
    const textSpan = (m?.span ?? 0) - 1;
    expect(textSpan).toBeGreaterThanOrEqual(1);
    expect(m?.columns.every((c) => c.col < textSpan && c.row === 0)).toBe(true);
  });

  it("keeps a short story's module as tall as its head, and photos left of the head", () => {
    const short = { ...vertical("short", 1, 6, { span: 1, rows: 20 }), images: [image(1.5, 2, 6)] };
    const layout = solve({
      grid,
      pages: [{ number: 1, reserved: [], articles: [article("lead", 0, 200, { gridColumns: 6 }), short] }],
    });
    const m = layout.pages[0]?.modules.find((x) => x.articleId === "short");
    expect(m && m.rows >= 20).toBe(true);
    expect(m?.images.every((im) => im.col + im.span <= (m.span ?? 0) - 1)).toBe(true);
  });

  it("gives the rest of a jumped story the ordinary continuation head", () => {
    const long = { ...vertical("long", 0, 400, { span: 1, rows: 16 }), jumpTo: 2 };
    const layout = solve({
      grid,
      pages: [
        { number: 1, reserved: [], articles: [long] },
        { number: 2, reserved: [], articles: [] },
      ],
    });
    const rest = layout.pages[1]?.modules.find((x) => x.articleId === "long");
    expect(rest?.continuedFrom).toBe(1);
    expect(rest?.sideHead).toBeUndefined();
    expect(layout.pages[0]?.modules[0]?.sideHead).toEqual({ span: 1, rows: 16 });
  });
});
