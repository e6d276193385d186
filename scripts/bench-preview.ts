// Update latency of `newsprint preview`: from saving a one-article change (a headline) of an issue
// to the new headline standing in the paginated pages in the browser. Starts the preview on a temp
// copy of the issue, opens it in headless Chromium, edits several times, prints every edit and the
// median, split into the server's rebuild and the browser's part (load + Paged.js + swap).
// Not a test: figures vary with the machine.
//
//   node --import tsx scripts/bench-preview.ts [issue-dir...] [--edits n]
//
// Without an issue it takes issues/dongchangfu, or when that does not build, the largest sample
// that does.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { launchBrowser } from "../src/browser/browser";
import { resolveConfig } from "../src/config/resolve";
import { type Preview, startPreview } from "../src/preview/preview";

const root = join(import.meta.dirname, "..");
const args = process.argv.slice(2);
const editsAt = args.indexOf("--edits");
const EDITS = editsAt >= 0 ? Number(args[editsAt + 1]) : 7;
const named = args.filter((a, i) => !a.startsWith("--") && (editsAt < 0 || i !== editsAt + 1));
const candidates = named.length
  ? named
  : ["issues/dongchangfu", "issues/overflow", "issues/broadsheet"].map((p) => join(root, p));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const browser = await launchBrowser(resolveConfig().browser);
const work = mkdtempSync(join(tmpdir(), "newsprint-bench-preview-"));
let preview: Preview | undefined;
let dir = "";
try {
  for (const candidate of candidates) {
    dir = join(work, basename(candidate));
    cpSync(candidate, dir, { recursive: true });
    const started = performance.now();
    preview = await startPreview({ target: dir, port: 0, outDir: join(work, "out"), browser });
    await preview.idle();
    const state = preview.state();
    if (state.status === "ready") {
      console.log(
        `issue ${basename(candidate)}: ${state.pages} pages, first build ${Math.round(performance.now() - started)} ms`,
      );
      break;
    }
    console.log(`issue ${basename(candidate)} does not build (${state.error?.title}); trying the next`);
    await preview.close();
    preview = undefined;
  }
  if (!preview) throw new Error("no sample issue builds");

  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  await page.goto(`${preview.url}/`);
  // The preview's measuring page lives in this same browser and opened last; an editor's tab in
  // the background gets no animation frames, and Paged.js waits for them.
  await page.bringToFront();
  const shown = (v: number) =>
    page.waitForFunction((n) => Number(document.documentElement.dataset.shownVersion) >= n, { timeout: 60_000 }, v);
  await shown(preview.state().version);

  const file = join(dir, "issue.json");
  const original = readFileSync(file, "utf8");
  const articles = (JSON.parse(original) as { pages: { articles: { headline?: string }[] }[] }).pages
    .flatMap((p, pi) => p.articles.map((a, ai) => ({ pi, ai, headline: a.headline })))
    .filter((a) => a.headline);
  const rows: { total: number; server: number; browser: number }[] = [];
  for (let i = 0; i < EDITS; i++) {
    const target = articles[i % articles.length];
    if (!target) break;
    const data = JSON.parse(original);
    // One article changes: a short, unique tag on its headline.
    const tag = `第${"一二三四五六七八九十"[i % 10]}${"甲乙丙丁戊"[Math.floor(i / 10) % 5]}稿`;
    data.pages[target.pi].articles[target.ai].headline = `${target.headline}${tag}`;
    const before = preview.state().version;
    const t0 = performance.now();
    writeFileSync(file, JSON.stringify(data, null, 2));
    await page.waitForFunction(
      (t) => {
        const frame = document.querySelector<HTMLIFrameElement>("iframe:not(.npv-loading)");
        const text = frame?.contentDocument?.querySelector(".pagedjs_pages")?.textContent ?? "";
        return text.replace(/\u2060/g, "").includes(t);
      },
      { timeout: 60_000, polling: 10 },
      tag,
    );
    const total = performance.now() - t0;
    const state = preview.state();
    if (state.version !== before + 1) console.warn(`  (edit ${i + 1} took ${state.version - before} rebuilds)`);
    const browserMs = Number(await page.evaluate(() => document.documentElement.dataset.browserMs));
    rows.push({ total, server: state.buildMs ?? Number.NaN, browser: browserMs });
    const stages = Object.entries(state.stageMs ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    console.log(
      `edit ${i + 1}: ${Math.round(total)} ms  (server rebuild ${state.buildMs} ms: ${stages}; browser ${browserMs} ms)`,
    );
    await preview.idle();
  }
  writeFileSync(file, original);
  console.log(
    `median of ${rows.length}: ${Math.round(median(rows.map((r) => r.total)))} ms  (server ${Math.round(
      median(rows.map((r) => r.server)),
    )} ms, browser ${Math.round(median(rows.map((r) => r.browser)))} ms; target ≤ 300 ms)`,
  );
} finally {
  await preview?.close();
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
