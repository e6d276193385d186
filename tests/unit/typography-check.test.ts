import { describe, expect, it } from "vitest";
import { lineText, parseBboxLayout } from "../../src/check-type/bbox";
import { buildReport } from "../../src/check-type/check";
import { formatJson, formatText } from "../../src/check-type/format";

// What `pdftotext -bbox-layout` writes for two 7-character columns of 10 pt CJK text: column 1 holds
// paragraphs opened by a two-character indent; column 2 separates paragraphs by a blank line.
const XHTML = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
<head><title>hand.pdf</title></head>
<body>
<doc>
  <page width="595.0" height="842.0">
    <flow>
      <block xMin="0" yMin="0" xMax="70" yMax="114">
        <line xMin="20" yMin="0" xMax="70" yMax="14">
          <word xMin="20" yMin="0" xMax="70" yMax="14">东昌府区今</word>
        </line>
        <line xMin="0" yMin="14.25" xMax="70" yMax="28.25">
          <word xMin="0" yMin="14.25" xMax="10" yMax="28.25">天</word>
          <word xMin="12" yMin="14.25" xMax="34" yMax="28.25">召开</word>
          <word xMin="36" yMin="14.25" xMax="70" yMax="28.25">全区&#x2060;经济</word>
        </line>
        <line xMin="0" yMin="28.5" xMax="60" yMax="42.5">
          <word xMin="0" yMin="28.5" xMax="60" yMax="42.5">工作会议总结</word>
        </line>
        <line xMin="0" yMin="42.75" xMax="70" yMax="56.75">
          <word xMin="0" yMin="42.75" xMax="70" yMax="56.75">，部署明年任务</word>
        </line>
        <line xMin="0" yMin="57" xMax="70" yMax="71">
          <word xMin="0" yMin="57" xMax="70" yMax="71">会议指出全区（</word>
        </line>
        <line xMin="0" yMin="71.25" xMax="30" yMax="85.25">
          <word xMin="0" yMin="71.25" xMax="30" yMax="85.25">上下。</word>
        </line>
        <line xMin="20" yMin="85.5" xMax="70" yMax="99.5">
          <word xMin="20" yMin="85.5" xMax="70" yMax="99.5">……他说好</word>
        </line>
        <line xMin="0" yMin="99.75" xMax="40" yMax="113.75">
          <word xMin="0" yMin="99.75" xMax="40" yMax="113.75">再见了。</word>
        </line>
      </block>
    </flow>
    <flow>
      <block xMin="100" yMin="0" xMax="170" yMax="85">
        <line xMin="100" yMin="0" xMax="170" yMax="14">
          <word xMin="100" yMin="0" xMax="123" yMax="14">AT&amp;T</word>
          <word xMin="126" yMin="0" xMax="170" yMax="14">公司宣布</word>
        </line>
        <line xMin="100" yMin="14.25" xMax="130" yMax="28.25">
          <word xMin="100" yMin="14.25" xMax="130" yMax="28.25">新计划</word>
        </line>
        <line xMin="100" yMin="42.75" xMax="170" yMax="56.75">
          <word xMin="100" yMin="42.75" xMax="170" yMax="56.75">第二段文字从此</word>
        </line>
        <line xMin="100" yMin="57" xMax="140" yMax="71">
          <word xMin="100" yMin="57" xMax="140" yMax="71">开始了。</word>
        </line>
      </block>
    </flow>
  </page>
  <page width="595.0" height="842.0">
  </page>
</doc>
</body>
</html>`;

describe("parseBboxLayout", () => {
  const pages = parseBboxLayout(XHTML);

  it("reads pages, blocks, lines and words with their boxes", () => {
    expect(pages.map((p) => p.number)).toEqual([1, 2]);
    expect(pages[0]?.width).toBe(595);
    expect(pages[0]?.blocks.map((b) => b.lines.length)).toEqual([8, 4]);
    expect(pages[0]?.blocks[0]?.lines[1]?.words[1]).toEqual({
      xMin: 12,
      yMin: 14.25,
      xMax: 34,
      yMax: 28.25,
      text: "召开",
    });
  });

  it("numbers pages from the first page pdftotext was asked for", () => {
    expect(parseBboxLayout(XHTML, 5).map((p) => p.number)).toEqual([5, 6]);
  });

  it("joins CJK words without spaces, drops word joiners and decodes entities", () => {
    const [column1, column2] = pages[0]?.blocks ?? [];
    expect(column1?.lines[1] && lineText(column1.lines[1])).toBe("天召开全区经济");
    expect(column2?.lines[0] && lineText(column2.lines[0])).toBe("AT&T公司宣布");
  });
});

describe("classification", () => {
  const report = buildReport("hand.pdf", parseBboxLayout(XHTML));

  it("finds the line start, the line end and the ragged line, and nothing else", () => {
    expect(report.findings).toEqual([
      { page: 1, kind: "ragged", text: "工作会议总结", x: 0, y: 28.5, shortBy: 1 },
      { page: 1, kind: "line-start", text: "，部署明年任务", x: 0, y: 42.8 },
      { page: 1, kind: "line-end", text: "会议指出全区（", x: 0, y: 57 },
    ]);
  });

  it("takes an indented line's mark as the paragraph's own, and short last lines as paragraph ends", () => {
    // "……他说好" opens a paragraph; "上下。", "再见了。", "新计划" (before a blank line) and
    // "开始了。" end one.
    const texts = report.findings.map((f) => f.text);
    for (const t of ["……他说好", "上下。", "再见了。", "新计划", "开始了。"]) expect(texts).not.toContain(t);
  });

  it("counts per page and in total", () => {
    expect(report.pages).toEqual([
      { page: 1, lines: 12, lineStart: 1, lineEnd: 1, ragged: 1, loose: 0, halfWidth: 0 },
      { page: 2, lines: 0, lineStart: 0, lineEnd: 0, ragged: 0, loose: 0, halfWidth: 0 },
    ]);
    expect(report.totals).toEqual({ pages: 2, lines: 12, lineStart: 1, lineEnd: 1, ragged: 1, loose: 0, halfWidth: 0 });
  });
});

// What is not justified body text: a caption (boxes 0.9 of the body's) with a short inner line, a
// centred two-line headline whose second line starts with a closing quote, next to 10 pt body text in
// a column of four lines and one of two lines whose first line stops short.
const line = (x0: number, y: number, x1: number, h: number, text: string) =>
  `<line><word xMin="${x0}" yMin="${y}" xMax="${x1}" yMax="${y + h}">${text}</word></line>`;
const SIZES_XHTML = `<doc><page width="595" height="842"><flow><block>
  ${line(0, 0, 70, 14, "东昌府区今天召")}${line(0, 14.25, 70, 14, "开全区经济工作")}
  ${line(0, 28.5, 70, 14, "会议，总结今年")}${line(0, 42.75, 40, 14, "工作。")}
  ${line(100, 0, 163, 12.6, "为丰富校园文化生")}${line(100, 12.6, 136, 12.6, "活，运动")}
  ${line(100, 25.2, 172, 12.6, "会活跃了校园气氛。")}
  ${line(200, 0, 340, 28, "东昌府区召开")}${line(240, 30, 300, 28, "”会议")}
  ${line(400, 0, 420, 14, "短行")}${line(400, 14.25, 470, 14, "第二行文字到此")}
</block></flow></page></doc>`;

describe("what counts as justified body text", () => {
  const report = buildReport("sizes.pdf", parseBboxLayout(SIZES_XHTML));

  it("counts ragged lines in body text only, and line starts everywhere", () => {
    expect(report.findings.map((f) => `${f.kind} ${f.text}`)).toEqual(["line-start ”会议", "ragged 短行"]);
  });
});

// newsprint's own head and in-body subhead, as pdftotext read them from a fresh `init` issue (issue 22,
// 6): a 副题 led by the template's ——, under its headline; a centred 小标题 after a paragraph's short
// last line, over the next paragraph's indented line (10 pt body, 11-character columns of 110 pt).
const body = (x0: number, y: number, x1: number, text: string) => line(x0, y, x1, 14.37, text);
const HEADS_XHTML = `<doc><page width="779" height="1105"><flow><block>
  ${line(332.8, 182.9, 446.7, 27.3, "引题写在这里")}${line(213.2, 204, 565.5, 60.82, "头条标题写在这里")}
  ${line(305.7, 264.6, 473.7, 30.18, "——副题写在这里")}
  ${body(54.7, 308, 144.8, "本报讯这里是头条")}${body(34.8, 323, 144.8, "的正文。稿件的每一段写")}
  ${body(34.8, 338, 144.8, "成正文数组里的一个字符")}${body(34.8, 353, 144.8, "串，导语前的电头写在电")}
  ${body(274.8, 308, 314.7, "上括号。")}${line(314.8, 322.9, 344.7, 14.48, "小标题")}
  ${body(294.7, 338, 384.8, "正文中的小标题单独")}
</block></flow></page></doc>`;

describe("newsprint's own heads (issue 22, 6)", () => {
  const report = buildReport("init.pdf", parseBboxLayout(HEADS_XHTML));

  it("takes the dash that leads a subhead and a centred in-body subhead as set, not as faults", () => {
    expect(report.findings).toEqual([]);
    expect(report.totals.lines).toBe(10);
  });

  it("still finds a dash the head broke onto a second line, and a first line short by its indent", () => {
    const broken = HEADS_XHTML.replace(
      line(305.7, 264.6, 473.7, 30.18, "——副题写在这里"),
      line(330.7, 264.6, 448.7, 30.18, "副题写在这里") + line(355.7, 294.8, 423.7, 30.18, "——副题"),
    ).replace(body(54.7, 308, 144.8, "本报讯这里是头条"), body(54.7, 308, 124.8, "本报讯这里是"));
    expect(buildReport("broken.pdf", parseBboxLayout(broken)).findings.map((f) => `${f.kind} ${f.text}`)).toEqual([
      "line-start ——副题",
      "ragged 本报讯这里是",
    ]);
  });
});

describe("formatters", () => {
  const report = buildReport("hand.pdf", parseBboxLayout(XHTML));

  it("write one line per finding and the totals as text", () => {
    const text = formatText(report);
    expect(text).toContain("p1 line start at 0,42.8 pt  ，部署明年任务");
    expect(text).toContain("p1 ragged     at 0,28.5 pt  工作会议总结 (short by 1 char)");
    expect(text).toContain("page 1: 1 line-start, 1 line-end, 1 ragged, 0 loose, 0 half-width in 12 lines");
    expect(text).toContain("total: 1 line-start, 1 line-end, 1 ragged, 0 loose, 0 half-width in 12 lines on 2 pages");
    expect(text).not.toContain("page 2:");
  });

  it("write the report as JSON that reads back the same", () => {
    expect(JSON.parse(formatJson(report))).toEqual(report);
    expect(JSON.parse(formatJson([report, report]))).toHaveLength(2);
  });
});
