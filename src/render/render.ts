import { readFileSync } from "node:fs";
import { appFile } from "../app-root";
import { type OpenedPage, printPdf } from "../browser/browser";
import type { Session } from "../browser/session";
import { FitError } from "../errors";
import type { Issue } from "../load";
import { FONT_STYLESHEETS, PAGE_STYLESHEETS, PAGEDJS_SCRIPT } from "./assets";
import { bodyOf } from "./html-parts";
import type { Template } from "./templates";

// Fills the issue template, lets Paged.js frame the pages in Chromium, checks from the DOM that
// nothing overflows, and prints the PDF.

export const CSP =
  "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'";

const SCRIPT = readFileSync(appFile("src/render/paged.browser.js"), "utf8");

export interface RenderProblem {
  page?: string;
  article?: string;
  kind: string;
  detail: string;
}

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

export function issueHtml(
  template: Template,
  context: Record<string, unknown>,
  scripts: string[] = [PAGEDJS_SCRIPT],
): string {
  return template({
    ...context,
    csp: CSP,
    fontStylesheets: FONT_STYLESHEETS,
    pageStylesheets: PAGE_STYLESHEETS.join(" "),
    scripts,
  });
}

export interface RenderTimings {
  load: number;
  paginate: number;
  pdf: number;
}

export async function renderPdf(
  session: Session,
  issue: Issue,
  html: string,
  expectedPages: number,
  measured: OpenedPage,
): Promise<{ pdf: Uint8Array; timings: RenderTimings }> {
  // The page that measured already holds the same stylesheets and decoded fonts: its body is
  // swapped for the pages instead of loading (and decoding fonts) again.
  const { page, errors } = measured;
  const t0 = performance.now();
  const url = `${session.server.url}${PAGEDJS_SCRIPT}`;
  await page.evaluate(`(${SWAP_BODY})(${JSON.stringify(bodyOf(html))}, ${JSON.stringify(url)})`);
  const t1 = performance.now();
  await page.evaluate(`${SCRIPT}\npaginate(${JSON.stringify(PAGE_STYLESHEETS)})`);
  const check = (await page.evaluate(`${SCRIPT}\ncheckPages()`)) as {
    problems: RenderProblem[];
    pages: number;
  };
  const problems = [...check.problems];
  if (check.pages !== expectedPages) {
    problems.push({
      kind: "pages",
      detail: `Paged.js made ${check.pages} pages, the make-up planned ${expectedPages}`,
    });
  }
  if (errors.length) problems.push(...errors.map((e) => ({ kind: "browser", detail: e })));
  if (problems.length) throw new RenderError(problems);
  const t2 = performance.now();
  const pdf = await printPdf(page, { widthMm: issue.format.widthMm, heightMm: issue.format.heightMm });
  const t3 = performance.now();
  return { pdf, timings: { load: t1 - t0, paginate: t2 - t1, pdf: t3 - t2 } };
}

// Runs in the page: new body and Paged.js loaded. No layout is forced here: paginate() lays the
// pages out once, after Paged.js has framed them.
const SWAP_BODY = `async (body, pagedUrl) => {
  window.__npVersion = undefined;
  document.body.className = "";
  document.body.innerHTML = body;
  if (!window.Paged) {
    await new Promise((ok, fail) => {
      const s = document.createElement("script");
      s.src = pagedUrl;
      s.onload = ok;
      s.onerror = () => fail(new Error("could not load Paged.js"));
      document.head.append(s);
    });
  }
}`;
