import { describe, expect, it } from "vitest";
import { parseIssue } from "../../src/load";
import type { Layout } from "../../src/makeup/types";
import { renderHtml } from "../../src/render/render";
import { type Paragraph, sliceRuns } from "../../src/typeset/content";
import type { Measurements } from "../../src/typeset/measurements";
import { type TypesetModel, typesetIssue } from "../../src/typeset/model";
import type { ComposedLine } from "../../src/typeset/printed-lines";

/** An article's paragraphs as lines starting at the given offsets (what the composer gives, its
 *  spacing left out): the templates print them as they are. */
function linesAt(model: TypesetModel, id: string, starts: number[][]): ComposedLine[][] {
  const paragraphs: Paragraph[] = model.articles.get(id)?.paragraphs ?? [];
  return paragraphs.map((p, i) => {
    const at = starts[i] ?? [0];
    const length = p.runs.reduce((n, r) => n + r.text.length, 0);
    return at.map((start, k) => {
      const end = at[k + 1] ?? length;
      const runs = sliceRuns(p, start, end).map((r) => ({ text: r.text, style: r.style === "dateline" ? 1 : 0 }));
      return {
        start,
        end,
        runs,
        hyphen: false,
        width: 100,
        left: 0,
        natural: 100,
        wordSpacing: 0,
        letterSpacing: 0,
        adjust: [],
        printed: 100,
      };
    });
  });
}

const issue = parseIssue(
  JSON.stringify({
    paper: { name: "东昌府新闻", serial: "CN37-0000", publisher: "东昌府区委宣传部" },
    issue: { date: "2022-11-14", number: 1234 },
    pages: [
      {
        section: "要闻",
        editor: "王芳",
        articles: [
          {
            id: "lead",
            kicker: "闫寺街道",
            headline: "支部领办合作社<script>alert(1)</script>",
            label: "教育快讯",
            dateline: "东昌府讯",
            body: ["第一段第一行第二行。", { subhead: "小标题" }, "第二段。"],
            byline: "融媒体 郭龙君",
          },
        ],
      },
      { section: "综合", articles: [{ id: "inner", headline: "内版头条" }] },
    ],
  }),
  "/tmp/x/issue.json",
);
const model = typesetIssue(issue);
const lines = [
  { paragraph: 0, first: true, last: false, keepWithNext: false },
  { paragraph: 0, first: false, last: true, keepWithNext: false },
  { paragraph: 1, first: true, last: true, keepWithNext: true },
  { paragraph: 2, first: true, last: true, keepWithNext: false },
  { paragraph: 3, first: true, last: true, keepWithNext: false },
];
const metrics = {
  id: "lead",
  priority: 1,
  order: 0,
  headRows: [6],
  continuationHeadRows: [3],
  lines,
  images: [],
};
const measurements: Measurements = {
  mastheadRows: 8,
  articles: new Map([
    ["lead", { metrics, lines: linesAt(model, "lead", [[0, 11], [0], [0], [0]]) }],
    ["inner", { metrics: { ...metrics, id: "inner", lines: [] }, lines: [] }],
  ]),
};
const module = (columns: Layout["pages"][0]["modules"][0]["columns"], extra = {}) => ({
  articleId: "lead",
  origin: "auto" as const,
  col: 0,
  row: 8,
  span: 2,
  rows: 10,
  headRows: 6,
  images: [],
  columns,
  ...extra,
});
const page = (modules: ReturnType<typeof module>[], number = 1) => ({
  number,
  modules,
  boxes: [],
  fillers: [],
  tombstones: [],
  rules: [],
  emptyCells: 0,
  totalCells: 0,
  warnings: [],
});
const grid = { columns: 6, rows: 66, columnWidth: 110, gutter: 10, linePitch: 15 };

function render(layout: Layout): string {
  return renderHtml({ model, layout, measurements, images: new Map(), ads: new Map() });
}

describe("templates", () => {
  const html = render({
    grid,
    jumps: [],
    cuts: [],
    unusedFillers: [],
    pages: [
      page([
        module(
          [
            { col: 0, row: 6, rows: 2, start: 0, end: 1 },
            { col: 1, row: 6, rows: 4, start: 1, end: 5 },
          ],
          { continuesOn: 2 },
        ),
      ]),
      page([], 2),
    ],
  });

  it("prints the masthead with the Chinese and lunar date, issue number and index", () => {
    expect(html).toContain("2022年11月14日 星期一");
    expect(html).toContain("农历壬寅年十月廿一");
    expect(html).toContain("总第1234期");
    expect(html).toContain("CN37-0000");
    expect(html).toMatch(/导读[\s\S]*内版头条[\s\S]*第2版/);
  });

  it("escapes the issue's text: content cannot run scripts", () => {
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("Content-Security-Policy");
  });

  it("sets the article anatomy: label, kicker, headline, dateline, subhead, credit", () => {
    expect(html).toMatch(/class="np-label"><span>教育快讯/);
    expect(html).toMatch(/class="np-kicker"><span class="np-head-line">闫寺街道<\/span><\/p>/);
    expect(html).toMatch(/<span class="np-dateline">东昌府讯<\/span>/);
    expect(html).toMatch(/np-p--subhead"><span class="np-line">小标题/);
    expect(html).toContain("（融媒体 郭龙君）");
  });

  it("splits a paragraph across columns between its composed lines, one line box each", () => {
    // Line 0 of paragraph 0 in column one, line 1 in column two.
    expect(html).toMatch(
      /np-p np-p--text"><span class="np-line"><span class="np-dateline">东昌府讯<\/span>　第一段第一行<\/span><\/p>/,
    );
    expect(html).toMatch(/np-p np-p--text"><span class="np-line">第二行。<\/span><\/p>/);
  });

  it("gives each text column the number of lines the make-up planned (no helper shadows it)", () => {
    expect([...html.matchAll(/class="np-col" data-lines="([^"]*)"/g)].map((m) => m[1])).toEqual(["1", "4"]);
  });

  it("ends a jumped article with the jump line and places modules in pt on the grid", () => {
    expect(html).toContain("（下转第2版）");
    expect(html).toContain(`top: ${8 * 15}pt`);
    expect(html).toContain(`width: ${2 * 110 + 10}pt`);
  });

  it("names each module by its article, and leaves its rectangle to the layout", () => {
    expect(html).toMatch(/class="np-module[^"]*" data-article="lead" style="left: 0pt; top: 120pt; width: 230pt/);
    expect(html).not.toMatch(/data-(col|row|span|rows|origin)=/);
  });

  it("puts the page header with folio, section and credits on every page", () => {
    expect(html).toMatch(/第1版[\s\S]*要闻[\s\S]*责任编辑：王芳/);
    expect(html).toMatch(/第2版[\s\S]*综合/);
  });
});

describe("heads broken by the editor (标题转行, issue 22, 1)", () => {
  const broken = parseIssue(
    JSON.stringify({
      paper: { name: "东昌府新闻" },
      issue: { date: "2022-11-14" },
      pages: [
        {
          articles: [
            {
              id: "lead",
              kicker: "疫情防控\n东昌府在行动",
              headline: "开展“三宣传” 筑牢防线\n宣传疫情防控各项政策措施",
              subhead: "开展“三宣传”\n宣传一线先进典型",
              body: ["第一段。", { subhead: "开展“三宣传”\n宣传疫情防控各项政策措施和一线先进典型" }, "第二段。"],
            },
          ],
        },
      ],
    }),
    "/tmp/x/issue.json",
  );
  const brokenModel = typesetIssue(broken);
  const lead = brokenModel.articles.get("lead");
  const html = renderHtml({
    model: brokenModel,
    layout: {
      grid,
      jumps: [],
      cuts: [],
      unusedFillers: [],
      pages: [
        page([module([{ col: 0, row: 6, rows: 3, start: 0, end: 3 }], { continuesOn: 2 })]),
        page([module([{ col: 0, row: 3, rows: 1, start: 3, end: 4 }], { row: 0, headRows: 3, continuedFrom: 1 })], 2),
      ],
    },
    measurements: {
      mastheadRows: 8,
      articles: new Map([
        [
          "lead",
          {
            metrics: {
              ...metrics,
              lines: [
                { paragraph: 0, first: true, last: true, keepWithNext: false },
                { paragraph: 1, first: true, last: false, keepWithNext: true },
                { paragraph: 1, first: false, last: true, keepWithNext: true },
                { paragraph: 2, first: true, last: true, keepWithNext: false },
              ],
            },
            lines: linesAt(brokenModel, "lead", [[0], [0, 8], [0]]),
          },
        ],
      ]),
    },
    images: new Map(),
    ads: new Map(),
  });

  it("sets each line of kicker, headline and subhead as a block of its own, the subhead's dash in the first", () => {
    expect(html).toContain(
      '<p class="np-kicker"><span class="np-head-line">疫情防控</span><span class="np-head-line">东昌府在行动</span></p>',
    );
    expect(html).toContain(
      '<h2 class="np-headline"><span class="np-head-line"><span class="np-phrase">开展“三宣传”</span> <span class="np-phrase">筑牢防线</span></span><span class="np-head-line"><span class="np-phrase">宣传疫情防控各项政策措施</span></span></h2>',
    );
    expect(html).toContain(
      '<p class="np-subhead"><span class="np-head-line">——开展“三宣传”</span><span class="np-head-line">宣传一线先进典型</span></p>',
    );
  });

  it("breaks the continuation head where the editor did", () => {
    expect(html).toMatch(
      /np-headline--short"><span class="np-head-line">开展“三宣传” 筑牢防线<\/span><span class="np-head-line">宣传疫情防控各项政策措施<\/span><\/h2>/,
    );
  });

  it("keeps the in-body subhead's break in its text, each line protected alone and printed as a line", () => {
    const subhead = lead?.paragraphs[1];
    expect(subhead?.kind).toBe("subhead");
    expect(subhead?.runs[0]?.text).toBe("开展“三宣传”\n宣传疫情防控各项政策措施和一线先进典型");
    expect(html).toContain(
      '<p class="np-lines np-lines--cjk np-p np-p--subhead"><span class="np-line">开展“三宣传”\n</span><span class="np-line">宣传疫情防控各项政策措施和一线先进典型</span></p>',
    );
  });
});
