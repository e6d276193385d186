import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, Frame, Page } from "puppeteer-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { resolveConfig } from "../../src/config/resolve";
import { withFileLock } from "../../src/file-lock";
import type { LayoutReport } from "../../src/pipeline/summary";
import { type Preview, startPreview } from "../../src/preview/preview";
import { keepForEye } from "../helpers/screens";

// Making up pages by hand in `newsprint preview`, end to end: the real server on a temp copy of the
// ad sample (ads, pins, four pages), the editor's page in Chromium driven by puppeteer's mouse and
// keyboard, the issue file read back from disk, and `newsprint build` of the saved file.

const root = join(import.meta.dirname, "..", "..");
let browser: Browser;
let preview: Preview;
let page: Page;
let work: string;
let issueFile: string;
let original: string;
const pageErrors: string[] = [];

type Box = { x: number; y: number; width: number; height: number };

const fileText = () => readFileSync(issueFile, "utf8");
const articleOf = (text: string, id: string) =>
  (JSON.parse(text).pages as { articles: { id: string; place?: unknown }[] }[])
    .flatMap((p, i) => p.articles.map((a) => ({ ...a, page: i + 1 })))
    .find((a) => a.id === id);
const shownVersion = (p = page) => p.evaluate(() => Number(document.documentElement.dataset.shownVersion ?? 0));
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Waits until the preview is idle and `p` shows its newest version. */
async function settle(p = page): Promise<number> {
  await preview.idle();
  const version = preview.state().version;
  await p.waitForFunction(
    (v: number) =>
      Number(document.documentElement.dataset.shownVersion) >= v && !document.querySelector(".npv-loading"),
    { timeout: 60_000, polling: 20 },
    version,
  );
  return version;
}

/** Waits for a version newer than `before` on screen. */
async function newerThan(before: number, p = page): Promise<void> {
  try {
    await p.waitForFunction(
      (v: number) => Number(document.documentElement.dataset.shownVersion) > v,
      { timeout: 60_000 },
      before,
    );
  } catch (err) {
    throw new Error(`no version after ${before} on screen; the status says: ${await statusText(p)}`, { cause: err });
  }
  await settle(p);
}

async function pagesFrame(p = page): Promise<Frame> {
  const handle = await p.waitForSelector("iframe:not(.npv-loading)");
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error("no pages frame");
  return frame;
}

/** The layout of the pages on screen, as the preview serves it beside them (and the editor reads it). */
async function shownLayout(p = page): Promise<LayoutReport> {
  const version = await shownVersion(p);
  return (await (await fetch(`${preview.url}/pages/${version}.layout.json`)).json()) as LayoutReport;
}

/** The module's grid rectangle (1-based) and origin on the pages on screen, where its story starts. */
async function shownRect(id: string, p = page) {
  for (const shown of (await shownLayout(p)).pages) {
    const m = shown.modules.find((x) => "article" in x && x.article === id && x.continuedFrom === undefined);
    if (m)
      return { page: shown.page, column: m.column, line: m.line, span: m.span, height: m.height, origin: m.placed };
  }
  throw new Error(`${id} is not on the pages shown`);
}

/** The element of the module where its story starts. */
const moduleSelector = async (id: string, p = page) =>
  `.pagedjs_pages .np-page[data-page="${(await shownRect(id, p)).page}"] .np-module[data-article="${id}"]`;

/** An element of the pages on screen (scrolled into view), in the editor's page's coordinates. */
async function boxOf(selector: string, p = page, block: ScrollLogicalPosition | "none" = "center"): Promise<Box> {
  const frame = await pagesFrame(p);
  const el = await frame.$(selector);
  if (!el) throw new Error(`no ${selector}`);
  if (block !== "none") {
    await el.evaluate((e, b) => e.scrollIntoView({ block: b, inline: "center" }), block);
    await sleep(150);
  }
  const box = await el.boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return box;
}

const moduleBox = async (id: string, p = page, block: ScrollLogicalPosition | "none" = "center") =>
  boxOf(await moduleSelector(id, p), p, block);

/** The lines of `after` that replace lines of `before` (one changed stretch). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const [a, b] = [before.split("\n"), after.split("\n")];
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

/** One column step and one line of the grid in screen px at the zoom shown. */
async function gridStep(p = page): Promise<{ column: number; line: number }> {
  const frame = await pagesFrame(p);
  return frame.evaluate(() => {
    const css = getComputedStyle(document.querySelector(".pagedjs_page") as Element);
    const pt = (name: string) => (Number.parseFloat(css.getPropertyValue(name)) * 4) / 3;
    const pages = document.querySelector(".pagedjs_pages") as HTMLElement;
    const zoom = pages.getBoundingClientRect().width / pages.offsetWidth;
    return { column: (pt("--col-w") + pt("--gutter")) * zoom, line: pt("--pitch") * zoom };
  });
}

const center = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

async function drag(from: { x: number; y: number }, to: { x: number; y: number }, p = page): Promise<void> {
  await p.mouse.move(from.x, from.y);
  await p.mouse.down();
  await p.mouse.move(from.x + (to.x - from.x) / 3, from.y + (to.y - from.y) / 3, { steps: 4 });
  await p.mouse.move(to.x, to.y, { steps: 6 });
  await p.mouse.up();
}

/** Drags module `id` by whole columns and lines, grabbed at its middle. */
async function dragBy(id: string, columns: number, lines: number, p = page): Promise<void> {
  const box = await moduleBox(id, p);
  const step = await gridStep(p);
  const from = center(box);
  await drag(from, { x: from.x + columns * step.column, y: from.y + lines * step.line }, p);
}

/** Drags module `id` up so that its top left lands on that of module `onto`, above it. */
async function dropOnto(id: string, onto: string): Promise<void> {
  const [a, b] = [await shownRect(onto), await shownRect(id)];
  // Both in view: the upper one's top at the window's top, the lower one grabbed near its top.
  await moduleBox(onto, page, "start");
  const box = await moduleBox(id, page, "none");
  const step = await gridStep();
  const from = { x: box.x + box.width / 2, y: box.y + step.line };
  await drag(from, { x: from.x + (a.column - b.column) * step.column, y: from.y + (a.line - b.line) * step.line });
}

async function statusText(p = page): Promise<string> {
  return p.$eval("#npv-status", (e) => e.textContent ?? "");
}

/** Waits for the edit's answer to show: a new version, or an edit not made. */
async function refused(p = page): Promise<string> {
  const notice = await p.waitForSelector("#npv-marks-list .k-refused", { timeout: 60_000 });
  return (await notice?.evaluate((e) => e.textContent)) ?? "";
}

/** Puts the sample back as it was and waits for its pages. */
async function reset(): Promise<void> {
  if (fileText() !== original) {
    const before = await shownVersion();
    writeFileSync(issueFile, original);
    await newerThan(before);
  }
  await settle();
  // Nothing selected, no message left from the test before (Escape deselects, then dismisses).
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.querySelector("#npv-marks-list .k-refused"));
  await page.$eval("#npv-status", (e) => {
    e.textContent = "";
  });
}

async function openEditor(): Promise<Page> {
  const p = await browser.newPage();
  await p.setViewport({ width: 1400, height: 1000 });
  p.on("pageerror", (err) => pageErrors.push(String(err)));
  p.on("console", (msg) => {
    // Refused edits answer 4xx: the browser logs those, as it should.
    if (msg.type() === "error" && !/status of 4\d\d/.test(msg.text())) pageErrors.push(msg.text());
  });
  await p.goto(`${preview.url}/`);
  // The preview's measuring page lives in this same browser; a tab in the background gets no
  // animation frames, and Paged.js waits for them.
  await p.bringToFront();
  await settle(p);
  return p;
}

function post(body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { port } = new URL(preview.url);
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, path: "/edit", method: "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => {
        text += c;
      });
      res.on("end", () => ok({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

beforeAll(async () => {
  browser = await launchBrowser(resolveConfig().browser);
  work = mkdtempSync(join(tmpdir(), "newsprint-preview-edit-"));
  const issueDir = join(work, "ads");
  cpSync(join(root, "issues/ads"), issueDir, { recursive: true });
  issueFile = join(issueDir, "issue.json");
  original = fileText();
  preview = await startPreview({ target: issueDir, port: 0, outDir: join(work, "out"), browser, quietMs: 30 });
  page = await openEditor();
});

afterAll(async () => {
  await preview?.close();
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("making up pages by hand in the preview", () => {
  beforeEach(async () => {
    await page.bringToFront();
    await reset();
  });

  it("selects a module with handles on its edges; ads are locked (screenshots)", async () => {
    const box = await moduleBox("kangyi-yansi-wanggeyuan");
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const frame = await pagesFrame();
    await frame.waitForSelector(".npv-sel .npv-handle.se");
    const handles = await frame.$$eval(".npv-sel .npv-handle", (hs) =>
      hs.map((h) => {
        const r = h.getBoundingClientRect();
        return r.width > 4 && r.height > 4 ? (h as HTMLElement).dataset.edge : "";
      }),
    );
    expect(handles.sort()).toEqual(["e", "n", "ne", "nw", "s", "se", "sw", "w"]);
    expect(await frame.$eval(".npv-sel-label", (e) => e.textContent)).toBe(
      "kangyi-yansi-wanggeyuan · placed by the make-up · columns 1–4, lines 30–51",
    );
    // The selection box is the module's rectangle.
    const sel = await (await frame.$(".npv-sel"))?.boundingBox();
    expect(Math.abs((sel?.x ?? 0) - box.x)).toBeLessThan(2);
    expect(Math.abs((sel?.width ?? 0) - box.width)).toBeLessThan(2);
    expect(Math.abs((sel?.height ?? 0) - box.height)).toBeLessThan(2);
    // The panel's page list marks it too.
    expect(await page.$eval(".npv-pl-article.selected", (e) => (e as HTMLElement).dataset.article)).toBe(
      "kangyi-yansi-wanggeyuan",
    );
    await keepForEye(page, "preview-edit-selected.png");

    const ad = await boxOf('.np-ad[data-ad="baoyan-dingyue"]');
    await page.mouse.click(ad.x + ad.width / 2, ad.y + ad.height / 2);
    await frame.waitForSelector(".npv-sel.locked");
    expect(await frame.$eval(".npv-sel-label", (e) => e.textContent)).toContain("ad: booked, locked");
    expect(await frame.$$eval(".npv-sel .npv-handle", (hs) => hs.filter((h) => h.getClientRects().length).length)).toBe(
      0,
    );
    await keepForEye(page, "preview-edit-ad-locked.png");
    expect(pageErrors).toEqual([]);
  });

  it("drags a module to another place: pinned there in issue.json and on the re-made page", async () => {
    const id = "daokoupu-xuexi-qiangguo-photo";
    const placed = await shownRect(id);
    expect(placed).toMatchObject({ page: 4, column: 5, line: 1, origin: "make-up" });
    const before = await shownVersion();
    const box = await moduleBox(id);
    const step = await gridStep();
    const from = center(box);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, from.y + 21 * step.line, { steps: 8 });
    // The ghost shows where it will go while dragging.
    const frame = await pagesFrame();
    expect(await frame.$eval(".npv-ghost-label", (e) => e.textContent)).toBe(
      `pin at columns 5–6, lines 22–${21 + placed.height}`,
    );
    await keepForEye(page, "preview-edit-dragging.png");
    const frameSrc = await page.$eval("iframe:not(.npv-loading)", (f) => (f as HTMLIFrameElement).src);
    await page.mouse.up();
    await newerThan(before);
    expect(articleOf(fileText(), id)?.place).toEqual({ column: 5, line: 22, span: 2 });
    // Only page 4 changed: swapped into the pages on screen, which check as after paginating.
    expect(preview.state().changes).toEqual({ since: before, pages: [4] });
    expect(await page.$eval("iframe:not(.npv-loading)", (f) => (f as HTMLIFrameElement).src)).toBe(frameSrc);
    expect(await page.$$eval("#npv-marks-list .k-lines, #npv-marks-list .k-overflow", (b) => b.length)).toBe(0);
    expect(await shownRect(id)).toMatchObject({ page: 4, column: 5, line: 22, span: 2, origin: "pinned" });
    // Only the place field changed in the file.
    const diff = changedLines(original, fileText());
    expect(diff.added.slice(1).map((l) => l.trim())).toEqual([
      '"place": {',
      '"column": 5,',
      '"line": 22,',
      '"span": 2',
      "}",
    ]);
    expect(diff.removed.length).toBe(1);
    expect(diff.added[0]).toBe(`${diff.removed[0]},`);
  });

  it("resizes a module from its edge: pinned with that size", async () => {
    const id = "kangyi-yansi-wanggeyuan";
    const box = await moduleBox(id);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const frame = await pagesFrame();
    const handle = await (await frame.waitForSelector(".npv-sel .npv-handle.s"))?.boundingBox();
    if (!handle) throw new Error("no handle");
    const step = await gridStep();
    const before = await shownVersion();
    const from = center(handle);
    await drag(from, { x: from.x, y: from.y - 2 * step.line });
    await newerThan(before);
    expect(articleOf(fileText(), id)?.place).toEqual({ column: 1, line: 30, span: 4, height: 20 });
    expect(await shownRect(id)).toMatchObject({ column: 1, line: 30, span: 4, height: 20, origin: "pinned" });
  });

  it("swaps two modules dropped one on the other, and undoes and redoes it", async () => {
    const [upper, lower] = ["gulou-xiaoqu-dangjian", "huafu-xinyi-jifen"];
    const a = await shownRect(upper);
    const b = await shownRect(lower);
    // The lower one stands right under the upper one (their lines follow the composed heights).
    expect([a.line, a.column, b.column]).toEqual([1, 1, 1]);
    expect(b.line).toBeGreaterThan(a.line);
    const before = await shownVersion();
    await dropOnto(lower, upper);
    await newerThan(before);
    const swapped = fileText();
    expect(articleOf(swapped, lower)?.place).toEqual({ column: 1, line: 1, span: 6, height: b.height });
    expect(articleOf(swapped, upper)?.place).toEqual({ column: 1, line: 1 + b.height, span: 6, height: a.height });
    expect(await shownRect(lower)).toMatchObject({ line: 1, origin: "pinned" });
    expect(await shownRect(upper)).toMatchObject({ line: 1 + b.height, origin: "pinned" });

    // Undo restores the file as it was, byte for byte; redo makes the swap again.
    let v = await shownVersion();
    await page.keyboard.down("Control");
    await page.keyboard.press("z");
    await page.keyboard.up("Control");
    await newerThan(v);
    expect(fileText()).toBe(original);
    expect(await shownRect(lower)).toMatchObject({ line: b.line, origin: "make-up" });
    v = await shownVersion();
    await page.keyboard.down("Control");
    await page.keyboard.down("Shift");
    await page.keyboard.press("z");
    await page.keyboard.up("Shift");
    await page.keyboard.up("Control");
    await newerThan(v);
    expect(fileText()).toBe(swapped);
    expect(await shownRect(lower)).toMatchObject({ line: 1, origin: "pinned" });
  });

  it("moves an article to another page, dropped on it in spread view or on the panel's page list", async () => {
    const id = "xinqu-jianzhi";
    // Spread view small enough for pages 2 and 4 to be in view together.
    await page.setViewport({ width: 1400, height: 1700 });
    await page.click('[data-spread="true"]');
    await page.select("#npv-zoom", "0.25");
    try {
      await sleep(300);
      const target = await boxOf('.np-page[data-page="2"]', page, "start");
      const box = await moduleBox(id, page, "none");
      const before = await shownVersion();
      await drag(center(box), { x: target.x + target.width / 2, y: target.y + target.height / 3 });
      await newerThan(before);
      expect(articleOf(fileText(), id)?.page).toBe(2);
      expect(await shownRect(id)).toMatchObject({ page: 2, origin: "make-up" });
    } finally {
      await page.click('[data-spread="false"]');
      await page.select("#npv-zoom", "fit");
      await page.setViewport({ width: 1400, height: 1000 });
    }
    // Back to page 4 from the page lists: dropped on the page, it goes last in its list.
    await page.$eval("#npv-pages-list", (e) => e.scrollIntoView({ block: "start" }));
    const item = await (await page.$(`.npv-pl-article[data-article="${id}"]`))?.boundingBox();
    const heading = await (await page.$('.npv-pl-page[data-drop-page="4"] h3'))?.boundingBox();
    if (!item || !heading) throw new Error("no page list");
    const before = await shownVersion();
    await drag(center(item), center(heading));
    await newerThan(before);
    expect(fileText()).toBe(original);
    expect(await shownRect(id)).toMatchObject({ page: 4 });

    // A module dragged out of the pages onto a page of the list; undone, back where it was.
    const box = await moduleBox(id);
    await page.$eval("#npv-pages-list", (e) => e.scrollIntoView({ block: "start" }));
    const page2 = await (await page.$('.npv-pl-page[data-drop-page="2"] h3'))?.boundingBox();
    if (!page2) throw new Error("no page list");
    let v = await shownVersion();
    await drag(center(box), center(page2));
    await newerThan(v);
    expect(articleOf(fileText(), id)?.page).toBe(2);
    v = await shownVersion();
    await page.keyboard.down("Control");
    await page.keyboard.press("z");
    await page.keyboard.up("Control");
    await newerThan(v);
    expect(fileText()).toBe(original);
  });

  it("takes the keyboard: arrows move the ghost, Enter pins, Delete unpins", async () => {
    const id = "daokoupu-xuexi-qiangguo-photo";
    const rect = await shownRect(id);
    const box = await moduleBox(id);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const frame = await pagesFrame();
    expect(await frame.$eval(".npv-ghost-label", (e) => e.textContent)).toContain("Enter: pin here");
    let before = await shownVersion();
    await page.keyboard.press("Enter");
    await newerThan(before);
    expect(articleOf(fileText(), id)?.place).toEqual({ column: rect.column, line: rect.line + 2, span: rect.span });
    expect(await shownRect(id)).toMatchObject({ line: rect.line + 2, origin: "pinned" });
    before = await shownVersion();
    await page.keyboard.press("Delete");
    await newerThan(before);
    expect(fileText()).toBe(original);
  });

  it("refuses a drop on an ad and one outside the grid: the file stays byte-identical, the reason shows", async () => {
    // Dropped on the ad at the foot of page 2.
    const id = "huafu-xinyi-jifen";
    const rect = await shownRect(id);
    await dragBy(id, 0, 53 - rect.line);
    expect(await refused()).toContain('ad "tonglan-jiadian" is booked by the ad department and locked');
    expect(fileText()).toBe(original);
    const frame = await pagesFrame();
    // On the module that was dropped: a box over it with the reason.
    const mark = await frame.waitForSelector('.pagedjs_page:has(.np-page[data-page="2"]) .npv-mark.refused');
    expect(await mark?.evaluate((e) => e.textContent)).toContain(`${id}: ad "tonglan-jiadian"`);
    const [markBox, moduleRect] = [
      await mark?.boundingBox(),
      await (await frame.$(await moduleSelector(id)))?.boundingBox(),
    ];
    expect(Math.abs((markBox?.y ?? 0) - (moduleRect?.y ?? 1))).toBeLessThan(2);
    expect(Math.abs((markBox?.height ?? 0) - (moduleRect?.height ?? 1))).toBeLessThan(2);
    expect(await page.$eval("#npv-marks-list", (e) => e.textContent)).toContain("edit not made");
    await keepForEye(page, "preview-edit-refused.png");

    // Two columns left of the first: outside the grid.
    const left = "kangyi-yansi-wanggeyuan";
    await dragBy(left, -2, 0);
    await page.waitForFunction(
      () => document.querySelector("#npv-marks-list .k-refused")?.textContent?.includes("off the grid"),
      { timeout: 60_000 },
    );
    expect(await refused()).toContain("column -1 is off the grid");
    expect(fileText()).toBe(original);
    expect(
      await frame.$eval('.pagedjs_page:has(.np-page[data-page="1"]) .npv-mark.refused', (e) => e.textContent),
    ).toContain(left);
  });

  it("refuses a size the text no longer fits (Shift+arrows resize), naming the article", async () => {
    const id = "liuyuan-wenming-dashi";
    const shown = await shownRect(id);
    expect(shown).toMatchObject({ column: 1, line: 1, span: 4, origin: "pinned" });
    const box = await moduleBox(id);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 36; i++) await page.keyboard.press("ArrowUp");
    expect(
      await (await pagesFrame()).$eval(".npv-ghost", (e) => (e as HTMLElement).style.getPropertyValue("--l")),
    ).toBe("-36");
    // That moved the ghost up; Escape drops it, Shift+Up makes the module shorter instead.
    await page.keyboard.press("Escape");
    await page.keyboard.down("Shift");
    for (let i = 0; i < 36; i++) await page.keyboard.press("ArrowUp");
    await page.keyboard.up("Shift");
    const frame = await pagesFrame();
    expect(await frame.$eval(".npv-ghost", (e) => (e as HTMLElement).style.getPropertyValue("--h"))).toBe(
      String(shown.height - 36),
    );
    await page.keyboard.press("Enter");
    expect(await refused()).toContain(`The text no longer fits: article ${id}`);
    expect(fileText()).toBe(original);
    expect(await frame.$eval(".npv-mark.refused", (e) => e.textContent)).toContain(id);
  });

  it("refuses an edit made on pages older than the file on disk, and shows the file", async () => {
    const id = "daokoupu-xuexi-qiangguo-photo";
    const box = await moduleBox(id);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const before = await shownVersion();
    // Another editor saves the file; the pin is made on the pages still on screen.
    const changed = original.replace("筑牢抗疫基层防线", "外部修改基层防线");
    expect(changed).not.toBe(original);
    writeFileSync(issueFile, changed);
    await page.keyboard.press("Enter");
    expect(await refused()).toContain("changed on disk");
    await newerThan(before);
    expect(fileText()).toBe(changed);
    const frame = await pagesFrame();
    expect(await frame.$eval(".pagedjs_pages", (e) => e.textContent?.replace(/\u2060/g, ""))).toContain("外部修改");
  });

  it("shows one tab's edits in another", async () => {
    const second = await openEditor();
    try {
      await page.bringToFront();
      const id = "daokoupu-xuexi-qiangguo-photo";
      const box = await moduleBox(id);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const before = await shownVersion(second);
      await page.keyboard.press("Enter");
      await newerThan(before);
      await second.bringToFront();
      await newerThan(before, second);
      expect(await shownRect(id, second)).toMatchObject({ origin: "pinned" });
      // And the other way round, from the page lists of the second tab.
      const moved = "xinqu-jianzhi";
      await second.$eval("#npv-pages-list", (e) => e.scrollIntoView({ block: "start" }));
      const item = await (await second.$(`.npv-pl-article[data-article="${moved}"]`))?.boundingBox();
      const heading = await (await second.$('.npv-pl-page[data-drop-page="2"] h3'))?.boundingBox();
      if (!item || !heading) throw new Error("no page list");
      const v = await shownVersion(second);
      await drag(center(item), center(heading), second);
      await newerThan(v, second);
      await page.bringToFront();
      await newerThan(v);
      expect(await shownRect(moved)).toMatchObject({ page: 2 });
    } finally {
      await second.close();
    }
  });

  it("builds from the saved file the pages the preview showed", async () => {
    const [id, other] = ["daokoupu-xuexi-qiangguo-photo", "gulou-xiaoqu-dangjian"];
    let before = await shownVersion();
    await dragBy(id, 0, 21);
    await newerThan(before);
    before = await shownVersion();
    await dropOnto("huafu-xinyi-jifen", other);
    await newerThan(before);
    expect(articleOf(fileText(), other)?.place).toBeDefined();
    const version = await shownVersion();
    const shown = (await (await fetch(`${preview.url}/pages/${version}.layout.json`)).json()) as Report;
    const out = join(work, "build");
    await promisify(execFile)(process.execPath, [join(root, "bin/newsprint.js"), "build", issueFile, "-o", out], {
      cwd: root,
    });
    const built = JSON.parse(readFileSync(join(out, "ads", "layout.json"), "utf8")) as Report;
    expect(rectangles(built)).toEqual(rectangles(shown));
    expect(rectangles(shown)[3]).toContain(`${id} 5,22 2×25 pinned`);
  });
});

interface Report {
  pages: {
    modules: {
      article?: string;
      ad?: string;
      placed: string;
      column: number;
      line: number;
      span: number;
      height: number;
    }[];
  }[];
}
const rectangles = (r: Report) =>
  r.pages.map((p) =>
    p.modules.map((m) => `${m.article ?? m.ad} ${m.column},${m.line} ${m.span}×${m.height} ${m.placed}`).sort(),
  );

describe("the edit endpoint", () => {
  let base: string;
  let token: string;
  let good: string;

  beforeAll(async () => {
    await reset();
    base = preview.state().source ?? "";
    const shell = await (await fetch(`${preview.url}/`)).text();
    token = /name="npv-edit-token" content="([^"]+)"/.exec(shell)?.[1] ?? "";
    good = JSON.stringify({
      issue: preview.state().issue.file,
      base,
      edits: [{ kind: "pin", article: "huafu-xinyi-jifen", place: { column: 1, line: 35, span: 6 } }],
    });
  });

  const headers = (extra: Record<string, string | undefined> = {}) => {
    const { port } = new URL(preview.url);
    const all: Record<string, string | undefined> = {
      host: `127.0.0.1:${port}`,
      origin: `http://127.0.0.1:${port}`,
      "content-type": "application/json",
      "x-newsprint-token": token,
      ...extra,
    };
    return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
  };

  it("refuses requests that are not from the preview's own page", async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const { port } = new URL(preview.url);
    const cases: [Record<string, string | undefined>, number][] = [
      [{ "x-newsprint-token": undefined }, 403],
      [{ "x-newsprint-token": "x".repeat(32) }, 403],
      [{ origin: undefined }, 403],
      [{ origin: "http://attacker.example" }, 403],
      [{ origin: `http://127.0.0.1:${Number(port) + 1}` }, 403],
      [{ host: `attacker.example:${port}`, origin: `http://attacker.example:${port}` }, 403],
      [{ "sec-fetch-site": "cross-site" }, 403],
      [{ "content-type": "text/plain" }, 415],
    ];
    for (const [extra, status] of cases) {
      expect((await post(good, headers(extra))).status, JSON.stringify(extra)).toBe(status);
    }
    const other = JSON.parse(good);
    expect((await post(JSON.stringify({ ...other, issue: "/etc/passwd" }), headers())).status).toBe(403);
    const outside = { ...other, edits: [{ kind: "set", path: "paper.name", value: "x" }] };
    expect((await post(JSON.stringify(outside), headers())).status).toBe(400);
    expect((await post("{", headers())).status).toBe(400);
    expect(fileText()).toBe(original);
  });

  it("cannot be reached from another site's page in the browser", async () => {
    const site: Server = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(`<!doctype html><script>
        const target = ${JSON.stringify(`${preview.url}/edit`)};
        const body = ${JSON.stringify(good)};
        Promise.allSettled([
          fetch(target, { method: "POST", headers: { "Content-Type": "application/json", "X-Newsprint-Token": ${JSON.stringify(token)} }, body }),
          fetch(target, { method: "POST", mode: "no-cors", headers: { "Content-Type": "text/plain" }, body }),
        ]).then((r) => { document.title = r.map((x) => x.status + ":" + (x.value ? x.value.type : "")).join(" "); });
      </script>`);
    });
    await new Promise<void>((ok) => site.listen(0, "127.0.0.1", ok));
    const other = await browser.newPage();
    try {
      const { port } = site.address() as { port: number };
      await other.goto(`http://127.0.0.1:${port}/`);
      await other.waitForFunction(() => document.title.includes(":"), { timeout: 30_000 });
      // The CORS preflight fails (the token header needs one); the simple POST is opaque and refused.
      expect(await other.title()).toBe("rejected: fulfilled:opaque");
      expect(fileText()).toBe(original);
    } finally {
      await other.close();
      site.close();
    }
  });

  it("takes a well-formed edit from its own page", async () => {
    const res = await post(good, headers());
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, undo: [{ kind: "unpin", article: "huafu-xinyi-jifen" }] });
    expect(articleOf(fileText(), "huafu-xinyi-jifen")?.place).toEqual({ column: 1, line: 35, span: 6 });
    // Made on the same version again: the file has changed since.
    expect((await post(good, headers())).status).toBe(409);
  });

  it("checks and writes under issue.json's lock, as import --append does (issue 26.5)", async () => {
    await preview.idle();
    const edit = JSON.stringify({
      issue: preview.state().issue.file,
      base: preview.state().source,
      edits: [{ kind: "unpin", article: "huafu-xinyi-jifen" }],
    });
    const before = fileText();
    // An import holds the lock for its read, change and write: the edit waits, then finds the file changed.
    const answer = await withFileLock(issueFile, async () => {
      const pending = post(edit, headers());
      await sleep(3000);
      expect(fileText()).toBe(before);
      writeFileSync(issueFile, `${before}\n`);
      return pending;
    });
    expect(answer.status).toBe(409);
    expect(fileText()).toBe(`${before}\n`);
    expect(articleOf(fileText(), "huafu-xinyi-jifen")?.place).toEqual({ column: 1, line: 35, span: 6 });
  });
});
