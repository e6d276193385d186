import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/import/front-matter";
import { importMarkdown } from "../../src/import/markdown";

// Markdown front matter is read as YAML with plain data only: no engine runs code, no tag builds
// an object; what is not front matter stays Markdown.

describe("front matter", () => {
  it("reads YAML fields, dates and numbers as plain values", () => {
    const f = splitFrontMatter("---\nheadline: 标题\ndate: 2023-07-20\npriority: 2\n---\n# 标题\n");
    expect(f).toEqual({ data: { headline: "标题", date: "2023-07-20", priority: 2 }, content: "# 标题\n", lines: 5 });
  });

  it.each(["---js", "---javascript", "--- coffee", "---json"])("refuses %s", (opening) => {
    expect(() => splitFrontMatter(`${opening}\n{ headline: "x" }\n---\n# 标题\n`)).toThrow(
      /only YAML front matter is read/,
    );
  });

  it("accepts ---yaml", () => {
    expect(splitFrontMatter("---yaml\nkicker: 韩集镇\n---\n").data).toEqual({ kicker: "韩集镇" });
  });

  it.each([
    ['headline: !!js/function "function () {}"', /unknown tag/],
    ['headline: !!js/undefined ""', /unknown tag/],
    ["headline: !!binary aGVsbG8=", /unknown tag/],
    ["- a list\n- not fields", /not a list of fields/],
    ["headline: [unclosed", /not valid YAML at line 3: /],
  ])("refuses %s", (yaml, message) => {
    expect(() => splitFrontMatter(`---\n${yaml}\n---\n`)).toThrow(message);
  });

  it("takes an opening rule without a closing one as Markdown (a rule between stories)", () => {
    expect(splitFrontMatter("---\n# 标题\n\n正文。\n")).toEqual({
      data: {},
      content: "---\n# 标题\n\n正文。\n",
      lines: 0,
    });
  });
});

describe("front matter fields of a Markdown story", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsprint-front-matter-"));

  it("give the section to every story of the file and take the dash off a subhead", async () => {
    const { articles } = await importMarkdown(
      "a.md",
      "---\nsection: 民生\nsubhead: ——党建引领基层治理\n---\n# 甲\n\n正文。\n\n---\n\n# 乙\n\n正文二。\n",
      dir,
    );
    expect(articles.map((a) => [a.section, a.subhead])).toEqual([
      ["民生", "党建引领基层治理"],
      ["民生", undefined],
    ]);
  });

  it("keeps a head's line break from YAML and says which key disagrees", async () => {
    await expect(importMarkdown("b.md", "---\nheadline: |\n  第一行\n  第二行\n---\n# 第一行\n", dir)).rejects.toThrow(
      /b\.md: front matter headline: "第一行\\u\{A\}第二行" and the text's headline "第一行" disagree/,
    );
    const { articles } = await importMarkdown("c.md", "---\nheadline: |\n  第一行\n  第二行\n---\n正文。\n", dir);
    expect(articles[0]?.headline).toBe("第一行\n第二行");
  });
});
