import { describe, expect, it } from "vitest";
import { estimateCells, planPages } from "../../src/import/pages";
import { resolveFormat } from "../../src/load";

// The pages a new issue gets for its story pool: enough for the material by estimate, a page or
// more per section the stories name, the lead's section first.

const tabloid = resolveFormat("tabloid");
const broadsheet = resolveFormat("broadsheet");
const paragraph =
  "为进一步深化“放管服”改革、优化营商环境，全面提升服务质量，新区街道党委书记到街道便民服务中心体验窗口业务。".repeat(
    3,
  );
const story = (paragraphs: number, section?: string) => ({
  section,
  headline: "新区街道“一把手”走流程 服务群众“零距离”",
  body: Array.from({ length: paragraphs }, () => paragraph),
  images: [],
});

describe("a story's cells", () => {
  it("grow with its text, its photos and a lead's larger head", () => {
    const short = estimateCells(story(2), tabloid, "zh-Hans");
    const long = estimateCells(story(8), tabloid, "zh-Hans");
    expect(long - short).toBeGreaterThanOrEqual(6 * Math.ceil(paragraph.length / tabloid.columnChars));
    const photo = estimateCells({ ...story(2), images: [{ aspect: 1.5, caption: "图片说明" }] }, tabloid, "zh-Hans");
    expect(photo - short).toBeGreaterThan(2 * 10);
    expect(estimateCells({ ...story(2), priority: 1 }, tabloid, "zh-Hans")).toBeGreaterThan(short);
  });

  it("count Latin letters about half as wide as CJK characters", () => {
    const en = { headline: "Council approves budget", body: ["x".repeat(220)], images: [] };
    const zh = { headline: "议会通过预算", body: ["字".repeat(220)], images: [] };
    expect(estimateCells(en, tabloid, "en")).toBeLessThan(estimateCells(zh, tabloid, "zh-Hans"));
  });
});

describe("the pages of a new issue", () => {
  it("are as many as the material needs, fewer on a larger format", () => {
    const pool = Array.from({ length: 20 }, () => story(4));
    const small = planPages(pool, tabloid, "zh-Hans", "要闻");
    const large = planPages(pool, broadsheet, "zh-Hans", "要闻");
    expect(small.pages.length).toBeGreaterThan(large.pages.length);
    expect(small.pages.length).toBe(Math.ceil((small.cells + small.perPage * 0.22) / small.perPage));
    expect(small.pages.every((p) => p.section === "要闻")).toBe(true);
    expect(planPages([story(1)], tabloid, "zh-Hans", "要闻").pages).toEqual([{ section: "要闻" }]);
  });

  it("give each section a page, the lead's first, stories of no section where there is room", () => {
    const plan = planPages(
      [story(3, "民生"), story(3), story(2, "教育"), story(3, "民生")],
      tabloid,
      "zh-Hans",
      "要闻",
    );
    expect(plan.pages.map((p) => p.section)).toEqual(["民生", "教育"]);
    const frontless = planPages([story(3), story(2, "教育")], tabloid, "zh-Hant", "要聞");
    expect(frontless.pages.map((p) => p.section)).toEqual(["要聞", "教育"]);
  });
});
