import type { Browser } from "puppeteer-core";
import { openSession, type Session } from "../browser/session";
import type { WorkPage } from "../browser/work-page";
import type { NewsprintConfig } from "../config/resolve";
import { FitError } from "../errors";
import type { ImageWarning, PreparedImage } from "../images";
import type { Issue } from "../load";
import { makeUp, type PageMemo, suggestFixes } from "../makeup";
import type { Layout, MakeupInput, MakeupResult, Unplaced } from "../makeup/types";
import type { MeasureCache } from "../measure/cache";
import { type MeasureResult, measure } from "../measure/measure";
import type { AdArt } from "../render/page-view";
import { renderHtml } from "../render/render";
import { FORMAT_STYLESHEET, issueMounts } from "../typeset/assets";
import type { Measurements } from "../typeset/measurements";
import { type TypesetModel, typesetIssue } from "../typeset/model";
import { prepareAds } from "./ads";
import { makeupInput, prepareLayoutImages, probeAspects } from "./stage-inputs";
import { type Timer, untimed } from "./stage-timer";
import { overflowAdvice } from "./suggestions";
import { indexWarnings } from "./summary";

// From a loaded issue to the HTML of its pages: typeset → probe photos → measure → make-up →
// prepare photos → render the HTML. Shared by the PDF build and the live preview.

export class LayoutError extends FitError {
  override name = "LayoutError";
  /** `advice`: what would make it fit, computed by the make-up (see suggestions.ts). */
  constructor(
    readonly unplaced: Unplaced[],
    readonly advice: string[] = [],
  ) {
    const lost = unplaced.map((u) => `article ${u.articleId}: ${u.lines} lines did not fit (${u.reason})`);
    super([...lost, ...advice].join("\n"));
  }
}

export interface Composition {
  model: TypesetModel;
  /** Boxes measured in the browser (the rest came from the measurement cache). */
  measured: number;
  /** Ad artwork by ad id (PDF artwork is placed into the printed PDF). */
  ads: Map<string, AdArt>;
  measurements: Measurements;
  layout: Layout;
  html: string;
  warnings: string[];
  imageWarnings: ImageWarning[];
  /** The photos as placed: file, pixel size, effective ppi. */
  images: PreparedImage[];
  /** The page that measured: printing in it reuses its decoded fonts. */
  page: WorkPage;
}

/** A document served by the session's loopback server; returns its URL. */
export function serveOn(session: Session) {
  return (path: string, body: string, type?: string): string => {
    session.server.setDocument(path, body, type);
    return `${session.server.url}${path}`;
  };
}

/** A session on the issue's files and the prepared photos, opening as soon as the browser is
 *  there; a failure surfaces where it is awaited. */
export function openIssueSession(
  issue: Issue,
  config: NewsprintConfig,
  browser?: Browser | Promise<Browser>,
): Promise<Session> {
  const opening = Promise.resolve(browser).then((b) =>
    openSession(issueMounts(issue.dir, config.cache.images), {
      browser: b,
      executablePath: config.browser.executablePath,
    }),
  );
  opening.catch(() => undefined);
  return opening;
}

export interface PlannedPages {
  model: TypesetModel;
  page: WorkPage;
  measurements: MeasureResult;
  input: MakeupInput;
  result: MakeupResult;
}

/** Typeset, measure and make up: the pages planned, before any photo is prepared. */
export async function planPages(
  issue: Issue,
  session: Session,
  opts: { measureCache?: MeasureCache; makeupMemo?: PageMemo; time?: Timer },
): Promise<PlannedPages> {
  const time = opts.time ?? untimed;
  const aspects = await time("probe", () => probeAspects(issue));
  const model = typesetIssue(issue);
  const serve = serveOn(session);
  serve(FORMAT_STYLESHEET, model.formatCss, "text/css; charset=utf-8");
  const page = await session.workPage();
  const measurements = await time("measure", () => measure({ model, page, serve, aspects, cache: opts.measureCache }));
  const input = makeupInput(model, measurements);
  const result = await time("makeup", () => makeUp(input, opts.makeupMemo));
  return { model, page, measurements, input, result };
}

export async function composeIssue(
  issue: Issue,
  session: Session,
  opts: {
    cacheDir: string;
    images: NewsprintConfig["images"];
    measureCache?: MeasureCache;
    /** Pages made up before (the preview's rebuilds): only changed pages are made up again. */
    makeupMemo?: PageMemo;
    time?: Timer;
    scripts?: string[];
  },
): Promise<Composition> {
  const time = opts.time ?? untimed;
  const { model, page, measurements, input, result } = await planPages(issue, session, opts);
  if (!result.ok) throw new LayoutError(result.unplaced, overflowAdvice(suggestFixes(input, result), model));
  const layout = result.layout;

  const {
    urls,
    prepared,
    warnings: imageWarnings,
  } = await time("images", () => prepareLayoutImages(model, layout, opts.cacheDir, opts.images));
  const ads = await time("ads", () => prepareAds(model, layout, opts.cacheDir, opts.images));
  const html = renderHtml({ model, layout, measurements, images: urls, ads: ads.art, scripts: opts.scripts });
  const allImageWarnings = [...imageWarnings, ...ads.imageWarnings];
  const warnings = [
    ...(measurements.warnings ?? []),
    ...layout.pages.flatMap((p) => p.warnings),
    ...indexWarnings(model, layout),
    ...allImageWarnings.map((w) => w.message),
    ...ads.warnings,
  ];
  return {
    model,
    measured: measurements.measured,
    measurements,
    layout,
    html,
    ads: ads.art,
    warnings,
    imageWarnings: allImageWarnings,
    images: [...prepared, ...ads.images],
    page,
  };
}
