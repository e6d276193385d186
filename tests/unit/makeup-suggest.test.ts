import { describe, expect, it } from "vitest";
import { adviseFixes, type Fix, makeUp } from "../../src/makeup/index";
import type { ArticleMetrics, Grid, MakeupInput, PageInput } from "../../src/makeup/types";
import { article, TABLOID } from "./makeup-fixtures";

// When the editor's pages do not fit: what the make-up says would make them fit is tried, and
// doing it makes the issue fit.

/** The single edits advised (combinations of one). */
const singles = (input: MakeupInput) => {
  const advice = adviseFixes(input, makeUp(input));
  return advice.combinations.filter((c) => c.length === 1).map((c) => c[0] as Fix);
};

const grid: Grid = { columns: 4, rows: 60, ...TABLOID };
const a = (id: string, order: number, lines: number, extra: Partial<ArticleMetrics> = {}) =>
  article(id, order, lines, { priority: order === 0 ? 1 : 3, gridColumns: 4, ...extra });
const page = (number: number, articles: ArticleMetrics[], extra: Partial<PageInput> = {}): PageInput => ({
  number,
  articles,
  reserved: [],
  ...extra,
});

/** Page 1 short, the last page over: its stories cannot jump anywhere. */
function overLastPage(): MakeupInput {
  return {
    grid,
    pages: [
      page(1, [a("short1", 0, 20), a("short2", 1, 15)]),
      page(2, [a("lead2", 0, 90), a("b", 1, 60), a("c", 2, 50), a("over", 3, 40)]),
    ],
  };
}

describe("suggested fixes", () => {
  it("finds the page that is over, where there is room, and a move that makes the issue fit", () => {
    const input = overLastPage();
    const result = makeUp(input);
    expect(result.ok).toBe(false);
    const advice = adviseFixes(input, result);
    const [overflow, ...others] = advice.overflows;
    expect(others).toEqual([]);
    expect(overflow?.page).toBe(2);
    expect(overflow?.lines).toBeGreaterThan(0);
    expect(overflow?.roomiest?.page).toBe(1);
    const move = singles(input).find((f) => f.kind === "move");
    expect(move).toMatchObject({ kind: "move", from: 2, to: 1 });
    // Doing what it says: the story at the end of page 1's list.
    if (move?.kind !== "move") throw new Error("expected a move");
    const story = input.pages[1]?.articles.find((x) => x.id === move.articleId) as ArticleMetrics;
    const edited: MakeupInput = {
      grid,
      pages: [
        page(1, [...(input.pages[0]?.articles ?? []), { ...story, order: 2 }]),
        page(
          2,
          (input.pages[1]?.articles ?? []).filter((x) => x.id !== move.articleId),
        ),
      ],
    };
    expect(makeUp(edited).ok).toBe(true);
  });

  it("names the paragraphs to mark cuttable, and marking them makes it fit", () => {
    // One page, over: nothing can move or jump; only a cut makes it fit.
    const input: MakeupInput = { grid, pages: [overLastPage().pages[1] as PageInput] };
    const over = input.pages[0]?.articles[3] as ArticleMetrics;
    const paragraphs = [...new Set(over.lines.map((l) => l.paragraph))];
    over.markable = paragraphs.slice(1);
    const cut = singles(input).find((f) => f.kind === "cut");
    expect(cut).toMatchObject({ kind: "cut", articleId: "over" });
    if (cut?.kind !== "cut") throw new Error("expected a cut");
    expect(cut.paragraphs.every((p) => over.markable?.includes(p))).toBe(true);
    over.cuttable = cut.paragraphs;
    expect(makeUp(input).ok).toBe(true);
  });

  it("offers to let a story jump that may not, when a later page has room", () => {
    const input: MakeupInput = {
      grid,
      pages: [page(1, [a("lead", 0, 120), a("nojump", 1, 200, { jump: false })]), page(2, [a("x", 0, 20)])],
    };
    const result = makeUp(input);
    expect(result.ok).toBe(false);
    expect(singles(input)).toContainEqual({ kind: "jump", articleId: "nojump", page: 1, change: "jump" });
  });

  it("says nothing helps when the material is far more than the pages", () => {
    const input: MakeupInput = { grid, pages: [page(1, [a("huge", 0, 900), a("more", 1, 400)])] };
    const result = makeUp(input);
    expect(result.ok).toBe(false);
    const advice = adviseFixes(input, result);
    expect(advice.combinations).toEqual([]);
    // Few edits to try: every combination of up to three was, so "none fits" is true.
    expect(advice.complete).toBe(true);
  });
});
