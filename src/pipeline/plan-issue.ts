import type { Browser } from "puppeteer-core";
import { openSession } from "../browser/session";
import { resolveConfig } from "../config/resolve";
import { inspectIssue } from "../inspect/inspect";
import type { Issue } from "../load";
import { makeUp, suggestFixes } from "../makeup";
import type { Layout } from "../makeup/types";
import { folderCache } from "../measure/cache";
import { measure } from "../measure/measure";
import { FORMAT_STYLESHEET, issueMounts } from "../typeset/assets";
import { typesetIssue } from "../typeset/model";
import { serveOn } from "./compose";
import { type Flatplan, flatplan } from "./flatplan";
import { makeupInput, probeAspects } from "./stage-inputs";
import { overflowAdvice } from "./suggestions";

// The flatplan without the PDF: load → measure → make-up, and no photos prepared nor pages
// rendered. Material that does not fit is part of the plan (with what would make it fit), not
// an error: the editor balances the issue from it.

export interface PlanResult {
  issue: Issue;
  layout: Layout;
  plan: Flatplan;
  /** Milliseconds per stage: load, launch, measure, makeup (and advice, when it does not fit). */
  timings: Record<string, number>;
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
  const time = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    opts.onStage?.(name);
    const t = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - t);
    }
  };
  const issue = await time("load", () => inspectIssue(target));
  const config = resolveConfig({ outDir: opts.outDir, chromium: opts.chromium }, issue);
  // Measuring needs no prepared photo: the mount for them may stay empty.
  const mounts = issueMounts(issue.dir, config.cache.images);
  const sessionPromise = Promise.resolve(opts.browser).then((browser) =>
    openSession(mounts, { browser, executablePath: config.browser.executablePath }),
  );
  sessionPromise.catch(() => undefined);
  try {
    const session = await time("launch", () => sessionPromise);
    const aspects = await probeAspects(issue);
    const model = typesetIssue(issue);
    const serve = serveOn(session);
    serve(FORMAT_STYLESHEET, model.formatCss, "text/css; charset=utf-8");
    const page = await session.workPage();
    const cache = folderCache(config.cache.measure);
    const measurements = await time("measure", () => measure({ model, page, serve, aspects, cache }));
    await cache.save();
    const input = makeupInput(model, measurements);
    const result = await time("makeup", () => makeUp(input));
    const advice = result.ok ? [] : await time("advice", () => overflowAdvice(suggestFixes(input, result), model));
    const plan = flatplan(result.layout, model, result.ok ? [] : result.unplaced, advice);
    return { issue, layout: result.layout, plan, timings };
  } finally {
    const session = await sessionPromise.catch(() => undefined);
    await session?.close();
  }
}
