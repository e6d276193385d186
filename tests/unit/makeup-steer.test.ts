import { describe, expect, it } from "vitest";
import { MakeupError, makeUp, PageMemo } from "../../src/makeup/index";
import type { ArticleMetrics, BookedBox, MakeupInput, PageInput } from "../../src/makeup/types";
import { article, holesOf, image, layoutProblems, TABLOID } from "./makeup-fixtures";

// What an editor and the ad department steer: ads placed first, pins, fillers, cuts with
// consent, jump rules, photos that shrink before a story is refused.

const grid = { columns: 6, rows: 66, ...TABLOID };
const a = (id: string, order: number, lines: number, extra: Partial<ArticleMetrics> = {}) =>
  article(id, order, lines, { gridColumns: 6, priority: order + 1, ...extra });
const page = (number: number, articles: ArticleMetrics[], extra: Partial<PageInput> = {}): PageInput => ({
  number,
  articles,
  reserved: [],
  ...extra,
});
const solve = (input: MakeupInput) => {
  const result = makeUp(input);
  expect(layoutProblems(input, result)).toEqual([]);
  return result;
};
const ad = (id: string, span: number, rows: number, position: BookedBox["position"] = "bottom"): BookedBox => ({
  id,
  span,
  rows,
  position,
});

describe("ads", () => {
  it("places a bottom ad first, on the outer side, and fills the rest without holes", () => {
    const input = {
      grid,
      pages: [
        page(1, [a("x", 0, 90), a("y", 1, 80), a("z", 2, 60)], { booked: [ad("half", 3, 14)] }),
        page(2, [a("p", 0, 90), a("q", 1, 80), a("r", 2, 60)], { booked: [ad("half2", 3, 14)] }),
      ],
    };
    const result = solve(input);
    // Odd pages keep ads to the right, even pages to the left: the outer edge.
    expect(result.layout.pages[0]?.boxes).toEqual([{ id: "half", col: 3, row: 52, span: 3, rows: 14 }]);
    expect(result.layout.pages[1]?.boxes).toEqual([{ id: "half2", col: 0, row: 52, span: 3, rows: 14 }]);
    for (const p of result.layout.pages) {
      // Short of material (230 lines for 354 cells): the blank rows gather above the ad, no hole.
      expect(holesOf(grid, p)).toEqual([]);
      expect(p.totalCells).toBe(6 * 66 - 3 * 14);
    }
  });

  it("sets a second bottom ad beside the first, a top ad under the masthead, an ad at a booked cell", () => {
    const input = {
      grid,
      pages: [
        page(1, [a("x", 0, 120), a("y", 1, 100)], {
          reserved: [{ col: 0, row: 0, span: 6, rows: 10 }],
          booked: [ad("b1", 2, 10), ad("b2", 2, 10), ad("top", 6, 5, "top"), ad("cell", 1, 8, { col: 0, row: 30 })],
        }),
      ],
    };
    const boxes = solve(input).layout.pages[0]?.boxes;
    expect(boxes).toEqual([
      { id: "b1", col: 4, row: 56, span: 2, rows: 10 },
      { id: "b2", col: 2, row: 56, span: 2, rows: 10 },
      { id: "top", col: 0, row: 10, span: 6, rows: 5 },
      { id: "cell", col: 0, row: 30, span: 1, rows: 8 },
    ]);
  });

  it("names the ads that overlap, that are larger than the type area, or an ear off the front page", () => {
    const overlap = {
      grid,
      pages: [
        page(1, [a("x", 0, 40)], {
          booked: [ad("a1", 3, 10, { col: 0, row: 0 }), ad("a2", 3, 10, { col: 2, row: 5 })],
        }),
      ],
    };
    expect(() => makeUp(overlap)).toThrow(
      new MakeupError('ad "a2" overlaps ad "a1" (columns 3–5, lines 6–15)', { page: 1, adId: "a2" }),
    );
    const huge = { grid, pages: [page(1, [a("x", 0, 40)], { booked: [ad("big", 7, 10)] })] };
    expect(() => makeUp(huge)).toThrow(/ad "big" \(7 columns × 10 lines\) is larger than the type area/);
    const ear = { grid, pages: [page(1, []), page(2, [a("x", 0, 40)], { booked: [ad("e", 2, 8, "ear-right")] })] };
    expect(() => makeUp(ear)).toThrow(/page 2: ad "e": the ear \(报眼\) is on the front page only/);
  });
});

describe("pins", () => {
  it("keeps pinned articles where the editor put them and makes up the rest around them", () => {
    const input = {
      grid,
      pages: [
        page(1, [a("lead", 0, 140), a("side", 1, 70), a("b", 2, 60), a("c", 3, 50)], {
          pins: [
            { articleId: "side", col: 4, row: 0, span: 2, rows: 40 },
            { articleId: "c", col: 0, row: 40, span: 3 },
          ],
        }),
      ],
    };
    const modules = solve(input).layout.pages[0]?.modules ?? [];
    const side = modules.find((m) => m.articleId === "side");
    expect([side?.col, side?.row, side?.span, side?.rows, side?.origin]).toEqual([4, 0, 2, 40, "pinned"]);
    const c = modules.find((m) => m.articleId === "c");
    // Without a height the make-up sizes the pinned module: its text, whole.
    expect([c?.col, c?.row, c?.span, c?.origin]).toEqual([0, 40, 3, "pinned"]);
    expect(c?.columns.reduce((n, col) => n + col.end - col.start, 0)).toBe(50);
    expect(modules.find((m) => m.articleId === "lead")?.origin).toBe("auto");
  });

  it("names a pin that overlaps an ad or leaves the grid", () => {
    const input = {
      grid,
      pages: [
        page(1, [a("x", 0, 40)], {
          booked: [ad("ad", 6, 10)],
          pins: [{ articleId: "x", col: 0, row: 60, span: 2, rows: 6 }],
        }),
      ],
    };
    expect(() => makeUp(input)).toThrow(/^page 1: article "x" pinned at columns 1–2, lines 61–66 overlaps ad "ad"$/);
    // The page and the article are fields the preview's editor reads, not words it parses.
    const thrown = (() => {
      try {
        makeUp(input);
      } catch (err) {
        return err;
      }
    })();
    expect(thrown).toBeInstanceOf(MakeupError);
    expect((thrown as MakeupError).diagnostics).toEqual([
      expect.objectContaining({ severity: "error", page: 1, articleId: "x" }),
    ]);
    // What the pin ran into, typed: the editor says it in its own language.
    expect((thrown as MakeupError).pinClash).toEqual({ kind: "overlaps", obstacle: { ad: "ad" } });
    const outside = {
      grid,
      pages: [page(1, [a("x", 0, 40)], { pins: [{ articleId: "x", col: 5, row: 0, span: 2 }] })],
    };
    expect(() => makeUp(outside)).toThrow(/leaves the 6 × 66 grid/);
    expect(() => makeUp(outside)).toThrow(expect.objectContaining({ pinClash: { kind: "leaves-grid" } }));
    // Without a height, on a line an ad already takes: the ad is named, not the grid.
    const onAd = {
      grid,
      pages: [
        page(1, [a("x", 0, 40)], { booked: [ad("ad", 6, 10)], pins: [{ articleId: "x", col: 0, row: 60, span: 2 }] }),
      ],
    };
    expect(() => makeUp(onAd)).toThrow(/article "x" pinned at columns 1–2, line.* overlaps ad "ad"/);
  });
});

describe("fillers", () => {
  it("fills a short page with fillers in order, each once, and lists the unused ones", () => {
    const fillers = [
      a("f1", 10, 20, { filler: true }),
      a("f2", 11, 18, { filler: true }),
      a("f3", 12, 400, { filler: true }),
    ];
    const input = { grid, pages: [page(1, [a("x", 0, 120), a("y", 1, 80)]), page(2, [a("z", 0, 330)])], fillers };
    const result = solve(input);
    const used = result.layout.pages.flatMap((p) => p.fillers);
    expect(used).toEqual(["f1", "f2"]);
    expect(result.layout.unusedFillers).toEqual(["f3"]);
    expect(result.layout.pages[0]?.fillers).toEqual(["f1", "f2"]);
    // A full page takes none.
    expect(result.layout.pages[1]?.fillers).toEqual([]);
  });
});

describe("copyfit with consent", () => {
  // Paragraph indices of the fixture's lines: the last paragraphs are the ones marked cuttable.
  const paragraphsOf = (m: ArticleMetrics) => [...new Set(m.lines.map((l) => l.paragraph))];

  it("drops cuttable paragraphs, last first, instead of jumping, and reports each cut", () => {
    const long = a("long", 1, 250);
    const ps = paragraphsOf(long);
    const cuttable = ps.slice(-12);
    const input = {
      grid,
      pages: [page(1, [a("lead", 0, 150), { ...long, cuttable }]), page(2, [a("p2", 0, 300)])],
    };
    const withCut = solve(input);
    expect(withCut.layout.jumps).toEqual([]);
    const cut = withCut.layout.cuts[0];
    expect(cut?.articleId).toBe("long");
    // Last first: the cut paragraphs are the last cuttable ones.
    expect(cut?.paragraphs).toEqual(cuttable.slice(cuttable.length - (cut?.paragraphs.length ?? 0)));
    // Unmarked, the same story jumps instead.
    const without = solve({ ...input, pages: [page(1, [a("lead", 0, 150), long]), page(2, [a("p2", 0, 300)])] });
    expect(without.layout.cuts).toEqual([]);
    expect(without.layout.jumps.map((j) => j.articleId)).toEqual(["long"]);
  });

  it("gives a story its text back when the cuts could not keep it from jumping", () => {
    const long = a("long", 1, 400);
    const input = {
      grid,
      pages: [page(1, [a("lead", 0, 150), { ...long, cuttable: paragraphsOf(long).slice(-1) }]), page(2, [])],
    };
    const result = solve(input);
    expect(result.layout.cuts).toEqual([]);
    expect(result.layout.jumps.map((j) => j.articleId)).toEqual(["long"]);
  });
});

describe("jump rules", () => {
  it('fails an article marked "jump": false that does not fit, naming it', () => {
    const input = { grid, pages: [page(1, [a("stay", 0, 500, { jump: false })]), page(2, [])] };
    const result = makeUp(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.unplaced.map((u) => u.articleId)).toContain("stay");
    expect(result.layout.jumps.some((j) => j.articleId === "stay")).toBe(false);
  });

  it("jumps to the page named by jumpTo", () => {
    const input = {
      grid,
      pages: [page(1, [a("long", 0, 500, { jumpTo: 3 })]), page(2, [a("p2", 0, 300)]), page(3, [])],
    };
    const result = solve(input);
    expect(result.layout.jumps.find((j) => j.articleId === "long")?.toPage).toBe(3);
  });

  it("jumps at most maxJumps stories off a page", () => {
    const stories = [a("s0", 0, 120), a("s1", 1, 110), a("s2", 2, 100), a("s3", 3, 100), a("s4", 4, 90)];
    const input = (maxJumps?: number) => ({ grid, pages: [page(1, stories, { maxJumps }), page(2, [])] });
    const free = solve(input(5));
    const limited = solve(input(1));
    expect(free.layout.jumps.length).toBeGreaterThan(1);
    expect(limited.layout.jumps.length).toBeLessThanOrEqual(1);
  });
});

describe("photos before failure", () => {
  it("sets a photo narrower than its module rather than refusing the story", () => {
    // Found by search: page 2 has about 35 lines free; the last story of page 1 has a tall portrait.
    // At the widths tried before (full, one less, half, one column) its rest did not fit page 2.
    const input = {
      grid,
      pages: [
        page(1, [
          a("a0", 0, 55, { images: [image(1.672, 2, 6)] }),
          a("a1", 1, 41),
          a("a2", 2, 68),
          a("a3", 3, 96, { images: [image(0.616, 2, 6)] }),
        ]),
        page(2, [a("b0", 0, 331)]),
      ],
    };
    const result = solve(input);
    expect(result.ok).toBe(true);
  });
});

describe("tombstones", () => {
  it("counts heads side by side at the same height", () => {
    const input = { grid, pages: [page(1, [a("x", 0, 60, { columns: 3 }), a("y", 1, 60, { columns: 3 })])] };
    const result = solve(input);
    const stones = result.layout.pages[0]?.tombstones ?? [];
    const modules = result.layout.pages[0]?.modules ?? [];
    const sideBySide = modules.some((m) => modules.some((o) => o !== m && o.row === m.row && o.col === m.col + m.span));
    expect(stones.length > 0).toBe(sideBySide);
  });
});

describe("a page memo", () => {
  it("gives the same layout, and makes up again only the pages whose material changed", () => {
    const input = () => ({
      grid,
      pages: [
        page(1, [a("x", 0, 120), a("y", 1, 80), a("z", 2, 60)]),
        page(2, [a("p", 0, 150), a("q", 1, 90)]),
        page(3, [a("r", 0, 140), a("s", 1, 100)]),
      ],
    });
    const memo = new PageMemo();
    const plain = makeUp(input());
    const first = makeUp(input(), memo);
    expect(first.layout).toEqual(plain.layout);
    const solved = [...(memo as unknown as { results: Map<string, unknown> }).results.keys()].length;
    const again = makeUp(input(), memo);
    expect(again.layout).toEqual(plain.layout);
    expect((memo as unknown as { results: Map<string, unknown> }).results.size).toBe(solved);
    const changed = input();
    changed.pages[2] = page(3, [a("r", 0, 141), a("s", 1, 100)]);
    const third = makeUp(changed, memo);
    expect(third.layout).toEqual(makeUp(changed).layout);
    // Pages 1 and 2 came from the memo: only page 3's attempts are new.
    const added = (memo as unknown as { results: Map<string, unknown> }).results.size - solved;
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThan(solved);
  });
});
