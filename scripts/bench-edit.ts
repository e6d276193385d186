// Latency of making up a page by hand in `newsprint preview`: from the mouse-up that drops a module
// (real mouse events from puppeteer in Chromium, on the editor's page) to the re-made page shown.
// Each edit swaps two stacked modules of one page, which changes that page only (the make-up pins
// both; the next swap exchanges them back). Prints every edit and the median, split into the
// server's check of the edit, its rebuild (with the rebuild's stages) and the browser's part, and
// writes bench/edit.json. Not a test: figures vary with the machine and its load.
//
//   node --import tsx scripts/bench-edit.ts [issue-dir] [--edits n] [--page n] [--pair upper,lower]
//
// Default: issues/dongchangfu (8 pages), page 8, its first two stacked modules.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Frame, Page } from "puppeteer-core";
import { launchBrowser } from "../src/browser/browser";
import { resolveConfig } from "../src/config/resolve";
import { type Preview, startPreview } from "../src/preview/preview";

const root = join(import.meta.dirname, "..");
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const EDITS = Number(option("--edits") ?? 9);
const PAGE = Number(option("--page") ?? 8);
const pair = option("--pair")?.split(",");
const issue =
  args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) ?? join(root, "issues/dongchangfu");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface Rect {
  id: string;
  column: number;
  line: number;
  span: number;
  height: number;
}

async function pagesFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector("iframe:not(.npv-loading)"))?.contentFrame();
  if (!frame) throw new Error("no pages frame");
  return frame;
}

/** The modules of a printed page as the pages on screen have them. */
async function modulesOf(page: Page, number: number): Promise<Rect[]> {
  const frame = await pagesFrame(page);
  return frame.$$eval(`.pagedjs_pages .np-page[data-page="${number}"] .np-module:not([data-continued])`, (els) =>
    els.map((el) => {
      const d = (el as HTMLElement).dataset;
      return {
        id: d.article ?? "",
        column: Number(d.col),
        line: Number(d.row),
        span: Number(d.span),
        height: Number(d.rows),
      };
    }),
  );
}

/** Two modules stacked in the same columns, the upper one directly above the lower one. */
function stacked(modules: Rect[]): [Rect, Rect] {
  for (const a of modules) {
    const b = modules.find((m) => m.column === a.column && m.span === a.span && m.line === a.line + a.height);
    if (b) return [a, b];
  }
  throw new Error(`page ${PAGE} has no two stacked modules`);
}

const browser = await launchBrowser(resolveConfig().browser);
const work = mkdtempSync(join(tmpdir(), "newsprint-bench-edit-"));
const checks: number[] = [];
let preview: Preview | undefined;
try {
  const dir = join(work, basename(issue));
  cpSync(issue, dir, { recursive: true });
  const started = performance.now();
  preview = await startPreview({
    target: dir,
    port: 0,
    outDir: join(work, "out"),
    browser,
    log: (line) => {
      const checked = /^edit: .* \(checked in (\d+) ms/.exec(line);
      if (checked) checks.push(Number(checked[1]));
      if (checked && process.env.NEWSPRINT_BENCH_LOG) console.log(`  ${line}`);
    },
  });
  await preview.idle();
  if (preview.state().status !== "ready") throw new Error(`${issue} does not build: ${preview.state().error?.title}`);
  const pages = preview.state().pages;
  console.log(`issue ${basename(issue)}: ${pages} pages, first build ${Math.round(performance.now() - started)} ms`);

  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  await page.goto(`${preview.url}/`);
  // The preview's measuring page lives in this same browser; a tab in the background gets no
  // animation frames.
  await page.bringToFront();
  const shownVersion = () => page.evaluate(() => Number(document.documentElement.dataset.shownVersion ?? 0));
  await page.waitForFunction(
    (v) => Number(document.documentElement.dataset.shownVersion) >= v,
    {},
    preview.state().version,
  );

  const rows: {
    edit: string;
    pagesChanged: number[] | "all";
    totalMs: number;
    checkMs: number;
    rebuildMs: number;
    stageMs: Record<string, number>;
    browserMs: number;
  }[] = [];
  for (let i = 0; i < EDITS; i++) {
    const modules = await modulesOf(page, PAGE);
    const [upper, lower] = pair
      ? (pair.map((id) => modules.find((m) => m.id === id)) as [Rect, Rect]).sort((a, b) => a.line - b.line)
      : stacked(modules);
    if (!upper || !lower) throw new Error(`no modules ${pair?.join(", ")} on page ${PAGE}`);
    // Drop the lower module on the upper one's place: grabbed on its first line, moved up.
    const frame = await pagesFrame(page);
    const el = await frame.$(`.np-module[data-article="${upper.id}"]`);
    await el?.evaluate((e) => e.scrollIntoView({ block: "start" }));
    await new Promise((ok) => setTimeout(ok, 200));
    const box = await (await frame.$(`.np-module[data-article="${lower.id}"]`))?.boundingBox();
    if (!box) throw new Error(`module ${lower.id} not on screen`);
    const line = box.height / lower.height;
    const from = { x: box.x + box.width / 2, y: box.y + line / 2 };
    const to = { x: from.x, y: from.y - (lower.line - upper.line) * line };
    const before = await shownVersion();
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, (from.y + to.y) / 2, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    const t0 = performance.now();
    await page.mouse.up();
    await page.waitForFunction(
      (v) => Number(document.documentElement.dataset.shownVersion) > v,
      { polling: "raf", timeout: 60_000 },
      before,
    );
    const totalMs = performance.now() - t0;
    const state = preview.state();
    const browserMs = Number(await page.evaluate(() => document.documentElement.dataset.browserMs));
    const row = {
      edit: `swap ${lower.id} with ${upper.id} (page ${PAGE})`,
      pagesChanged: state.changes?.pages ?? ("all" as const),
      totalMs: Math.round(totalMs),
      checkMs: checks.at(-1) ?? Number.NaN,
      rebuildMs: state.buildMs ?? Number.NaN,
      stageMs: state.stageMs ?? {},
      browserMs,
    };
    rows.push(row);
    const stages = Object.entries(row.stageMs)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    console.log(
      `edit ${i + 1}: ${row.totalMs} ms  (check ${row.checkMs} ms; rebuild ${row.rebuildMs} ms: ${stages}; browser ${browserMs} ms; pages changed ${JSON.stringify(row.pagesChanged)})`,
    );
    await preview.idle();
  }
  const onePage = rows.filter((r) => Array.isArray(r.pagesChanged) && r.pagesChanged.length === 1);
  const of = (pick: (r: (typeof rows)[number]) => number) => Math.round(median(onePage.map(pick)));
  const summary = {
    medianMs: of((r) => r.totalMs),
    checkMs: of((r) => r.checkMs),
    rebuildMs: of((r) => r.rebuildMs),
    measureMs: of((r) => r.stageMs.measure ?? 0),
    browserMs: of((r) => r.browserMs),
    /** What is left when the rebuild measures nothing (the incremental rebuild's aim). */
    withoutMeasureMs: of((r) => r.totalMs - (r.stageMs.measure ?? 0)),
  };
  console.log(
    `median of ${onePage.length} one-page edits: ${summary.medianMs} ms from mouse-up to the re-made page shown ` +
      `(check ${summary.checkMs} ms, rebuild ${summary.rebuildMs} ms of which measure ${summary.measureMs} ms, ` +
      `browser ${summary.browserMs} ms; without measuring: ${summary.withoutMeasureMs} ms; target ≤ 500 ms)`,
  );
  mkdirSync(join(root, "bench"), { recursive: true });
  const result = {
    date: new Date().toISOString(),
    issue: basename(issue),
    pages,
    machine: { cpus: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) },
    ...summary,
    edits: rows,
  };
  writeFileSync(join(root, "bench", "edit.json"), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await preview?.close();
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
