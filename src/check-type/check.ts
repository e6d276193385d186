import { STYLE_DEFAULTS } from "../config/defaults";
import { InputError } from "../errors";
import { popplerPageCount } from "../pdf/open-pdf";
import { runTool, ToolError } from "../pdf/run-tool";
import { type BboxPage, parseBboxLayout } from "./bbox";
import {
  bodyLineHeight,
  classifyPage,
  naturalWordSpace,
  type PageTotals,
  pageTotals,
  type TypoFinding,
} from "./classify";
import { regroupPage } from "./columns";

// The typography check of a finished PDF: reads its lines back with pdftotext, the way a reader's eye
// meets them, and lists the composition faults per page.

export type { PageTotals, TypoFinding, TypoKind } from "./classify";

export interface TypoReport {
  pdf: string;
  pages: PageTotals[];
  findings: TypoFinding[];
  totals: Omit<PageTotals, "page"> & { pages: number };
}

export interface CheckOptions {
  /** 1-based page numbers to check; all pages when absent. */
  pages?: number[];
  /** Widest word space of a justified Latin line, as a multiple of the natural one. */
  maxWordSpace?: number;
}

/** The PDF could not be read (missing, not a PDF, pdftotext absent). */
export class TypoCheckError extends InputError {
  override name = "TypoCheckError";
}

export async function checkTypography(pdf: string, opts: CheckOptions = {}): Promise<TypoReport> {
  // A folder, a non-PDF, a damaged or empty PDF: our words (UnreadablePdfError), not poppler's.
  await popplerPageCount(pdf);
  const wanted = opts.pages && opts.pages.length > 0 ? new Set(opts.pages) : undefined;
  const first = wanted ? Math.min(...wanted) : 1;
  const range = wanted ? ["-f", String(first), "-l", String(Math.max(...wanted))] : [];
  const xhtml = await readBboxLayout(pdf, range);
  const pages = parseBboxLayout(xhtml, first).filter((p) => !wanted || wanted.has(p.number));
  return buildReport(pdf, pages, opts.maxWordSpace);
}

/** The report on pages already read: the pure half of checkTypography. */
export function buildReport(
  pdf: string,
  pages: readonly BboxPage[],
  maxWordSpace: number = STYLE_DEFAULTS.maxWordSpace,
): TypoReport {
  const regrouped = pages.map(regroupPage);
  // One body size for the whole document: a page of photos and captions has no body text of its own.
  const body = bodyLineHeight(regrouped);
  const spacing = { natural: naturalWordSpace(regrouped, body), limit: maxWordSpace };
  const findings = regrouped.flatMap((page) => classifyPage(page, body, spacing));
  const perPage = regrouped.map((p) => pageTotals(p, findings));
  return { pdf, pages: perPage, findings, totals: sumTotals(perPage) };
}

async function readBboxLayout(pdf: string, range: string[]): Promise<string> {
  try {
    const args = ["-bbox-layout", "-enc", "UTF-8", ...range, pdf, "-"];
    return (await runTool("pdftotext", args, { maxBuffer: 512 * 1024 * 1024, timeoutMs: 300_000 })).stdout;
  } catch (err) {
    if (!(err instanceof ToolError)) throw err;
    if (err.kind === "missing") throw new TypoCheckError("pdftotext not found: install poppler-utils");
    // pdftotext's last word on stderr says why (earlier lines are warnings).
    const reason = err.stderr.trim().split("\n").at(-1) || err.message;
    throw new TypoCheckError(`cannot read ${pdf}: ${reason}`);
  }
}

function sumTotals(pages: readonly PageTotals[]): TypoReport["totals"] {
  const sum = (key: Exclude<keyof PageTotals, "page">) => pages.reduce((n, p) => n + p[key], 0);
  return {
    pages: pages.length,
    lines: sum("lines"),
    lineStart: sum("lineStart"),
    lineEnd: sum("lineEnd"),
    ragged: sum("ragged"),
    loose: sum("loose"),
    halfWidth: sum("halfWidth"),
  };
}

/** Number of violations of any kind. */
export function violationCount(report: TypoReport): number {
  return report.findings.length;
}
