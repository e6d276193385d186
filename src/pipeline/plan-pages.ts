import type { Browser } from "puppeteer-core";
import { openSession, type Session } from "../browser/session";
import { DEFAULTS } from "../config/defaults";
import type { ResolvedConfig } from "../config/resolve";
import type { Issue } from "../load";
import { makeUp, PageMemo } from "../makeup";
import type { MakeupInput, MakeupResult } from "../makeup/types";
import type { MeasureCache } from "../measure/cache";
import { type MeasureResult, measure } from "../measure/measure";
import { FORMAT_STYLESHEET, issueMounts } from "../typeset/assets";
import { type TypesetModel, typesetIssue } from "../typeset/model";
import { aspectsOf, makeupInput, probePhotos } from "./stage-inputs";
import { type Timer, untimed } from "./stage-timer";

// The pages planned: typeset → probe photos → measure → make-up, no photo prepared and nothing
// rendered. The build and the preview go on from here (compose.ts); `newsprint plan` stops here,
// and so loads none of the rendering code.

/** A document served by the session's loopback server; returns its URL. */
export function serveOn(session: Session) {
  return (path: string, body: string, type?: string): string => {
    session.server.setDocument(path, body, type);
    return `${session.server.url}${path}`;
  };
}

/** A session on the issue's files and the prepared photos, opening as soon as the browser is
 *  there (`lazy`: Chromium launched when a page is first needed); a failure surfaces where it
 *  is awaited. */
export function openIssueSession(
  issue: Issue,
  config: ResolvedConfig,
  browser?: Browser | Promise<Browser>,
  lazy = false,
): Promise<Session> {
  const opening = Promise.resolve(browser).then((b) =>
    openSession(issueMounts(issue.dir, config.cache.images), {
      browser: b,
      lazy,
      ...config.browser,
      versionNote: config.cache.browser,
    }),
  );
  opening.catch(() => undefined);
  return opening;
}

/** The issue typeset, measured and made up: the make-up's input and what it made of it. */
export interface MadeUpPages {
  model: TypesetModel;
  measurements: MeasureResult;
  input: MakeupInput;
  result: MakeupResult;
  /** The page make-ups done, for the search of what would make the issue fit. */
  memo: PageMemo;
}

/** Typeset, measure and make up: the pages planned, before any photo is prepared. */
export async function planPages(
  issue: Issue,
  session: Session,
  opts: { measureCache?: MeasureCache; makeupMemo?: PageMemo; time?: Timer; minPpi?: number },
): Promise<MadeUpPages> {
  const time = opts.time ?? untimed;
  const sizes = await time("probe", () => probePhotos(issue));
  const aspects = aspectsOf(sizes);
  const model = typesetIssue(issue);
  const serve = serveOn(session);
  serve(FORMAT_STYLESHEET, model.formatCss, "text/css; charset=utf-8");
  const measurements = await time("measure", async () =>
    measure({
      model,
      page: () => session.workPage(),
      browserVersion: () => session.browserVersion(),
      serve,
      aspects,
      cache: opts.measureCache,
    }),
  );
  const input = makeupInput(model, measurements, { sizes, minPpi: opts.minPpi ?? DEFAULTS.minPpi });
  const memo = opts.makeupMemo ?? new PageMemo();
  const result = await time("makeup", () => makeUp(input, memo));
  return { model, measurements, input, result, memo };
}
