import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { noteVersion } from "../../src/browser/version-note";
import { resolveConfig } from "../../src/config/resolve";
import { type BuildResult, buildIssue } from "../../src/pipeline/build";
import type { Flatplan } from "../../src/pipeline/flatplan";
import { writeBuild } from "../../src/pipeline/write-build";
import { paragraphText } from "../../src/typeset/content";
import { measureFill } from "../helpers/fill";
import { compact, occurrences } from "./helpers/pdf";
import { printedLines } from "./helpers/printed-lines";

// The story pool end to end: the sample's stories all in the pool build into full pages with
// every line printed; `newsprint plan` prints the same plan without a PDF; a fixed-page issue
// that is over fails with the move that makes it fit, and doing that move makes it build.

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const CLI = join(root, "bin", "newsprint.js");
interface SampleIssue {
  [field: string]: unknown;
  pages: { section?: string; articles: { id: string; priority?: number }[] }[];
}
const sample = JSON.parse(readFileSync(join(root, "issues/dongchangfu/issue.json"), "utf8")) as SampleIssue;
let browser: Browser;
let dir: string;

/** An issue folder beside the sample's photos. */
function issueFolder(name: string, issue: unknown): string {
  const folder = join(dir, name);
  cpSync(join(root, "issues/dongchangfu/photos"), join(folder, "photos"), { recursive: true });
  writeFileSync(join(folder, "issue.json"), JSON.stringify(issue, null, 1));
  return folder;
}

/** The sample with every story in the pool under its page's section (with the priority its
 *  place on the page gave it), and the pages empty. */
function pooledSample() {
  const { $schema: _, ...issue } = structuredClone(sample) as typeof sample & { $schema?: string };
  const articles = issue.pages.flatMap((page) =>
    page.articles.map((a, i) => ({ ...a, section: page.section, priority: a.priority ?? (i === 0 ? 1 : 3) })),
  );
  const pages = issue.pages.map(({ articles: _a, ...page }) => ({ ...page, articles: [] }));
  return { ...issue, articles, pages };
}

/** Three pages of the sample's stories: page 1 holds four short items, the last page is over. */
function overfullIssue() {
  const { $schema: _, ...issue } = structuredClone(sample) as typeof sample & { $schema?: string };
  const byId = new Map(issue.pages.flatMap((p) => p.articles).map((a) => [a.id, a]));
  const pick = (ids: string[]) => ids.map((id) => byId.get(id) as { id: string });
  const culture = issue.pages[6]?.articles.map((a) => a.id) ?? [];
  const moved = ["tangyi-wenhua-zhiyuan", "zhongju-baixing-xuanjiang"];
  return {
    ...issue,
    pages: [
      {
        section: "要闻",
        articles: pick([
          "hanji-renda-daibiao",
          "liuyuan-jianyi-yongwei",
          "hanji-jianyi-yongwei",
          "hanji-jianyi-yongwei-xu",
        ]),
      },
      { section: "文化", articles: pick(culture.filter((id) => !moved.includes(id))) },
      { section: "综合", articles: pick([...(issue.pages[7]?.articles.map((a) => a.id) ?? []), ...moved]) },
    ],
  };
}

function pdfTextRaw(file: string): string {
  return compact(
    execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }),
  );
}

beforeAll(async () => {
  browser = await launchBrowser(resolveConfig().browser);
  dir = mkdtempSync(join(tmpdir(), "newsprint-plan-"));
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("an issue whose stories are all in the pool", () => {
  let result: BuildResult;
  let pdf: string;
  beforeAll(async () => {
    const folder = issueFolder("pooled", pooledSample());
    result = await buildIssue(folder, { outDir: join(dir, "out"), browser });
    pdf = (await writeBuild(result, join(dir, "out"))).pdf;
  }, 120_000);

  it("puts every story on a page of its section, the section's lead on its first page", () => {
    const pool = result.issue.data.articles;
    const pages = new Map<string, number>();
    for (const page of result.layout.pages)
      for (const m of page.modules) if (m.continuedFrom === undefined) pages.set(m.articleId, page.number);
    for (const story of pool) {
      const page = pages.get(story.id);
      expect(page, story.id).toBeDefined();
      expect(result.issue.data.pages[(page ?? 1) - 1]?.section, story.id).toBe(story.section);
    }
    // The front page's index names them where they are.
    expect(execFileSync("pdftotext", ["-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" })).toContain("导读");
    expect(result.warnings.filter((w) => w.message.includes("导读"))).toEqual([]);
    for (const [p, page] of result.issue.data.pages.entries()) {
      const lead = pool
        .filter((s) => s.section === page.section)
        .sort((a, b) => (a.priority ?? 5) - (b.priority ?? 5))[0];
      if (lead) expect(pages.get(lead.id)).toBe(p + 1);
    }
  });

  // The last page of a section may run out of its section's stories: the make-up then says so
  // ("not enough material") rather than stretch photos past their resolution or break a rule.
  const shortOfMaterial = (page: number) =>
    result.warnings.some(
      (w) => w.page === page && w.code === "underfull" && w.message.startsWith("not enough material"),
    );

  it("fills every page (< 3% of the type area empty, measured on the PDF; < 5% on one page said to be short of material)", async () => {
    const reserved = new Map([[1, result.measurements.mastheadRows]]);
    const fills = await measureFill(pdf, result.issue.format, result.layout, reserved);
    expect(fills).toHaveLength(8);
    expect(fills.filter((fill) => shortOfMaterial(fill.page)).length).toBeLessThanOrEqual(1);
    for (const fill of fills)
      expect(fill.emptyShare, `page ${fill.page}`).toBeLessThan(shortOfMaterial(fill.page) ? 0.05 : 0.03);
  });

  it("prints every character of every story (pdftotext -raw), no line more often than the issue has it", () => {
    const text = pdfTextRaw(pdf);
    const lines = printedLines(result).map((l) => l.text);
    expect(lines.filter((l) => !text.includes(l))).toEqual([]);
    // The corpus repeats passages (credits, text two items share): a line may be printed as
    // often as the issue's text holds it, never more. Heads, captions and the front page's
    // index may repeat a line's words: there, at least once is all that is asked.
    const articles = [...result.model.articles.values()];
    const source = compact(articles.flatMap((a) => a.paragraphs.map(paragraphText)).join("\n"));
    const other = compact(
      articles
        .flatMap(({ article: a }) => [a.kicker, a.headline, a.subhead, a.label])
        .concat(articles.flatMap(({ article: a }) => a.images.flatMap((i) => [i.caption, `（${i.credit}）`])))
        .join("\n"),
    );
    const doubled = lines.filter(
      (l) => l.length >= 9 && !other.includes(l) && occurrences(text, l) > occurrences(source, l),
    );
    expect(doubled).toEqual([]);
    expect(lines.reduce((n, l) => n + l.length, 0)).toBeGreaterThan(10_000);
  });

  it("writes the plan and its reasons into layout.json", () => {
    const layout = JSON.parse(readFileSync(join(dir, "out", "pooled", "layout.json"), "utf8"));
    expect(layout.plan.pages).toHaveLength(8);
    const placed = layout.plan.steps.filter((s: { outcome: string }) => s.outcome === "placed");
    expect(placed).toHaveLength(result.issue.data.articles.length);
    expect(placed[0].reason).toMatch(/^page 1 \(要闻\) had about \d+ free lines for the pool/);
    for (const jump of result.layout.jumps) {
      expect(layout.plan.steps).toContainEqual(
        expect.objectContaining({ articleId: jump.articleId, outcome: "jumped", page: jump.fromPage }),
      );
    }
  });

  it("is the plan `newsprint plan --json` prints, without a PDF", async () => {
    const { stdout } = await run("node", [CLI, "plan", join(dir, "pooled"), "--json", "-o", join(dir, "fresh")], {
      timeout: 120_000,
    });
    const plan = JSON.parse(stdout) as Flatplan & { timings: Record<string, number> };
    expect(plan.ok).toBe(true);
    expect(plan.pages.map((p) => p.stories.map((s) => s.article))).toEqual(
      result.layout.pages.map((p) =>
        [...p.modules].sort((a, b) => a.row - b.row || a.col - b.col).map((m) => m.articleId),
      ),
    );
    for (const page of plan.pages) expect(page.fill).toBeGreaterThan(shortOfMaterial(page.page) ? 0.95 : 0.97);
    expect(plan.timings.measured).toBeGreaterThan(0);
    const { stdout: table } = await run("node", [CLI, "plan", join(dir, "pooled"), "-o", join(dir, "fresh")], {
      timeout: 120_000,
    });
    expect(table).toMatch(/^page\s+section\s+fill\s+story\s+lines\s+photos/);
    const full = 8 - result.layout.pages.filter((p) => shortOfMaterial(p.number)).length;
    expect(table).toMatch(new RegExp(`8 pages, ${full} full \\(under 3% empty\\)`));
    expect(table).toMatch(/measured in [\d.]+ s \(all from the cache, no browser\), made up in [\d.]+ s/);
  }, 240_000);

  it("plans from the build's measurements without starting Chromium", async () => {
    // A "Chromium" that cannot start, noted as the version the build measured with: the plan
    // only succeeds if it never launches it.
    const out = join(dir, "out");
    const broken = join(dir, "broken-chromium");
    writeFileSync(broken, "#!/bin/sh\nexit 1\n", { mode: 0o755 });
    await noteVersion(join(out, ".cache", "chromium.json"), broken, await browser.version());
    const { stdout } = await run("node", [CLI, "plan", join(dir, "pooled"), "-o", out, "--chromium", broken], {
      timeout: 60_000,
    });
    expect(stdout).toMatch(
      /8 pages, [78] full \(under 3% empty\), \d+ jumps?; measured in [\d.]+ s \(all from the cache/,
    );
  }, 120_000);

  it("plans an issue never built without starting Chromium: heads, captions and masthead set in Node", async () => {
    // Nothing measured before (a new output folder) and a "Chromium" that cannot start: the plan
    // succeeds only if every head, caption and the masthead is set in Node.
    const broken = join(dir, "broken-chromium");
    writeFileSync(broken, "#!/bin/sh\nexit 1\n", { mode: 0o755 });
    const never = join(dir, "never-built");
    const { stdout } = await run(
      "node",
      [CLI, "plan", join(dir, "pooled"), "--json", "-o", never, "--chromium", broken],
      {
        timeout: 60_000,
      },
    );
    const plan = JSON.parse(stdout) as Flatplan & { timings: Record<string, number> };
    expect(plan.ok).toBe(true);
    expect(plan.timings.inBrowser).toBe(0);
    expect(plan.timings.measured).toBeGreaterThan(0);
    // The same pages as the build that measured in Chromium made.
    expect(plan.pages.map((p) => p.stories.map((s) => s.article))).toEqual(
      result.layout.pages.map((p) =>
        [...p.modules].sort((a, b) => a.row - b.row || a.col - b.col).map((m) => m.articleId),
      ),
    );
  }, 120_000);

  it("says, as build does, which pages are short of material: more pages than copy", async () => {
    const pooled = pooledSample();
    const last = pooled.pages.at(-1) as { section?: string };
    const issue = { ...pooled, pages: [...pooled.pages, { ...last, articles: [] }, { ...last, articles: [] }] };
    const { stdout } = await run("node", [CLI, "plan", issueFolder("more-pages", issue), "-o", join(dir, "more-out")], {
      timeout: 120_000,
    });
    const warned = stdout.slice(stdout.indexOf("\nwarnings:\n"));
    expect(stdout).toContain("\nwarnings:\n");
    // The last page holds nothing: it is named with the lines it lacks.
    expect(warned).toMatch(/page 10: not enough material, \d+ lines missing/);
  }, 120_000);

  it("starts Chromium for a vertical head only: a never-built issue with one fails without it", async () => {
    const broken = join(dir, "broken-chromium");
    writeFileSync(broken, "#!/bin/sh\nexit 1\n", { mode: 0o755 });
    const planned = run(
      "node",
      [CLI, "plan", join(root, "issues", "hongkong"), "-o", join(dir, "hk"), "--chromium", broken],
      {
        timeout: 60_000,
      },
    );
    await expect(planned).rejects.toThrow(/chromium|browser/i);
  }, 120_000);
});

describe("a fixed-page issue that is over", () => {
  it("fails with exit 3 naming the move that makes it fit, and doing that move makes it build", async () => {
    const issue = overfullIssue();
    const folder = issueFolder("over", issue);
    const failed = await run("node", [CLI, "build", folder, "-q", "-o", join(dir, "out-over")], {
      timeout: 120_000,
    }).then(
      () => ({ code: 0, stderr: "" }),
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed.code).toBe(3);
    expect(failed.stderr).toMatch(/page 3 is \d+ lines over; page 1 has about \d+ free lines/);
    const move =
      /move (\S+) \((\d+) lines\) to page (\d+): from pages\[(\d+)\]\.articles\[(\d+)\] to the end of pages\[(\d+)\]\.articles(?:, with "priority": (\d+))?/.exec(
        failed.stderr,
      );
    if (!move) throw new Error(`expected a move in: ${failed.stderr}`);
    const [, id, , , from, at, to, priority] = move;
    // As the message says: the story out of its page's list, onto the end of the other's (with
    // the priority it had by default, if it says so).
    const [story] = issue.pages[Number(from)]?.articles.splice(Number(at), 1) ?? [];
    expect(story?.id).toBe(id);
    issue.pages[Number(to)]?.articles.push({
      ...(story as { id: string }),
      ...(priority ? { priority: Number(priority) } : {}),
    });
    const fixed = issueFolder("over-fixed", issue);
    const built = await buildIssue(fixed, { outDir: join(dir, "out-fixed"), browser });
    const pdf = (await writeBuild(built, join(dir, "out-fixed"))).pdf;
    const text = pdfTextRaw(pdf);
    expect(printedLines(built).filter((l) => !text.includes(l.text))).toEqual([]);
  }, 240_000);
});
