import stringWidth from "string-width";
import type { Flatplan, FlatplanStory } from "../pipeline/flatplan";
import { ruleText } from "../pipeline/summary";

// The flatplan as a table for the terminal: a row per story (and per ad) of each page, with
// the page's section and fill on its first row; then the editorial rules broken, the pages'
// warnings, what did not fit and what would.

const COLUMNS = ["page", "section", "fill", "story", "lines", "photos", ""] as const;
/** Right-aligned columns. */
const NUMERIC = new Set([0, 2, 4, 5]);

function pad(text: string, width: number, right: boolean): string {
  const gap = " ".repeat(Math.max(0, width - stringWidth(text)));
  return right ? gap + text : text + gap;
}

function note(story: FlatplanStory): string {
  const notes: string[] = [];
  if (story.from !== "page") notes.push(story.from);
  if (story.continuesOn !== undefined) notes.push(`jumps to p${story.continuesOn}`);
  return notes.join(", ");
}

export function planTable(plan: Flatplan): string[] {
  const rows: string[][] = [];
  for (const page of plan.pages) {
    const first = [String(page.page), page.section ?? "", `${(100 * page.fill).toFixed(1)}%`];
    const lines = [
      ...page.stories.map((s) => [
        s.continuedFrom !== undefined ? `${s.article} (from p${s.continuedFrom})` : s.article,
        String(s.lines),
        String(s.photos),
        note(s),
      ]),
      ...page.ads.map((ad) => [`ad ${ad.id}`, "", "", `${ad.span} columns × ${ad.lines} lines`]),
    ];
    if (lines.length === 0) lines.push(["(empty)", "", "", ""]);
    for (const [i, line] of lines.entries()) rows.push([...(i === 0 ? first : ["", "", ""]), ...line]);
  }
  const widths = COLUMNS.map((title, c) => Math.max(stringWidth(title), ...rows.map((r) => stringWidth(r[c] ?? ""))));
  const format = (row: readonly string[]) =>
    row
      .map((cell, c) => pad(cell, widths[c] ?? 0, NUMERIC.has(c)))
      .join("  ")
      .trimEnd();
  const out = [format(COLUMNS), ...rows.map(format)];
  const moved = plan.steps.filter((s) => s.outcome === "moved-on");
  if (moved.length) out.push("", "moved on:", ...moved.map((s) => `  ${s.articleId}: ${s.reason}`));
  const broken = plan.pages.flatMap((p) => p.rules.map((b) => `  ${ruleText(p.page, b)}`));
  if (broken.length) out.push("", "rules broken:", ...broken);
  // What the build would warn of, page by page: a page short of material above all.
  const warned = plan.pages.flatMap((p) => p.warnings.filter((w) => !/: rule /.test(w)).map((w) => `  ${w}`));
  if (warned.length) out.push("", "warnings:", ...warned);
  if (plan.unplaced.length || plan.advice.length) {
    out.push("", "did not fit:");
    for (const u of plan.unplaced) out.push(`  ${u.articleId}: ${u.lines} lines (${u.reason})`);
    for (const s of plan.strict) out.push(`  ${ruleText(s.page, s.broken)} (strict in the house style)`);
    out.push(...plan.advice.map((line) => `  ${line}`));
  }
  return out;
}

/** The line under the table: jumps, full pages, and what the plan cost. */
export function planSummary(plan: Flatplan, timings: Record<string, number>, trials?: number): string {
  const jumps = plan.pages.reduce((n, p) => n + p.stories.filter((s) => s.continuesOn !== undefined).length, 0);
  const full = plan.pages.filter((p) => p.fill > 0.97).length;
  const secs = (ms = 0) => `${(ms / 1000).toFixed(2)} s`;
  const tried = trials !== undefined ? ` (${trials} page make-ups tried for the pool)` : "";
  return [
    `${plan.pages.length} pages, ${full} full (under 3% empty), ${jumps} jump${jumps === 1 ? "" : "s"}`,
    `measured in ${secs(timings.measure)}${measuredHow(timings)}, made up in ${secs(timings.makeup)}${tried}`,
  ].join("; ");
}

/** Where the measurements came from: the cache, Node alone, or Chromium too. */
function measuredHow(timings: Record<string, number | undefined>): string {
  if (!timings.measured && !timings.inBrowser) return " (all from the cache, no browser)";
  return timings.inBrowser ? "" : " (no browser)";
}
