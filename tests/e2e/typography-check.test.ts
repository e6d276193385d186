import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser, openPage, printPdf } from "../../src/browser/browser";
import { checkTypography, type TypoReport } from "../../src/check-type/check";
import { registerCheckType, runCheckType } from "../../src/cli/commands/check-type";
import { resolveConfig } from "../../src/config/resolve";
import { NO_END, NO_START, protectBreaks } from "../../src/typography/linebreak";
import { type DomLine, domLinesIn } from "../helpers/dom-lines";
import { NOTO_SERIF_SC_CSS } from "../helpers/paths";

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
<link rel="stylesheet" href="${NOTO_SERIF_SC_CSS}">
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
  browser = await launchBrowser(resolveConfig().browser);
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

// A page made up the way our pipeline makes newspapers: a 3-column module under a spanning headline
// and a 1-column module beside it, 117 pt columns one 9 pt character apart on a 13.5 pt baseline grid,
// so neighbouring columns share baselines; datelines, an indented paragraph start after a short last
// line, a centred subhead, right-aligned credits, a jump line, a caption, page header and footer.
const PT = 4 / 3;
const GRID = { left: 36, top: 67.5, column: 117, gutter: 9, pitch: 13.5 };
const FONT_DIR = new URL("../../node_modules/@fontsource", import.meta.url).href;
const FONTS = ["noto-serif-sc/400", "noto-sans-sc/400", "noto-sans-sc/700", "noto-sans-sc/900"];

const para = (text: string, cls = "") => `<p class="${cls}">${protectBreaks(text)}</p>`;
const withDateline = (place: string, text: string) => `<p><b class="dl">${place}</b>　${protectBreaks(text)}</p>`;
const MODULE_A = [
  withDateline(
    "东昌府讯",
    "东昌府区今天召开全区经济工作会议，总结今年工作，部署明年任务。会议指出，全区上下要坚持稳中求进工作总基调，推动经济实现质的有效提升和量的合理增长。",
  ),
  para(
    "区长在讲话中说：“我们要把握好发展机遇，推动高质量发展。”他还强调，要做好民生保障工作，让群众的获得感、幸福感、安全感更加充实、更有保障、更可持续。",
  ),
  // Breaks before “, which Chromium trims to half a character: the gutter before it shrinks to half.
  para(
    "据统计，今年一月至十月“全区规模以上工业增加值同比增长百分之八点三”，高于全市平均水平；社会消费品零售总额达到一百二十亿元。",
  ),
  para("加强组织领导", "sub"),
  para(
    "会议要求，各镇街、各部门要把思想和行动统一到区委的决策部署上来，以更加饱满的热情、更加务实的作风，扎实做好明年各项工作，确保开好局、起好步。来自英国的专家约翰·史密斯在《聊城日报》发表文章，介绍了2025年GDP增长5.2%的经验。",
  ),
  para("会上，《聊城市志》《东昌府区志》正式发布。"),
  para("（融媒体 郭龙君）", "credit"),
];
const MODULE_B = [
  withDateline(
    "堂邑讯",
    "为弘扬戏曲文化精髓，培养学生戏曲素养，营造校园戏曲文化氛围，让更多的学生了解优秀戏曲文化，感受传统文化的韵味和魅力，近日，堂邑镇中心小学组织戏曲进校园活动。",
  ),
  para(
    "丰富多彩的“戏曲进校园”活动，不仅弘扬民族精神、传承推广地方戏曲文化，还激发了学生对传统戏曲艺术的兴趣爱好，为同学们打开了一扇近距离感受戏曲魅力的窗口，提高了同学们的艺术审美素养。",
  ),
  para("（通讯员 季月锋 李伟）", "credit"),
  para(
    "活动中，工作人员通过向群众发放宣传单、悬挂横幅、走进商铺等方式，用通俗易懂的语言向群众说明了什么是“黑恶势力”以及黑恶势力的表现和社会危害，法律顾问分析解读了相关的法律知识，为群众答疑解惑",
    "broken",
  ),
  `<p class="jump">（下转第2版）</p>`,
];
const CAPTION =
  "为丰富校园文化生活，11月10日，道口铺街道中心学校陈化屯小学举行了“2022年秋季运动会”。通过本次运动会，不仅锻炼了学生身心，活跃了校园气氛。";

/** The newspaper page; `bodyAlign` sets the body text of the 3-column module. */
function newspaperHtml(bodyAlign: "justify" | "left"): string {
  const { left, top, column, gutter, pitch } = GRID;
  const fonts = FONTS.map((f) => `<link rel="stylesheet" href="${FONT_DIR}/${f}.css">`).join("");
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">${fonts}
<style>@page { size: 210mm 297mm; margin: 0 }
body { margin: 0; font: 9pt/${pitch}pt 'Noto Serif SC' }
.m { position: absolute }
.header, .footer { left: ${left}pt; width: 495pt; display: flex; gap: 1.5em; font: 9.45pt/1.2 'Noto Sans SC' }
.header { top: 30pt; border-bottom: 1.5pt solid #000 }
.footer { top: 780pt; font-size: 7.2pt; border-top: 0.5pt solid #000 }
.head { margin: 0; text-align: center; font-family: 'Noto Sans SC'; font-weight: 900 }
.text { columns: 3 ${column}pt; column-gap: ${gutter}pt; column-fill: auto }
.text p { margin: 0; text-align: justify; text-indent: 2em; line-break: strict; text-spacing-trim: space-first;
  text-autospace: normal; font-kerning: none }
.a p { text-align: ${bodyAlign} }
.text p.sub { text-indent: 0; text-align: center; text-align-last: center; font-family: 'Noto Sans SC'; font-weight: 700 }
.text p.credit { text-indent: 0; text-align: right; text-align-last: right }
.text p.broken { text-align-last: justify }
.text p.jump { text-indent: 0; text-align: right; font-family: 'Noto Sans SC'; font-weight: 700 }
.dl { font-family: 'Noto Sans SC'; font-weight: 700 }
.caption { margin: 0; padding-top: 0.3em; font: 8.1pt/1.45 'Noto Sans SC'; text-align: justify; line-break: strict }
</style></head><body>
<div class="m header"><b>第2版</b><span>综合</span><span>2022年12月30日 星期五</span><span>东昌府新闻</span></div>
<div class="m" style="left:${left}pt; top:${top}pt; width:${3 * column + 2 * gutter}pt">
  <h1 class="head" style="font-size:22pt; line-height:${2 * pitch}pt">我区各镇全力以赴筑牢抗疫基层防线</h1>
  <div class="text a" style="height:${12 * pitch}pt">${MODULE_A.join("")}</div>
</div>
<div class="m" style="left:${left + 3 * (column + gutter)}pt; top:${top}pt; width:${column}pt">
  <h2 class="head" style="font-size:13.5pt; line-height:${2 * pitch}pt">组织戏曲进校园</h2>
  <div class="text" style="columns:1">${MODULE_B.join("")}</div>
</div>
<div class="m" style="left:${left}pt; top:${top + 15 * pitch}pt; width:${2 * column + gutter}pt">
  <div style="height:120pt; background:#888"></div>
  <p class="caption">${protectBreaks(CAPTION)}<span style="white-space:nowrap">（通讯员 刘志 摄）</span></p>
</div>
<div class="m footer"><span>责任编辑：刘海涛</span><span>美术编辑：陈雨桐</span><span>校对：赵春梅</span></div>
</body></html>`;
}

// Every element whose lines the checker must find again.
const LINES = ".header > *, .head, .text p, .caption, .footer > *";

/** Prints the newspaper page; returns its path, its DOM lines and the DOM's ragged lines in module A. */
async function printNewspaper(
  bodyAlign: "justify" | "left",
): Promise<{ pdf: string; lines: DomLine[]; ragged: number }> {
  const html = join(dir, `newspaper-${bodyAlign}.html`);
  await writeFile(html, newspaperHtml(bodyAlign));
  const { page } = await openPage(browser);
  try {
    await page.goto(`file://${html}`);
    await page.evaluate(() => document.fonts.ready);
    const lines = (await page.evaluate(domLinesIn, LINES)).flat();
    const paragraphs = await page.evaluate(domLinesIn, ".a p:not(.sub):not(.credit)");
    const pdf = join(dir, `newspaper-${bodyAlign}.pdf`);
    await writeFile(pdf, await printPdf(page, { widthMm: 210, heightMm: 297 }));
    return { pdf, lines, ragged: raggedInColumns(paragraphs) };
  } finally {
    await page.close();
  }
}

/** Inner lines of module A's paragraphs that stop short of their column's right edge. */
function raggedInColumns(paragraphs: DomLine[][]): number {
  const { left, column, gutter } = GRID;
  const rightOf = (line: DomLine) => {
    const k = Math.floor((line.left / PT - left + gutter / 2) / (column + gutter));
    return (left + k * (column + gutter) + column) * PT;
  };
  return paragraphs.flatMap((lines) => lines.slice(0, -1)).filter((line) => rightOf(line) - line.right > 0.55 * 9 * PT)
    .length;
}

describe("checkTypography on a newspaper page", () => {
  it("finds nothing on a clean page and rebuilds every line the DOM laid out", async () => {
    const { pdf, lines } = await printNewspaper("justify");
    // The page does what real pages do: lines of neighbouring columns on one baseline, a character apart.
    const touching = lines.filter((a) =>
      lines.some((b) => b.top === a.top && b.left > a.right && b.left - a.right <= 9.5 * PT),
    );
    expect(touching.length).toBeGreaterThan(10);
    expect(lines.some((l) => l.text.startsWith("“全区"))).toBe(true);

    const report = await checkTypography(pdf);
    expect(report.findings).toEqual([]);
    expect(report.totals.lines).toBe(lines.length);
  });

  it("still counts the ragged lines of a column set flush left among justified ones", async () => {
    const { pdf, ragged } = await printNewspaper("left");
    expect(ragged).toBeGreaterThan(1);
    const report = await checkTypography(pdf);
    expect(totals(report)).toEqual({ lineStart: 0, lineEnd: 0, ragged });
  });
});

// Page 8 of the sample issue, rebuilt: 110 pt columns of 10 pt text, 10 pt apart on a 15 pt grid, styled
// as styles/article.css styles body text. A paragraph with Latin digits (text-autospace adds an eighth
// of a character beside them) flows through two columns; on one row the first column's line ends with
// ” and the second's starts with “, both trimmed to half a character, so their boxes touch across the
// gutter. Beside them a paragraph whose justified lines hold spaces as wide as the gutter.
const TABLOID = { left: 30, top: 60, column: 110, gutter: 10, pitch: 15 };
const DIGITS =
  "动974人次，信用赋分4560分，“信用积分卡”充值4560元，结合配套打造的“信用超市”，凭卡消费成了石海子村民中的新风尚。该镇人居环境整治不断“加分”的同时，还“积”活了村民的参与热情，实现了村民由“边上看”到“主动干”、由“路人甲”到“主力军”的转变，让“个个都是主力军、人人都是受益者”的共建共治共享理念深入人心，形成了“人人争当志愿者，户户争当诚信户”的良好风尚。";
const SPACES = [
  "为普及防溺水及急救知识，7月19日，梁水镇开展了“珍爱生命 谨防溺水 远离危险 平安成长”防溺水志愿服务活动。",
  "培训中，急救人员着重讲述了如何防溺水，在面对溺水患者时，如何正确地帮助他们。",
];

function tabloidHtml(): string {
  const { left, top, column, gutter, pitch } = TABLOID;
  const fonts = FONTS.map((f) => `<link rel="stylesheet" href="${FONT_DIR}/${f}.css">`).join("");
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">${fonts}
<style>@page { size: 210mm 297mm; margin: 0 }
body { margin: 0; font: 10pt/${pitch}pt 'Noto Serif SC' }
.m { position: absolute; top: ${top}pt }
.text { columns: 2 ${column}pt; column-gap: ${gutter}pt; column-fill: auto; height: ${10 * pitch}pt }
p { margin: 0; text-align: justify; text-justify: auto; text-indent: 2em; line-break: strict;
  text-spacing-trim: space-first; text-autospace: normal; font-kerning: none }
p.cont { text-indent: 0; text-spacing-trim: trim-start }
</style></head><body>
<div class="m text" style="left:${left}pt; width:${2 * column + gutter}pt">${para(DIGITS, "cont")}</div>
<div class="m" style="left:${left + 2 * (column + gutter)}pt; width:${column}pt">${SPACES.map((t) => para(t)).join("")}</div>
</body></html>`;
}

describe("checkTypography on a tabloid page with digits, spaces and touching marks", () => {
  it("finds nothing and rebuilds every line the DOM laid out", async () => {
    const html = join(dir, "tabloid.html");
    await writeFile(html, tabloidHtml());
    const { page } = await openPage(browser);
    let lines: DomLine[];
    const pdf = join(dir, "tabloid.pdf");
    try {
      await page.goto(`file://${html}`);
      await page.evaluate(() => document.fonts.ready);
      lines = (await page.evaluate(domLinesIn, "p")).flat();
      await writeFile(pdf, await printPdf(page, { widthMm: 210, heightMm: 297 }));
    } finally {
      await page.close();
    }
    // The page has what made the checker fail: a line ending with ” beside one starting with “ ...
    const touching = lines.filter((a) =>
      lines.some((b) => b.top === a.top && b.left > a.right && a.text.endsWith("”") && b.text.startsWith("“")),
    );
    expect(touching.map((l) => l.text)).toEqual(["4560分，“信用积分卡”"]);
    // ... and spaces inside justified lines, on more than one row.
    expect(lines.filter((l) => / \S/.test(l.text)).length).toBeGreaterThan(1);

    const report = await checkTypography(pdf);
    expect(report.findings).toEqual([]);
    expect(report.totals.lines).toBe(lines.length);
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
    expect(await runCheckType([good, broken], {}, out, err)).toBe(4);
    expect(await runCheckType([broken, join(dir, "missing.pdf")], {}, out, err)).toBe(2);
    expect(await runCheckType([notPdf], {}, out, err)).toBe(2);
    expect(quiet.err.join("\n")).toContain("missing.pdf");
    expect(quiet.out.join("\n")).toMatch(/total: \d+ line-start, \d+ line-end, \d+ ragged/);
  });

  it("prints the reports as JSON with --json, through the registered command", async () => {
    const lines: string[] = [];
    expect(await runCheckType([join(dir, "broken.pdf")], { json: true }, (t) => lines.push(t), err)).toBe(4);
    const [report] = JSON.parse(lines.join("\n")) as TypoReport[];
    expect(report?.totals.lineStart).toBeGreaterThan(0);

    const program = new Command().exitOverride();
    registerCheckType(program);
    await program.parseAsync(["node", "newsprint", "check-type", join(dir, "good.pdf"), "--pages", "1"]);
    expect(process.exitCode).toBe(0);
    process.exitCode = undefined;
  });
});
