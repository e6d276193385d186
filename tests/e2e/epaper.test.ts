import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "puppeteer-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { resolveConfig } from "../../src/config/resolve";
import { type ArticleData, bodyText, loadIssue, type PageFormat } from "../../src/load";
import { must } from "../helpers/must";
import { REPO_ROOT } from "../helpers/paths";
import { keepForEye } from "../helpers/screens";
import { pdfInfo } from "./helpers/pdf";

// `newsprint epaper` end to end: the sample issues (Simplified, Traditional, English) built into
// e-paper sites as a person would, served by a plain static file server (Python's http.server, not
// ours) and read in Chromium with the mouse, the keyboard, without scripts and on a phone.

const run = promisify(execFile);
const CLI = join(REPO_ROOT, "bin", "newsprint.js");
let tmp: string;
let sites: string;
let server: ChildProcess;
let origin: string;
let browser: Browser;
/** Every URL any page of the test asked for. */
const requested: string[] = [];

async function newsprint(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", [CLI, ...args], { cwd: REPO_ROOT, timeout: 600_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A copy of a sample issue in the temp folder (photos are never read through a link out of the
 *  issue folder, so they are copied), `edit` applied to its data. */
function sampleCopy(sample: string, name: string, edit: (data: Record<string, unknown>) => void = () => {}) {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const data = JSON.parse(readFileSync(join(REPO_ROOT, "issues", sample, "issue.json"), "utf8"));
  data.$schema = undefined;
  edit(data);
  writeFileSync(join(dir, "issue.json"), JSON.stringify(data, null, 2));
  if (!existsSync(join(dir, "photos")))
    cpSync(join(REPO_ROOT, "issues", sample, "photos"), join(dir, "photos"), { recursive: true });
  const style = join(REPO_ROOT, "issues", sample, "style.json");
  if (existsSync(style)) cpSync(style, join(dir, "style.json"));
  return dir;
}

async function epaper(issueDir: string, site: string, extra: string[] = []) {
  const out = await newsprint(["epaper", issueDir, "-o", join(sites, site), "--build-dir", join(tmp, "out"), ...extra]);
  expect(out.code, out.stderr).toBe(0);
  return out;
}

/** Python's static file server on loopback, any free port; resolves with its origin. */
function serve(dir: string): Promise<string> {
  server = spawn("python3", ["-u", "-m", "http.server", "--bind", "127.0.0.1", "0", "--directory", dir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let seen = "";
    server.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const port = /port (\d+)/.exec(seen)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    server.once("exit", (code) => reject(new Error(`http.server exited (${code}): ${seen}`)));
  });
}

async function openPage(opts: { width?: number; height?: number; scale?: number; scripts?: boolean } = {}) {
  const page = await browser.newPage();
  await page.setViewport({
    width: opts.width ?? 1400,
    height: opts.height ?? 1000,
    deviceScaleFactor: opts.scale ?? 1,
  });
  if (opts.scripts === false) await page.setJavaScriptEnabled(false);
  page.on("request", (r) => requested.push(r.url()));
  return page;
}

/** Opens a file of the sites; the browser's cache may answer a second visit (304). */
async function visit(page: Page, path: string) {
  const response = await page.goto(`${origin}/${path}`, { waitUntil: "load" });
  expect([200, 304], path).toContain(response?.status());
}

interface LayoutModule {
  article?: string;
  ad?: string;
  column: number;
  line: number;
  span: number;
  height: number;
  continuedFrom?: number;
  continuesOn?: number;
}
interface LayoutReport {
  pages: { page: number; modules: LayoutModule[] }[];
  cuts: unknown[];
}
const layoutOf = (name: string): LayoutReport =>
  JSON.parse(readFileSync(join(tmp, "out", name, "layout.json"), "utf8")) as LayoutReport;

/** Every file of a folder, by its path inside it: its bytes' hash and mtime. */
function snapshot(dir: string): Map<string, { hash: string; mtime: number }> {
  const files = new Map<string, { hash: string; mtime: number }>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = join(dir, name);
    if (!statSync(file).isFile()) continue;
    const hash = createHash("sha256").update(readFileSync(file)).digest("hex");
    files.set(relative(dir, file), { hash, mtime: statSync(file).mtimeMs });
  }
  return files;
}

const compact = (s: string) => s.replace(/\s+/g, "");

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "newsprint-epaper-"));
  sites = join(tmp, "sites");
  mkdirSync(sites);
  // A copy, so that the incremental run below can change an article of the same issue folder.
  const dongchangfu = sampleCopy("dongchangfu", "dongchangfu");
  const launched = launchBrowser(resolveConfig().browser);
  await epaper(dongchangfu, "zh", ["--base-url", "https://epaper.example.cn/dcf"]);
  await epaper(join(REPO_ROOT, "issues", "hongkong"), "hk");
  await epaper(join(REPO_ROOT, "issues", "weekly"), "en");
  origin = await serve(sites);
  browser = await launched;
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("the e-paper of the Simplified sample", () => {
  it("opens a story by a mouse click on its zone, on every page", async () => {
    const page = await openPage();
    const layout = layoutOf("dongchangfu");
    for (const p of layout.pages) {
      const n = String(p.page).padStart(2, "0");
      await visit(page, `zh/2022-12-30/page-${n}.html`);
      // The largest zone: its middle is clear of any other.
      const target = await zoneInView(page, "largest");
      await Promise.all([page.waitForNavigation(), page.mouse.click(target.x, target.y)]);
      expect(page.url()).toBe(new URL(target.href, `${origin}/zh/2022-12-30/`).href);
      // The story the zone is named after (a continued part's name adds its 上接 line).
      const headline = compact(await page.$eval("h1", (h) => h.textContent ?? ""));
      expect(headline.length).toBeGreaterThan(0);
      expect(compact(target.label).startsWith(headline)).toBe(true);
      if (p.page === 2) await keepForEye(page, "epaper-story.png");
    }
    await page.close();
  });

  it("opens a story from the keyboard: Tab to a zone, Enter", async () => {
    const page = await openPage();
    await visit(page, "zh/2022-12-30/page-02.html");
    let label: string | null = null;
    for (let i = 0; i < 80 && !label; i++) {
      await page.keyboard.press("Tab");
      label = await page.evaluate(() => {
        const a = document.activeElement;
        return a?.closest(".ep-zones") ? a.getAttribute("aria-label") : null;
      });
    }
    const name = must(label, "a zone reached with Tab");
    const href = await page.evaluate(() => document.activeElement?.getAttribute("href") ?? "");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    expect(page.url()).toBe(new URL(href, `${origin}/zh/2022-12-30/`).href);
    // The zone is named by the story's headline (or, lacking one, what names the story).
    expect(compact(await page.$eval("h1", (h) => h.textContent ?? ""))).toBe(compact(name));
    await page.close();
  });

  it("links every story of every page from that page, zones and list alike", async () => {
    const page = await openPage();
    const layout = layoutOf("dongchangfu");
    for (const p of layout.pages) {
      await visit(page, `zh/2022-12-30/page-${String(p.page).padStart(2, "0")}.html`);
      const hrefs = (selector: string) =>
        page.$$eval(selector, (links) => links.map((a) => a.getAttribute("href") ?? "").sort());
      const expected = p.modules
        .filter((m) => m.article)
        .map((m) => `story/${m.article}.html`)
        .sort();
      expect(await hrefs(".ep-zones a")).toEqual(expected);
      expect(await hrefs(".ep-page-stories a")).toEqual(expected);
    }
    for (const story of new Set(layout.pages.flatMap((p) => p.modules.flatMap((m) => m.article ?? [])))) {
      const response = await fetch(`${origin}/zh/2022-12-30/story/${story}.html`);
      expect(response.status, story).toBe(200);
    }
    await page.close();
  });

  it("puts each zone on its module, ±1 px on the large picture, and the picture's rules there too", async () => {
    const issue = await loadIssue(join(tmp, "dongchangfu"));
    const f = issue.format;
    const layout = layoutOf("dongchangfu");
    // Device pixels enough for the large picture.
    const page = await openPage({ width: 1400, height: 1000, scale: 2 });
    for (const p of layout.pages) {
      const n = String(p.page).padStart(2, "0");
      await visit(page, `zh/2022-12-30/page-${n}.html`);
      const pagePt = pdfInfo(join(sites, "zh", "2022-12-30", "pdf", `page-${n}.pdf`));
      const shown = await page.$eval(".ep-picture img", (img) => {
        const im = img as HTMLImageElement;
        const r = im.getBoundingClientRect();
        const zones = Array.from(im.parentElement?.querySelectorAll(".ep-zones a") ?? [], (a) => {
          const z = a.getBoundingClientRect();
          return { href: a.getAttribute("href") ?? "", x: z.x - r.x, y: z.y - r.y, width: z.width, height: z.height };
        });
        return { src: im.currentSrc, shown: r.width, zones };
      });
      expect(shown.src).toMatch(/-1600\.webp$/);
      // The picture's own pixels (naturalWidth is scaled by srcset's density, not the file's).
      const picture = join(sites, "zh", "2022-12-30", new URL(shown.src).pathname.replace(/^\/zh\/2022-12-30\//, ""));
      const { data, info } = await sharp(picture).greyscale().raw().toBuffer({ resolveWithObject: true });
      expect(info.width).toBe(1600);
      const px = info.width / pagePt.widthPt;
      const py = info.height / pagePt.heightPt;
      const zoom = info.width / shown.shown;
      const modules = p.modules.filter((m) => m.article);
      expect(shown.zones).toHaveLength(modules.length);
      for (const m of modules) {
        const zone = must(
          shown.zones.find((z) => z.href === `story/${m.article}.html`),
          `the zone of ${m.article} on page ${p.page}`,
        );
        const r = moduleRect(f, m);
        const want = { x: r.x * px, y: r.y * py, width: r.width * px, height: r.height * py };
        const got = { x: zone.x * zoom, y: zone.y * zoom, width: zone.width * zoom, height: zone.height * zoom };
        for (const k of ["x", "y", "width", "height"] as const) {
          expect(Math.abs(got[k] - want[k]), `${m.article} ${k} on page ${p.page}`).toBeLessThanOrEqual(1);
        }
      }
      // The picture itself: a module below another starts with a rule on its top edge (0.75 pt),
      // drawn where the zone says the module begins.
      const dark = (x: number, y: number) => (data[y * info.width + x] ?? 255) < 140;
      const ruled = p.page > 1 ? modules.filter((m) => m.line > 1) : [];
      for (const m of ruled) {
        const r = moduleRect(f, m);
        const [x0, x1] = [Math.round((r.x + r.width * 0.1) * px), Math.round((r.x + r.width * 0.9) * px)];
        const top = r.y * py;
        const rows: number[] = [];
        for (let y = Math.floor(top - 3); y <= Math.ceil(top + 4); y++) {
          let n = 0;
          for (let x = x0; x < x1; x++) if (dark(x, y)) n++;
          if (n >= 0.9 * (x1 - x0)) rows.push(y);
        }
        // A dark row whose middle is within a pixel of the rule's middle.
        const rule = (r.y + 0.375) * py;
        expect(
          rows.some((y) => Math.abs(y + 0.5 - rule) <= 1),
          `rule over ${m.article} on page ${p.page}`,
        ).toBe(true);
      }
      if (p.page === 2) await keepForEye(page, "epaper-page.png");
    }
    await page.close();
  });

  it("has every character of the issue's printed text in its story pages", async () => {
    const issue = await loadIssue(join(tmp, "dongchangfu"));
    await expectAllText("zh", issue.data, layoutOf("dongchangfu"));
  });

  it("reads with scripts off: zones are plain links and stories plain HTML", async () => {
    const page = await openPage({ scripts: false });
    await visit(page, "zh/2022-12-30/page-03.html");
    const zone = await zoneInView(page, "first");
    await Promise.all([page.waitForNavigation(), page.mouse.click(zone.x, zone.y)]);
    expect(page.url()).toBe(new URL(zone.href, `${origin}/zh/2022-12-30/`).href);
    const text = await page.$eval("article", (a) => (a as HTMLElement).innerText);
    expect(text.length).toBeGreaterThan(100);
    await page.close();
  });

  it("gives a phone a layout of its own, with no sideways scrolling", async () => {
    const wide = await openPage({ width: 1400, height: 900 });
    const phone = await openPage({ width: 390, height: 844, scale: 3 });
    const layout = layoutOf("dongchangfu");
    const story = must(layout.pages[1]?.modules[0]?.article, "a story on page 2");
    const where = (page: Page) =>
      page.evaluate(() => {
        const main = document.querySelector(".ep-main")?.getBoundingClientRect();
        const nav = document.querySelector(".ep-page-nav")?.getBoundingClientRect();
        return {
          scrollWidth: document.documentElement.scrollWidth,
          width: window.innerWidth,
          navBeside: !!main && !!nav && nav.right <= main.left,
          navBelow: !!main && !!nav && nav.top >= main.bottom,
        };
      });
    for (const path of [`zh/2022-12-30/story/${story}.html`, "zh/2022-12-30/page-02.html", "zh/index.html"]) {
      await visit(wide, path);
      await visit(phone, path);
      const [w, p] = [await where(wide), await where(phone)];
      expect(w.navBeside, path).toBe(true);
      expect(p.navBelow, path).toBe(true);
      expect(p.scrollWidth, path).toBeLessThanOrEqual(p.width);
    }
    await visit(phone, `zh/2022-12-30/story/${story}.html`);
    await keepForEye(phone, "epaper-phone-story.png");
    await wide.close();
    await phone.close();
  });

  it("writes issue.json with every page's zones, an Atom feed and a sitemap under the base URL", async () => {
    const edition = JSON.parse(readFileSync(join(sites, "zh", "2022-12-30", "issue.json"), "utf8"));
    const layout = layoutOf("dongchangfu");
    expect(edition.pages).toHaveLength(layout.pages.length);
    for (const [i, p] of layout.pages.entries()) {
      expect(edition.pages[i].zones.map((z: { story: string }) => z.story).sort()).toEqual(
        p.modules.flatMap((m) => m.article ?? []).sort(),
      );
    }
    const feed = readFileSync(join(sites, "zh", "feed.xml"), "utf8");
    const entries = [...feed.matchAll(/<entry>[\s\S]*?<link rel="alternate" type="text\/html" href="([^"]+)"/g)];
    expect(entries).toHaveLength(edition.stories.length);
    for (const [, href] of entries) expect(href).toMatch(/^https:\/\/epaper\.example\.cn\/dcf\/2022-12-30\/story\//);
    const sitemap = readFileSync(join(sites, "zh", "sitemap.xml"), "utf8");
    for (const s of edition.stories) expect(sitemap).toContain(`https://epaper.example.cn/dcf/2022-12-30/${s.href}`);
  });

  it("asks nothing of any other host", () => {
    expect(requested.length).toBeGreaterThan(100);
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});

describe("the Traditional and the English samples", () => {
  it("have every character of their printed text in their story pages", async () => {
    for (const [site, sample] of [
      ["hk", "hongkong"],
      ["en", "weekly"],
    ] as const) {
      const issue = await loadIssue(join(REPO_ROOT, "issues", sample));
      await expectAllText(site, issue.data, layoutOf(sample));
    }
  });

  it("speak the paper's language", async () => {
    const page = await openPage();
    await visit(page, "hk/2023-01-20/page-01.html");
    expect(await page.$eval("html", (h) => h.lang)).toBe("zh-Hant");
    expect(await page.$eval(".ep-page-nav h2", (h) => h.textContent)).toBe("版面導航");
    await visit(page, "en/2026-11-30/page-02.html");
    expect(await page.$eval("html", (h) => h.lang)).toBe("en");
    expect(await page.$eval(".ep-page-nav h2", (h) => h.textContent)).toBe("Pages");
    expect(await page.$eval(".ep-pager-prev .ep-pager-label", (e) => e.textContent)).toBe("Previous page");
    await page.close();
  });

  it("lists back issues (往期) newest first, the latest on the front door whatever order they were built in", async () => {
    const earlier = sampleCopy("hongkong", "hongkong-earlier", (d) => {
      (d.issue as { date: string }).date = "2023-01-13";
    });
    await epaper(earlier, "hk");
    const page = await openPage();
    await visit(page, "hk/index.html");
    const archive = await page.$$eval(".ep-archive a", (links) => links.map((a) => a.getAttribute("href")));
    expect(archive).toEqual(["2023-01-20/index.html", "2023-01-13/index.html"]);
    expect(await page.$eval(".ep-zones a", (a) => a.getAttribute("href"))).toMatch(/^2023-01-20\/story\//);
    await visit(page, "hk/2023-01-13/page-02.html");
    expect(await page.$eval(".ep-issue-line a", (a) => a.textContent)).toContain("2023年1月13日");
    await page.close();
  });

  it("refuses another paper's site folder, writing nothing (exit 2)", async () => {
    const before = snapshot(join(sites, "hk"));
    const out = await newsprint(["epaper", join(REPO_ROOT, "issues", "weekly"), "-o", join(sites, "hk")]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/e-paper of 東區街坊報/);
    expect(snapshot(join(sites, "hk"))).toEqual(before);
  });
});

describe("a correction", () => {
  it("replaces only its page's pictures and its story; every other file keeps its bytes and mtime", async () => {
    const layout = layoutOf("dongchangfu");
    // A story on page 5 alone, that neither jumps nor continues.
    const onPage5 = (layout.pages[4]?.modules ?? []).filter(
      (m) => m.article && m.continuesOn === undefined && m.continuedFrom === undefined,
    );
    const id = must(onPage5[0]?.article, "a story of its own on page 5");
    const site = join(sites, "zh");
    const before = snapshot(site);
    const issueDir = join(tmp, "dongchangfu");
    const data = JSON.parse(readFileSync(join(issueDir, "issue.json"), "utf8"));
    const article = data.pages
      .flatMap((p: { articles: ArticleData[] }) => p.articles)
      .find((a: ArticleData) => a.id === id);
    const last: number = article.body.findLastIndex((item: unknown) => typeof item === "string");
    expect(last, `a paragraph of ${id}`).toBeGreaterThanOrEqual(0);
    // One character for another: the same length, so the page's make-up stays as it was.
    const old = article.body[last] as string;
    article.body[last] = `${old.startsWith("新") ? "本" : "新"}${old.slice(1)}`;
    writeFileSync(join(issueDir, "issue.json"), JSON.stringify(data, null, 2));
    await epaper(issueDir, "zh", ["--base-url", "https://epaper.example.cn/dcf"]);
    const after = snapshot(site);
    const changed = [...after.keys()].filter((f) => before.get(f)?.hash !== after.get(f)?.hash).sort();
    const removed = [...before.keys()].filter((f) => !after.has(f)).sort();
    expect(changed).toEqual(
      expect.arrayContaining([`2022-12-30/story/${id}.html`, "2022-12-30/pdf/page-05.pdf", "2022-12-30/page-05.html"]),
    );
    expect(changed.filter((f) => f.startsWith("2022-12-30/images/"))).toEqual([
      expect.stringMatching(/^2022-12-30\/images\/page-05-\w+-1600\.webp$/),
      expect.stringMatching(/^2022-12-30\/images\/page-05-\w+-800\.webp$/),
    ]);
    expect(removed).toEqual([
      expect.stringMatching(/^2022-12-30\/images\/page-05-\w+-1600\.webp$/),
      expect.stringMatching(/^2022-12-30\/images\/page-05-\w+-800\.webp$/),
    ]);
    // Beyond the page and the story: only the lists that show page 5's picture, and the dates.
    const expectedToo = [
      "2022-12-30/index.html",
      "2022-12-30/issue.json",
      "index.html",
      "feed.xml",
      "sitemap.xml",
      "site.json",
    ];
    const pageFiles = (f: string) => /page-05|story\//.test(f);
    expect(changed.filter((f) => !pageFiles(f) && !expectedToo.includes(f))).toEqual([]);
    expect(changed.filter((f) => f.startsWith("2022-12-30/story/"))).toEqual([`2022-12-30/story/${id}.html`]);
    for (const [file, was] of before) {
      if (changed.includes(file) || removed.includes(file)) continue;
      expect(after.get(file)?.mtime, file).toBe(was.mtime);
    }
    const story = readFileSync(join(site, "2022-12-30", "story", `${id}.html`), "utf8");
    expect(story).toContain(bodyText(article.body[last]));
  });
});

/** A zone of the page view scrolled to the middle of the window: its link and its middle there. */
async function zoneInView(page: Page, which: "first" | "largest") {
  const target = await page.$$eval(
    ".ep-zones a",
    (links, pick) => {
      const area = (a: Element) => a.getBoundingClientRect().width * a.getBoundingClientRect().height;
      const chosen = pick === "first" ? links[0] : [...links].sort((a, b) => area(b) - area(a))[0];
      if (!chosen) return undefined;
      chosen.scrollIntoView({ block: "center" });
      const r = chosen.getBoundingClientRect();
      const label = chosen.getAttribute("aria-label") ?? "";
      return { href: chosen.getAttribute("href") ?? "", label, x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    which,
  );
  return must(target, `the ${which} zone`);
}

/** The module's rectangle in pt, from layout.json's grid units and the format. */
function moduleRect(f: PageFormat, m: LayoutModule) {
  return {
    x: f.areaLeft + (m.column - 1) * (f.columnWidth + f.gutter),
    y: f.areaTop + (m.line - 1) * f.linePitch,
    width: m.span * f.columnWidth + (m.span - 1) * f.gutter,
    height: m.height * f.linePitch,
  };
}

/** Every printed field of every placed article is in its story page: counted in characters. */
async function expectAllText(site: string, data: Awaited<ReturnType<typeof loadIssue>>["data"], layout: LayoutReport) {
  // The premise: the make-up cut no paragraph of these samples, so all their text is printed.
  expect(layout.cuts).toEqual([]);
  const articles = new Map(
    [...data.pages.flatMap((p) => p.articles), ...data.articles, ...data.fillers].map((a) => [a.id, a]),
  );
  const placed = new Set(layout.pages.flatMap((p) => p.modules.flatMap((m) => m.article ?? [])));
  expect(placed.size).toBeGreaterThan(0);
  let printed = 0;
  let found = 0;
  for (const id of placed) {
    const a = must(articles.get(id), `article ${id}`);
    const response = await fetch(`${origin}/${site}/${data.issue.date}/story/${id}.html`);
    expect(response.status, id).toBe(200);
    const html = await response.text();
    const text = compact(
      html
        .replace(/^[\s\S]*<article[^>]*>|<\/article>[\s\S]*$/g, "")
        .replace(/<[^>]+>/g, "")
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/&#x3D;/g, "=")
        .replace(/&#x60;/g, "`"),
    );
    const fields = [
      a.label,
      a.kicker,
      a.headline,
      a.subhead,
      a.dateline,
      ...a.body.map(bodyText),
      a.byline,
      ...a.images.flatMap((img) => [img.caption, img.credit]),
    ].flatMap((t) => (t ? [compact(t)] : []));
    for (const field of fields) {
      printed += [...field].length;
      if (text.includes(field)) found += [...field].length;
      else expect.soft(text, `${id}: ${field.slice(0, 20)}…`).toContain(field);
    }
  }
  expect(found).toBe(printed);
}
