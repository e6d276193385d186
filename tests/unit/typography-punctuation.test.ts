import { describe, expect, it } from "vitest";
import { lineText, parseBboxLayout } from "../../src/check-type/bbox";
import { buildReport } from "../../src/check-type/check";
import { formatText } from "../../src/check-type/format";
import { FULL_WIDTH, findHalfWidthPunctuation, snippetAround } from "../../src/typography/punctuation";

// Issue 22, 3: half-width , ( ) ; : ? ! typed between Chinese characters, found in text (the build's
// warning, import's replacement) and in a finished PDF's lines (check-type).

const marks = (text: string) => findHalfWidthPunctuation(text).map((m) => `${m.at}${m.mark}`);

describe("findHalfWidthPunctuation", () => {
  it("finds each of , ( ) ; : ? ! between CJK characters, with its offset", () => {
    expect(marks("东昌府区,今天召开会议(见第三版)。会议指出;全区:要稳?好!对")).toEqual([
      "4,",
      "11(",
      "16)",
      "22;",
      "25:",
      "28?",
      "30!",
    ]);
  });

  it("finds a mark touching CJK on either side, as import replaces it, and takes CJK punctuation as CJK", () => {
    expect(marks("东昌府区, 今天")).toEqual(["4,"]);
    expect(marks("他说: “好”")).toEqual(["2:"]);
    expect(marks("记者（王明）,通讯员")).toEqual(["6,"]);
    expect(marks("GDP(国内生产总值)")).toEqual(["3(", "10)"]);
    expect(marks("增长5.2%,高于")).toEqual(["6,"]);
  });

  it("leaves marks in Latin and number contexts alone", () => {
    for (const text of ["10:30开会", "Hello, 世界", "全年3,500元", "见 www.example.com/a,b 网站"])
      expect(marks(text), text).toEqual([]);
  });

  it("finds a mark between surrogate pairs (CJK Extension B) and keeps full-width marks", () => {
    expect(marks("𠀀,𠀁")).toEqual(["2,"]);
    expect(marks("东昌府区，今天（见第三版）：好！")).toEqual([]);
  });

  it("names the full-width form of each mark, and shows a mark in its context", () => {
    expect(FULL_WIDTH).toEqual({ ",": "，", "(": "（", ")": "）", ";": "；", ":": "：", "?": "？", "!": "！" });
    expect(snippetAround("我区各镇(街道)全力以赴", 4)).toBe("我区各镇(街道)全");
  });
});

const line = (x0: number, y: number, x1: number, text: string) =>
  `<line><word xMin="${x0}" yMin="${y}" xMax="${x1}" yMax="${y + 14}">${text}</word></line>`;
// Two columns of 10 pt text: a half-width comma and a pair of parentheses in column one; in column
// two a comma at a line's end and a parenthesis at a line's start, between Chinese characters of two
// lines; and Latin text whose marks are its own.
const XHTML = `<doc><page width="595" height="842"><flow><block>
  ${line(0, 0, 70, "东昌府区,今天召")}${line(0, 14.25, 70, "开全区(镇)会议")}${line(0, 28.5, 40, "完毕。")}
  ${line(100, 0, 170, "会议指出全区要,")}${line(100, 14.25, 170, "稳中求进工作要")}${line(100, 28.5, 130, "(好)。")}
  ${line(200, 0, 270, "GDP(2022):")}${line(200, 14.25, 240, "up, not down")}
</block></flow></page></doc>`;

describe("check-type counts half-width punctuation", () => {
  const report = buildReport("marks.pdf", parseBboxLayout(XHTML));

  it("reports each mark with its page, line and a snippet, and counts it", () => {
    expect(report.findings.filter((f) => f.kind === "half-width").map((f) => [f.page, f.text, f.snippet])).toEqual([
      [1, "东昌府区,今天召", "东昌府区,今天召"],
      [1, "开全区(镇)会议", "开全区(镇)会议"],
      [1, "开全区(镇)会议", "全区(镇)会议"],
      [1, "会议指出全区要,", "出全区要,"],
      [1, "(好)。", "(好)。"],
      [1, "(好)。", "(好)。"],
    ]);
    expect(report.pages[0]?.halfWidth).toBe(6);
    expect(report.totals.halfWidth).toBe(6);
  });

  it("prints them as their own kind", () => {
    const text = formatText(report);
    expect(text).toContain("p1 half-width at 0,0 pt  东昌府区,今天召 (half-width mark in “东昌府区,今天召”)");
    expect(text).toMatch(/total: 0 line-start, 0 line-end, \d+ ragged, 0 loose, 6 half-width in 8 lines on 1 page/);
    expect(parseBboxLayout(XHTML)[0]?.blocks[0]?.lines.map(lineText)).toHaveLength(8);
  });
});
