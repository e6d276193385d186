import { describe, expect, it } from "vitest";
import { editionOf, type MadeFiles } from "../../src/epaper/edition";
import { storiesOf } from "../../src/epaper/stories";
import { parseIssue } from "../../src/load";
import type { Layout, Module } from "../../src/makeup/types";
import { typesetIssue } from "../../src/typeset/model";

// The stories of the e-paper as the pages print them: reading order, jumped stories, cut
// paragraphs, stories without a headline — from a typeset issue and a make-up written by hand.

const issue = parseIssue(
  JSON.stringify({
    paper: { name: "东昌府新闻" },
    issue: { date: "2022-12-30", number: 1234 },
    pages: [
      {
        section: "要闻",
        articles: [
          { id: "lead", headline: "头条", dateline: "东昌府讯", body: ["第一段。", { text: "可删段。", cut: true }] },
          { id: "second", headline: "二条", kicker: "引题", subhead: "副题", body: [{ subhead: "小标题" }, "正文。"] },
        ],
      },
      {
        section: "民生",
        articles: [
          {
            id: "follow-up",
            dateline: "又讯",
            body: ["网格员牛绪俭一边说着一边在手里的居民信息表上做了标记。"],
            images: [{ src: "photos/grid.jpg" }],
          },
        ],
      },
    ],
  }),
  "/x/issue.json",
);
const model = typesetIssue(issue);

const module = (articleId: string, col: number, extra: Partial<Module> = {}): Module => ({
  articleId,
  origin: "auto",
  col,
  row: 0,
  span: 3,
  rows: 20,
  headRows: 3,
  images: [],
  columns: [],
  ...extra,
});

const layout: Layout = {
  grid: { columns: 6, rows: 66, columnWidth: 110, gutter: 10, linePitch: 15 },
  pages: [
    {
      number: 1,
      // The make-up's order is not the reading order: the editor's list is.
      modules: [module("second", 3), module("lead", 0, { continuesOn: 2 })],
      boxes: [],
      fillers: [],
      tombstones: [],
      rules: [],
      emptyCells: 0,
      totalCells: 396,
      warnings: [],
    },
    {
      number: 2,
      modules: [module("lead", 3, { continuedFrom: 1 }), module("follow-up", 0)],
      boxes: [],
      fillers: [],
      tombstones: [],
      rules: [],
      emptyCells: 0,
      totalCells: 396,
      warnings: [],
    },
  ],
  jumps: [{ articleId: "lead", fromPage: 1, toPage: 2, atLine: 5 }],
  // Typeset paragraph 1 of "lead" is its second body item (the dateline leads the first).
  cuts: [{ articleId: "lead", page: 1, paragraphs: [1] }],
  unusedFillers: [],
};

describe("the e-paper's stories", () => {
  const stories = storiesOf(model, layout);

  it("follow the pages' reading order, a jumped story on its first page with both its parts", () => {
    expect(stories.map((s) => s.id)).toEqual(["lead", "second", "follow-up"]);
    expect(stories[0]?.parts.map((p) => p.page)).toEqual([1, 2]);
  });

  it("hold the text the pages print: the dateline leading, subheads, no cut paragraph", () => {
    expect(stories[0]?.blocks).toEqual([{ kind: "text", text: "第一段。", dateline: "东昌府讯" }]);
    expect(stories[1]?.blocks).toEqual([
      { kind: "subhead", text: "小标题" },
      { kind: "text", text: "正文。" },
    ]);
  });

  it("name a story without a headline by its dateline and first words", () => {
    expect(stories[2]?.title).toBe("又讯：网格员牛绪俭一边说着一边在手里的居民信息表上做了…");
    expect(stories[1]?.title).toBe("二条");
  });

  it("give each page its zones: its own stories first, then parts continued from earlier pages", () => {
    const made: MadeFiles = {
      pages: [1, 2].map((n) => ({
        size: { width: 780, height: 1105.92 },
        images: [{ src: `images/page-0${n}.webp`, width: 800, height: 1134 }],
        pdf: `pdf/page-0${n}.pdf`,
      })),
      photos: new Map(),
    };
    const edition = editionOf(model, stories, made);
    expect(edition.pages[1]?.zones.map((z) => [z.story, z.jump])).toEqual([
      ["follow-up", undefined],
      ["lead", "（上接第1版）"],
    ]);
    expect(edition.pages[0]?.zones.find((z) => z.story === "lead")?.jump).toBe("（下转第2版）");
    expect(edition.pages[0]?.folio).toBe("第1版");
    expect(edition.number).toBe("总第1234期");
    expect(edition.stories[0]?.pages).toEqual([1, 2]);
  });
});
