import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { warning } from "../../src/diagnostics";
import { parseIssue } from "../../src/load";
import type { Layout, Module } from "../../src/makeup/types";
import { compositionMarks } from "../../src/preview/marks";

// What the preview highlights, from what the make-up and the photo stage reported.

const root = join(import.meta.dirname, "..", "..");
const file = join(root, "issues/broadsheet/issue.json");
const issue = parseIssue(readFileSync(file, "utf8"), file);

function module(articleId: string, images: number[] = []): Module {
  return {
    articleId,
    origin: "auto",
    col: 0,
    row: 0,
    span: 2,
    rows: 10,
    headRows: 2,
    images: images.map((index) => ({ index, col: 0, row: 2, span: 2, photoRows: 4, captionRows: 1 })),
    columns: [],
  };
}

const empty = { boxes: [], fillers: [], tombstones: [], rules: [], emptyCells: 0, warnings: [] };
const layout: Layout = {
  grid: { columns: 8, rows: 100, columnWidth: 117, gutter: 9, linePitch: 13.5 },
  pages: [
    { ...empty, number: 1, modules: [module("aiguo-weisheng-yundong")], totalCells: 800 },
    {
      ...empty,
      number: 2,
      modules: [module("aiguo-weisheng-yundong"), module("yansi-tudi-tuoguan", [0])],
      emptyCells: 60,
      totalCells: 800,
      warnings: [
        warning("not enough material, 60 lines missing", { page: 2, code: "underfull" }),
        warning('no room for article "x"', { page: 2, articleId: "x" }),
      ],
    },
  ],
  jumps: [{ articleId: "aiguo-weisheng-yundong", fromPage: 1, toPage: 2, atLine: 40 }],
  cuts: [],
  unusedFillers: [],
};

describe("compositionMarks", () => {
  const marks = compositionMarks(issue, layout, [
    {
      articleId: "yansi-tudi-tuoguan",
      src: "photos/coffee.png",
      ppi: 87,
      detail: "photos/coffee.png is 87 ppi at 174.6×114.3 mm, below 150 ppi",
      message: "article yansi-tudi-tuoguan: photos/coffee.png is 87 ppi at 174.6×114.3 mm, below 150 ppi",
    },
  ]);

  it("pins both ends of a jump to their pages and the article", () => {
    expect(marks.filter((m) => m.kind === "jump")).toEqual([
      { page: 1, kind: "jump", article: "aiguo-weisheng-yundong", message: "continues on page 2" },
      { page: 2, kind: "jump", article: "aiguo-weisheng-yundong", message: "continued from page 1" },
    ]);
  });

  it("names a page with too little material apart from other make-up warnings", () => {
    expect(marks.filter((m) => m.kind === "underfull")).toEqual([
      { page: 2, kind: "underfull", message: "not enough material, 60 lines missing" },
    ]);
    expect(marks.filter((m) => m.kind === "makeup")).toEqual([
      { page: 2, kind: "makeup", article: "x", message: 'no room for article "x"' },
    ]);
  });

  it("finds the printed photo of a low-resolution warning", () => {
    expect(marks.filter((m) => m.kind === "low-resolution")).toEqual([
      {
        page: 2,
        kind: "low-resolution",
        article: "yansi-tudi-tuoguan",
        photo: 0,
        message: "photos/coffee.png is 87 ppi at 174.6×114.3 mm, below 150 ppi",
      },
    ]);
  });

  it("lists marks in page order", () => {
    expect(marks.map((m) => m.page)).toEqual([...marks.map((m) => m.page)].sort((a, b) => a - b));
  });
});
