import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { resolveConfig } from "../../src/config/resolve";
import type { RuleBreak } from "../../src/makeup/types";
import type { FailedLayout } from "../../src/pipeline/compose";
import type { Flatplan } from "../../src/pipeline/flatplan";
import { planIssue } from "../../src/pipeline/plan-issue";
import type { AdviceEdit } from "../../src/pipeline/suggestions";
import type { LayoutReport } from "../../src/pipeline/summary";
import { generateIssue } from "../generator/issue-generator";
import type { Lang } from "../generator/story-bank";
import { applyAdvice } from "../helpers/apply-advice";

// The whole pipeline on copy nobody tuned newsprint to: random issues from the corpus (random
// stories, sections, priorities, page counts, booked ads, pins, photos of random pixel sizes).
// What must hold for every seed: nothing lost (every body line placed, or reported unplaced),
// exit 0 or 3 only, advice on exit 3, and that advice — printed, written into issue.json as it
// says — builds. The editorial rules are the make-up's best effort on copy nobody tuned: their
// breaks (page-fill: a page other than its section's last 3% empty or more) are counted per seed
// in a report file under the OS temp folder and printed, and only their upper bound is asserted.
// Most issues are planned in-process with one browser (the plan is the build's make-up); some
// are built through the CLI, layout.json and exit codes included. NEWSPRINT_SEEDS=a-b runs only
// those seeds.

const run = promisify(execFile);
const CLI = join(import.meta.dirname, "..", "..", "bin", "newsprint.js");
/** Most seeds in Simplified Chinese, some in Traditional and in English. */
const langOf = (seed: number): Lang => (seed % 7 === 3 ? "zh-Hant" : seed % 8 === 5 ? "en" : "zh-Hans");
/** Seeds built through the CLI (a PDF each): the others are planned in-process. */
const CLI_SEEDS = new Set([2, 11, 23, 37, 48]);
const MAX_EMPTY = 0.03;
/** Seeds that may break some editorial rule, of the 52: the last full run broke rules in 33
 *  (lead-largest 21 pages — mostly a section's lead with little text and a photo too small to
 *  enlarge beside a picture story grown to fill: a full page weighs more than the rule —
 *  page-fill 17, short-leg 16, tall-head 7, lead-top 5, jump-stub 1); the bound keeps that from
 *  getting worse, not a claim that the rules hold on random copy. */
const MAX_SEEDS_BREAKING_RULES = 34;
const REPORT = join(tmpdir(), "newsprint-random-issues-report.json");

function seeds(): number[] {
  const [from, to] = (process.env.NEWSPRINT_SEEDS ?? "1-52").split("-").map(Number);
  return Array.from({ length: (to ?? from ?? 1) - (from ?? 1) + 1 }, (_, i) => (from ?? 1) + i);
}

interface SeedReport {
  seed: number;
  outcome: "built" | "advised" | "over";
  /** Per page: its section, its empty share, the rules it breaks. */
  pages: { page: number; section?: string; emptyShare: number; rules: string[] }[];
}
const tally = {
  built: 0,
  advised: 0,
  over: 0,
  rules: new Map<string, number>(),
  failed: [] as string[],
  seeds: [] as SeedReport[],
};

type PageFill = { page: number; section?: string; emptyShare: number; rules: RuleBreak[] };

/** The seed's rule breaks counted and recorded, page-fill checked as the rule states it: every
 *  page but each section's last under 3% empty (the shortage belongs on the section's last page). */
function record(seed: number, outcome: SeedReport["outcome"], pages: PageFill[]): void {
  const report: SeedReport = { seed, outcome, pages: [] };
  for (const [i, p] of pages.entries()) {
    const lastOfSection = !pages.slice(i + 1).some((q) => q.section === p.section);
    const rules = p.rules.map((b) => `${b.rule} ${b.article ?? ""} ${b.measure}/${b.limit}`.replace("  ", " "));
    const reported = p.rules.some((b) => b.rule === "page-fill");
    if (!lastOfSection && p.emptyShare >= MAX_EMPTY && !reported) rules.push(`page-fill ${p.emptyShare.toFixed(3)}`);
    for (const r of rules) {
      const rule = r.split(" ")[0] as string;
      tally.rules.set(rule, (tally.rules.get(rule) ?? 0) + 1);
    }
    report.pages.push({ page: p.page, ...(p.section ? { section: p.section } : {}), emptyShare: p.emptyShare, rules });
  }
  tally.seeds.push(report);
}

const planPages = (plan: Flatplan): PageFill[] =>
  plan.pages.map((p) => ({
    page: p.page,
    ...(p.section !== undefined ? { section: p.section } : {}),
    emptyShare: 1 - p.fill,
    rules: p.rules,
  }));

/** Nothing lost: a plan that is not ok reports what it could not place or the strict rule broken. */
function expectNothingLost(plan: { ok: boolean; unplaced: unknown[]; strict: unknown[] }, seed: number): void {
  if (!plan.ok) expect(plan.unplaced.length + plan.strict.length, `seed ${seed}: what was lost`).toBeGreaterThan(0);
  else expect(plan.unplaced, `seed ${seed}: unplaced`).toEqual([]);
}

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser(resolveConfig().browser);
  dir = mkdtempSync(join(tmpdir(), "newsprint-random-"));
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  const rules = [...tally.rules].map(([rule, n]) => `${rule} ${n}`).join(", ") || "none";
  const breaking = tally.seeds.filter((s) => s.pages.some((p) => p.rules.length > 0)).length;
  writeFileSync(REPORT, JSON.stringify({ ...tally, rules: Object.fromEntries(tally.rules) }, null, 1));
  console.log(
    `random issues: ${tally.built} built, ${tally.advised} advised (the advice applied builds), ` +
      `${tally.over} with more copy than room (no edit fits), ${tally.failed.length} failed${tally.failed.length ? ` (${tally.failed.join(", ")})` : ""}; ` +
      `${breaking} seeds break some rule; rules broken: ${rules}; per seed in ${REPORT}`,
  );
});

/** The issue planned in-process: its plan, and on exit 3 the advice applied and planned again. */
async function planned(seed: number, folder: string): Promise<void> {
  const out = join(folder, "out");
  const { plan } = await planIssue(folder, { browser, outDir: out });
  expectNothingLost(plan, seed);
  if (plan.ok) {
    record(seed, "built", planPages(plan));
    tally.built++;
    return;
  }
  const combination = plan.fixes?.combinations[0];
  if (combination === undefined) {
    // No edit makes it fit only when there is more copy than room: then the advice is to take
    // stories out or add pages, which the plan says.
    const left = plan.unplaced.reduce((n, u) => n + u.lines, 0);
    const room = plan.pages.reduce((n, p) => n + p.emptyLines, 0);
    expect(left, `seed ${seed}: no advice for ${plan.unplaced.map((u) => u.articleId).join(", ")}`).toBeGreaterThan(
      room,
    );
    expect(plan.advice.join("\n")).toMatch(/take stories out, shorten them, or add pages/);
    record(seed, "over", planPages(plan));
    tally.over++;
    return;
  }
  // The advice is printed as it is applied: each edit's line is in what the plan prints.
  for (const edit of combination ?? []) expect(plan.advice.join("\n")).toContain(edit.text);
  await applied(folder, combination ?? []);
  const again = await planIssue(folder, { browser, outDir: out });
  expectNothingLost(again.plan, seed);
  expect(again.plan.ok, `seed ${seed}: the advice applied (${plan.advice.join(" / ")})`).toBe(true);
  record(seed, "advised", planPages(again.plan));
  tally.advised++;
}

/** The issue built by the CLI: exit 0 with layout.json, or exit 3 with layout.json's advice,
 *  which applied builds with exit 0. */
async function built(seed: number, folder: string): Promise<void> {
  const out = join(folder, "out");
  const build = () =>
    run("node", [CLI, "build", folder, "-o", out, "-q"], { encoding: "utf8" }).then(
      () => 0,
      (err: { code?: number }) => err.code ?? 1,
    );
  const layoutFile = join(out, "random", "layout.json");
  const code = await build();
  expect([0, 3], `seed ${seed}: exit code`).toContain(code);
  if (code === 0) {
    const layout = JSON.parse(readFileSync(layoutFile, "utf8")) as LayoutReport;
    record(seed, "built", layoutPages(layout, folder));
    tally.built++;
    return;
  }
  const failed = JSON.parse(readFileSync(layoutFile, "utf8")) as FailedLayout;
  expect(failed.unplaced.length + failed.strict.length, `seed ${seed}: what was lost`).toBeGreaterThan(0);
  const combination = failed.advice.combinations[0];
  if (combination === undefined) {
    // As in planned(): no edit fits only when there is more copy than room.
    const left = failed.unplaced.reduce((n, u) => n + u.lines, 0);
    const cells = failed.grid.columns * failed.grid.rows;
    const room = failed.pages.reduce((n, p) => n + p.emptyShare * cells, 0);
    expect(left, `seed ${seed}: no advice in layout.json`).toBeGreaterThan(room);
    record(seed, "over", layoutPages(failed, folder));
    tally.over++;
    return;
  }
  await applied(folder, combination ?? []);
  expect(await build(), `seed ${seed}: the advice applied builds`).toBe(0);
  const layout = JSON.parse(readFileSync(layoutFile, "utf8")) as LayoutReport;
  record(seed, "advised", layoutPages(layout, folder));
  tally.advised++;
}

/** layout.json's pages with their sections from issue.json. */
function layoutPages(layout: LayoutReport, folder: string): PageFill[] {
  const issue = JSON.parse(readFileSync(join(folder, "issue.json"), "utf8")) as { pages: { section?: string }[] };
  return layout.pages.map((p) => {
    const section = issue.pages[p.page - 1]?.section;
    return { page: p.page, ...(section !== undefined ? { section } : {}), emptyShare: p.emptyShare, rules: p.rules };
  });
}

async function applied(folder: string, combination: AdviceEdit[]): Promise<void> {
  const file = join(folder, "issue.json");
  const issue = JSON.parse(readFileSync(file, "utf8"));
  applyAdvice(
    issue,
    combination.map((e) => e.edit),
  );
  writeFileSync(file, JSON.stringify(issue, null, 2));
}

describe("random issues from the corpus", () => {
  for (const seed of seeds()) {
    const lang = langOf(seed);
    it(`seed ${seed} (${lang})`, async () => {
      // The issue's folder is named so that its output is out/random/.
      const folder = join(dir, `${seed}`, "random");
      await generateIssue(seed, folder, { lang, headBreaks: true, reporterPunctuation: true });
      try {
        await (CLI_SEEDS.has(seed) ? built(seed, folder) : planned(seed, folder));
      } catch (err) {
        tally.failed.push(String(seed));
        throw err;
      }
    }, 240_000);
  }
  it("breaks the editorial rules in at most a bounded number of seeds", () => {
    const breaking = tally.seeds.filter((s) => s.pages.some((p) => p.rules.length > 0));
    const bound = Math.ceil((MAX_SEEDS_BREAKING_RULES * tally.seeds.length) / 52);
    expect(breaking.length, breaking.map((s) => s.seed).join(", ")).toBeLessThanOrEqual(bound);
  });
});
