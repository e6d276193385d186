import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium, launchBrowser } from "../../src/browser/browser";
import { resolveConfig } from "../../src/config/resolve";
import type { LayoutReport } from "../../src/pipeline/summary";
import { type Preview, startPreview } from "../../src/preview/preview";
import { CATALOGUES, type Language } from "../../src/preview/words";
import { keepForEye } from "../helpers/screens";

// The preview in the editor's language, end to end: the sample issue's preview served to Chromium
// started with each browser language (--accept-lang sets both the Accept-Language it sends and
// navigator.languages, as a user's language setting does), the toolbar, the status, the editor's
// labels on the pages, a refused edit and a failed rebuild read back from the screen.
// NEWSPRINT_SCREENS=<folder> keeps a screenshot of each language.

const root = join(import.meta.dirname, "..", "..");
let previewBrowser: Browser;
let preview: Preview;
let work: string;
let issueFile: string;
let original: string;

beforeAll(async () => {
  previewBrowser = await launchBrowser(resolveConfig().browser);
  work = mkdtempSync(join(tmpdir(), "newsprint-preview-languages-"));
  cpSync(join(root, "issues/dongchangfu"), join(work, "dongchangfu"), { recursive: true });
  issueFile = join(work, "dongchangfu", "issue.json");
  original = readFileSync(issueFile, "utf8");
  preview = await startPreview({
    target: join(work, "dongchangfu"),
    port: 0,
    outDir: join(work, "out"),
    browser: previewBrowser,
    quietMs: 30,
  });
});

afterAll(async () => {
  await preview?.close();
  await previewBrowser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Chromium as a user whose browser is set to `locale` would run it. */
async function browserIn(locale: string): Promise<Browser> {
  const args = ["--headless=new", `--accept-lang=${locale}`, "--disable-gpu", "--disable-dev-shm-usage"];
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  const executablePath = findChromium(resolveConfig().browser.executablePath);
  return puppeteer.launch({ executablePath, args, headless: true, pipe: true });
}

/** Waits until `page` shows the preview's newest pages. */
async function settled(page: Page): Promise<number> {
  await preview.idle();
  const version = preview.state().version;
  await page.waitForFunction(
    (v: number) =>
      Number(document.documentElement.dataset.shownVersion) >= v && !document.querySelector(".npv-loading"),
    { timeout: 90_000, polling: 50 },
    version,
  );
  return version;
}

async function openEditor(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(`${preview.url}/`);
  await settled(page);
  return { page, errors };
}

const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent?.trim() ?? "");

/** The topmost module at the grid's first column on the first page, placed by the make-up. */
async function firstColumnModule(page: Page): Promise<string> {
  const version = await page.evaluate(() => Number(document.documentElement.dataset.shownVersion));
  const layout = (await (await fetch(`${preview.url}/pages/${version}.layout.json`)).json()) as LayoutReport;
  const found = layout.pages[0]?.modules
    .filter((m) => "article" in m && m.column === 1 && m.placed === "make-up" && m.continuedFrom === undefined)
    .sort((a, b) => a.line - b.line)[0];
  if (!found || !("article" in found)) throw new Error("no module at column 1 on page 1");
  return found.article;
}

/** Clicks module `id` on the pages and returns the selection's label. */
async function select(page: Page, id: string): Promise<string> {
  const frame = await (await page.waitForSelector("iframe:not(.npv-loading)"))?.contentFrame();
  if (!frame) throw new Error("no pages frame");
  const module = await frame.$(`.pagedjs_pages .np-page[data-page="1"] .np-module[data-article="${id}"]`);
  if (!module) throw new Error(`no module ${id} on page 1`);
  await module.evaluate((e) => e.scrollIntoView({ block: "center" }));
  const box = await module.boundingBox();
  if (!box) throw new Error(`${id} is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + Math.min(box.height / 2, 60));
  const label = await frame.waitForSelector(".npv-sel-label");
  return (await label?.evaluate((e) => e.textContent ?? "")) ?? "";
}

const LOCALES: [string, Language][] = [
  ["zh-CN", "zh-Hans"],
  ["zh-TW", "zh-Hant"],
  ["en-US", "en"],
];

describe("the preview speaks the browser's language", () => {
  it.each(LOCALES)("Chromium in %s gets the preview in %s", async (locale, language) => {
    const words = CATALOGUES[language];
    const browser = await browserIn(locale);
    try {
      const { page, errors } = await openEditor(browser);
      expect(await page.$eval("html", (e) => e.lang)).toBe(language);
      // The toolbar, from the server (Accept-Language) and from the browser code (navigator.languages).
      expect(await text(page, '[data-spread="false"]')).toBe(words.shell.single);
      expect(await text(page, '[data-spread="true"]')).toBe(words.shell.spread);
      expect(await page.$eval('[data-layer="columns"]', (e) => e.parentElement?.textContent?.trim())).toBe(
        words.shell.columns,
      );
      await page.waitForFunction(
        (fit: string) => (document.querySelector("#npv-zoom option")?.textContent ?? "").startsWith(fit),
        { timeout: 10_000 },
        words.shell.fitWidth,
      );
      // The state message: built, and when.
      const updated = words.status.updated("", undefined).trim();
      await page.waitForFunction(
        (prefix: string) => document.querySelector("#npv-status")?.textContent?.startsWith(prefix),
        { timeout: 30_000 },
        updated,
      );
      expect(await text(page, ".npv-panel h2")).toBe(words.shell.warningsByPage);
      expect(await text(page, ".npv-pl-page h3")).toBe(words.panel.page(1));
      // The editor's own label on the pages.
      const id = await firstColumnModule(page);
      const label = await select(page, id);
      expect(label).toContain(`${id} · ${words.editor.placedByMakeup} · `);
      expect(label).toMatch(
        language === "en" ? /columns? 1/ : language === "zh-Hans" ? /第1(–\d+)?栏/ : /第1(–\d+)?欄/,
      );
      await keepForEye(page, `preview-${language}.png`);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("refuses an edit in Simplified Chinese, and the file keeps its bytes", async () => {
    const words = CATALOGUES["zh-Hans"];
    const browser = await browserIn("zh-CN");
    try {
      const { page } = await openEditor(browser);
      const id = await firstColumnModule(page);
      await select(page, id);
      // One column left of the grid's first, then Enter: pinned off the grid.
      await page.keyboard.press("ArrowLeft");
      const frame = await (await page.$("iframe:not(.npv-loading)"))?.contentFrame();
      expect(await frame?.$eval(".npv-ghost-label", (e) => e.textContent)).toContain(words.editor.outsideGrid);
      await page.keyboard.press("Enter");
      const notice = await page.waitForSelector("#npv-marks-list .k-refused", { timeout: 60_000 });
      const said = (await notice?.evaluate((e) => e.textContent)) ?? "";
      expect(said).toContain(words.panel.kinds.refused);
      expect(said).toContain(`${id}: 不能放在那里：column 0 超出版心`);
      expect(await text(page, "#npv-status")).toMatch(/^未能修改：不能放在那里：/);
      expect(readFileSync(issueFile, "utf8")).toBe(original);
      await keepForEye(page, "preview-zh-Hans-refused.png");

      // One line up, onto what stands above it (the masthead): the make-up cannot pin it there.
      await select(page, id);
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        () => document.querySelector("#npv-marks-list .k-refused")?.textContent?.includes("固定的位置压住了"),
        { timeout: 60_000 },
      );
      expect(await text(page, "#npv-marks-list .k-refused")).toMatch(
        new RegExp(`${id}: 稿件“${id}”固定的位置压住了(报头|稿件“.+”|广告“.+”)$`),
      );
      expect(readFileSync(issueFile, "utf8")).toBe(original);
    } finally {
      await browser.close();
    }
  });

  it("names a failed rebuild in Traditional Chinese, then comes back when the file is fixed", async () => {
    const words = CATALOGUES["zh-Hant"];
    const browser = await browserIn("zh-HK");
    try {
      const { page } = await openEditor(browser);
      const before = await settled(page);
      writeFileSync(issueFile, original.replace('"paper": {', '"paper": 3, "unused": {'));
      await page.waitForSelector("#npv-error:not([hidden])", { timeout: 60_000 });
      expect(await text(page, "#npv-error-title")).toBe(words.error.titles.issue);
      expect(await text(page, ".npv-error-note")).toBe(words.error.note);
      await page.waitForFunction(
        (notUpdated: string) => document.querySelector("#npv-status")?.textContent === notUpdated,
        { timeout: 30_000 },
        words.status.notUpdated,
      );
      await keepForEye(page, "preview-zh-Hant-error.png");
      writeFileSync(issueFile, original);
      await page.waitForSelector("#npv-error", { hidden: true, timeout: 60_000 });
      expect(await settled(page)).toBeGreaterThanOrEqual(before);
    } finally {
      writeFileSync(issueFile, original);
      await browser.close();
    }
  });
});
