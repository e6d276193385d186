import { describe, expect, it } from "vitest";
import { IssueError, parseIssue } from "../../src/load";

// Issue 22, 1: a line break in a head (kicker, headline, subhead, in-body subhead) is the editor's
// forced break (标题转行), between two lines that have text; everywhere else it is still refused with
// its JSON path.

const LEAD = "开展“三宣传”";
const LINE = "宣传疫情防控各项政策措施和一线先进典型";
const TWO_LINES = `${LEAD}\n${LINE}`;

function issueWith(article: Record<string, unknown>, more: Record<string, unknown> = {}) {
  return {
    paper: { name: "东昌府新闻" },
    issue: { date: "2022-11-14" },
    pages: [{ articles: [{ id: "a", headline: "标题", body: ["正文。"], ...article }] }],
    ...more,
  };
}

function problems(issue: unknown): string[] {
  try {
    parseIssue(JSON.stringify(issue), "/x/issue.json", "issue.json");
    return [];
  } catch (err) {
    if (!(err instanceof IssueError)) throw err;
    return err.problems.map((p) => `${p.path}: expected ${p.expected}, found ${p.found}`);
  }
}

describe("line breaks in heads (issue 22, 1)", () => {
  it("accepts a forced break in kicker, headline, subhead and in-body subhead, wherever the article is", () => {
    const heads = {
      kicker: TWO_LINES,
      headline: TWO_LINES,
      subhead: TWO_LINES,
      body: ["正文。", { subhead: TWO_LINES }],
    };
    const issue = issueWith(heads, {
      articles: [{ id: "pool", ...heads }],
      fillers: [{ id: "filler", ...heads }],
    });
    expect(problems(issue)).toEqual([]);
    const loaded = parseIssue(JSON.stringify(issue), "/x/issue.json");
    const article = loaded.data.pages[0]?.articles[0];
    expect(article?.headline).toBe(TWO_LINES);
    expect(article?.body[1]).toEqual({ subhead: TWO_LINES });
    expect(loaded.data.articles[0]?.kicker).toBe(TWO_LINES);
    expect(loaded.data.fillers[0]?.subhead).toBe(TWO_LINES);
  });

  it("reads a Windows line break (\\r\\n) in a head as one forced break", () => {
    const issue = issueWith({ headline: `${LEAD}\r\n${LINE}`, body: [{ subhead: `${LEAD}\r\n${LINE}` }] });
    expect(problems(issue)).toEqual([]);
    const article = parseIssue(JSON.stringify(issue), "/x/issue.json").data.pages[0]?.articles[0];
    expect(article?.headline).toBe(TWO_LINES);
    expect(article?.body[0]).toEqual({ subhead: TWO_LINES });
    // Three lines are two forced breaks.
    expect(problems(issueWith({ headline: `${LEAD}\n${LINE}\n第三行` }))).toEqual([]);
  });

  it("refuses a break at the start or the end of a head, and an empty line", () => {
    const at = "pages[0].articles[0]";
    const expected = "expected a line break (标题转行) only between two lines of the head that have text";
    expect(
      problems(
        issueWith({
          kicker: `\n${LINE}`,
          headline: `${LEAD}\n`,
          subhead: `${LEAD}\n\n${LINE}`,
          body: [{ subhead: `${LEAD}\n \u3000\n${LINE}` }, { subhead: `${LEAD}\r\n\r\n${LINE}` }],
        }),
      ),
    ).toEqual([
      `${at}.headline: ${expected}, found a line break at the end`,
      `${at}.body[0].subhead: ${expected}, found an empty line (two line breaks in a row) after line 1`,
      `${at}.body[1].subhead: ${expected}, found an empty line (two line breaks in a row) after line 1`,
      `${at}.kicker: ${expected}, found a line break at the start`,
      `${at}.subhead: ${expected}, found an empty line (two line breaks in a row) after line 1`,
    ]);
  });

  it("refuses other breaks and control characters in a head: a lone \\r, U+2028, a tab", () => {
    expect(
      problems(issueWith({ headline: `${LEAD}\r${LINE}`, kicker: `${LEAD}\u2028${LINE}`, subhead: "副\t题" })),
    ).toEqual([
      'pages[0].articles[0].headline: expected text without control characters, found U+000D (carriage return) at character 8; write a forced break (标题转行) as "\\n"',
      'pages[0].articles[0].kicker: expected text without control characters, found U+2028 (line separator) at character 8; write a forced break (标题转行) as "\\n"',
      "pages[0].articles[0].subhead: expected text without control characters, found U+0009 (tab) at character 2",
    ]);
  });

  it("keeps refusing line breaks outside heads, each with its JSON path", () => {
    const hint = "; a line break is a forced break in heads only (kicker, headline, subhead, in-body subhead)";
    const found = (n: number) => `found U+000A (line break) at character ${n}`;
    expect(
      problems(
        issueWith(
          {
            body: [TWO_LINES, { text: TWO_LINES }],
            label: "教育\n快讯",
            dateline: "东昌府\n讯",
            byline: "记者\n张三",
            images: [{ src: "a.jpg", caption: TWO_LINES, credit: "李凤国\n摄" }],
          },
          { paper: { name: "东昌府\n新闻" } },
        ),
      ),
    ).toEqual([
      `paper.name: expected text without control characters, ${found(4)}${hint}`,
      `pages[0].articles[0].body[0]: expected one paragraph per string, without line breaks, ${found(8)}; make each paragraph its own string in body`,
      `pages[0].articles[0].body[1].text: expected text without control characters, ${found(8)}${hint}`,
      `pages[0].articles[0].label: expected text without control characters, ${found(3)}${hint}`,
      `pages[0].articles[0].dateline: expected text without control characters, ${found(4)}${hint}`,
      `pages[0].articles[0].byline: expected text without control characters, ${found(3)}${hint}`,
      `pages[0].articles[0].images[0].caption: expected text without control characters, ${found(8)}${hint}`,
      `pages[0].articles[0].images[0].credit: expected text without control characters, ${found(4)}${hint}`,
    ]);
  });
});
