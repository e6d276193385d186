import type { Browser } from "puppeteer-core";
import { openSession } from "../browser/session";
import { inspectIssue } from "../inspect/inspect";
import type { Issue } from "../load";
import { type RenderTimings, renderPdf } from "../render/render";
import type { Mount } from "../server/server";
import { type Composition, composeIssue, imageCacheDir, issueMounts } from "./compose";
import { type Progress, silentProgress } from "./progress";

export { LayoutError } from "./compose";

// The PDF build: load → (launch Chromium meanwhile) → compose the pages → Paged.js → PDF.

export interface BuildOptions {
  outDir: string;
  /** A running browser, or one still starting, to use instead of launching one. */
  browser?: Browser | Promise<Browser>;
  chromium?: string;
  strict?: boolean;
  progress?: Progress;
}

export interface BuildResult extends Composition {
  issue: Issue;
  pdf: Uint8Array;
  /** What the page loaded from the server, for a self-contained HTML copy. */
  assets: { served: Set<string>; mounts: Mount[]; formatCss: string };
  timings: Record<string, number>;
}

export async function buildIssue(target: string, opts: BuildOptions): Promise<BuildResult> {
  const progress = opts.progress ?? silentProgress;
  const timings: Record<string, number> = {};
  const time = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    progress.stage(name);
    const t = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - t);
    }
  };

  // Every input problem is found before any stage runs (and before waiting for the browser).
  const issue = await time("load", () => inspectIssue(target));
  const cacheDir = imageCacheDir(opts.outDir);
  const sessionPromise = Promise.resolve(opts.browser).then((browser) =>
    openSession(issueMounts(issue, cacheDir), { browser, executablePath: opts.chromium }),
  );
  sessionPromise.catch(() => undefined);
  try {
    const session = await time("launch", () => sessionPromise);
    const composed = await composeIssue(issue, session, { cacheDir, strict: opts.strict, time });
    // Printed in the page that measured: its fonts are decoded already.
    const page = await session.workPage();
    const rendered = await time("render", () =>
      renderPdf(session, issue, composed.html, composed.layout.pages.length, page),
    );
    Object.assign(timings, prefixed(rendered.timings));
    const assets = {
      served: new Set(session.server.served),
      mounts: session.server.mounts,
      formatCss: composed.formatCss,
    };
    return { ...composed, issue, pdf: rendered.pdf, assets, timings };
  } finally {
    const session = await sessionPromise.catch(() => undefined);
    await session?.close();
  }
}

function prefixed(t: RenderTimings): Record<string, number> {
  return {
    "render.load": Math.round(t.load),
    "render.paginate": Math.round(t.paginate),
    "render.pdf": Math.round(t.pdf),
  };
}
