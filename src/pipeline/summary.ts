import { type Diagnostic, renderDiagnostic, warning } from "../diagnostics";
import { toIssueRect } from "../grid";
import type { Layout, MakeupRules, PageLayout, RuleBreak } from "../makeup/types";
import type { TypesetModel } from "../typeset/model";

// What the build reports about the make-up: a line per page for the terminal, and layout.json,
// which lists every module in the issue format's own units so that tools and tests can read the
// make-up back (and an edited issue.json can pin it), the story pool's plan, and each page's
// warnings as diagnostics (page, article, message).

const share = (p: PageLayout) => (p.totalCells ? p.emptyCells / p.totalCells : 0);

/** A cut as the editor wrote it: the article and the body item's JSON path and opening words. */
export function cutLines(layout: Layout, model: TypesetModel): string[] {
  return layout.cuts.flatMap((cut) => {
    const typeset = model.articles.get(cut.articleId);
    return cut.paragraphs.map((p) => {
      const paragraph = typeset?.paragraphs[p];
      const source = paragraph?.source;
      const text = paragraph?.runs.map((r) => r.text).join("") ?? "";
      const where = source === undefined ? `paragraph ${p + 1}` : `body[${source}]`;
      return `page ${cut.page}: cut ${cut.articleId} ${where}: ${text.replace(/\u2060/g, "").slice(0, 14)}…`;
    });
  });
}

const percent = (share: number) => `${(100 * share).toFixed(1)}%`;

/** A rule a page breaks: what, how far, and the rule's limit. */
export function ruleDiagnostic(page: number, b: RuleBreak): Diagnostic {
  const what = (() => {
    switch (b.rule) {
      case "jump-stub":
        return `${b.article} sets ${b.measure} lines before it jumps (at least ${b.limit})`;
      case "lead-top":
        return `the lead ${b.article} starts on line ${b.measure} under another story (the top is line ${b.limit})`;
      case "lead-largest":
        return `the lead ${b.article} takes ${b.measure} cells, another story ${b.limit}`;
      case "short-leg":
        return `${b.article} has a leg of ${b.measure} line${b.measure === 1 ? "" : "s"} (at least ${b.limit})`;
      case "tall-head":
        return `${b.article}'s headline is set in ${b.measure} lines where a wider module would take at most ${b.limit}`;
      case "photo-resolution":
        return `a photo of ${b.article} prints at ${b.measure} ppi where a narrower one would reach ${b.limit}`;
      case "page-fill":
        return `${percent(b.measure)} of the page is empty (it must be under ${percent(b.limit)} on a page before its section's last)`;
    }
  })();
  return warning(`rule ${b.rule}: ${what}`, { page, code: b.rule, ...(b.article ? { articleId: b.article } : {}) });
}

/** A rule a page breaks, for people, on one line. */
export const ruleText = (page: number, b: RuleBreak): string => renderDiagnostic(ruleDiagnostic(page, b));

/** One line per rule broken, page by page. */
export function ruleLines(layout: Layout): string[] {
  return layout.pages.flatMap((p) => p.rules.map((b) => ruleText(p.number, b)));
}

/** The rules broken that the house style makes strict: the build fails on them. */
export function strictBreaks(layout: Layout, rules: MakeupRules | undefined): { page: number; broken: RuleBreak }[] {
  const strict = new Set(rules?.strict ?? []);
  return layout.pages.flatMap((p) =>
    p.rules.filter((b) => strict.has(b.rule)).map((broken) => ({ page: p.number, broken })),
  );
}

export function layoutSummary(layout: Layout): string[] {
  return layout.pages.map((p) => {
    const out = layout.jumps.filter((j) => j.fromPage === p.number).map((j) => `${j.articleId} → p${j.toPage}`);
    const parts = [
      `page ${p.number}: ${p.modules.length} modules${p.boxes.length ? ` and ${p.boxes.length} ad${p.boxes.length > 1 ? "s" : ""}` : ""}, ${(100 * share(p)).toFixed(1)}% of the type area empty`,
    ];
    const pooled = layout.plan?.pages.find((planned) => planned.number === p.number)?.stories.length ?? 0;
    if (pooled) parts.push(`${pooled} ${pooled > 1 ? "stories" : "story"} from the pool`);
    if (out.length) parts.push(`jumps ${out.join(", ")}`);
    const cuts = layout.cuts.filter((c) => c.page === p.number).reduce((n, c) => n + c.paragraphs.length, 0);
    if (cuts) parts.push(`${cuts} paragraph${cuts > 1 ? "s" : ""} cut`);
    if (p.fillers.length) parts.push(`fillers ${p.fillers.join(", ")}`);
    if (p.tombstones.length) parts.push(`${p.tombstones.length} tombstone${p.tombstones.length > 1 ? "s" : ""}`);
    if (p.rules.length) parts.push(`${p.rules.length} rule${p.rules.length > 1 ? "s" : ""} broken`);
    if (p.warnings.length) parts.push(p.warnings.map(renderDiagnostic).join("; "));
    return parts.join(", ");
  });
}

/** layout.json, as the build writes it and the preview serves it to its editor. */
export type LayoutReport = ReturnType<typeof layoutReport>;

/** layout.json: every module and ad with its grid rectangle (1-based, as in the issue format). */
export function layoutReport(layout: Layout, model?: TypesetModel) {
  return {
    grid: layout.grid,
    pages: layout.pages.map((p) => ({
      page: p.number,
      emptyShare: share(p),
      jumpsOut: layout.jumps.filter((j) => j.fromPage === p.number).length,
      cutParagraphs: layout.cuts.filter((c) => c.page === p.number).reduce((n, c) => n + c.paragraphs.length, 0),
      fillers: p.fillers,
      tombstones: p.tombstones,
      // The editorial rules the page breaks, each with its measure and the rule's limit.
      rules: p.rules,
      warnings: p.warnings,
      modules: [
        ...p.boxes.map((b) => ({ ad: b.id, placed: "booked" as const, ...toIssueRect(b) })),
        ...p.modules.map((m) => ({
          article: m.articleId,
          placed: m.origin === "auto" ? ("make-up" as const) : m.origin,
          ...toIssueRect(m),
          headLines: m.headRows,
          linesUsed: m.columns.reduce((n, c) => n + c.end - c.start, 0),
          linesAvailable: m.columns.reduce((n, c) => n + c.rows, 0),
          continuedFrom: m.continuedFrom,
          continuesOn: m.continuesOn,
        })),
      ],
    })),
    jumps: layout.jumps,
    cuts: layout.cuts.map((c) => (model ? { ...c, report: cutLines({ ...layout, cuts: [c] }, model) } : c)),
    fillers: { used: layout.pages.flatMap((p) => p.fillers), unused: layout.unusedFillers },
    // The story pool's plan: the room each page had, the stories it took, and why each story is
    // where it is (or moved on, or jumped).
    ...(layout.plan
      ? {
          plan: {
            pages: layout.plan.pages.map((p) => ({
              page: p.number,
              section: p.section,
              room: p.room,
              stories: p.stories,
            })),
            steps: layout.plan.steps,
            trials: layout.plan.trials,
          },
        }
      : {}),
  };
}

/** The front page's index (导读) names a section's pool lead before the make-up places it, on the
 *  section's first page: a warning where it landed elsewhere. */
export function indexWarnings(model: TypesetModel, layout: Layout): Diagnostic[] {
  const pool = model.issue.data.articles;
  return model.masthead.index.flatMap((entry) => {
    const story = pool.find((a) => a.headline === entry.headline);
    if (story === undefined) return [];
    const starts = layout.pages.find((p) =>
      p.modules.some((m) => m.articleId === story.id && m.continuedFrom === undefined),
    )?.number;
    if (starts === entry.number) return [];
    const where = starts === undefined ? "on no page" : `on page ${starts}`;
    const said = `the index (导读) gives page ${entry.number} for ${story.id}, which the make-up put ${where}`;
    return [warning(said, { articleId: story.id })];
  });
}
