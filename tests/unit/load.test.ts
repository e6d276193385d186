import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseIssue, resolveFormat } from "../../src/load";
import { issueJsonSchema } from "../../src/load/json-schema";
import { problems } from "../helpers/issue-problems";

const minimal = {
  paper: { name: "东昌府新闻" },
  issue: { date: "2022-11-14" },
  pages: [{ articles: [{ id: "a", headline: "标题" }] }],
};

describe("issue loading", () => {
  it("accepts the minimal issue and fills defaults", () => {
    const issue = parseIssue(JSON.stringify(minimal), "/x/issue.json");
    expect(issue.format.name).toBe("tabloid");
    expect(issue.data.pages[0]?.layout).toBe("auto");
    expect(issue.data.pages[0]?.articles[0]?.body).toEqual([]);
    expect(issue.name).toBe("x");
  });

  it("reports every problem at once with file, JSON path, expected and found", () => {
    const lines = problems({
      paper: { name: "" },
      issue: { date: "2022/11/14", number: -1 },
      format: "a4",
      pages: [{ articles: [{ id: "a b", headline: 3 }, { id: "x" }, { id: "y", headline: "h", colour: "red" }] }],
    });
    expect(lines).toEqual([
      'issues/x/issue.json: paper.name: expected at least 1 character(s), found string ""',
      'issues/x/issue.json: issue.date: expected a date written YYYY-MM-DD, found string "2022/11/14"',
      "issues/x/issue.json: issue.number: expected more than 0, found number -1",
      'issues/x/issue.json: format: expected one of "tabloid", "broadsheet" or object, found string "a4"',
      'issues/x/issue.json: pages[0].articles[0].id: expected an id of letters, digits, - and _, found string "a b"',
      "issues/x/issue.json: pages[0].articles[0].headline: expected string, found number 3",
      "issues/x/issue.json: pages[0].articles[1] (article x): expected a headline or an image, found an object",
      "issues/x/issue.json: pages[0].articles[2] (article y): expected only known fields, found unknown field(s) colour",
    ]);
  });

  it("names missing required fields", () => {
    expect(problems({ paper: { name: "报" }, pages: [] })).toEqual([
      "issues/x/issue.json: issue: expected object, found nothing",
      "issues/x/issue.json: pages: expected at least 1 item(s), found an array of 0",
    ]);
  });

  it("rejects duplicate ids and placements of unknown articles", () => {
    const lines = problems({
      ...minimal,
      pages: [
        { articles: [{ id: "a", headline: "一" }] },
        {
          layout: [{ article: "zz", column: 1, line: 1, span: 2, height: 10 }],
          articles: [{ id: "a", headline: "二" }],
        },
      ],
    });
    expect(lines).toContain(
      'issues/x/issue.json: pages[1].articles[0].id: expected an id unique in the issue, found "a", also at pages[0].articles[0].id',
    );
    expect(lines).toContain(
      'issues/x/issue.json: pages[1].layout[0].article: expected the id of an article of this page, found "zz"',
    );
  });

  it("reports broken JSON with its position", () => {
    expect(() => parseIssue('{ "paper": ', "/x/issue.json")).toThrow(/expected valid JSON/);
  });

  it("resolves presets to a grid of whole characters", () => {
    const tabloid = resolveFormat("tabloid");
    expect(tabloid.columns).toBe(6);
    expect(tabloid.columnWidth).toBe(11 * tabloid.bodySize);
    expect(tabloid.rows).toBeGreaterThan(50);
    const broadsheet = resolveFormat("broadsheet");
    expect(broadsheet.columns).toBe(8);
    expect(broadsheet.columnWidth).toBe(13 * 9);
    // Merged columns span whole characters too: 2 columns + 1 gutter = 27 characters.
    expect((2 * broadsheet.columnWidth + broadsheet.gutter) / broadsheet.bodySize).toBe(27);
  });

  it("rejects a format whose columns do not fit", () => {
    expect(() =>
      resolveFormat({
        width: 100,
        height: 200,
        columns: 8,
        bodySize: 10,
        columnChars: 13,
        gutterChars: 1,
        lineHeight: 1.5,
        bleed: 3,
      }),
    ).toThrow(/do not fit/);
  });

  it("keeps schema/issue.schema.json in step with the zod schema", () => {
    const committed = JSON.parse(readFileSync(new URL("../../schema/issue.schema.json", import.meta.url), "utf8"));
    expect(committed).toEqual(issueJsonSchema());
  });
});
