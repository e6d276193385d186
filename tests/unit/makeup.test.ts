import { describe, expect, it } from "vitest";
import { warning } from "../../src/diagnostics";
import { MakeupError, makeUp } from "../../src/makeup/index";
import type { ArticleMetrics, BodyLine, Grid, MakeupInput, Module, PageInput } from "../../src/makeup/types";
import { article, image, layoutProblems, TABLOID } from "./makeup-fixtures";

// Worked examples of the make-up rules; makeup-properties.test.ts checks the invariants on
// random issues.

const grid: Grid = { columns: 6, rows: 100, ...TABLOID };
const small: Grid = { columns: 4, rows: 40, ...TABLOID };

function page(number: number, articles: ArticleMetrics[], extra: Partial<PageInput> = {}): PageInput {
  return { number, articles, reserved: [], ...extra };
}

function solve(input: MakeupInput) {
  const result = makeUp(input);
  expect(layoutProblems(input, result)).toEqual([]);
  return result;
}

function moduleOf(result: ReturnType<typeof makeUp>, pageIndex: number, id: string): Module {
  const found = result.layout.pages[pageIndex]?.modules.find((m) => m.articleId === id && !m.continuedFrom);
  if (found === undefined) throw new Error(`no module for ${id}`);
  return found;
}

/** Plain paragraphs of `size` lines, no subheads. */
function paragraphs(count: number, size: number): BodyLine[] {
  return Array.from({ length: count }, (_, i) => ({
    paragraph: Math.floor(i / size),
    first: i % size === 0,
    last: i % size === size - 1 || i === count - 1,
    keepWithNext: false,
  }));
}

describe("automatic make-up", () => {
  it("fills a page: lead top left and widest, every cell in a module, columns balanced", () => {
    const input: MakeupInput = {
      grid,
      pages: [
        page(1, [
          article("second", 0, 120, { priority: 2, gridColumns: 6 }),
          article("lead", 1, 160, { priority: 1, head: 5, gridColumns: 6, images: [image(1.5, 2, 6)] }),
          article("third", 2, 90, { priority: 3, gridColumns: 6 }),
          article("fourth", 3, 140, { priority: 4, gridColumns: 6 }),
        ]),
      ],
    };
    const result = solve(input);
    const layout = result.layout.pages[0];
    const lead = moduleOf(result, 0, "lead");
    expect([lead.col, lead.row]).toEqual([0, 0]);
    for (const m of layout?.modules ?? []) expect(m.span).toBeLessThanOrEqual(lead.span);
    expect(layout?.modules.reduce((sum, m) => sum + m.span * m.rows, 0)).toBe(600);
    expect(lead.images).toHaveLength(1);
  });

  it("balances columns to within one line and keeps subheads with their paragraph", () => {
    const lines = paragraphs(101, 5);
    // A subhead every 20 lines.
    for (let i = 19; i < 100; i += 20) lines[i] = { paragraph: -1, first: true, last: true, keepWithNext: true };
    const input: MakeupInput = {
      grid: small,
      pages: [page(1, [article("a", 0, 0, { priority: 1, gridColumns: 4, lines })])],
    };
    const result = solve(input);
    for (const m of result.layout.pages[0]?.modules ?? []) {
      const ends = m.columns.map((c) => c.row + c.end - c.start);
      expect(Math.max(...ends) - Math.min(...ends)).toBeLessThanOrEqual(1);
      for (const c of m.columns) expect(lines[c.end - 1]?.keepWithNext && c.end < lines.length).toBeFalsy();
    }
  });

  it("keeps out of the masthead band and starts the lead under it", () => {
    const input: MakeupInput = {
      grid,
      pages: [
        page(1, [article("a", 0, 300, { priority: 1, gridColumns: 6 }), article("b", 1, 250, { gridColumns: 6 })], {
          reserved: [{ col: 0, row: 0, span: 6, rows: 12 }],
        }),
      ],
    };
    const result = solve(input);
    expect(result.layout.pages[0]?.totalCells).toBe(6 * 88);
    expect(moduleOf(result, 0, "a").row).toBe(12);
  });

  it("fills around a reserved box in a corner", () => {
    const input: MakeupInput = {
      grid,
      pages: [
        page(
          1,
          [0, 1, 2, 3, 4, 5].map((i) => article(`a${i}`, i, 80 + 20 * i, { priority: i + 1, gridColumns: 6 })),
          { reserved: [{ col: 4, row: 70, span: 2, rows: 30 }] },
        ),
        page(2, [article("next", 0, 50, { gridColumns: 6 })]),
      ],
    };
    const result = solve(input);
    const modules = result.layout.pages[0]?.modules ?? [];
    expect(modules.reduce((sum, m) => sum + m.span * m.rows, 0)).toBe(600 - 60);
    expect(result.layout.pages[0]?.emptyCells).toBeLessThan(0.03 * 540);
  });

  it("honours the columns and minLines hints", () => {
    const input: MakeupInput = {
      grid,
      pages: [
        page(1, [
          article("lead", 0, 200, { priority: 1, gridColumns: 6 }),
          article("narrow", 1, 60, { priority: 2, columns: 2, gridColumns: 6 }),
          article("tall", 2, 40, { priority: 3, minLines: 30, gridColumns: 6 }),
          article("rest", 3, 300, { priority: 4, gridColumns: 6 }),
        ]),
      ],
    };
    const result = solve(input);
    expect(moduleOf(result, 0, "narrow").span).toBe(2);
    expect(moduleOf(result, 0, "tall").rows).toBeGreaterThanOrEqual(30);
    expect(result.layout.pages[0]?.warnings).toEqual([]);
  });

  it("crops photos by at most 25% and sets text below the caption", () => {
    const input: MakeupInput = {
      grid: small,
      pages: [page(1, [article("a", 0, 70, { priority: 1, gridColumns: 4, images: [image(0.8, 2, 4)] })])],
    };
    const result = solve(input);
    const m = moduleOf(result, 0, "a");
    const photo = m.images[0];
    if (photo === undefined) throw new Error("photo not placed");
    const exact = (photo.span * 110 + (photo.span - 1) * 10) / 0.8 / 15;
    expect(exact / photo.photoRows).toBeGreaterThanOrEqual(0.75);
    expect(exact / photo.photoRows).toBeLessThanOrEqual(1.25);
    expect(photo.row).toBe(m.headRows);
    for (const c of m.columns.filter((c) => c.col < photo.span)) {
      expect(c.row).toBeGreaterThanOrEqual(photo.row + photo.photoRows + photo.captionRows);
    }
  });

  it("warns when a page has too little material", () => {
    const input: MakeupInput = { grid, pages: [page(3, [article("a", 0, 50, { priority: 1, gridColumns: 6 })])] };
    const result = solve(input);
    const layout = result.layout.pages[0];
    expect(result.ok).toBe(true);
    expect(layout?.warnings).toContainEqual(
      warning(`not enough material, ${layout?.emptyCells} lines missing`, { page: 3, code: "underfull" }),
    );
    expect(layout?.emptyCells).toBeGreaterThan(400);
  });
});

describe("jumps", () => {
  const overfull = (first: number): MakeupInput => ({
    grid: small,
    pages: [
      page(first, [
        article("lead", 0, 40, { priority: 1, gridColumns: 4 }),
        article("second", 1, 30, { priority: 2, gridColumns: 4 }),
        article("long", 2, 300, { priority: 5, gridColumns: 4 }),
      ]),
      page(first + 1, [article("filler", 0, 20, { priority: 1, gridColumns: 4 })]),
    ],
  });

  it("continues the lowest-priority long article on the next page, with a jump line", () => {
    const result = solve(overfull(7));
    expect(result.layout.jumps.map((j) => [j.articleId, j.fromPage, j.toPage])).toEqual([["long", 7, 8]]);
    const from = moduleOf(result, 0, "long");
    expect(from.continuesOn).toBe(8);
    const last = from.columns.at(-1);
    expect(last && last.end - last.start + 1).toBeLessThanOrEqual(last?.rows ?? 0);
    const to = result.layout.pages[1]?.modules.find((m) => m.articleId === "long");
    expect(to?.continuedFrom).toBe(7);
    expect(to?.headRows).toBe(1);
    expect(to?.columns[0]?.start).toBe(result.layout.jumps[0]?.atLine);
    expect(result.layout.jumps[0]?.atLine).toBeGreaterThanOrEqual(2);
  });

  it("reports what no later page can take", () => {
    const input = overfull(1);
    input.pages = input.pages.slice(0, 1);
    const result = solve(input);
    if (result.ok) throw new Error("expected the make-up to fail");
    const placed = result.layout.pages[0]?.modules.find((m) => m.articleId === "long")?.columns.at(-1)?.end ?? 0;
    expect(result.unplaced).toEqual([
      {
        articleId: "long",
        lines: 300 - placed,
        reason: "page 1: no later page can take the rest of the article",
        page: 1,
      },
    ]);
    expect(result.layout.pages[0]?.emptyCells).toBeLessThan(0.03 * 160);
  });

  it("jumps to the first later page with room, past a full one", () => {
    const input: MakeupInput = {
      grid: small,
      pages: [
        page(1, [article("a1", 0, 250, { priority: 1, gridColumns: 4 })]),
        page(2, [article("a2", 0, 150, { priority: 1, gridColumns: 4 })]),
        page(3, [article("a3", 0, 10, { priority: 1, gridColumns: 4 })]),
      ],
    };
    const result = solve(input);
    expect(result.ok).toBe(true);
    expect(result.layout.jumps.map((j) => [j.articleId, j.fromPage, j.toPage])).toEqual([["a1", 1, 3]]);
  });

  it("jumps a story once: a rest too long for the page it jumps to is reported, not jumped again", () => {
    const input: MakeupInput = {
      grid: small,
      pages: [page(1, [article("a1", 0, 400, { priority: 1, gridColumns: 4 })]), page(2, []), page(3, [])],
    };
    const result = solve(input);
    expect(result.ok).toBe(false);
    expect(result.layout.jumps.map((j) => [j.fromPage, j.toPage])).toEqual([[1, 2]]);
    const middle = result.layout.pages[1]?.modules[0];
    expect([middle?.continuedFrom, middle?.continuesOn]).toEqual([1, undefined]);
    if (!result.ok) expect(result.unplaced[0]?.reason).toMatch(/a story jumps once/);
  });
});

describe("explicit make-up", () => {
  const articles = () => [
    article("a", 0, 100, { priority: 1, gridColumns: 6 }),
    article("b", 1, 500, { priority: 2, gridColumns: 6 }),
  ];

  it("uses the editor's rectangles and jumps what does not fit", () => {
    const input: MakeupInput = {
      grid,
      pages: [
        page(1, articles(), {
          fixed: [
            { articleId: "a", col: 0, row: 0, span: 4, rows: 40 },
            { articleId: "b", col: 4, row: 0, span: 2, rows: 100 },
          ],
        }),
        page(2, [article("c", 0, 100, { priority: 1, gridColumns: 6 })]),
      ],
    };
    const result = solve(input);
    const a = moduleOf(result, 0, "a");
    expect([a.col, a.row, a.span, a.rows]).toEqual([0, 0, 4, 40]);
    expect(moduleOf(result, 0, "b").continuesOn).toBe(2);
    // Cells outside the editor's rectangles stay empty.
    expect(result.layout.pages[0]?.emptyCells).toBeGreaterThanOrEqual(4 * 60);
  });

  it("sets a jumped rest into the rectangle the editor kept for it", () => {
    const input: MakeupInput = {
      grid: small,
      pages: [
        page(1, [article("long", 0, 300, { priority: 1, gridColumns: 4 })]),
        page(2, [article("c", 0, 60, { priority: 1, gridColumns: 4 })], {
          fixed: [
            { articleId: "c", col: 0, row: 0, span: 4, rows: 20 },
            { articleId: "long", col: 0, row: 20, span: 4, rows: 20 },
          ],
        }),
      ],
    };
    const result = solve(input);
    const rest = result.layout.pages[1]?.modules.find((m) => m.articleId === "long");
    expect([rest?.row, rest?.rows, rest?.continuedFrom]).toEqual([20, 20, 1]);
    expect(result.layout.jumps).toEqual([
      { articleId: "long", fromPage: 1, toPage: 2, atLine: rest?.columns[0]?.start },
    ]);
  });

  const fixedPage = (fixed: PageInput["fixed"], reserved: PageInput["reserved"] = []): MakeupInput => ({
    grid,
    pages: [page(4, articles(), { fixed, reserved })],
  });

  it.each([
    [
      "overlap",
      [
        { articleId: "a", col: 0, row: 0, span: 4, rows: 40 },
        { articleId: "b", col: 3, row: 39, span: 3, rows: 10 },
      ],
      [],
      /pages\[3\]\.layout\[1\] \(article b\): articles "a" and "b" overlap/,
    ],
    [
      "leave the grid",
      [
        { articleId: "a", col: 0, row: 0, span: 4, rows: 40 },
        { articleId: "b", col: 4, row: 0, span: 3, rows: 10 },
      ],
      [],
      "pages[3].layout[1] (article b): leaves the grid: columns 5–7, lines 1–10 of a 6 × 100 grid",
    ],
    [
      "cover a reserved area",
      [
        { articleId: "a", col: 0, row: 0, span: 4, rows: 40 },
        { articleId: "b", col: 4, row: 0, span: 2, rows: 10 },
      ],
      [{ col: 0, row: 0, span: 6, rows: 8 }],
      "pages[3].layout[0] (article a): overlaps the masthead (columns 1–6, lines 1–8)",
    ],
    [
      "name an unknown article",
      [
        { articleId: "a", col: 0, row: 0, span: 4, rows: 40 },
        { articleId: "x", col: 4, row: 0, span: 2, rows: 10 },
      ],
      [],
      /"x", not an article of the issue/,
    ],
    ["leave an article out", [{ articleId: "a", col: 0, row: 0, span: 4, rows: 40 }], [], /"b" has no fixed placement/],
  ])("rejects placements that %s", (_, fixed, reserved, message) => {
    expect(() => makeUp(fixedPage(fixed, reserved))).toThrow(MakeupError);
    expect(() => makeUp(fixedPage(fixed, reserved))).toThrow(message);
  });
});
