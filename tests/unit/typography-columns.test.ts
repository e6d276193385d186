import { describe, expect, it } from "vitest";
import { lineText, parseBboxLayout } from "../../src/check-type/bbox";
import { buildReport } from "../../src/check-type/check";
import { classifyPage } from "../../src/check-type/classify";
import { regroupPage } from "../../src/check-type/columns";

// pdftotext's grouping as it came out of real Chromium PDFs of 10 pt columns (boxes 14.4 pt tall):
// - block 1 holds column A (x 28.5–98.5) and, in one line, the tail of column A and column B's line
//   on the same baseline (B: x 128.5–198.5);
// - block 2 holds the rest of column B, where pdftotext split the row 高质量发展。”他 in two "lines"
//   because Chromium pulled ” back into the box of 。.
const XHTML = `<doc>
  <page width="595" height="842">
    <flow>
      <block xMin="28.5" yMin="0" xMax="198.5" yMax="43">
        <line xMin="48.5" yMin="0" xMax="98.5" yMax="14.4">
          <word xMin="48.5" yMin="0" xMax="98.5" yMax="14.4">东昌府区今</word>
        </line>
        <line xMin="28.5" yMin="14.25" xMax="198.5" yMax="28.65">
          <word xMin="28.5" yMin="14.25" xMax="98.5" yMax="28.65">天召开全区经济</word>
          <word xMin="128.5" yMin="14.25" xMax="198.5" yMax="28.65">为：“创新是第</word>
        </line>
        <line xMin="28.5" yMin="28.5" xMax="88.5" yMax="42.9">
          <word xMin="28.5" yMin="28.5" xMax="88.5" yMax="42.9">工作会议总</word>
        </line>
      </block>
    </flow>
    <flow>
      <block xMin="128.5" yMin="28.5" xMax="198.5" yMax="71.4">
        <line xMin="128.5" yMin="28.5" xMax="188.5" yMax="42.9">
          <word xMin="128.5" yMin="28.5" xMax="188.5" yMax="42.9">高质量发展。</word>
        </line>
        <line xMin="183.5" yMin="28.5" xMax="198.5" yMax="42.9">
          <word xMin="183.5" yMin="28.5" xMax="198.5" yMax="42.9">”他</word>
        </line>
        <line xMin="128.5" yMin="42.75" xMax="158.5" yMax="57.15">
          <word xMin="128.5" yMin="42.75" xMax="158.5" yMax="57.15">一动力！</word>
        </line>
      </block>
    </flow>
  </page>
</doc>`;

describe("regroupPage", () => {
  const [page] = parseBboxLayout(XHTML);
  const columns = page ? regroupPage(page).blocks : [];
  const texts = columns.map((b) => b.lines.map(lineText));

  it("splits a row at the gutter and stacks each half under its own column", () => {
    expect(texts).toEqual([
      ["东昌府区今", "天召开全区经济", "工作会议总"],
      ["为：“创新是第", "高质量发展。”他", "一动力！"],
    ]);
  });

  it("gives each column the edges of its own lines", () => {
    expect(columns.map((b) => [b.xMin, b.xMax])).toEqual([
      [28.5, 98.5],
      [128.5, 198.5],
    ]);
  });

  it("spares the check the faults pdftotext's grouping would make up", () => {
    // Taken as pdftotext grouped them, column A's first line is measured against column B's edge.
    const raw = page ? classifyPage(page) : [];
    expect(raw.map((f) => `${f.kind} ${f.text}`)).toEqual(["ragged 东昌府区今"]);
    // Regrouped: 工作会议总 ends column A, 高质量发展。”他 reaches column B's edge.
    const report = buildReport("split.pdf", parseBboxLayout(XHTML));
    expect(report.findings).toEqual([]);
    expect(report.totals.lines).toBe(6);
  });
});

// Two 9 pt columns of a page on a baseline grid (boxes 12.93 pt tall, 117 pt measure): x 53.25–170.25
// and 179.25–296.25, one character apart, every row shared. Column A opens with a dateline and its
// ideographic space, and ends with a credit that fills a line and wraps; in column B a trimmed “ starts
// a line half a character left of the measure, so the gutter before it is half a character wide.
const word = (x0: number, y: number, x1: number, text: string) =>
  `<word xMin="${x0}" yMin="${y}" xMax="${x1}" yMax="${y + 12.93}">${text}</word>`;
const GRID_XHTML = `<doc><page width="595" height="842"><flow><block><line>
  ${word(71.25, 100, 107.25, "东昌府讯")}${word(116.25, 100, 170.25, "为深入推进扫")}
  ${word(179.25, 100, 296.25, "社区是疫情防控的重要防线，")}
  ${word(53.25, 113.5, 170.25, "黑除恶专项斗争，进一步提高")}${word(179.25, 113.5, 296.25, "为持续做好疫情防控工作，核")}
  ${word(53.25, 127, 170.25, "群众对反有组织犯罪法的知晓")}${word(174.75, 127, 296.25, "“扫描场所码，用场所码或健")}
  ${word(53.25, 140.5, 71.25, "度。")}${word(179.25, 140.5, 242.25, "康码就可以做。")}
  ${word(71.25, 154, 170.25, "活动中，工作人员发放了")}${word(197.25, 154, 296.25, "社区公益岗工作人员王银")}
  ${word(53.25, 167.5, 89.25, "宣传单。")}${word(179.25, 167.5, 224.25, "国介绍到。")}
  ${word(55.35, 181, 91.35, "（融媒体")}${word(93.65, 181, 120.65, "郭龙君")}${word(122.95, 181, 149.95, "通讯员")}
  ${word(152.25, 181, 170.25, "张璇")}${word(143.25, 194.5, 170.25, "付磊）")}
</line></block></flow></page></doc>`;

describe("regroupPage on a baseline grid", () => {
  const [page] = parseBboxLayout(GRID_XHTML);
  const columns = page ? regroupPage(page).blocks : [];

  it("cuts rows at one-character and half-character gutters but keeps the dateline's space", () => {
    expect(columns.map((b) => b.lines.map(lineText))).toEqual([
      [
        "东昌府讯为深入推进扫",
        "黑除恶专项斗争，进一步提高",
        "群众对反有组织犯罪法的知晓",
        "度。",
        "活动中，工作人员发放了",
        "宣传单。",
        "（融媒体郭龙君通讯员张璇",
        "付磊）",
      ],
      [
        "社区是疫情防控的重要防线，",
        "为持续做好疫情防控工作，核",
        "“扫描场所码，用场所码或健",
        "康码就可以做。",
        "社区公益岗工作人员王银",
        "国介绍到。",
      ],
    ]);
  });

  it("takes short lines before an indent, a credit and the column end as paragraph ends", () => {
    const report = buildReport("grid.pdf", parseBboxLayout(GRID_XHTML));
    expect(report.findings).toEqual([]);
    expect(report.totals.lines).toBe(14);
  });
});

// Words of page 8 of the sample issue (10 pt text, boxes 14.37 pt tall, 110 pt columns 10 pt apart).
// Rows 758–818: a line with digits, spread by autospace and justification into one-character words,
// and on row 773 a line ending with ” beside one starting with “, both trimmed to half a character
// so that their boxes touch across the gutter. Rows 578–623: spaces in justified lines, as wide as a
// gutter, on two rows one above the other.
const sample = (x0: number, y: number, x1: number, text: string) =>
  `<word xMin="${x0}" yMin="${y}" xMax="${x1}" yMax="${y + 14.37}">${text}</word>`;
const SAMPLE_XHTML = `<doc><page width="842" height="1191"><flow><block><line>
  ${sample(514.76, 578, 624.7, "知识，7月19日，梁水镇")}${sample(634.76, 578, 744.75, "普及了心肺复苏等急救知")}
  ${sample(514.76, 593, 599.95, "开展了“珍爱生命")}${sample(604, 593, 624.74, "谨防")}
  ${sample(634.76, 593, 744.75, "识。通过此次培训活动，")}
  ${sample(514.76, 608, 524.76, "溺")}${sample(526.24, 608, 536.24, "水")}${sample(541.78, 608, 563.26, "远离")}
  ${sample(564.75, 608, 574.75, "危")}${sample(576.24, 608, 586.24, "险")}${sample(591.78, 608, 624.75, "平安成")}
  ${sample(634.76, 608, 744.75, "使机关干部、辖区少年儿")}
  ${sample(514.76, 623, 524.76, "长")}${sample(525.87, 623, 535.87, "”")}${sample(536.98, 623, 624.75, "防溺水志愿服务活")}
  ${sample(634.76, 623, 744.75, "童学习到了一些实用的急")}
  ${sample(274.76, 758, 284.76, "动")}${sample(287.36, 758, 304.02, "974")}${sample(306.62, 758, 316.62, "人")}
  ${sample(317.98, 758, 327.97, "次")}${sample(329.33, 758, 339.33, "，")}${sample(340.68, 758, 350.68, "信")}
  ${sample(352.04, 758, 362.04, "用")}${sample(363.39, 758, 373.39, "赋")}${sample(374.75, 758, 384.74, "分")}
  ${sample(394.76, 758, 504.75, "干”、由“路人甲”到")}
  ${sample(274.76, 773, 297.03, "4560")}${sample(298.45, 773, 389.74, "分，“信用积分卡”")}
  ${sample(389.76, 773, 504.74, "“主力军”的转变，让")}
  ${sample(274.76, 788, 295.41, "充值")}${sample(297.31, 788, 319.58, "4560")}${sample(321.49, 788, 384.75, "元，结合配套")}
  ${sample(389.76, 788, 504.74, "“个个都是主力军、人人")}
  ${sample(274.76, 803, 384.75, "打造的“信用超市”，凭")}${sample(394.76, 803, 504.75, "都是受益者”的共建共治")}
  ${sample(274.76, 818, 384.75, "卡消费成了石海子村民中")}${sample(394.76, 818, 504.75, "共享理念深入人心，形成")}
</line></block></flow></page></doc>`;

describe("regroupPage on gutters as narrow as a space", () => {
  const [page] = parseBboxLayout(SAMPLE_XHTML);
  const columns = page ? regroupPage(page).blocks : [];

  it("cuts a row where marks touch across the gutter, not at spaces that a line above or below spans", () => {
    expect(columns.map((b) => b.lines.map(lineText))).toEqual([
      ["知识，7月19日，梁水镇", "开展了“珍爱生命谨防", "溺水远离危险平安成", "长”防溺水志愿服务活"],
      ["普及了心肺复苏等急救知", "识。通过此次培训活动，", "使机关干部、辖区少年儿", "童学习到了一些实用的急"],
      [
        "动974人次，信用赋分",
        "4560分，“信用积分卡”",
        "充值4560元，结合配套",
        "打造的“信用超市”，凭",
        "卡消费成了石海子村民中",
      ],
      [
        "干”、由“路人甲”到",
        "“主力军”的转变，让",
        "“个个都是主力军、人人",
        "都是受益者”的共建共治",
        "共享理念深入人心，形成",
      ],
    ]);
  });

  it("finds no ragged line in the justified columns", () => {
    const report = buildReport("sample.pdf", parseBboxLayout(SAMPLE_XHTML));
    expect(report.findings).toEqual([]);
    expect(report.totals.lines).toBe(18);
  });
});

// Word boxes of the English weekly's page 1 (Libre Caslon 10 pt, justified, 9 pt gutters): the
// first line of the middle column has a word space right above one of the next line's.
const LATIN_XHTML = `<doc>
  <page width="780" height="1106">
    <flow><block xMin="0" yMin="0" xMax="780" yMax="700"><line xMin="0" yMin="0" xMax="780" yMax="700">
      <word xMin="221.26" yMin="636.27" xMax="227.11" yMax="647.34">it</word>
      <word xMin="230.31" yMin="636.27" xMax="268.25" yMax="647.34">becomes</word>
      <word xMin="215.22" yMin="649.02" xMax="228.98" yMax="660.09">the</word>
      <word xMin="233.88" yMin="649.02" xMax="268.25" yMax="660.09">political</word>
      <word xMin="277.25" yMin="636.27" xMax="297.45" yMax="647.34">their</word>
      <word xMin="302.19" yMin="636.27" xMax="335.08" yMax="647.34">Creator</word>
      <word xMin="339.82" yMin="636.27" xMax="358.88" yMax="647.34">with</word>
      <word xMin="363.62" yMin="636.27" xMax="393.28" yMax="647.34">certain</word>
      <word xMin="398.02" yMin="636.27" xMax="447.25" yMax="647.34">unalienable</word>
      <word xMin="451.99" yMin="636.27" xMax="480.91" yMax="647.34">Rights,</word>
      <word xMin="485.65" yMin="636.27" xMax="502.25" yMax="647.34">that</word>
      <word xMin="277.25" yMin="649.02" xMax="305.81" yMax="660.09">among</word>
      <word xMin="311.06" yMin="649.02" xMax="333.78" yMax="660.09">these</word>
      <word xMin="339.03" yMin="649.02" xMax="352.53" yMax="660.09">are</word>
      <word xMin="357.78" yMin="649.02" xMax="376.95" yMax="660.09">Life,</word>
      <word xMin="382.20" yMin="649.02" xMax="413.29" yMax="660.09">Liberty</word>
      <word xMin="418.54" yMin="649.02" xMax="434.23" yMax="660.09">and</word>
      <word xMin="439.48" yMin="649.02" xMax="453.24" yMax="660.09">the</word>
      <word xMin="458.49" yMin="649.02" xMax="488.29" yMax="660.09">pursuit</word>
      <word xMin="493.54" yMin="649.02" xMax="502.25" yMax="660.09">of</word>
      <word xMin="511.25" yMin="636.27" xMax="542.66" yMax="647.34">powers</word>
      <word xMin="547.23" yMin="636.27" xMax="555.43" yMax="647.34">in</word>
      <word xMin="560.00" yMin="636.27" xMax="579.69" yMax="647.34">such</word>
      <word xMin="584.26" yMin="636.27" xMax="607.23" yMax="647.34">form,</word>
      <word xMin="611.80" yMin="636.27" xMax="620.44" yMax="647.34">as</word>
      <word xMin="625.01" yMin="636.27" xMax="633.70" yMax="647.34">to</word>
      <word xMin="638.27" yMin="636.27" xMax="660.20" yMax="647.34">them</word>
      <word xMin="511.25" yMin="649.02" xMax="534.66" yMax="660.09">likely</word>
      <word xMin="537.11" yMin="649.02" xMax="545.81" yMax="660.09">to</word>
      <word xMin="548.25" yMin="649.02" xMax="572.40" yMax="660.09">effect</word>
      <word xMin="574.85" yMin="649.02" xMax="595.04" yMax="660.09">their</word>
      <word xMin="597.49" yMin="649.02" xMax="624.11" yMax="660.09">Safety</word>
      <word xMin="626.55" yMin="649.02" xMax="642.24" yMax="660.09">and</word>
      <word xMin="644.69" yMin="649.02" xMax="691.62" yMax="660.09">Happiness.</word>
    </line></block></flow>
  </page>
</doc>`;

describe("regroupPage on Latin columns", () => {
  it("cuts at the gutters, not at word spaces that line up over two rows", () => {
    const [page] = parseBboxLayout(LATIN_XHTML);
    const lines = (page ? regroupPage(page).blocks : []).flatMap((b) => b.lines.map(lineText));
    expect(lines).toContain("their Creator with certain unalienable Rights, that");
    expect(lines).toContain("among these are Life, Liberty and the pursuit of");
    expect(lines.some((l) => l.includes("that powers") || l.includes("becomes their"))).toBe(false);
  });
});
