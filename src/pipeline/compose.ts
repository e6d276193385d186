import type { Session } from "../browser/session";
import type { WorkPage } from "../browser/work-page";
import type { ResolvedConfig } from "../config/resolve";
import type { Diagnostic } from "../diagnostics";
import { FitError } from "../errors";
import { type ImageWarning, imageWarningDiagnostic, type PreparedImage } from "../images";
import type { Issue } from "../load";
import type { PageMemo } from "../makeup";
import type { Layout, RuleBreak, Unplaced } from "../makeup/types";
import type { MeasureCache } from "../measure/cache";
import type { AdArt } from "../render/page-view";
import { renderHtml } from "../render/render";
import type { Measurements } from "../typeset/measurements";
import type { TypesetModel } from "../typeset/model";
import { prepareAds } from "./ads";
import { planPages } from "./plan-pages";
import { punctuationWarnings } from "./punctuation-warnings";
import { prepareLayoutImages } from "./stage-inputs";
import { type Timer, untimed } from "./stage-timer";
import { type AdviceReport, advise, overflowAdvice } from "./suggestions";
import { indexWarnings, type LayoutReport, layoutReport, ruleDiagnostic, strictBreaks } from "./summary";

// From a loaded issue to the HTML of its pages: typeset → probe photos → measure → make-up →
// prepare photos → render the HTML. Shared by the PDF build and the live preview.

/** What a build that does not fit writes as layout.json: the make-up as far as it went, what
 *  did not fit, the strict rules broken, and the advice as typed edits. */
export interface FailedLayout extends LayoutReport {
  ok: false;
  unplaced: Unplaced[];
  strict: { page: number; broken: RuleBreak }[];
  advice: AdviceReport;
}

export class LayoutError extends FitError {
  override name = "LayoutError";
  /** `advice`: what would make it fit, computed by the make-up (see suggestions.ts); `report`:
   *  the failed make-up for layout.json, with the issue's name. */
  constructor(
    readonly unplaced: Unplaced[],
    readonly advice: Diagnostic[] = [],
    readonly report?: { issueName: string; layout: FailedLayout },
    strict: Diagnostic[] = [],
  ) {
    super([...unplaced.map(unplacedDiagnostic), ...strict, ...advice]);
  }
}

export function unplacedDiagnostic(u: Unplaced): Diagnostic {
  return {
    severity: "error",
    articleId: u.articleId,
    message: `article ${u.articleId}: ${u.lines} lines did not fit (${u.reason})`,
  };
}

export interface Composition {
  model: TypesetModel;
  /** Boxes measured in the browser (the rest came from the measurement cache). */
  measured: number;
  /** Milliseconds the composer took to set the bodies (part of measure). */
  composeMs: number;
  /** Ad artwork by ad id (PDF artwork is placed into the printed PDF). */
  ads: Map<string, AdArt>;
  measurements: Measurements;
  layout: Layout;
  html: string;
  /** Everything the stages set but warn about, each naming its article, ad or page where it has one. */
  warnings: Diagnostic[];
  imageWarnings: ImageWarning[];
  /** The photos as placed: file, pixel size, effective ppi. */
  images: PreparedImage[];
  /** The page that measured: printing in it reuses its decoded fonts. */
  page: WorkPage;
}

export { openIssueSession, planPages, serveOn } from "./plan-pages";

export async function composeIssue(
  issue: Issue,
  session: Session,
  opts: {
    cacheDir: string;
    images: ResolvedConfig["images"];
    measureCache?: MeasureCache;
    /** Pages made up before (the preview's rebuilds): only changed pages are made up again. */
    makeupMemo?: PageMemo;
    time?: Timer;
    scripts?: string[];
  },
): Promise<Composition> {
  const time = opts.time ?? untimed;
  const { model, measurements, input, result, memo } = await planPages(issue, session, {
    ...opts,
    minPpi: opts.images.minPpi,
  });
  const strict = strictBreaks(result.layout, input.rules);
  if (!result.ok || strict.length > 0) {
    const unplaced = result.ok ? [] : result.unplaced;
    const advice = await time("advice", () => advise(input, result, model, memo));
    const failed: FailedLayout = { ...layoutReport(result.layout, model), ok: false, unplaced, strict, advice };
    const strictBroken = strict.map((s): Diagnostic => {
      const rule = ruleDiagnostic(s.page, s.broken);
      return { ...rule, severity: "error", message: `${rule.message} (strict in the house style)` };
    });
    throw new LayoutError(unplaced, overflowAdvice(advice), { issueName: issue.name, layout: failed }, strictBroken);
  }
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
    ...punctuationWarnings(model, layout),
    ...allImageWarnings.map(imageWarningDiagnostic),
    ...ads.warnings,
  ];
  const page = await session.workPage();
  return {
    model,
    measured: measurements.measured,
    composeMs: measurements.composeMs,
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
