import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { examineIssue } from "../../src/load";
import { EditRefused, type PlanContext, planEdits, type ShownRect, swapped } from "../../src/preview/edit-plan";
import { type Edit, editRequestSchema } from "../../src/preview/edit-vocabulary";

// The editor's edits as text changes of issue.json: only the characters that must change, the
// file's formatting and key order kept, and every edit undone exactly by the edits it returns.

const root = join(import.meta.dirname, "..", "..");
const sample = (name: string) => readFileSync(join(root, "issues", name, "issue.json"), "utf8");

/** Lines of `after` that differ from `before` (a line diff good enough for small edits). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

const shownRects: Record<string, ShownRect> = {
  "kangyi-jiceng-fangxian": { page: 1, column: 1, line: 12, span: 4, height: 40 },
  "kangyi-yansi-wanggeyuan": { page: 1, column: 5, line: 12, span: 2, height: 30 },
  "gulou-xiaoqu-dangjian": { page: 2, column: 1, line: 1, span: 6, height: 30 },
};
const ctx: PlanContext = { rectOf: (id) => shownRects[id], isAd: (id) => id === "baoyan-dingyue" };

function roundTrip(text: string, edits: Edit[]) {
  const plan = planEdits(text, edits, ctx);
  const back = planEdits(plan.text, plan.undo, ctx);
  return { plan, back };
}

describe("edits as issue.json text", () => {
  const text = sample("ads");
  const issueFile = join(root, "issues/ads/issue.json");

  it("pins an article by adding one place field in the file's style, nothing else", () => {
    const { plan, back } = roundTrip(text, [
      { kind: "resize", article: "kangyi-yansi-wanggeyuan", place: { column: 5, line: 12, span: 2, height: 33 } },
    ]);
    const diff = changedLines(text, plan.text);
    expect(diff.removed).toEqual(['          "priority": 2']);
    expect(diff.added).toEqual([
      '          "priority": 2,',
      '          "place": {',
      '            "column": 5,',
      '            "line": 12,',
      '            "span": 2,',
      '            "height": 33',
      "          }",
    ]);
    expect(plan.pages).toEqual([1]);
    expect(plan.undo).toEqual([{ kind: "unpin", article: "kangyi-yansi-wanggeyuan" }]);
    expect(back.text).toBe(text);
    expect(examineIssue(plan.text, issueFile).problems).toEqual([]);
  });

  it("moves a pinned article by changing only its numbers", () => {
    const { plan, back } = roundTrip(text, [{ kind: "move", article: "hanji-renda-daibiao", column: 3, line: 31 }]);
    const diff = changedLines(text, plan.text);
    expect(diff.removed).toEqual(['            "column": 5,', '            "line": 30,']);
    expect(diff.added).toEqual(['            "column": 3,', '            "line": 31,']);
    expect(plan.undo).toEqual([
      { kind: "pin", article: "hanji-renda-daibiao", place: { column: 5, line: 30, span: 2 } },
    ]);
    expect(back.text).toBe(text);
  });

  it("unpins by removing the place field and its comma", () => {
    const { plan, back } = roundTrip(text, [{ kind: "unpin", article: "hanji-renda-daibiao" }]);
    const diff = changedLines(text, plan.text);
    expect(diff.added).toEqual(['          "priority": 4']);
    expect(diff.removed).toEqual([
      '          "priority": 4,',
      '          "place": {',
      '            "column": 5,',
      '            "line": 30,',
      '            "span": 2',
      "          }",
    ]);
    expect(back.text).toBe(text);
  });

  it("swaps two modules of a page: each pinned at the other's rectangle", () => {
    const { plan, back } = roundTrip(text, [
      { kind: "swap", article: "kangyi-jiceng-fangxian", with: "kangyi-yansi-wanggeyuan" },
    ]);
    const data = JSON.parse(plan.text);
    const [a, b] = data.pages[0].articles;
    expect(a.place).toEqual({ column: 5, line: 12, span: 2, height: 30 });
    expect(b.place).toEqual({ column: 1, line: 12, span: 4, height: 40 });
    expect(back.text).toBe(text);
  });

  it("swaps stacked modules by changing their order, each keeping its size", () => {
    const upper = { page: 1, column: 1, line: 1, span: 4, height: 23 };
    const lower = { page: 1, column: 1, line: 24, span: 4, height: 18 };
    expect(swapped(upper, lower)).toEqual([
      { column: 1, line: 19, span: 4, height: 23 },
      { column: 1, line: 1, span: 4, height: 18 },
    ]);
    const left = { page: 1, column: 1, line: 5, span: 2, height: 20 };
    const right = { page: 1, column: 3, line: 5, span: 4, height: 20 };
    expect(swapped(right, left)).toEqual([
      { column: 1, line: 5, span: 4, height: 20 },
      { column: 5, line: 5, span: 2, height: 20 },
    ]);
  });

  it("moves an article to another page verbatim, automatic there, and back", () => {
    const { plan, back } = roundTrip(text, [
      { kind: "move-to-page", article: "hanji-renda-daibiao", page: 2, index: 1 },
    ]);
    const before = JSON.parse(text);
    const after = JSON.parse(plan.text);
    const moved = before.pages[0].articles[3];
    delete moved.place;
    expect(after.pages[0].articles.map((a: { id: string }) => a.id)).toEqual(
      before.pages[0].articles.slice(0, 3).map((a: { id: string }) => a.id),
    );
    expect(after.pages[1].articles[1]).toEqual(moved);
    expect(after.pages[1].articles.length).toBe(before.pages[1].articles.length + 1);
    // Everything else is as it was.
    expect({ ...after, pages: undefined }).toEqual({ ...before, pages: undefined });
    expect(after.pages.slice(2)).toEqual(before.pages.slice(2));
    // The article's own lines are its old lines, at the same depth.
    const body = moved.body[0] as string;
    expect(plan.text).toContain(`\n            ${JSON.stringify(body)},\n`);
    expect(plan.pages).toEqual([1, 2]);
    expect(plan.undo).toEqual([
      { kind: "move-to-page", article: "hanji-renda-daibiao", page: 1, index: 3 },
      { kind: "pin", article: "hanji-renda-daibiao", place: { column: 5, line: 30, span: 2 } },
    ]);
    expect(back.text).toBe(text);
    expect(examineIssue(plan.text, issueFile).problems).toEqual([]);
  });

  it("reorders a page's list", () => {
    const { plan, back } = roundTrip(text, [{ kind: "move-to-page", article: "kangyi-jiceng-fangxian", page: 1 }]);
    const ids = JSON.parse(plan.text).pages[0].articles.map((a: { id: string }) => a.id);
    expect(ids.at(-1)).toBe("kangyi-jiceng-fangxian");
    expect(back.text).toBe(text);
  });

  it("pins where the pages show the module, exactly", () => {
    const plan = planEdits(text, [{ kind: "pin", article: "kangyi-jiceng-fangxian" }], ctx);
    expect(JSON.parse(plan.text).pages[0].articles[0].place).toEqual({ column: 1, line: 12, span: 4, height: 40 });
  });

  it("keeps compact objects compact, CRLF line ends and tab indentation", () => {
    const compact = [
      "{",
      '\t"paper": { "name": "报" },',
      '\t"issue": { "date": "2022-11-14" },',
      '\t"pages": [',
      '\t\t{ "articles": [{ "id": "a", "headline": "甲" }, { "id": "b", "headline": "乙" }] },',
      '\t\t{ "articles": [] }',
      "\t]",
      "}",
      "",
    ].join("\r\n");
    const pinned = planEdits(compact, [{ kind: "move", article: "a", column: 2, line: 3 }], {
      rectOf: () => ({ page: 1, column: 1, line: 1, span: 3, height: 9 }),
    });
    expect(pinned.text).toContain('{ "id": "a", "headline": "甲", "place": { "column": 2, "line": 3, "span": 3 } }');
    expect(pinned.text.split("\r\n").length).toBe(compact.split("\r\n").length);
    const moved = planEdits(compact, [{ kind: "move-to-page", article: "b", page: 2 }], ctx);
    expect(moved.text).toContain('\t\t{ "articles": [{ "id": "a", "headline": "甲" }] },\r\n');
    expect(moved.text).toContain('\t\t{ "articles": [\r\n\t\t\t{ "id": "b", "headline": "乙" }\r\n\t\t] }\r\n');
    expect(planEdits(moved.text, moved.undo, ctx).text).toContain('{ "id": "a", "headline": "甲" }, { "id": "b"');
  });

  it("refuses what the issue format cannot say, naming the article", () => {
    const refused = (edit: Edit) => {
      try {
        planEdits(text, [edit], ctx);
      } catch (err) {
        expect(err).toBeInstanceOf(EditRefused);
        return (err as Error).message;
      }
      throw new Error("not refused");
    };
    expect(refused({ kind: "unpin", article: "nobody" })).toMatch(/no article "nobody"/);
    expect(refused({ kind: "swap", article: "kangyi-jiceng-fangxian", with: "gulou-xiaoqu-dangjian" })).toMatch(
      /different pages/,
    );
    expect(refused({ kind: "swap", article: "kangyi-jiceng-fangxian", with: "baoyan-dingyue" })).toMatch(/locked/);
    expect(refused({ kind: "move-to-page", article: "kangyi-jiceng-fangxian", page: 9 })).toMatch(/no page 9/);
    const explicit = JSON.stringify({
      paper: { name: "报" },
      issue: { date: "2022-11-14" },
      fillers: [{ id: "f", headline: "补" }],
      pages: [
        { layout: [{ article: "a", column: 1, line: 1, span: 2, height: 5 }], articles: [{ id: "a", headline: "甲" }] },
        { articles: [{ id: "b", headline: "乙" }] },
      ],
    });
    const refusedIn = (edit: Edit) => () => planEdits(explicit, [edit], ctx);
    expect(refusedIn({ kind: "unpin", article: "a" })).toThrow(/made up by hand/);
    expect(refusedIn({ kind: "move-to-page", article: "b", page: 1 })).toThrow(/made up by hand/);
    expect(refusedIn({ kind: "pin", article: "f", place: { column: 1, line: 1, span: 1 } })).toThrow(/filler/);
    // On a page made up by hand a pin is its placement.
    const placed = planEdits(
      explicit,
      [{ kind: "resize", article: "a", place: { column: 2, line: 1, span: 2, height: 7 } }],
      ctx,
    );
    expect(JSON.parse(placed.text).pages[0].layout[0]).toEqual({
      article: "a",
      column: 2,
      line: 1,
      span: 2,
      height: 7,
    });
  });

  it("accepts only the edit vocabulary", () => {
    const base = "a".repeat(64);
    expect(editRequestSchema.safeParse({ issue: "x", base, edits: [{ kind: "unpin", article: "a" }] }).success).toBe(
      true,
    );
    for (const edits of [
      [{ kind: "set", path: "paper.name", value: "x" }],
      [{ kind: "unpin", article: "a", headline: "x" }],
      [{ kind: "unpin", article: "../a" }],
      [],
    ]) {
      expect(editRequestSchema.safeParse({ issue: "x", base, edits }).success).toBe(false);
    }
    expect(
      editRequestSchema.safeParse({ issue: "x", base: "nothex", edits: [{ kind: "unpin", article: "a" }] }).success,
    ).toBe(false);
  });
});
