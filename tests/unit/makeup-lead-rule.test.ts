import { describe, expect, it } from "vitest";
import type { Item } from "../../src/makeup/items";
import { leadBreaks, leadByWeight } from "../../src/makeup/rules/lead";
import type { Module, ModuleOrigin } from "../../src/makeup/types";
import { article } from "./makeup-fixtures";

// The lead rules over a finished page: a lead under another story breaks lead-top with the line
// it starts on against the top of its columns; a lead already at that top (under a pin) does not,
// though a story beside the pin shares one of its columns above it. lead-largest weighs the lead
// against the other stories: a picture with no body text may be larger.

/** A module with one text column of ten body lines, or none (`text` false: a picture alone). */
const mod = (
  articleId: string,
  col: number,
  row: number,
  span: number,
  rows: number,
  origin: ModuleOrigin = "auto",
  text = true,
) =>
  ({
    articleId,
    origin,
    col,
    row,
    span,
    rows,
    headRows: 3,
    images: [],
    columns: text ? [{ col: 0, row: 3, rows: rows - 3, start: 0, end: 10 }] : [],
  }) satisfies Module;

describe("leadBreaks", () => {
  it("reports a lead under another story, with its first line and the top of its columns", () => {
    const modules = [mod("other", 0, 0, 6, 20), mod("lead", 0, 20, 6, 40)];
    expect(leadBreaks(modules, "lead", [])).toEqual([{ rule: "lead-top", article: "lead", measure: 21, limit: 1 }]);
  });

  it("keeps a lead at the top of its columns under a pin", () => {
    const modules = [mod("pin", 0, 0, 4, 10, "pinned"), mod("side", 4, 0, 2, 10), mod("lead", 0, 10, 6, 40)];
    expect(leadBreaks(modules, "lead", [])).toEqual([]);
  });

  it("reports a lead smaller than another story's module", () => {
    const modules = [mod("lead", 0, 0, 3, 30), mod("other", 3, 0, 3, 60)];
    expect(leadBreaks(modules, "lead", [])).toEqual([
      { rule: "lead-largest", article: "lead", measure: 90, limit: 180 },
    ]);
  });

  it("lets a picture without body text be larger than the lead", () => {
    const modules = [mod("lead", 0, 0, 3, 30), mod("picture", 3, 0, 3, 60, "auto", false)];
    expect(leadBreaks(modules, "lead", [])).toEqual([]);
  });
});

describe("leadByWeight", () => {
  const item = (id: string, priority: number, lines: number): Item => ({
    article: article(id, 0, lines, { priority }),
    start: 0,
    canJump: false,
  });
  const size = (i: Item) => i.article.lines.length;
  const ids = (items: Item[]) => items.map((i) => i.article.id);

  it("leads a page with a story one priority step lower and at least twice the size", () => {
    const ordered = [item("short", 2, 20), item("long", 3, 60), item("other", 3, 30)];
    expect(ids(leadByWeight(ordered, size, new Set(), 400))).toEqual(["long", "short", "other"]);
  });

  it("leaves the section's lead (priority 1), a story two steps lower, a story under twice the size", () => {
    expect(ids(leadByWeight([item("lead", 1, 20), item("long", 2, 90)], size, new Set(), 400))).toEqual([
      "lead",
      "long",
    ]);
    expect(ids(leadByWeight([item("short", 2, 20), item("long", 4, 90)], size, new Set(), 400))).toEqual([
      "short",
      "long",
    ]);
    expect(ids(leadByWeight([item("short", 2, 30), item("long", 3, 50)], size, new Set(), 400))).toEqual([
      "short",
      "long",
    ]);
  });

  it("never promotes a story that would not fit the page whole beside the one it displaces, or a pinned one", () => {
    expect(ids(leadByWeight([item("short", 2, 20), item("long", 3, 90)], size, new Set(), 100))).toEqual([
      "short",
      "long",
    ]);
    expect(ids(leadByWeight([item("short", 2, 20), item("long", 3, 90)], size, new Set(["long"]), 400))).toEqual([
      "short",
      "long",
    ]);
  });
});
