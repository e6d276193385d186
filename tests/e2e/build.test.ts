import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { checkTypography, violationCount } from "../../src/check-type/check";
import { resolveConfig } from "../../src/config/resolve";
import { type BuildResult, buildIssue } from "../../src/pipeline/build";
import { writeBuild } from "../../src/pipeline/write-build";
import { preflight } from "../../src/preflight";
import { makePressFiles, pressOptionsForIssue } from "../../src/press";
import { compact, occurrences, pdfFonts, pdfInfo, pdfTextCompact } from "./helpers/pdf";
import { printedLines } from "./helpers/printed-lines";

// The sample issue end to end, checked from the PDF itself.

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
let browser: Browser;
let out: string;
let result: BuildResult;
let pdf: string;

beforeAll(async () => {
  browser = await launchBrowser(resolveConfig().browser);
  out = mkdtempSync(join(tmpdir(), "newsprint-build-"));
  result = await buildIssue(join(root, "issues/dongchangfu"), { outDir: out, browser });
  pdf = (await writeBuild(result, out, { html: true })).pdf;
});
afterAll(async () => {
  await browser?.close();
});

describe("build of the sample issue", () => {
  it("writes one tabloid page per issue page", () => {
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(8);
    // 275 × 390 mm (Chromium rounds page sizes to 1/100 inch).
    expect(info.widthPt).toBeCloseTo((275 / 25.4) * 72, -1);
    expect(info.heightPt).toBeCloseTo((390 / 25.4) * 72, -1);
  });

  it("prints every body paragraph, every line of it", () => {
    const text = pdfTextCompact(pdf);
    const missing = printedLines(result).filter((l) => !text.includes(l.text));
    expect(missing).toEqual([]);
    const inContentOrder = pdfTextCompact(pdf, undefined, "raw");
    for (const page of result.issue.data.pages) {
      for (const a of page.articles) if (a.headline) expect(inContentOrder).toContain(compact(a.headline));
    }
  });

  it("prints each body line as often as the issue has it (no line lost or doubled)", () => {
    const text = pdfTextCompact(pdf);
    const lines = printedLines(result);
    // The corpus repeats some text (credits, a passage two items share): count it in the source too,
    // at least as often as whole lines hold it and at most as often as whole paragraphs do (another
    // story may break the same passage elsewhere, and a column break cuts it in the PDF's text).
    // Heads, captions and the index may repeat a line's words: there, at least as often.
    const inLines = lines.map((l) => l.text).join("\n");
    const placed = new Set(result.layout.pages.flatMap((p) => p.modules.map((m) => m.articleId)));
    const inParagraphs = [...result.measurements.articles.entries()]
      .filter(([id]) => placed.has(id))
      .flatMap(([id, m]) => {
        const cut = new Set(result.layout.cuts.find((c) => c.articleId === id)?.paragraphs ?? []);
        const text = (p: (typeof m.lines)[number]) => compact(p.flatMap((l) => l.runs.map((r) => r.text)).join(""));
        return m.lines.filter((_, i) => !cut.has(i)).map(text);
      })
      .join("\n");
    const articles = result.issue.data.pages.flatMap((p) => p.articles);
    const other = compact(
      articles
        .flatMap((a) => [
          a.kicker,
          a.headline,
          a.subhead,
          a.label,
          ...a.images.flatMap((i) => [i.caption, `（${i.credit}）`]),
        ])
        .join("\n"),
    );
    const wrong = lines
      .filter((l) => l.text.length >= 9)
      .map((l) => ({
        ...l,
        inPdf: occurrences(text, l.text),
        least: occurrences(inLines, l.text),
        most: occurrences(inParagraphs, l.text),
      }))
      .filter((l) => l.inPdf < l.least || (!other.includes(l.text) && l.inPdf > l.most));
    expect(wrong.map((w) => `${w.id} ${w.text}: ${w.inPdf} in the PDF, ${w.least}–${w.most} in the issue`)).toEqual([]);
  });

  it("says what the proof is in its metadata: paper, date, publisher, newsprint (not the measuring page)", () => {
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/^Title:\s+东昌府新闻 2022年12月30日 总第1234期$/m);
    expect(info).toMatch(/^Author:\s+中共聊城市东昌府区委宣传部$/m);
    expect(info).toMatch(/^Creator:\s+newsprint \d+\.\d+\.\d+$/m);
    expect(info).not.toMatch(/HeadlessChrome|measure/);
  });

  it("embeds every font as outlines, none as Type 3", () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => f.type === "Type 3")).toEqual([]);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it("writes the layout report and a self-contained HTML copy", () => {
    const layout = JSON.parse(readFileSync(join(out, "dongchangfu", "layout.json"), "utf8"));
    expect(layout.pages).toHaveLength(8);
    expect(layout.pages[0].modules.length).toBeGreaterThan(0);
    const html = readFileSync(join(out, "dongchangfu", "html", "index.html"), "utf8");
    expect(html).not.toMatch(/(href|src)="\//);
    expect(readdirSync(join(out, "dongchangfu", "html", "fonts", "noto-serif-sc", "files")).length).toBeGreaterThan(0);
    expect(existsSync(join(out, "dongchangfu", "html", "vendor", "paged.js"))).toBe(true);
  });
});

describe("what the printer and the designer check", () => {
  it("sets CJK lines by the rules: no line-start or line-end violations, no ragged justified lines", async () => {
    const report = await checkTypography(pdf);
    expect(violationCount(report)).toBe(0);
    expect(report.pages.reduce((n, p) => n + p.lines, 0)).toBeGreaterThan(1500);
  });

  it("embeds each photo at the pixel size the image stage prepared for its slot", () => {
    const rows = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).split("\n").slice(2);
    const sizes = rows
      .filter((r) => /\bimage\b/.test(r))
      .map((r) => r.trim().split(/\s+/))
      .map((c) => `${c[3]}x${c[4]}`)
      .sort();
    const expected = result.images.map((i) => `${i.widthPx}x${i.heightPx}`).sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(sizes).toEqual(expected);
  });

  it("makes press files that pass preflight: PDF/X, boxes, CMYK, ink, black on K", async () => {
    const config = resolveConfig();
    const options = pressOptionsForIssue(result.issue, out, { deterministic: true }).options;
    const press = await makePressFiles(pdf, options, config.press);
    expect(press.pages).toHaveLength(8);
    expect(press.pages[0]?.file).toMatch(/dongchangfu_20221230_01\.pdf$/);
    const report = await preflight([...press.pages.map((p) => p.file), press.issueFile], config.preflight);
    const failed = report.files.flatMap((f) =>
      f.checks.filter((c) => c.status === "fail").map((c) => `${f.file}: ${c.name}`),
    );
    expect(failed).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("opens the --html copy from disk in a browser and paginates it to the same pages", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`file://${join(out, "dongchangfu", "html", "index.html")}`, { waitUntil: "load" });
      await page.waitForFunction(() => document.documentElement.dataset.paginated === "true", { timeout: 60_000 });
      const count = await page.evaluate(() => document.querySelectorAll(".pagedjs_page").length);
      expect(count).toBe(8);
    } finally {
      await page.close();
    }
  });
});

describe("the command line", () => {
  it("rejects an invalid issue with exit code 2, every problem named, nothing written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsprint-bad-"));
    writeFileSync(
      join(dir, "issue.json"),
      JSON.stringify({ paper: {}, issue: { date: "14.11.2022" }, pages: [{ articles: [{ id: "x" }] }] }),
    );
    const target = join(dir, "out");
    const err = await run("node", [join(root, "bin/newsprint.js"), "build", dir, "-o", target]).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toContain("issue.json: paper.name: expected string, found nothing");
    expect(err.stderr).toContain("issue.date: expected a date written YYYY-MM-DD");
    expect(err.stderr).toContain("pages[0].articles[0] (article x): expected a headline or an image");
    expect(existsSync(target)).toBe(false);
  });

  it("validates a good issue with exit code 0", async () => {
    const { stdout } = await run("node", [join(root, "bin/newsprint.js"), "validate", join(root, "issues/broadsheet")]);
    expect(stdout).toContain("valid (2 pages");
  });
});
