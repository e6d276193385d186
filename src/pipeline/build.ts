import type { Browser } from "puppeteer-core";
import { forIssue, resolveConfig } from "../config/resolve";
import { inspectIssue } from "../inspect/inspect";
import type { Issue } from "../load";
import { PageMemo } from "../makeup";
import { folderCache } from "../measure/cache";
import { folderPageCache } from "../render/page-cache";
import { printIssue, type RenderTimings } from "../render/render";
import type { Mount } from "../server/server";
import { type Composition, composeIssue, openIssueSession, serveOn } from "./compose";
import { buildEditions, type EditionBuild } from "./editions";
import { stageTimer } from "./stage-timer";

export { LayoutError } from "./compose";

// The PDF build: load → (launch Chromium meanwhile) → compose the pages → Paged.js → PDF.

export interface BuildOptions {
  outDir: string;
  /** A running browser, or one still starting, to use instead of launching one. */
  browser?: Browser | Promise<Browser>;
  chromium?: string;
  strict?: boolean;
  /** Print every page, none taken from the last proof (the --html copy lists what the browser
   *  loaded, so it needs every page loaded). */
  printAll?: boolean;
  /** Told the name of each stage as it starts (the CLI's progress display). */
  onStage?: (stage: string) => void;
}

export interface BuildResult extends Omit<Composition, "page"> {
  issue: Issue;
  pdf: Uint8Array;
  /** Each page's key (its HTML, the files it shows, what every page shares), in page order: an
   *  unchanged key means an unchanged printed page. */
  pageKeys: string[];
  /** What the page loaded from the server, for a self-contained HTML copy. */
  assets: { served: Set<string>; mounts: Mount[]; formatCss: string };
  timings: Record<string, number>;
  /** The zoned editions, each with only its own pages printed (editions.ts). */
  editions: EditionBuild[];
}

export async function buildIssue(target: string, opts: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const time = stageTimer(timings, opts.onStage);

  // Every input problem is found before any stage runs (and before waiting for the browser).
  const command = resolveConfig({ outDir: opts.outDir, chromium: opts.chromium, strict: opts.strict });
  const issue = await time("load", () => inspectIssue(target, command.images));
  const config = forIssue(command, issue);
  const sessionPromise = openIssueSession(issue, config, opts.browser);
  try {
    const session = await time("launch", () => sessionPromise);
    const measureCache = folderCache(config.cache.measure);
    const pageCache = folderPageCache(config.cache.pages);
    // Shared by the base and its editions: an edition's shared pages are not made up again.
    const makeupMemo = new PageMemo();
    const stages = { cacheDir: config.cache.images, images: config.images, measureCache, makeupMemo };
    const { page, ...composed } = await composeIssue(issue, session, { ...stages, time });
    const rendered = await time("render", () =>
      printIssue(page, {
        model: composed.model,
        html: composed.html,
        ads: composed.ads,
        pages: composed.layout.pages.length,
        serve: serveOn(session),
        pageCache: opts.printAll ? undefined : pageCache,
      }),
    );
    Object.assign(timings, prefixed(rendered.timings), {
      "measure.boxes": composed.measured,
      "measure.compose": composed.composeMs,
      "render.pages": rendered.printed,
    });
    const assets = {
      served: new Set(session.server.served),
      mounts: session.server.mounts,
      formatCss: composed.model.formatCss,
    };
    const editions = await buildEditions(
      issue,
      session,
      { pdf: rendered.pdf, keys: rendered.keys, layout: composed.layout },
      { ...stages, time },
    );
    await measureCache.save();
    await pageCache.save();
    await session.saveNotes();
    return { ...composed, issue, pdf: rendered.pdf, pageKeys: rendered.keys, assets, timings, editions };
  } finally {
    const session = await sessionPromise.catch(() => undefined);
    await session?.close();
  }
}

function prefixed(t: RenderTimings): Record<string, number> {
  return {
    "render.load": Math.round(t.load),
    "render.paginate": Math.round(t.paginate),
    "render.paginate.frame": Math.round(t.frame),
    "render.paginate.settle": Math.round(t.settle),
    "render.pdf": Math.round(t.pdf),
    "render.pdf.finish": Math.round(t.finish),
  };
}
