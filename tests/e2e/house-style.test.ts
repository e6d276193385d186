import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { checkTypography } from "../../src/check-type/check";
import { LANG_DEFAULTS } from "../../src/config/langs";
import { resolveConfig } from "../../src/config/resolve";
import { type BuildResult, buildIssue } from "../../src/pipeline/build";
import { writeBuild } from "../../src/pipeline/write-build";
import { pdfFonts } from "./helpers/pdf";

// Papers in other scripts and their house styles, checked from the PDF: the Traditional Chinese and
// the English sample, a vertical headline, the masthead on one line, and a paper's look changed by
// editing its style file only.

const root = join(import.meta.dirname, "..", "..");
let browser: Browser;
const built = new Map<string, { result: BuildResult; pdf: string }>();

async function build(dir: string, name = dir.split("/").pop() as string) {
  const out = mkdtempSync(join(tmpdir(), `newsprint-style-${name}-`));
  const result = await buildIssue(dir, { outDir: out, browser });
  const pdf = (await writeBuild(result, out, {})).pdf;
  built.set(name, { result, pdf });
  return { result, pdf };
}

const raw = (pdf: string, page?: number) =>
  execFileSync("pdftotext", [...(page ? ["-f", `${page}`, "-l", `${page}`] : []), "-raw", "-enc", "UTF-8", pdf, "-"], {
    encoding: "utf8",
  });

/** The document's Title as the PDF's Info dictionary holds it. */
const pdfTitle = (pdf: string) =>
  /^Title:\s+(.*)$/m.exec(execFileSync("pdfinfo", ["-enc", "UTF-8", pdf], { encoding: "utf8" }))?.[1];

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
function words(pdf: string, page: number): Word[] {
  const xhtml = execFileSync("pdftotext", ["-f", `${page}`, "-l", `${page}`, "-bbox", "-enc", "UTF-8", pdf, "-"], {
    encoding: "utf8",
  });
  return [
    ...xhtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ xMin: +(m[1] ?? 0), yMin: +(m[2] ?? 0), xMax: +(m[3] ?? 0), yMax: +(m[4] ?? 0), text: m[5] ?? "" }));
}

/** Some run of words on one baseline, in order, spells the name: it is set on one line. */
function onOneLine(page: Word[], name: string): boolean {
  const parts = name.includes(" ") ? name.split(" ") : [name];
  return page
    .filter((w) => w.text === parts[0])
    .some((first) => {
      const line = page
        .filter(
          (w) => Math.abs(w.yMin - first.yMin) < 0.5 && Math.abs(w.yMax - first.yMax) < 0.5 && w.xMin >= first.xMin,
        )
        .sort((x, y) => x.xMin - y.xMin)
        .slice(0, parts.length);
      return line.map((w) => w.text).join(" ") === parts.join(" ");
    });
}

/** Words of the Simplified labels (导读, 责任编辑, 下转第…版, 农历…) that no other script shares. */
const SIMPLIFIED_LABELS = [
  "导读",
  "责任编辑",
  "美术编辑",
  "校对",
  "下转",
  "广告",
  "农历",
  "总第",
  "国内统一连续出版物号",
  "主办",
];

beforeAll(async () => {
  browser = await launchBrowser(resolveConfig().browser);
  await build(join(root, "issues/hongkong"));
  await build(join(root, "issues/weekly"));
}, 240_000);
afterAll(async () => {
  await browser?.close();
});

describe("the Traditional Chinese sample (issues/hongkong)", () => {
  const pdf = () => built.get("hongkong")?.pdf as string;

  it("prints Traditional labels and none of the Simplified ones", () => {
    const text = raw(pdf());
    for (const label of SIMPLIFIED_LABELS) expect(text, label).not.toContain(label);
    expect(text).toContain("本期導讀");
    expect(text).toContain("責任編輯：");
    expect(text).toContain("農曆壬寅年臘月廿九");
    expect(text).toMatch(/A1\b/);
  });

  it("titles the PDF in the paper's words: its issue number, no Simplified 总第", () => {
    expect(pdfTitle(pdf())).toBe("東區街坊報 2023年1月20日 第512期");
  });

  it("sets the Traditional faces, embedded as outlines, never Type 3", () => {
    const fonts = pdfFonts(pdf());
    expect(fonts.some((f) => f.name.includes("NotoSerifTC"))).toBe(true);
    expect(fonts.some((f) => f.name.includes("NotoSansTC"))).toBe(true);
    expect(fonts.filter((f) => f.type === "Type 3" || !f.embedded)).toEqual([]);
    expect(fonts.filter((f) => /Noto(Serif|Sans)SC/.test(f.name))).toEqual([]);
  });

  it("keeps kinsoku: no line-start or line-end violations, no ragged lines", async () => {
    const report = await checkTypography(pdf());
    expect(report.findings).toEqual([]);
    expect(report.totals.lines).toBeGreaterThan(300);
  });

  it("stacks the vertical headline's characters in one column: same x, growing y", () => {
    const headline = "開展家風家教大講堂";
    const big = words(pdf(), 2).filter((w) => w.yMax - w.yMin > 20 && [...headline].includes(w.text));
    const column = [...headline].map((c, i) => big.filter((w) => w.text === c)[i === 4 ? 1 : 0]);
    expect(column.every(Boolean)).toBe(true);
    const xs = column.map((w) => w?.xMin ?? 0);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(1);
    const ys = column.map((w) => w?.yMin ?? 0);
    expect(ys.every((y, i) => i === 0 || y > (ys[i - 1] ?? 0))).toBe(true);
    // At the right of its module: the text columns are to its left.
    const module = built
      .get("hongkong")
      ?.result.layout.pages[1]?.modules.find((m) => m.articleId === "liuyuan-jiafeng-jiajiao");
    expect(module?.sideHead?.span).toBeGreaterThanOrEqual(1);
    expect(module?.columns.every((c) => c.col < (module.span ?? 0) - (module.sideHead?.span ?? 0))).toBe(true);
  });

  it("sets the masthead's name on one line", () => {
    expect(onOneLine(words(pdf(), 1), "東區街坊報")).toBe(true);
  });
});

describe("the English sample (issues/weekly)", () => {
  const pdf = () => built.get("weekly")?.pdf as string;

  it("prints English labels and dates, nothing Chinese", () => {
    const text = raw(pdf());
    expect(text).not.toMatch(/[\p{Script=Han}（）]/u);
    expect(text).toContain("Monday, November 30, 2026");
    expect(text).toContain("Page 2");
    expect(text).toContain("Inside this week");
    expect(text).toMatch(/Editor: Margaret Hale/);
  });

  it("titles the PDF in English: paper, weekday and date, issue number", () => {
    expect(pdfTitle(pdf())).toBe("The Riverside Weekly, Monday, November 30, 2026, No. 418");
  });

  it("finds that Chromium itself hyphenates nothing offline (hyphens: auto), so the soft hyphens are ours", async () => {
    const page = await browser.newPage();
    try {
      const text = "internationalization incomprehensibility characteristically";
      await page.setContent(
        `<p id="auto" lang="en" style="width: 70px; hyphens: auto; font: 12px serif">${text}</p>` +
          `<p id="none" lang="en" style="width: 70px; hyphens: none; font: 12px serif">${text}</p>` +
          `<p id="soft" lang="en" style="width: 70px; font: 12px serif">${text.replace(/ization|ibility|istically/g, "\u00ad$&")}</p>`,
      );
      const heights = await page.evaluate(() =>
        ["auto", "none", "soft"].map((id) => document.getElementById(id)?.getBoundingClientRect().height ?? 0),
      );
      expect(heights[0]).toBe(heights[1]);
      expect(heights[2]).toBeGreaterThan(heights[1] ?? 0);
    } finally {
      await page.close();
    }
  });

  it("hyphenates: body lines end in a hyphen where a word goes on", () => {
    const page = [1, 2].flatMap((n) => words(pdf(), n));
    // A word broken by us ends in a hyphen at a line's end and goes on in lower case on the next.
    // The composer (Knuth–Plass) breaks a word only where it evens the spacing: ten or so in 2 pages.
    const hyphenated = page.filter((w) => /[a-z]-$/.test(w.text.replaceAll("\u00ad", "")));
    expect(hyphenated.length).toBeGreaterThanOrEqual(5);
  });

  it("justifies within the house style's word-space limit on nearly every line, and says so where not", async () => {
    const { result } = built.get("weekly") as { result: BuildResult };
    const limit = result.issue.style.maxWordSpace;
    const report = await checkTypography(pdf(), { maxWordSpace: limit });
    const loose = report.findings.filter((f) => f.kind === "loose");
    expect(report.findings.filter((f) => f.kind !== "loose")).toEqual([]);
    expect(loose.length / report.totals.lines).toBeLessThan(0.03);
    // The build reported them too: measured in the measuring page as in the PDF.
    expect(result.warnings.some((w) => /word spaces wider/.test(w.message))).toBe(loose.length > 0);
  });

  it("sets the Latin faces of its style, embedded as outlines", () => {
    const fonts = pdfFonts(pdf());
    expect(fonts.some((f) => f.name.includes("LibreCaslonText"))).toBe(true);
    expect(fonts.some((f) => f.name.includes("LibreFranklin"))).toBe(true);
    expect(fonts.filter((f) => f.type === "Type 3" || !f.embedded)).toEqual([]);
  });

  it("sets the masthead's name on one line", () => {
    expect(onOneLine(words(pdf(), 1), "The Riverside Weekly")).toBe(true);
  });
});

/** Pixels of page 1's masthead (its top tenth) within 12 of a colour (#rrggbb), at 30 dpi. */
async function pixelsNear(pdf: string, hex: string): Promise<number> {
  const png = execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "30", "-png", pdf]);
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const want = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const end = Math.floor(info.height / 10) * info.width * info.channels;
  let n = 0;
  for (let i = 0; i < end; i += info.channels) {
    if (want.every((c, k) => Math.abs((data[i + k] ?? 0) - c) < 12)) n++;
  }
  return n;
}

describe("a paper's look is its style file", () => {
  it("changes fonts, colour and labels by naming another style file, nothing else", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsprint-ledger-"));
    cpSync(join(root, "issues/weekly"), dir, { recursive: true });
    const issue = JSON.parse(readFileSync(join(dir, "issue.json"), "utf8"));
    writeFileSync(join(dir, "issue.json"), JSON.stringify({ ...issue, style: "ledger", $schema: undefined }));
    const ledger = await build(dir, "ledger");
    const weekly = built.get("weekly") as { pdf: string };
    const names = (pdf: string) => pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ""));
    expect(names(weekly.pdf).some((n) => n.startsWith("LibreCaslonText"))).toBe(true);
    expect(names(ledger.pdf).some((n) => n.startsWith("LibreCaslonText"))).toBe(false);
    expect(await pixelsNear(weekly.pdf, "#6b1420")).toBeGreaterThan(50);
    expect(await pixelsNear(ledger.pdf, "#6b1420")).toBe(0);
    expect(await pixelsNear(ledger.pdf, "#1d5e3a")).toBeGreaterThan(50);
    expect(raw(weekly.pdf, 1)).toContain("Page 1");
    expect(raw(ledger.pdf, 1)).toContain("Ledger · 1");
    expect(raw(ledger.pdf)).toContain("In this issue");
  }, 120_000);

  it("has English defaults free of the Simplified labels, for any paper that says lang en", () => {
    const words = Object.values(LANG_DEFAULTS.en.words).flat().join(" ");
    for (const label of SIMPLIFIED_LABELS) expect(words).not.toContain(label);
  });
});
