import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser, openPage, printPdf } from "../../src/browser/browser";
import { registerCheckType, runCheckType } from "../../src/cli/commands/check-type";
import { checkTypography, type TypoReport } from "../../src/typography/check";
import { type DomLine, domLinesIn } from "../../src/typography/dom-lines";
import { NO_END, NO_START, protectBreaks } from "../../src/typography/linebreak";

// Chromium prints justified CJK columns; the checker reads the PDF back with pdftotext. Built with
// protectBreaks and strict line breaking the page is clean; built to break anywhere, or set ragged, it
// is not, and the checker counts exactly the faults measured in the DOM before printing.

const PARAGRAPHS = [
  "东昌府区今天召开全区经济工作会议，总结今年工作，部署明年任务。会议指出，全区上下要坚持稳中求进工作总基调——完整、准确、全面贯彻新发展理念，推动经济实现质的有效提升和量的合理增长。",
  "区长在讲话中说：“我们要把握好发展机遇，推动高质量发展。”他还强调，要做好民生保障工作……让群众的获得感、幸福感、安全感更加充实、更有保障、更可持续。",
  "来自英国的专家约翰·史密斯在《聊城日报》发表文章（见第三版），介绍了2025年GDP增长5.2%的经验；他认为：“创新是第一动力！”",
  "据统计，今年一月至十月，全区规模以上工业增加值同比增长百分之八点三【数据来源：区统计局】，高于全市平均水平；社会消费品零售总额达到一百二十亿元。",
  "他说：“《人民日报》（海外版）刊发了《“一带一路”建设成果》一文。”读者纷纷表示：“好！”（记者 王明）",
  "“这是‘历史性’的一步。”专家说，“我们——所有人——都看到了。”会上，《聊城市志》《东昌府区志》（2024年版）正式发布……",
];
const WIDTHS_EM = [7, 9, 11, 13];
const BASE_CSS =
  "text-indent: 2em; margin: 0; text-spacing-trim: trim-start; text-autospace: normal; text-justify: inter-character;";
const GOOD = "text-align: justify; line-break: strict;";
const BREAK_ANYWHERE = "text-align: justify; word-break: break-all; line-break: anywhere;";
const RAGGED = "text-align: left; line-break: strict;";

interface Column {
  widthEm: number;
  css: string;
  protect: boolean;
}

function pageHtml(columns: Column[]): string {
  const column = (c: Column) =>
    `<div class="col" style="width:${c.widthEm}em">${PARAGRAPHS.map(
      (p) => `<p style="${BASE_CSS} ${c.css}">${c.protect ? protectBreaks(p) : p}</p>`,
    ).join("")}</div>`;
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">
<link rel="stylesheet" href="file:///work/main/node_modules/@fontsource/noto-serif-sc/400.css">
<style>@page { size: 297mm 420mm; margin: 10mm }
body { font-family: 'Noto Serif SC'; font-size: 10pt; margin: 0; display: flex; gap: 3em; align-items: flex-start }</style>
</head><body>${columns.map(column).join("")}</body></html>`;
}

interface Expected {
  lineStart: number;
  lineEnd: number;
  ragged: number;
}

/** The faults as the DOM shows them, paragraph by paragraph. */
function countFaults(paragraphs: DomLine[][], columnRights: number[], emPx: number): Expected {
  const counts = { lineStart: 0, lineEnd: 0, ragged: 0 };
  paragraphs.forEach((lines, p) => {
    const right = columnRights[Math.floor(p / PARAGRAPHS.length)] ?? 0;
    lines.forEach((line, i) => {
      const chars = [...line.text.replace(/\s/g, "")];
      if (i > 0 && NO_START.has(chars[0] ?? "")) counts.lineStart++;
      if (NO_END.has(chars.at(-1) ?? "")) counts.lineEnd++;
      if (i < lines.length - 1 && right - line.right > 0.55 * emPx) counts.ragged++;
    });
  });
  return counts;
}

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), "newsprint-typecheck-"));
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Prints the columns to an A3 PDF; returns its path and the faults measured in the DOM. */
async function printColumns(name: string, columns: Column[]): Promise<{ pdf: string; expected: Expected }> {
  const html = join(dir, `${name}.html`);
  await writeFile(html, pageHtml(columns));
  const { page } = await openPage(browser);
  try {
    await page.goto(`file://${html}`);
    await page.evaluate(() => document.fonts.ready);
    const paragraphs = await page.evaluate(domLinesIn, ".col p");
    const rights = await page.$$eval(".col", (els) => els.map((e) => e.getBoundingClientRect().right));
    const emPx = await page.$eval("body", (b) => Number.parseFloat(getComputedStyle(b).fontSize));
    const pdf = join(dir, `${name}.pdf`);
    await writeFile(pdf, await printPdf(page, { widthMm: 297, heightMm: 420 }));
    return { pdf, expected: countFaults(paragraphs, rights, emPx) };
  } finally {
    await page.close();
  }
}

function totals(report: TypoReport): Expected {
  const { lineStart, lineEnd, ragged } = report.totals;
  return { lineStart, lineEnd, ragged };
}

describe("checkTypography on Chromium PDFs", () => {
  let good: string;
  let broken: { pdf: string; expected: Expected };

  beforeAll(async () => {
    const made = await printColumns(
      "good",
      WIDTHS_EM.map((widthEm) => ({ widthEm, css: GOOD, protect: true })),
    );
    expect(made.expected).toEqual({ lineStart: 0, lineEnd: 0, ragged: 0 });
    good = made.pdf;
    broken = await printColumns("broken", [
      { widthEm: 7, css: BREAK_ANYWHERE, protect: false },
      { widthEm: 11, css: BREAK_ANYWHERE, protect: false },
      { widthEm: 8, css: RAGGED, protect: true },
      { widthEm: 10, css: RAGGED, protect: true },
    ]);
  });

  it("finds nothing in justified columns built with protectBreaks", async () => {
    const report = await checkTypography(good);
    expect(report.findings).toEqual([]);
    expect(report.totals.pages).toBe(1);
    expect(report.totals.lines).toBeGreaterThan(60);
  });

  it("counts exactly the line-start, line-end and ragged faults the DOM shows", async () => {
    const report = await checkTypography(broken.pdf);
    expect(broken.expected.lineStart).toBeGreaterThan(3);
    expect(broken.expected.ragged).toBeGreaterThan(1);
    expect(totals(report)).toEqual(broken.expected);
    expect(report.pages[0]).toMatchObject({ page: 1, ...broken.expected });
    const starts = report.findings.filter((f) => f.kind === "line-start");
    for (const f of starts) expect(NO_START.has([...f.text][0] ?? "")).toBe(true);
  });

  it("checks only the pages asked for", async () => {
    const report = await checkTypography(broken.pdf, { pages: [1] });
    expect(report.pages.map((p) => p.page)).toEqual([1]);
    expect(totals(report)).toEqual(broken.expected);
  });
});

describe("newsprint check-type", () => {
  const quiet = { out: [] as string[], err: [] as string[] };
  const out = (t: string) => quiet.out.push(t);
  const err = (t: string) => quiet.err.push(t);

  it("exits 0 on a clean PDF, 1 on violations, 2 on unreadable input", async () => {
    const good = join(dir, "good.pdf");
    const broken = join(dir, "broken.pdf");
    const notPdf = join(dir, "not.pdf");
    await writeFile(notPdf, "this is not a PDF");
    expect(await runCheckType([good], {}, out, err)).toBe(0);
    expect(await runCheckType([good, broken], {}, out, err)).toBe(1);
    expect(await runCheckType([broken, join(dir, "missing.pdf")], {}, out, err)).toBe(2);
    expect(await runCheckType([notPdf], {}, out, err)).toBe(2);
    expect(quiet.err.join("\n")).toContain("missing.pdf");
    expect(quiet.out.join("\n")).toMatch(/total: \d+ line-start, \d+ line-end, \d+ ragged/);
  });

  it("prints the reports as JSON with --json, through the registered command", async () => {
    const lines: string[] = [];
    expect(await runCheckType([join(dir, "broken.pdf")], { json: true }, (t) => lines.push(t), err)).toBe(1);
    const [report] = JSON.parse(lines.join("\n")) as TypoReport[];
    expect(report?.totals.lineStart).toBeGreaterThan(0);

    const program = new Command().exitOverride();
    registerCheckType(program);
    await program.parseAsync(["node", "newsprint", "check-type", join(dir, "good.pdf"), "--pages", "1"]);
    expect(process.exitCode).toBe(0);
    process.exitCode = undefined;
  });
});
