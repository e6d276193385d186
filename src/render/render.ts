import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { browserScript } from "../browser/scripts";
import { BrowserPageError, type WorkPage } from "../browser/work-page";
import { newspaperTitle } from "../config/langs";
import { FitError } from "../errors";
import type { Layout } from "../makeup/types";
import { appendDocumentMetadata, setDocumentMetadata } from "../pdf/metadata";
import { loadPdfBytes, savePdf } from "../pdf/pdf-lib-io";
import { CONTENT_STYLESHEETS, measuringDocumentKey, PAGED_STYLESHEETS, PAGEDJS_SCRIPT } from "../typeset/assets";
import { appFiles, environmentKey } from "../typeset/environment";
import { bodyOf } from "../typeset/html-parts";
import type { Measurements } from "../typeset/measurements";
import { documentTitle, type TypesetModel } from "../typeset/model";
import { type ArtworkPlacement, placeArtwork } from "./ad-artwork";
import { type PageCache, pageKey } from "./page-cache";
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
      problems.map((p) => ({
        severity: "error",
        message: `${p.article ? `article ${p.article}` : "issue"}: ${p.detail}`,
        ...(p.article ? { articleId: p.article } : {}),
        ...(p.page ? { page: Number(p.page) } : {}),
      })),
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
  /** The last proof and its pages' keys: only pages that changed are printed again. */
  pageCache?: PageCache;
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

/**
 * The issue's proof: the pages framed with Paged.js in `page`, checked and printed — only those
 * whose key differs from the last proof's when a page cache is given; the others are taken from
 * the last proof as they were printed. `keys`: each page's key, in page order.
 */
export async function printIssue(
  page: WorkPage,
  input: PrintInput,
): Promise<{ pdf: Uint8Array; printed: number; timings: RenderTimings; keys: string[] }> {
  const { shells, contents } = splitPages(bodyOf(input.html));
  const numbers = Object.keys(contents);
  // Computed with or without a cache: the e-paper keeps the files of pages whose key held.
  const keys = await pageKeys(page, input, contents);
  const last = input.pageCache?.load();
  const reused = new Map<number, number>();
  for (const [i, key] of keys.entries()) {
    const j = last?.keys.indexOf(key) ?? -1;
    if (j >= 0) reused.set(i, j);
  }
  const fresh = numbers.filter((_, i) => !reused.has(i));
  let timings: RenderTimings = { load: 0, paginate: 0, frame: 0, settle: 0, pdf: 0, finish: 0 };
  let pdf: Uint8Array;
  if (last && fresh.length === 0 && keys.join() === last.keys.join()) {
    pdf = last.proof;
  } else {
    const only = fresh.length === numbers.length ? undefined : new Set(fresh);
    const printed = await printPages(page, input, shellsOf(shells, only), contents, only?.size ?? input.pages);
    timings = printed.timings;
    const t = performance.now();
    const sources = numbers.map((_, i) => {
      const j = reused.get(i);
      return j === undefined
        ? { from: "printed" as const, index: fresh.indexOf(numbers[i] as string) }
        : { from: "last" as const, index: j };
    });
    pdf = await finishProof(
      printed.pdf,
      input.model,
      printed.art,
      last && reused.size ? { last: last.proof, sources } : undefined,
    );
    timings.finish = performance.now() - t;
    timings.pdf += timings.finish;
  }
  input.pageCache?.set({ proof: pdf, keys });
  return { pdf, printed: fresh.length, timings, keys };
}

/** The body with only the shells of `only` (all when undefined). */
function shellsOf(shells: string, only: Set<string> | undefined): string {
  if (!only) return shells;
  return shells.replace(/<section class="np-page[^"]*"[^>]*data-page="(\d+)"[^>]*><\/section>/g, (all, n: string) =>
    only.has(n) ? all : "",
  );
}

/** Each page's key, in page order: its HTML, the files it shows, and what every page shares. */
async function pageKeys(page: WorkPage, input: PrintInput, contents: Record<string, string>): Promise<string[]> {
  const { model } = input;
  const environment = environmentKey(
    model.formatCss,
    await page.browserVersion(),
    { stylesheets: model.fontStylesheets, files: [] },
    appFiles("src/render"),
  );
  return Object.entries(contents).map(([, html]) => {
    const files = [...html.matchAll(/src="\/issue\/([^"]+)"/g)].map((m) =>
      join(model.issue.dir, decodeURIComponent(m[1] ?? "")),
    );
    const ads = [...html.matchAll(/data-ad-box="([^"]+)"/g)].flatMap((m) => {
      const art = input.ads.get(m[1] ?? "");
      return art ? [art.print.file] : [];
    });
    return pageKey(environment, html, [...files, ...ads]);
  });
}

/** Frames the given page shells with Paged.js, fills them, checks them and prints them. */
async function printPages(
  page: WorkPage,
  input: PrintInput,
  shells: string,
  contents: Record<string, string>,
  pages: number,
): Promise<{ pdf: Uint8Array; art: ArtworkPlacement[]; timings: RenderTimings }> {
  const t0 = performance.now();
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
  if (check.pages !== pages) {
    problems.push({ kind: "pages", detail: `Paged.js made ${check.pages} pages, the make-up planned ${pages}` });
  }
  if (page.errors.length) throw new BrowserPageError(`the pages failed in Chromium: ${page.errors.join("; ")}`);
  if (problems.length) throw new RenderError(problems);
  const t2 = performance.now();
  const boxes = await page.call(PAGED_SCRIPT, "adBoxes");
  await page.call(PAGED_SCRIPT, "preparePrint");
  await page.setTitle(documentTitle(input.model));
  const f = input.model.issue.format;
  const pdf = await page.pdf({ widthMm: f.widthMm, heightMm: f.heightMm });
  const t3 = performance.now();
  const timings = { load: t1 - t0, paginate: t2 - t1, frame: paged.parts.frame, settle: paged.parts.settle };
  return { pdf, art: artworkPlacements(boxes, input.ads), timings: { ...timings, pdf: t3 - t2, finish: 0 } };
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

/** Where each page of the proof comes from: the pages just printed, or the last proof. */
interface Assembly {
  last: Uint8Array;
  sources: { from: "printed" | "last"; index: number }[];
}

/**
 * The printed proof with its ad artwork placed and newsprint's metadata (Info and XMP), and, given
 * an assembly, its pages put in order with the pages kept from the last proof. Without artwork or
 * assembly the metadata is appended as an incremental update (the printed bytes are not rewritten).
 */
async function finishProof(
  printed: Uint8Array,
  model: TypesetModel,
  art: ArtworkPlacement[],
  assembly?: Assembly,
): Promise<Uint8Array> {
  const d = model.issue.data;
  const words = model.issue.style.langs[model.issue.style.lang].words;
  const meta = {
    title: newspaperTitle({ paperName: d.paper.name, date: d.issue.date, issueNumber: d.issue.number }, words),
    author: d.paper.publisher,
    subject: `${d.paper.name}: ${d.pages.length} pages, proof`,
    keywords: d.pages.flatMap((p) => (p.section ? [p.section] : [])),
    date: new Date(),
  };
  const appended = art.length === 0 && !assembly ? appendDocumentMetadata(printed, meta) : undefined;
  if (appended) return appended;
  const fresh = await loadPdfBytes(printed);
  await placeArtwork(fresh, art);
  const doc = assembly ? await assemble(fresh, assembly) : fresh;
  setDocumentMetadata(doc, meta);
  return savePdf(doc);
}

/** A new proof of the pages in order, each copied from the fresh print or the last proof. */
async function assemble(fresh: PDFDocument, assembly: Assembly): Promise<PDFDocument> {
  const last = await loadPdfBytes(assembly.last);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const wanted = (from: "printed" | "last") => assembly.sources.filter((s) => s.from === from).map((s) => s.index);
  const [printedPages, lastPages] = await Promise.all([
    doc.copyPages(fresh, wanted("printed")),
    doc.copyPages(last, wanted("last")),
  ]);
  const next = { printed: 0, last: 0 };
  for (const s of assembly.sources) {
    const copied = s.from === "printed" ? printedPages[next.printed++] : lastPages[next.last++];
    if (copied) doc.addPage(copied);
  }
  return doc;
}
