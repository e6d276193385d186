import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { importMarkdown } from "../../src/import/markdown";
import { importPageText } from "../../src/import/page-text";

// Page text as extraction leaves it, and Markdown as web desks write it: stories found by shape.

const page = `

闫寺街道 支部领办合作社推进土地托管

东昌府讯 近年来，闫寺街道通过运转模式，在不改变土地承包

所有权及土地用途的基础上，由党支部领办合作社。

（融媒体 郭龙君 通讯员 张璇 付磊）

又讯 “请提前把健康码打开”……侯营镇积极支援柳园街道核酸检测工作。

(融媒体 全兴社 通讯员 王艳杰)



东昌府讯 今年以来，柳园街道深刻领会战略指引。

（融媒体 朱晓斌）

为便于老人群体随时随地学习，该街道布设了学习区域。

（通讯员 李凤国 摄）

## 教育快讯

### 堂邑镇中心小学 组织戏曲进校园活动

**堂邑讯** 为弘扬戏曲文化精髓，近日，堂邑镇中心小学组织戏曲进校园活动。

这是疫情防控期间古楼街道网

格员常态工作的一个缩影。

梁水镇宣

聚『点滴小事』成『文明大事』

柳园街道`;

describe("page text", () => {
  const { articles, notes } = importPageText("page.txt", page);

  it("finds every story, follow-ups and photo items included", () => {
    expect(articles.map((a) => a.headline ?? null)).toEqual([
      "支部领办合作社推进土地托管",
      null,
      "聚『点滴小事』成『文明大事』",
      null,
      "组织戏曲进校园活动",
    ]);
    expect(notes).toEqual([]);
  });

  it("rejoins paragraphs split by column breaks", () => {
    expect(articles[0]?.body).toEqual([
      "近年来，闫寺街道通过运转模式，在不改变土地承包所有权及土地用途的基础上，由党支部领办合作社。",
    ]);
    expect(articles[0]).toMatchObject({
      kicker: "闫寺街道",
      dateline: "东昌府讯",
      byline: "融媒体 郭龙君 通讯员 张璇 付磊",
    });
    // A short fragment inside a story is not a headline.
    expect(articles[4]?.body).toEqual([
      "为弘扬戏曲文化精髓，近日，堂邑镇中心小学组织戏曲进校园活动。",
      "这是疫情防控期间古楼街道网格员常态工作的一个缩影。",
    ]);
  });

  it("keeps a follow-up (又讯) as a story without a headline", () => {
    expect(articles[1]).toMatchObject({ dateline: "又讯", byline: "融媒体 全兴社 通讯员 王艳杰" });
  });

  it("gives a head printed after its text to the story it names", () => {
    expect(articles[2]).toMatchObject({
      kicker: "柳园街道",
      dateline: "东昌府讯",
      byline: "融媒体 朱晓斌",
      body: ["今年以来，柳园街道深刻领会战略指引。"],
    });
  });

  it("makes a photo item's text its caption", () => {
    expect(articles[3]?.body).toEqual([]);
    expect(articles[3]?.images).toEqual([
      { caption: "为便于老人群体随时随地学习，该街道布设了学习区域。", credit: "通讯员 李凤国 摄", at: 23 },
    ]);
  });

  it("reads `#` and `**` left in the text as heads and datelines", () => {
    expect(articles[4]).toMatchObject({
      label: "教育快讯",
      kicker: "堂邑镇中心小学",
      dateline: "堂邑讯",
      byline: "梁水镇宣",
    });
  });
});

describe("Markdown", () => {
  it("takes front matter, headings, a bold dateline and a credit", async () => {
    const md = `---
kicker: 古楼街道
label: 基层动态
priority: 2
tags: [党建]
---
# 固本聚力 开拓小区党建新格局

**东昌府讯** 近年来，古楼街道党工委大力加强居民小区党建工作。

## 强化“工作链”

古楼街道党工委创新建立**立体工作模式**，构建工作格局。

（融媒体 郭龙君 通讯员 管荣晶）
`;
    const { articles, notes } = await importMarkdown("story.md", md, tmpdir());
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      kicker: "古楼街道",
      label: "基层动态",
      priority: 2,
      headline: "固本聚力 开拓小区党建新格局",
      dateline: "东昌府讯",
      body: [
        "近年来，古楼街道党工委大力加强居民小区党建工作。",
        { subhead: "强化“工作链”" },
        "古楼街道党工委创新建立立体工作模式，构建工作格局。",
      ],
      byline: "融媒体 郭龙君 通讯员 管荣晶",
    });
    expect(notes.join("\n")).toMatch(/bold or italics dropped in line\(s\) 13/);
    expect(notes.join("\n")).toMatch(/front matter field\(s\) tags not used/);
  });

  it("refuses front matter that disagrees with the text", async () => {
    await expect(importMarkdown("a.md", "---\nheadline: 甲\n---\n# 乙\n\n正文。\n", tmpdir())).rejects.toThrow(
      /disagree/,
    );
  });

  it("splits stories at each # and at rules", async () => {
    const { articles } = await importMarkdown(
      "a.md",
      "# 甲标题\n\n正文一。\n\n# 乙标题\n\n正文二。\n\n---\n\n丙标题\n\n正文三。\n",
      tmpdir(),
    );
    expect(articles.map((a) => a.headline)).toEqual(["甲标题", "乙标题", "丙标题"]);
  });
});

describe("line breaks and sections in Word and Markdown", () => {
  it("keeps a head's line break (<br>, a hard break in a setext head), splits a body paragraph at its own", async () => {
    const { articles } = await importMarkdown(
      "breaks.md",
      "# 开展见义勇为<br>专题宣传活动\n\n**东昌府讯** 12月26日，柳园街道开展宣传活动。  \n活动中，工作人员发放倡议书。\n\n强化\\\n“工作链”\n---\n\n正文。\n",
      tmpdir(),
    );
    expect(articles[0]).toMatchObject({
      headline: "开展见义勇为\n专题宣传活动",
      dateline: "东昌府讯",
      body: [
        "12月26日，柳园街道开展宣传活动。",
        "活动中，工作人员发放倡议书。",
        { subhead: "强化\n“工作链”" },
        "正文。",
      ],
    });
  });

  it("joins a soft line break between CJK characters without a space", async () => {
    const { articles } = await importMarkdown("soft.md", "# 标题\n\n第一行的文字\n接着第二行。\n", tmpdir());
    expect(articles[0]?.body).toEqual(["第一行的文字接着第二行。"]);
  });

  it("puts the stories after a section line in that section", async () => {
    const { articles } = await importMarkdown(
      "sections.md",
      "版面：民生\n\n# 甲标题\n\n正文一。\n\n# 乙标题\n\n正文二。\n\n【教育】\n\n# 丙标题\n\n正文三。\n",
      tmpdir(),
    );
    expect(articles.map((a) => [a.headline, a.section])).toEqual([
      ["甲标题", "民生"],
      ["乙标题", "民生"],
      ["丙标题", "教育"],
    ]);
  });

  it("reads English copy: byline first, dateline, photo credit", () => {
    const { articles } = importPageText(
      "weekly.txt",
      "Council approves new library budget\n\nBy Jane Doe\n\nMILLBROOK — The town council voted on Tuesday to fund the library.\n\nThe vote was unanimous.\n",
    );
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      headline: "Council approves new library budget",
      byline: "By Jane Doe",
      dateline: "MILLBROOK",
      body: ["The town council voted on Tuesday to fund the library.", "The vote was unanimous."],
    });
  });

  it("reads a section line in page text", () => {
    const { articles } = importPageText("p.txt", "要闻\n\n韩集镇\n召开专题会\n\n东昌府讯 近日，韩集镇召开专题会。\n");
    expect(articles[0]).toMatchObject({ section: "要闻", kicker: "韩集镇", headline: "召开专题会" });
  });
});
