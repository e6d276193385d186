import { describe, expect, it } from "vitest";
import { editionIssueData, parseIssue } from "../../src/load";
import { problems } from "../helpers/issue-problems";

const base = {
  paper: { name: "东昌府新闻" },
  issue: { date: "2022-11-14" },
  pages: [
    { articles: [{ id: "lead", headline: "头条" }] },
    { articles: [{ id: "local", headline: "本地" }] },
    { articles: [{ id: "sport", headline: "体育" }] },
  ],
};
const page = (id: string, extra: Record<string, unknown> = {}) => ({
  articles: [{ id, headline: "北部新闻", ...extra }],
});
const withEditions = (editions: unknown[], pages = base.pages) => ({ ...base, pages, editions });

describe("zoned editions in the issue file", () => {
  it("accepts an edition and gives its whole issue: the base with its pages in place", () => {
    const issue = parseIssue(
      JSON.stringify(withEditions([{ id: "north", name: "北部版", pages: { "2": page("north-local") } }])),
      "/x/issue.json",
    );
    const edition = issue.data.editions[0];
    expect(edition?.id).toBe("north");
    if (!edition) throw new Error("no edition");
    const whole = editionIssueData(issue.data, edition);
    expect(whole.pages.map((p) => p.articles[0]?.id)).toEqual(["lead", "north-local", "sport"]);
    expect(whole.editions).toEqual([]);
    // The base is left as it was.
    expect(issue.data.pages[1]?.articles[0]?.id).toBe("local");
  });

  it("an issue without editions has none", () => {
    expect(parseIssue(JSON.stringify(base), "/x/issue.json").data.editions).toEqual([]);
  });

  it("refuses an edition id unusable in a file name", () => {
    const lines = problems(
      withEditions([
        { id: "南部", name: "南部版", pages: {} },
        { id: "West", name: "West", pages: {} },
      ]),
    );
    expect(lines).toEqual([
      'issues/x/issue.json: editions[0].id: expected lower-case ASCII letters, digits and - (it names the edition\'s files), found string "南部"',
      'issues/x/issue.json: editions[1].id: expected lower-case ASCII letters, digits and - (it names the edition\'s files), found string "West"',
    ]);
  });

  it("refuses a page number outside the issue and a duplicate edition id", () => {
    const lines = problems(
      withEditions([
        { id: "north", name: "北部版", pages: { "7": page("n7"), "0": page("n0"), two: page("n2") } },
        { id: "north", name: "又一个", pages: { "2": page("s2") } },
      ]),
    );
    expect(lines).toEqual([
      'issues/x/issue.json: editions[0].pages.0: expected a page number of the issue (1–3), found "0"',
      'issues/x/issue.json: editions[0].pages.7: expected a page number of the issue (1–3), found "7"',
      'issues/x/issue.json: editions[0].pages.two: expected a page number of the issue (1–3), found "two"',
      'issues/x/issue.json: editions[1].id: expected an edition id unique in the issue, found "north", also at editions[0].id',
    ]);
  });

  it("checks an edition page's articles against the edition's whole issue", () => {
    const lines = problems(
      withEditions([
        {
          id: "north",
          name: "北部版",
          pages: {
            "3": {
              articles: [
                { id: "local", headline: "重复" },
                { id: "x", headline: 3 },
              ],
            },
          },
        },
      ]),
    );
    expect(lines).toEqual([
      "issues/x/issue.json: editions[0].pages.3.articles[1].headline: expected string, found number 3",
    ]);
    const duplicate = problems(
      withEditions([
        { id: "north", name: "北部版", pages: { "3": { articles: [{ id: "local", headline: "重复" }] } } },
      ]),
    );
    expect(duplicate).toEqual([
      'issues/x/issue.json: editions[0].pages.3.articles[0].id: expected an id unique in the issue, found "local", also at pages[1].articles[0].id',
    ]);
  });

  it("refuses a jump between a replaced page and a shared one, naming both pages and the article", () => {
    const pages = [
      { articles: [{ id: "lead", headline: "头条", jumpTo: 2 }] },
      base.pages[1] as (typeof base.pages)[number],
      base.pages[2] as (typeof base.pages)[number],
    ];
    const into = problems(withEditions([{ id: "north", name: "北部版", pages: { "2": page("n2") } }], pages));
    expect(into).toEqual([
      "issues/x/issue.json: pages[0].articles[0].jumpTo (article lead): expected no jump between a page the edition replaces and a page it shares, found article lead jumps from page 1 to page 2 (edition north replaces page 2, shares page 1)",
    ]);
    const out = problems(withEditions([{ id: "north", name: "北部版", pages: { "2": page("n2", { jumpTo: 3 }) } }]));
    expect(out).toEqual([
      "issues/x/issue.json: editions[0].pages.2.articles[0].jumpTo: expected no jump between a page the edition replaces and a page it shares, found article n2 jumps from page 2 to page 3 (edition north replaces page 2, shares page 3)",
    ]);
  });
});
