import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { resolveConfig } from "../../src/config/resolve";
import { sha256 } from "../../src/preview/edit-service";
import { type Preview, startPreview } from "../../src/preview/preview";
import { keepForEye, pixelsDiffering } from "../helpers/screens";

// `newsprint preview` end to end: the real server on a temp copy of a sample issue, the editor's
// page in Chromium, edits saved to disk. One browser serves both the preview's measure stage and
// the editor's page.

const root = join(import.meta.dirname, "..", "..");
let browser: Browser;
let preview: Preview;
let page: Page;
let work: string;
let issueDir: string;
let issueFile: string;
let original: string;
const pageErrors: string[] = [];

/** Waits until the pages on screen (not a frame still loading) hold `text`. */
async function waitForText(text: string): Promise<void> {
  await page.waitForFunction(
    (t: string) => {
      const frame = document.querySelector<HTMLIFrameElement>("iframe:not(.npv-loading)");
      const shown = frame?.contentDocument?.querySelector(".pagedjs_pages")?.textContent ?? "";
      return shown.replace(/\u2060/g, "").includes(t);
    },
    { timeout: 30_000, polling: 50 },
    text,
  );
}

const shownVersion = () => page.evaluate(() => Number(document.documentElement.dataset.shownVersion ?? 0));

function rawGet(path: string, host?: string): Promise<number> {
  const { port } = new URL(preview.url);
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, path, headers: host ? { host } : {} }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on("error", fail);
    req.end();
  });
}

beforeAll(async () => {
  browser = await launchBrowser(resolveConfig().browser);
  work = mkdtempSync(join(tmpdir(), "newsprint-preview-"));
  issueDir = join(work, "broadsheet");
  cpSync(join(root, "issues/broadsheet"), issueDir, { recursive: true });
  // A link pointing out of the issue folder, which must not be followed.
  symlinkSync(join(root, "package.json"), join(issueDir, "leak.json"));
  // A photo too small for any span it could take: the make-up cannot avoid its warning.
  writeFileSync(
    join(issueDir, "photos/camera.png"),
    await sharp(join(root, "issues/broadsheet/photos/camera.png")).resize(48, 48).png().toBuffer(),
  );
  issueFile = join(issueDir, "issue.json");
  original = readFileSync(issueFile, "utf8");
  preview = await startPreview({ target: issueDir, port: 0, outDir: join(work, "out"), browser, quietMs: 30 });
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  page.on("pageerror", (err) => pageErrors.push(String(err)));
  page.on("console", (msg) => {
    if (msg.type() === "error") pageErrors.push(msg.text());
  });
  await page.goto(`${preview.url}/`);
  // The preview's measuring page lives in this same browser and opened last; an editor's tab in
  // the background gets no animation frames, and Paged.js waits for them.
  await page.bringToFront();
});

afterAll(async () => {
  await preview?.close();
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("newsprint preview", () => {
  it("shows the issue paginated by Paged.js, with the make-up's warnings by page", async () => {
    await page.waitForFunction(() => document.documentElement.dataset.shownVersion === "1", { timeout: 60_000 });
    const pages = await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>("iframe:not(.npv-loading)");
      return frame?.contentDocument?.querySelectorAll(".pagedjs_page").length;
    });
    expect(pages).toBe(2);
    expect(preview.state().pages).toBe(2);
    // The postage-stamp photo is listed, and boxed on its page.
    const listed = await page.$$eval("#npv-marks-list button", (b) => b.length);
    expect(listed).toBe(preview.state().marks.length);
    expect(preview.state().marks.some((m) => m.kind === "low-resolution")).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it("shows a saved headline without a reload, on the page the editor was reading", async () => {
    await page.evaluate(() => {
      (window as unknown as { npvSameDocument: boolean }).npvSameDocument = true;
    });
    await page.click("#npv-next");
    await page.waitForFunction(() => document.getElementById("npv-where")?.textContent === "2 / 2");
    const before = await shownVersion();
    const data = JSON.parse(original);
    // Markup in content is text: Handlebars escapes it and the CSP would stop it anyway.
    data.pages[0].articles[0].headline = "预览更新测试<img src=x onerror=parent.npvPwned=1>";
    writeFileSync(issueFile, JSON.stringify(data, null, 2));
    await waitForText("预览更新测试<img src=x onerror=parent.npvPwned=1>");
    expect(await shownVersion()).toBe(before + 1);
    const kept = await page.evaluate(() => ({
      same: (window as unknown as { npvSameDocument?: boolean }).npvSameDocument,
      pwned: (window as unknown as { npvPwned?: number }).npvPwned,
      where: document.getElementById("npv-where")?.textContent,
    }));
    expect(kept).toEqual({ same: true, pwned: undefined, where: "2 / 2" });
  });

  it("names the file and JSON path of a broken issue over the pages, and recovers", async () => {
    writeFileSync(issueFile, original.replace('"pages"', '"pages" ,,'));
    await page.waitForSelector("#npv-error:not([hidden])", { timeout: 30_000 });
    expect(await page.$eval("#npv-error", (e) => e.textContent)).toContain("issue.json");

    const data = JSON.parse(original);
    data.pages[1].articles[0].headline = 42;
    writeFileSync(issueFile, JSON.stringify(data, null, 2));
    await page.waitForFunction(
      () => document.getElementById("npv-error-list")?.textContent?.includes("pages[1].articles[0].headline"),
      { timeout: 30_000 },
    );
    // The last good pages stay underneath.
    expect(await page.evaluate(() => document.querySelectorAll("iframe").length)).toBeGreaterThan(0);

    const before = await shownVersion();
    writeFileSync(issueFile, original);
    await page.waitForSelector("#npv-error[hidden]", { timeout: 30_000 });
    await page.waitForFunction((v) => Number(document.documentElement.dataset.shownVersion) > v, {}, before);
    await waitForText(JSON.parse(original).pages[0].articles[0].headline);
  });

  it("comes back to the pages when the bytes they were built from are put back (an editor's undo)", async () => {
    await preview.idle();
    const good = readFileSync(issueFile);
    expect(preview.state()).toMatchObject({ status: "ready", source: sha256(good) });
    writeFileSync(issueFile, original.replace('"pages"', '"pages" ,,'));
    await page.waitForSelector("#npv-error:not([hidden])", { timeout: 30_000 });
    await page.waitForFunction(() => document.getElementById("npv-status")?.textContent === "not updated: error");

    writeFileSync(issueFile, good);
    await page.waitForSelector("#npv-error[hidden]", { timeout: 30_000 });
    await page.waitForFunction(() => document.getElementById("npv-status")?.textContent?.startsWith("updated"), {
      timeout: 30_000,
    });
    expect(preview.state()).toMatchObject({ status: "ready", source: sha256(good), error: undefined });
    await waitForText(JSON.parse(original).pages[0].articles[0].headline);
  });

  it("rebuilds when a photo is replaced", async () => {
    await preview.idle();
    const before = preview.state().version;
    copyFileSync(join(issueDir, "photos/chelsea.png"), join(issueDir, "photos/coffee.png"));
    await page.waitForFunction(
      (v) => Number(document.documentElement.dataset.shownVersion) > v,
      { timeout: 30_000 },
      before,
    );
  });

  it("serves nothing outside the issue and the app's assets", async () => {
    expect(await rawGet("/issue/issue.json")).toBe(200);
    expect(await rawGet("/issue/../package.json")).toBe(404);
    expect(await rawGet("/issue/%2e%2e/package.json")).toBe(404);
    expect(await rawGet("/issue/%2e%2e%2fpackage.json")).toBe(404);
    expect(await rawGet("/issue/..%5cpackage.json")).toBe(404);
    expect(await rawGet("/preview/../../package.json")).toBe(404);
    expect(await rawGet("/issue/leak.json")).toBe(404);
    expect(await rawGet("/issue/")).toBe(404);
    expect(await rawGet("/issue/photos/")).toBe(404);
    expect(await rawGet("/", "attacker.example")).toBe(403);
  });

  it("starts on an issue that does not load, and says why", async () => {
    const broken = join(work, "broken");
    cpSync(issueDir, broken, { recursive: true, filter: (f) => !f.endsWith("leak.json") });
    writeFileSync(join(broken, "issue.json"), "{ not json");
    const other = await startPreview({ target: broken, port: 0, outDir: join(work, "out"), browser });
    try {
      await other.idle();
      const state = other.state();
      expect(state.status).toBe("error");
      expect(state.version).toBe(0);
      expect(state.error?.problems[0]?.file).toBe(join(broken, "issue.json"));
    } finally {
      await other.close();
    }
  });

  it("draws the grids, trim and bleed over the pages (screenshots compared)", async () => {
    await page.click('[data-spread="true"]');
    await page.select("#npv-zoom", "fit");
    await page.waitForFunction(() => {
      const html =
        document.querySelector<HTMLIFrameElement>("iframe:not(.npv-loading)")?.contentDocument?.documentElement;
      return html?.classList.contains("npv-spread");
    });
    const bare = await page.screenshot();
    for (const layer of ["columns", "baselines", "trim"]) await page.click(`[data-layer="${layer}"]`);
    await page.waitForFunction(() => {
      const frame = document.querySelector<HTMLIFrameElement>("iframe:not(.npv-loading)");
      const html = frame?.contentDocument?.documentElement;
      return html?.classList.contains("npv-spread") && html.classList.contains("npv-show-trim");
    });
    const layered = await page.screenshot();
    await keepForEye(page, "preview-grids.png");
    // Column and baseline grids cross the whole type area: a good share of the pixels changes.
    expect(await pixelsDiffering(bare, layered)).toBeGreaterThan(0.02);
    for (const layer of ["columns", "baselines", "trim"]) await page.click(`[data-layer="${layer}"]`);
    await page.waitForFunction(() => {
      const html =
        document.querySelector<HTMLIFrameElement>("iframe:not(.npv-loading)")?.contentDocument?.documentElement;
      return html !== undefined && !html?.classList.contains("npv-show-trim");
    });
    expect(await pixelsDiffering(bare, await page.screenshot())).toBeLessThan(0.001);
    expect(pageErrors).toEqual([]);
  });
});
