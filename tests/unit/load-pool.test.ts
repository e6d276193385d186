import { describe, expect, it } from "vitest";
import { parseIssue } from "../../src/load";
import { typesetIssue } from "../../src/typeset/model";
import { problems } from "../helpers/issue-problems";

// The story pool in the issue file: stories at the top level with a section, checked against
// the pages and the other ids, and typeset with the rest so that they are measured.

const base = {
  paper: { name: "东昌府新闻" },
  issue: { date: "2022-11-14" },
  pages: [
    { section: "要闻", articles: [{ id: "lead", headline: "标题" }] },
    {
      section: "民生",
      layout: [{ article: "fixed", column: 1, line: 1, span: 6, height: 20 }],
      articles: [{ id: "fixed", headline: "标题" }],
    },
    { section: "文化" },
  ],
};

describe("the story pool", () => {
  it("accepts stories with a section of an automatic page, or none", () => {
    const issue = parseIssue(
      JSON.stringify({
        ...base,
        articles: [
          { id: "p1", headline: "一", section: "文化", priority: 1 },
          { id: "p2", headline: "二" },
        ],
      }),
      "/x/issue.json",
    );
    expect(issue.data.articles.map((a) => [a.id, a.section])).toEqual([
      ["p1", "文化"],
      ["p2", undefined],
    ]);
    // Typeset with the rest (measured), on no page until the make-up plans it, and no filler.
    const model = typesetIssue(issue);
    expect(model.articles.get("p1")).toMatchObject({ page: -1, pool: true, priority: 1 });
    expect(model.articles.get("p2")).toMatchObject({ page: -1, pool: true, priority: 3 });
  });

  it("lists a section's pool lead in the front page's index (导读), on the section's first automatic page", () => {
    const issue = parseIssue(
      JSON.stringify({
        ...base,
        pages: [...base.pages, { section: "文化" }],
        articles: [
          { id: "p1", headline: "文化副题", section: "文化", priority: 2 },
          { id: "p2", headline: "文化头条", section: "文化", priority: 1 },
          { id: "p3", headline: "无栏目", priority: 1 },
        ],
      }),
      "/x/issue.json",
    );
    expect(typesetIssue(issue).masthead.index).toEqual([
      { headline: "标题", page: "第2版", number: 2 },
      { headline: "文化头条", page: "第3版", number: 3 },
    ]);
  });

  it("names a section no page has, or only a page made up by hand, with its JSON path", () => {
    expect(
      problems({
        ...base,
        articles: [
          { id: "p1", headline: "一", section: "体育" },
          { id: "p2", headline: "二", section: "民生" },
        ],
      }),
    ).toEqual([
      'issues/x/issue.json: articles[0].section (article p1): expected the section of a page ("要闻", "民生", "文化"), found "体育"',
      'issues/x/issue.json: articles[1].section (article p2): expected a section with an automatic page (the make-up places pool stories), found "民生"',
    ]);
  });

  it("keeps ids unique across pages, pool, fillers and ads, and leaves the page to the make-up", () => {
    expect(
      problems({
        ...base,
        articles: [
          { id: "lead", headline: "一" },
          { id: "p2", headline: "二", place: { column: 1, line: 1, span: 2 } },
          { id: "p3", headline: "三", jumpTo: 3 },
        ],
        fillers: [{ id: "p2", headline: "补白" }],
      }),
    ).toEqual([
      'issues/x/issue.json: articles[0].id: expected an id unique in the issue (articles, the pool, fillers and ads), found "lead", also at pages[0].articles[0].id',
      "issues/x/issue.json: articles[1].place (article p2): expected no place: the make-up chooses a pool story's page, found a place",
      "issues/x/issue.json: articles[2].jumpTo (article p3): expected no jumpTo: the make-up chooses a pool story's page and its jumps, found page 3",
      'issues/x/issue.json: fillers[0].id: expected an id unique in the issue (articles, the pool, fillers and ads), found "p2", also at articles[1].id',
    ]);
  });

  it("checks the pool's printed text like any article's", () => {
    expect(problems({ ...base, articles: [{ id: "p1", headline: "一\u202e二" }] })).toEqual([
      "issues/x/issue.json: articles[0].headline (article p1): expected text without bidirectional control characters, found U+202E (right-to-left override) at character 2",
    ]);
  });
});
