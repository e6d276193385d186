import type { Browser } from "puppeteer-core";
import { forIssue, resolveConfig } from "../config/resolve";
import { renderDiagnostic } from "../diagnostics";
import { inspectIssue } from "../inspect/inspect";
import { type Issue, replacedPageNumbers } from "../load";
import type { Layout } from "../makeup/types";
import { folderCache } from "../measure/cache";
import { crossingJumps, editionIssue } from "./editions";
import { type Flatplan, flatplan } from "./flatplan";
import { openIssueSession, planPages } from "./plan-pages";
import { stageTimer } from "./stage-timer";
import { advise, overflowAdvice } from "./suggestions";
import { strictBreaks } from "./summary";

// The flatplan without the PDF: load → measure → make-up, and no photos prepared nor pages
// rendered. Material that does not fit is part of the plan (with what would make it fit), not
// an error: the editor balances the issue from it.

export interface PlanResult {
  issue: Issue;
  layout: Layout;
  plan: Flatplan;
  /** Milliseconds per stage: load, session, measure (Chromium's launch included when it had to
   *  measure), makeup, advice when it does not fit; `measured`: articles whose heads and captions
   *  were set (not from the cache); `inBrowser`: boxes Chromium measured (0: it was not started). */
  timings: Record<string, number>;
  /** Each zoned edition's own pages, planned as the build makes them up. */
  editions: EditionPlan[];
}

export interface EditionPlan {
  id: string;
  name: string;
  replaced: number[];
  /** The flatplan of the pages it replaces only. */
  plan: Flatplan;
  /** Jumps between a page it replaces and one it shares: the build refuses them. */
  problems: string[];
}

export interface PlanOptions {
  browser?: Browser | Promise<Browser>;
  chromium?: string;
  /** The build's output folder, whose measurements the plan shares. */
  outDir?: string;
  onStage?: (stage: string) => void;
}

export async function planIssue(target: string, opts: PlanOptions = {}): Promise<PlanResult> {
  const timings: Record<string, number> = {};
  const time = stageTimer(timings, opts.onStage);
  const command = resolveConfig({ outDir: opts.outDir, chromium: opts.chromium });
  const issue = await time("load", () => inspectIssue(target, command.images));
  const config = forIssue(command, issue);
  // Without a browser handed in, Chromium starts only if something must be measured.
  const sessionPromise = openIssueSession(issue, config, opts.browser, opts.browser === undefined);
  try {
    const session = await time("session", () => sessionPromise);
    // The build's measurements serve the plan, and the plan's the build.
    const measureCache = folderCache(config.cache.measure);
    const { model, measurements, input, result, memo } = await planPages(issue, session, {
      measureCache,
      time,
      minPpi: config.images.minPpi,
    });
    timings.measured = measurements.measured;
    timings.inBrowser = measurements.inBrowser;
    const editions: EditionPlan[] = [];
    for (const edition of issue.data.editions) {
      const replaced = replacedPageNumbers(edition);
      const planned = await planPages(editionIssue(issue, edition), session, {
        measureCache,
        makeupMemo: memo,
        minPpi: config.images.minPpi,
      });
      const whole = flatplan(planned.result.layout, planned.model, planned.result.ok ? [] : planned.result.unplaced);
      const own = { ...whole, pages: whole.pages.filter((p) => replaced.includes(p.page)) };
      const crossing = crossingJumps(edition, replaced, [...result.layout.jumps, ...planned.result.layout.jumps]);
      editions.push({
        id: edition.id,
        name: edition.name,
        replaced,
        plan: own,
        problems: crossing.map((d) => d.message),
      });
    }
    await measureCache.save();
    await session.saveNotes();
    const strict = strictBreaks(result.layout, input.rules);
    const fits = result.ok && strict.length === 0;
    const report = fits ? undefined : await time("advice", () => advise(input, result, model, memo));
    const unplaced = result.ok ? [] : result.unplaced;
    // The plan's advice is the text the build prints, a line each.
    const advice = report ? overflowAdvice(report).flatMap((d) => renderDiagnostic(d).split("\n")) : [];
    const plan = flatplan(result.layout, model, unplaced, advice, report, strict);
    return { issue, layout: result.layout, plan, timings, editions };
  } finally {
    const session = await sessionPromise.catch(() => undefined);
    await session?.close();
  }
}
