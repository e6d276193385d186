import { browserScript } from "../browser/scripts";
import { BrowserPageError, type WorkPage } from "../browser/work-page";
import { FitError } from "../errors";
import type { Layout } from "../makeup/types";
import { appendDocumentMetadata, newspaperTitle, setDocumentMetadata } from "../pdf/metadata";
import { loadPdfBytes, savePdf } from "../pdf/pdf-lib-io";
import { CONTENT_STYLESHEETS, measuringDocumentKey, PAGED_STYLESHEETS, PAGEDJS_SCRIPT } from "../typeset/assets";
import { bodyOf } from "../typeset/html-parts";
import type { Measurements } from "../typeset/measurements";
import { documentTitle, type TypesetModel } from "../typeset/model";
import { type ArtworkPlacement, placeArtwork } from "./ad-artwork";
import { splitPages, withBody } from "./page-split";
import { type AdArt, pageViews } from "./page-view";
import type * as PagedPage from "./paged.browser";
import type { LaidOutBox, PageProblem } from "./paged.browser";

// The render stage: the typeset model and the make-up's layout become the issue's HTML (Handlebars),
// Paged.js frames the pages in Chromium, a DOM check proves nothing overflows, and Chromium prints.

export const CSP =
  "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'";

/** The page routine (paginate, checkPages), shared with the preview's pages. */
export const PAGED_SCRIPT = browserScript<typeof PagedPage>("src/render/paged.browser.ts", "npPaged");

export type RenderProblem = PageProblem | { kind: "pages"; detail: string; page?: undefined; article?: undefined };

/** The pages do not hold what the make-up planned (an overflow, a column's line count). */
export class RenderError extends FitError {
  override name = "RenderError";
  constructor(readonly problems: RenderProblem[]) {
    super(
      problems
        .map((p) => `${p.article ? `article ${p.article}` : "issue"}${p.page ? ` (page ${p.page})` : ""}: ${p.detail}`)
        .join("\n"),
    );
  }
}

export interface RenderInput {
  model: TypesetModel;
  layout: Layout;
  measurements: Measurements;
  /** Prepared photo URL by `${articleId}:${index}`. */
  images: Map<string, string>;
  /** Ad artwork by ad id. */
  ads: Map<string, AdArt>;
  /** Scripts the pages load (default: Paged.js); the preview adds its own. */
  scripts?: string[];
}

/** The issue's pages as one HTML document. Pure: no browser. */
export function renderHtml(input: RenderInput): string {
  const { model } = input;
  return model.templates.issue({
    paper: model.issue.data.paper,
    date: model.date,
    pages: pageViews(input),
    csp: CSP,
    htmlLang: model.htmlLang,
    stylesheets: [...model.fontStylesheets, ...CONTENT_STYLESHEETS],
    pagedStylesheets: PAGED_STYLESHEETS.join(" "),
    scripts: input.scripts ?? [PAGEDJS_SCRIPT],
  });
}

export interface PrintInput {
  model: TypesetModel;
  html: string;
  /** Ad artwork by ad id, placed into the printed boxes after Chromium prints. */
  ads: Map<string, AdArt>;
  /** Pages the make-up planned; Paged.js must frame as many. */
  pages: number;
  /** Serves the issue's document on the loopback server, returns its URL. */
  serve: (path: string, html: string) => string;
}

export interface RenderTimings {
  load: number;
  paginate: number;
  /** Of paginate: Paged.js framing, moving the content in, layout and fonts after. */
  frame: number;
  settle: number;
  pdf: number;
  /** Of pdf: placing artwork and metadata after Chromium printed. */
  finish: number;
}

/** Frames the pages with Paged.js in `page`, checks them, and prints the PDF. */
export async function printIssue(
  page: WorkPage,
  input: PrintInput,
): Promise<{ pdf: Uint8Array; timings: RenderTimings }> {
  const t0 = performance.now();
  const { shells, contents } = splitPages(bodyOf(input.html));
  // The page that measured holds the same stylesheets and decoded fonts: the page shells are
  // swapped into it. Otherwise (nothing measured in this page) the issue's document is loaded, its
  // pages empty. Either way the contents go into the framed pages after Paged.js.
  if (page.holds(measuringDocumentKey(input.model.formatCss))) await page.swapBody(shells);
  else await page.show(input.serve("/issue.html", withBody(input.html, shells)), "issue", shells);
  await page.ensureScript(PAGEDJS_SCRIPT, "Paged");
  const t1 = performance.now();
  const paged = await page.call(PAGED_SCRIPT, "paginate", PAGED_STYLESHEETS, contents);
  const check = await page.call(PAGED_SCRIPT, "checkPages");
  const problems: RenderProblem[] = [...check.problems];
  if (check.pages !== input.pages) {
    problems.push({ kind: "pages", detail: `Paged.js made ${check.pages} pages, the make-up planned ${input.pages}` });
  }
  if (page.errors.length) throw new BrowserPageError(`the pages failed in Chromium: ${page.errors.join("; ")}`);
  if (problems.length) throw new RenderError(problems);
  const t2 = performance.now();
  const boxes = await page.call(PAGED_SCRIPT, "adBoxes");
  await page.call(PAGED_SCRIPT, "preparePrint");
  await page.setTitle(documentTitle(input.model));
  const f = input.model.issue.format;
  const printed = await page.pdf({ widthMm: f.widthMm, heightMm: f.heightMm });
  const tPrinted = performance.now();
  const pdf = await finishProof(printed, input.model, artworkPlacements(boxes, input.ads));
  const t3 = performance.now();
  const timings = { load: t1 - t0, paginate: t2 - t1, frame: paged.parts.frame, settle: paged.parts.settle };
  return { pdf, timings: { ...timings, pdf: t3 - t2, finish: t3 - tPrinted } };
}

/** CSS px of the laid-out pages are 0.75 pt of the PDF. */
const PT_PER_PX = 0.75;

/** Where each PDF artwork goes: its box as laid out, the artwork fitted inside. */
function artworkPlacements(boxes: LaidOutBox[], ads: Map<string, AdArt>): ArtworkPlacement[] {
  return boxes.flatMap((b) => {
    const art = ads.get(b.id);
    if (!art) return [];
    const { fit } = art;
    return [
      {
        adId: b.id,
        file: art.print.file,
        kind: art.print.kind,
        page: b.page,
        x: b.x * PT_PER_PX + fit.x,
        y: b.y * PT_PER_PX + fit.y,
        width: fit.width,
        height: fit.height,
      },
    ];
  });
}

/**
 * The printed proof with its ad artwork placed and newsprint's metadata (Info and XMP). Without
 * artwork the metadata is appended as an incremental update (the proof's bytes are not rewritten).
 */
async function finishProof(printed: Uint8Array, model: TypesetModel, art: ArtworkPlacement[]): Promise<Uint8Array> {
  const d = model.issue.data;
  const meta = {
    title: newspaperTitle({ paperName: d.paper.name, date: d.issue.date, issueNumber: d.issue.number }),
    author: d.paper.publisher,
    subject: `${d.paper.name}: ${d.pages.length} pages, proof`,
    keywords: d.pages.flatMap((p) => (p.section ? [p.section] : [])),
    date: new Date(),
  };
  const appended = art.length === 0 ? appendDocumentMetadata(printed, meta) : undefined;
  if (appended) return appended;
  const doc = await loadPdfBytes(printed);
  await placeArtwork(doc, art);
  setDocumentMetadata(doc, meta);
  return savePdf(doc);
}
