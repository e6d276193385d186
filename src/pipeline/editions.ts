import { PDFDocument } from "pdf-lib";
import type { Session } from "../browser/session";
import type { ResolvedConfig } from "../config/resolve";
import type { Diagnostic } from "../diagnostics";
import { InputError } from "../errors";
import { type EditionData, editionIssueData, type Issue, replacedPageNumbers } from "../load";
import type { PageMemo } from "../makeup";
import type { Jump, Layout } from "../makeup/types";
import type { MeasureCache } from "../measure/cache";
import { loadPdfBytes, savePdf } from "../pdf/pdf-lib-io";
import type { PageCache } from "../render/page-cache";
import { printIssue } from "../render/render";
import type { TypesetModel } from "../typeset/model";
import { composeIssue, serveOn } from "./compose";
import type { Timer } from "./stage-timer";

// Zoned editions: each is the base issue with some pages replaced. Its make-up reuses the base's
// page by page (the make-up's page memo: a page with the same material is not made up again), and
// its proof takes every shared page from the base's proof unprinted (the render's page cache, here
// holding the base's proof): only the pages it replaces are printed.

/** A jump that crosses between a page the edition replaces and one it shares, or a shared page
 *  that would print otherwise in the edition. Exit 2: the issue file must change. */
export class EditionError extends InputError {
  override name = "EditionError";
  override readonly title = "the editions cannot be made";
  override readonly listsProblems = true;
}

export interface EditionBuild {
  id: string;
  name: string;
  /** Printed page numbers the edition replaces, in order. */
  replaced: number[];
  /** The edition's whole proof: the base's pages with its own in place. */
  pdf: Uint8Array;
  /** The pages it replaces alone, in order (their press files are made from this). */
  ownPdf: Uint8Array;
  /** Each page it replaces as a PDF of its own, in order. */
  pagePdfs: Uint8Array[];
  /** Pages printed for the edition (its own; none of the shared). */
  printed: number;
  model: TypesetModel;
  layout: Layout;
}

export interface BaseProof {
  pdf: Uint8Array;
  /** Each base page's key, in page order. */
  keys: string[];
  layout: Layout;
}

/** The edition's whole issue, as load gives an issue. */
export function editionIssue(issue: Issue, edition: EditionData): Issue {
  const data = editionIssueData(issue.data, edition);
  return { ...issue, data, edition: { id: edition.id, name: edition.name, base: issue.data } };
}

/** Every edition of the issue, one after the other in the base's session. */
export async function buildEditions(
  issue: Issue,
  session: Session,
  base: BaseProof,
  opts: {
    cacheDir: string;
    images: ResolvedConfig["images"];
    measureCache?: MeasureCache;
    makeupMemo: PageMemo;
    time: Timer;
  },
): Promise<EditionBuild[]> {
  const built: EditionBuild[] = [];
  for (const edition of issue.data.editions) {
    const replaced = replacedPageNumbers(edition);
    const whole = editionIssue(issue, edition);
    const { page, ...composed } = await opts.time(`edition ${edition.id}`, () =>
      composeIssue(whole, session, { ...opts, time: undefined }),
    );
    const crossing = crossingJumps(edition, replaced, [...base.layout.jumps, ...composed.layout.jumps]);
    if (crossing.length > 0) throw new EditionError(crossing);
    const rendered = await printIssue(page, {
      model: composed.model,
      html: composed.html,
      ads: composed.ads,
      pages: composed.layout.pages.length,
      serve: serveOn(session),
      pageCache: baseProofCache(base),
    });
    const differing = rendered.keys.flatMap((key, i) =>
      !replaced.includes(i + 1) && key !== base.keys[i] ? [sharedPageDiffers(edition, i + 1)] : [],
    );
    if (differing.length > 0) throw new EditionError(differing);
    built.push({
      id: edition.id,
      name: edition.name,
      replaced,
      pdf: rendered.pdf,
      ownPdf: await pagesOf(rendered.pdf, replaced),
      pagePdfs: await Promise.all(replaced.map((n) => pagesOf(rendered.pdf, [n]))),
      printed: rendered.printed,
      model: composed.model,
      layout: composed.layout,
    });
  }
  return built;
}

/** Jumps the make-up set between a replaced and a shared page: the shared page would differ. Give
 *  the base's jumps with the edition's: a base story leaving a replaced page for a shared one would
 *  leave its rest there without its start. */
export function crossingJumps(edition: EditionData, replaced: number[], jumps: Jump[]): Diagnostic[] {
  const same = (a: Jump, b: Jump) => a.articleId === b.articleId && a.fromPage === b.fromPage && a.toPage === b.toPage;
  const unique = jumps.filter((jump, i) => jumps.findIndex((other) => same(jump, other)) === i);
  return unique.flatMap((jump) => {
    const from = replaced.includes(jump.fromPage);
    if (from === replaced.includes(jump.toPage)) return [];
    const [own, shared] = from ? [jump.fromPage, jump.toPage] : [jump.toPage, jump.fromPage];
    return [
      {
        severity: "error" as const,
        articleId: jump.articleId,
        page: jump.fromPage,
        message:
          `edition ${edition.id}: article ${jump.articleId} jumps from page ${jump.fromPage} to page ${jump.toPage}, ` +
          `across page ${own} that the edition replaces and page ${shared} that it shares; ` +
          `keep the story on its page (jump: false) or replace both pages`,
      },
    ];
  });
}

function sharedPageDiffers(edition: EditionData, page: number): Diagnostic {
  return {
    severity: "error",
    page,
    message:
      `edition ${edition.id}: page ${page} would print otherwise than the base's page ${page}, which the edition ` +
      `shares (a pool story or filler moved, or an index changed): replace page ${page} in the edition too`,
  };
}

/** The base's proof as the last proof a page cache holds: its pages are taken, not printed. */
function baseProofCache(base: BaseProof): PageCache {
  return {
    load: () => ({ proof: base.pdf, keys: base.keys }),
    set: () => undefined,
    save: async () => undefined,
  };
}

/** The given printed pages of a proof, in order, as a PDF of their own. */
async function pagesOf(proof: Uint8Array, pageNumbers: number[]): Promise<Uint8Array> {
  const source = await loadPdfBytes(proof);
  const out = await PDFDocument.create();
  const copied = await out.copyPages(
    source,
    pageNumbers.map((n) => n - 1),
  );
  for (const page of copied) out.addPage(page);
  return savePdf(out);
}
