import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IssueError, type IssueProblem, parseIssue } from "../../src/load";

// Issue 11, hostile input: what the issue file alone shows is found at load, with its JSON path,
// every problem at once (exit 2 in the CLI). Each test is one case of the issue.

const minimal = {
  paper: { name: "东昌府新闻" },
  issue: { date: "2022-11-14" },
  pages: [{ articles: [{ id: "a", headline: "标题", body: ["正文。"] }] }],
};
type Minimal = typeof minimal & Record<string, unknown>;

function problemsOf(input: string | Uint8Array): IssueProblem[] {
  try {
    parseIssue(input, "/x/issue.json", "issue.json");
    return [];
  } catch (err) {
    if (err instanceof IssueError) return err.problems;
    throw err;
  }
}

/** The problems of the minimal issue after `edit`, as "path: expected …, found …". */
function problems(edit: (issue: Minimal) => void): string[] {
  const issue = structuredClone(minimal) as Minimal;
  edit(issue);
  return problemsOf(JSON.stringify(issue)).map((p) => `${p.path}: expected ${p.expected}, found ${p.found}`);
}

const article = (issue: Minimal) => issue.pages[0]?.articles[0] as Record<string, unknown>;

describe("hostile input at load (issue 11)", () => {
  it("accepts the minimal issue", () => {
    expect(problems(() => undefined)).toEqual([]);
  });

  it("1: absurd geometry is an input error with the format's path", () => {
    expect(problems((i) => Object.assign(i, { format: { width: 10_000_000, height: 390, columns: 12 } }))).toEqual([
      "format.width: expected at most 2000, found number 10000000",
    ]);
    const huge = problems((i) =>
      Object.assign(i, { format: { width: 300, height: 400, columns: 13, bodySize: 500, columnChars: 1e6 } }),
    );
    expect(huge).toEqual([
      "format.columns: expected at most 12, found number 13",
      "format.bodySize: expected at most 36, found number 500",
      "format.columnChars: expected at most 100, found number 1000000",
    ]);
    expect(
      problems((i) =>
        Object.assign(i, { format: { width: 2000, height: 2000, columns: 6, bodySize: 4, lineHeight: 1 } }),
      ),
    ).toEqual([
      "format: expected at most 1000 lines in a column: a larger body size or line height, or a smaller page, found 1393 lines in a column (2000 mm at 4 pt × 1)",
    ]);
  });

  it("2: C0 and C1 control characters in a printed string, tab and line breaks included", () => {
    expect(problems((i) => Object.assign(article(i), { headline: "标题\u0000\u0007\u001b" }))).toEqual([
      "pages[0].articles[0].headline: expected text without control characters, found U+0000 (NUL) at character 3, U+0007 at character 4, U+001B (escape) at character 5",
    ]);
    expect(problems((i) => Object.assign(i.paper, { serial: "CN37\u00850000" }))[0]).toMatch(
      /^paper\.serial: .*U\+0085/,
    );
    expect(problems((i) => Object.assign(article(i), { body: ["第一段\n第二段"], byline: "记者\t张三" }))).toEqual([
      "pages[0].articles[0].body[0]: expected one paragraph per string, without line breaks, found U+000A (line break) at character 4; make each paragraph its own string in body",
      "pages[0].articles[0].byline: expected text without control characters, found U+0009 (tab) at character 3",
    ]);
  });

  it("3: every printed string outside the articles is glyph-checked, with its path", () => {
    const lines = problems((i) => {
      Object.assign(i.paper, { serial: "CN😀", publisher: "出版𠀀" });
      Object.assign(i.pages[0] as object, { section: "要闻😀", editor: "𠀀" });
      Object.assign(article(i), {
        kicker: "😀",
        label: "𠀀",
        images: [{ src: "a.jpg", caption: "图😀", credit: "𠀀 摄" }],
        body: [{ subhead: "小标题😀" }],
      });
    });
    expect(lines.map((l) => l.split(":")[0])).toEqual([
      "paper.serial",
      "paper.publisher",
      "pages[0].articles[0].body[0].subhead",
      "pages[0].articles[0].kicker",
      "pages[0].articles[0].label",
      "pages[0].articles[0].images[0].caption",
      "pages[0].articles[0].images[0].credit",
      "pages[0].section",
      "pages[0].editor",
    ]);
    expect(lines[0]).toBe(
      "paper.serial: expected characters the bundled fonts (Noto Serif SC, Noto Sans SC) have, found no glyph for 😀 (U+1F600)",
    );
  });

  it("4: dates are real calendar dates", () => {
    for (const date of ["2022-02-30", "2022-13-01", "0000-00-00", "2021-02-29"]) {
      expect(problems((i) => Object.assign(i.issue, { date }))).toEqual([
        `issue.date: expected a real calendar date between 1900-01-01 and 2199-12-31, found string "${date}"`,
      ]);
    }
    expect(problems((i) => Object.assign(i.issue, { date: "2024-02-29" }))).toEqual([]);
    expect(problems((i) => Object.assign(i.issue, { date: "2022/11/14" }))).toEqual([
      'issue.date: expected a date written YYYY-MM-DD, found string "2022/11/14"',
    ]);
  });

  it("5: bidirectional controls are rejected, naming the article's field", () => {
    expect(
      problems((i) => Object.assign(article(i), { headline: "abc\u202edef", body: ["正文\u2066x\u2069", "ok\u200f"] })),
    ).toEqual([
      "pages[0].articles[0].headline: expected text without bidirectional control characters, found U+202E (right-to-left override) at character 4",
      "pages[0].articles[0].body[0]: expected text without bidirectional control characters, found U+2066 (left-to-right isolate) at character 3, U+2069 (pop directional isolate) at character 5",
      "pages[0].articles[0].body[1]: expected text without bidirectional control characters, found U+200F (right-to-left mark) at character 3",
    ]);
  });

  it("2, 5: the report never prints the file's control or bidi characters raw to the terminal", () => {
    const text = JSON.stringify({ ...minimal, "\u001b[2Jx": 1, paper: { name: "报\u202e名" } });
    let message = "";
    try {
      parseIssue(text, "/x/issue.json", "issue.json");
    } catch (err) {
      message = (err as IssueError).message;
    }
    expect(message).toContain("unknown field(s) \\u{1B}[2Jx");
    expect(message).toContain("found U+202E (right-to-left override) at character 2");
    expect(message.includes("\u001b") || message.includes("\u202e")).toBe(false);
  });

  it("2, 5: other invisible characters and damaged text are rejected too", () => {
    expect(
      problems((i) =>
        Object.assign(article(i), {
          headline: "标\u2028题",
          kicker: "引\u{E0041}题",
          label: "栏\ufffd目",
          subhead: "副\u200b题",
        }),
      ),
    ).toEqual([
      'pages[0].articles[0].headline: expected text without control characters, found U+2028 (line separator) at character 2; write a forced break (标题转行) as "\\n"',
      "pages[0].articles[0].kicker: expected text without invisible format characters, found U+E0041 at character 2",
      "pages[0].articles[0].label: expected text without U+FFFD, which stands for characters lost to a wrong encoding, found U+FFFD (replacement character) at character 2",
    ]);
  });

  it("6: required text fields have visible text", () => {
    expect(
      problems((i) => {
        i.paper.name = " ";
        Object.assign(article(i), { headline: "", subhead: "\u3000", body: ["\u200b", { subhead: " " }] });
      }),
    ).toEqual([
      "paper.name: expected visible text (or leave the field out), found nothing visible (U+0020)",
      "pages[0].articles[0].headline: expected visible text (or leave the field out), found an empty string",
      "pages[0].articles[0].body[0]: expected visible text (or leave the field out), found nothing visible (U+200B)",
      "pages[0].articles[0].body[1].subhead: expected visible text (or leave the field out), found nothing visible (U+0020)",
      "pages[0].articles[0].subhead: expected visible text (or leave the field out), found nothing visible (U+3000)",
    ]);
    expect(problems((i) => Object.assign(article(i), { id: "" }))[0]).toMatch(
      /^pages\[0\]\.articles\[0\]\.id: expected an id/,
    );
  });

  it("7: a key written twice is reported with both lines and columns", () => {
    const text = `{
  "paper": { "name": "报" },
  "issue": { "date": "2022-11-14" },
  "pages": [{ "articles": [{ "id": "a",
    "headline": "一",
    "headline": "二" }] }]
}`;
    expect(problemsOf(text)).toEqual([
      {
        file: "issue.json",
        path: "pages[0].articles[0].headline",
        articleId: "a",
        expected: "each field once in an object",
        found: '"headline" 2 times, at line 5, column 5 and line 6, column 5 (only the last would count)',
      },
    ]);
  });

  it("18: a syntax error gives line, column and the line's text", () => {
    const [problem] = problemsOf('{\n  "paper": { "name": "报" },\n  "issue": { "date": "2022-11-14" ,, }\n}');
    expect(problem).toEqual({
      file: "issue.json",
      path: "",
      expected: "valid JSON: a field name in double quotes",
      found: '"," at line 3, column 36: "issue": { "date": "2022-11-14" ,, }',
    });
    expect(problemsOf('{ "paper": { "name": "报", }, "pages": [] }')[0]?.expected).toBe(
      "valid JSON: no comma before }",
    );
    expect(problemsOf('{ "paper": ')[0]?.found).toMatch(/^the end of the file at line 1, column 12/);
    expect(problemsOf('{ "paper": 1 } // note')[0]?.expected).toBe("valid JSON: no comments (JSON has none)");
    expect(problemsOf(" \n")).toEqual([
      { file: "issue.json", path: "", expected: "an issue as JSON", found: "an empty file" },
    ]);
    // Deep nesting would overflow the stack of the readers after JSON.parse: a problem, not a crash.
    const deep = JSON.stringify(minimal).replace(/}$/, `, "x": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    expect(problemsOf(deep)[0]?.expected).toBe("objects and arrays nested at most 64 deep");
  });

  it("19: a UTF-8 BOM is accepted; UTF-16, UTF-32 and GBK are named; one problem, one line", () => {
    const text = JSON.stringify(minimal, null, 2);
    const utf8 = new TextEncoder().encode(text);
    expect(problemsOf(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual([]);
    const utf16le = Buffer.from(text, "utf16le");
    const utf16be = Buffer.from(utf16le).swap16();
    const cases: [Uint8Array, string][] = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), "UTF-16 (little-endian)"],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), "UTF-16 (big-endian)"],
      [utf16le, "UTF-16 (little-endian)"],
      [utf16be, "UTF-16 (big-endian)"],
      [utf32le(text), "UTF-32 (little-endian)"],
      [gbk(text), "GBK (GB18030)"],
    ];
    for (const [bytes, name] of cases) {
      expect(problemsOf(bytes)).toEqual([
        { file: "issue.json", path: "", expected: "a file saved as UTF-8", found: `${name} text; save it as UTF-8` },
      ]);
    }
    const latin1 = Buffer.from(text.replace("东昌府新闻", "Café"), "latin1");
    expect(problemsOf(latin1)[0]?.found).toBe(
      "text that is not UTF-8 (byte 0xE9 at line 3, column 17); save it as UTF-8",
    );
  });

  it("20: a number too large for a double is out of range, not null", () => {
    const text = JSON.stringify(minimal).replace('"headline"', '"priority":1e400,"headline"');
    expect(problemsOf(text)).toEqual([
      {
        file: "issue.json",
        path: "pages[0].articles[0].priority",
        articleId: "a",
        expected: "a number in range",
        found: "1e400, a number out of range",
      },
    ]);
  });

  it("21: margins larger than the page leave no type area, at format.margins", () => {
    const margins = { top: 200, right: 10, bottom: 200, left: 10 };
    expect(problems((i) => Object.assign(i, { format: { width: 275, height: 390, columns: 6, margins } }))).toEqual([
      "format.margins: expected margins that leave a type area, found top 200 + bottom 200 mm on a page 390 mm high: the margins leave no type area",
    ]);
    const wide = { top: 20, right: 150, bottom: 20, left: 150 };
    expect(
      problems((i) => Object.assign(i, { format: { width: 275, height: 390, columns: 6, margins: wide } }))[0],
    ).toMatch(/^format\.margins: .*left 150 \+ right 150 mm on a page 275 mm wide/);
  });

  it("15: placements outside the grid and overlapping, all of them, 1-based with their paths", () => {
    const lines = problems((i) => {
      const page = i.pages[0] as Record<string, unknown>;
      page.articles = ["a", "b", "c"].map((id) => ({ id, headline: "标题" }));
      page.layout = [
        { article: "a", column: 5, line: 1, span: 3, height: 10 },
        { article: "b", column: 1, line: 100, span: 2, height: 10 },
        { article: "c", column: 6, line: 5, span: 1, height: 10 },
      ];
    });
    expect(lines).toEqual([
      "pages[0].layout[0]: expected a module inside the grid of 6 columns × 66 lines, found columns 5–7, lines 1–10",
      "pages[0].layout[1]: expected a module inside the grid of 6 columns × 66 lines, found columns 1–2, lines 100–109",
      'pages[0].layout[2]: expected a module clear of the page\'s other modules, found "c" overlaps "a" (pages[0].layout[0]) at column 6, lines 5–10',
    ]);
  });

  it("15: text, schema and placement problems are listed together", () => {
    const lines = problems((i) => {
      i.issue.date = "2022-02-30";
      const page = i.pages[0] as Record<string, unknown>;
      page.articles = [
        { id: "a", headline: "张𠀀" },
        { id: "b", headline: "标题" },
      ];
      page.layout = [
        { article: "a", column: 1, line: 1, span: 4, height: 30 },
        { article: "b", column: 3, line: 10, span: 4, height: 30 },
      ];
    });
    expect(lines.map((l) => l.split(":")[0])).toEqual([
      "issue.date",
      "pages[0].articles[0].headline",
      "pages[0].layout[1]",
    ]);
  });

  it("the sample issues pass every check", () => {
    for (const name of ["dongchangfu", "broadsheet", "overflow"]) {
      const file = new URL(`../../issues/${name}/issue.json`, import.meta.url).pathname;
      expect(problemsOf(readFileSync(file))).toEqual([]);
    }
  });
});

function gbk(text: string): Uint8Array {
  // Node has no GB18030 encoder; these are the characters of the minimal issue.
  const codes: Record<string, number[]> = {
    东: [0xb6, 0xab],
    昌: [0xb2, 0xfd],
    府: [0xb8, 0xae],
    新: [0xd0, 0xc2],
    闻: [0xce, 0xc5],
    标: [0xb1, 0xea],
    题: [0xcc, 0xe2],
    正: [0xd5, 0xfd],
    文: [0xce, 0xc4],
    "。": [0xa1, 0xa3],
  };
  const out: number[] = [];
  for (const char of text) out.push(...(codes[char] ?? [char.charCodeAt(0)]));
  const bytes = new Uint8Array(out);
  expect(new TextDecoder("gb18030").decode(bytes)).toBe(text);
  return bytes;
}

function utf32le(text: string): Uint8Array {
  const out = [0xff, 0xfe, 0, 0];
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    out.push(cp & 0xff, (cp >> 8) & 0xff, (cp >> 16) & 0xff, 0);
  }
  return new Uint8Array(out);
}
