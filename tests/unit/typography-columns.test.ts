import { describe, expect, it } from "vitest";
import { lineText, parseBboxLayout } from "../../src/typography/bbox";
import { buildReport } from "../../src/typography/check";
import { classifyPage } from "../../src/typography/classify";
import { regroupPage } from "../../src/typography/columns";

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
