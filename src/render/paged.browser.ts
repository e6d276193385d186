// Runs inside Chromium on the pages, in the build and in the preview alike. Paginates with
// Paged.js, then checks from the DOM that no module's content overflows its box and that every
// text column holds the number of lines the make-up planned.

export interface PageProblem {
  page?: string;
  article?: string;
  kind: "overflow" | "lines";
  detail: string;
}

export interface PaginateResult {
  pages: number;
  ms: number;
  /** Milliseconds of its parts: Paged.js framing, moving the content in, layout and fonts after. */
  parts: { frame: number; move: number; settle: number };
  /** Made-up pages Paged.js made no page for. */
  unplaced: number;
}

export interface PageCheck {
  problems: PageProblem[];
  pages: number;
}

/**
 * Frames the document's .np-page sections with Paged.js and puts their content into the framed
 * pages: `contents` (HTML by page number) when the sections came empty, else what they held.
 */
export async function paginate(stylesheets: string[], contents?: Record<string, string>): Promise<PaginateResult> {
  // Paged.js loads every declared font face before it starts; the npm CJK fonts come as hundreds
  // of unicode-range subsets, so that would fetch them all. Wait for the ones the text uses.
  Paged.Chunker.prototype.loadFonts = () => document.fonts.ready;
  // Paged.js only frames the pages here: every .np-page is exactly one page and the make-up
  // guarantees nothing in it overflows (checkPages proves it after). So Paged.js gets empty page
  // shells to walk, and each page's content moves into its framed page afterwards.
  const held = new Map<string, DocumentFragment | string>(Object.entries(contents ?? {}));
  if (!contents) {
    for (const page of document.querySelectorAll<HTMLElement>(".np-page")) {
      const content = document.createDocumentFragment();
      while (page.firstChild) content.append(page.firstChild);
      held.set(page.dataset.page ?? "", content);
    }
  }
  const t0 = performance.now();
  const previewer = new Paged.Previewer();
  const flow = await previewer.preview(undefined, stylesheets, undefined);
  const t1 = performance.now();
  // Framing done: Paged.js stops watching page sizes, or the content moving in (and a font
  // loading late) reads to it as an underflow, and it re-flows pages it holds no content for.
  for (const framed of flow.pages) framed.removeListeners();
  for (const page of document.querySelectorAll<HTMLElement>(".pagedjs_pages .np-page")) {
    const key = page.dataset.page ?? "";
    const content = held.get(key);
    if (typeof content === "string") page.innerHTML = content;
    else if (content) page.append(content);
    held.delete(key);
  }
  const t2 = performance.now();
  void document.body.offsetHeight;
  await document.fonts.ready;
  const parts = { frame: t1 - t0, move: t2 - t1, settle: performance.now() - t2 };
  return { pages: flow.total, ms: flow.performance, parts, unplaced: held.size };
}

const rect = (el: Element) => el.getBoundingClientRect();

function checkColumns(module: HTMLElement, page: string | undefined, pitch: number, out: PageProblem[]): void {
  const id = module.dataset.article;
  const box = rect(module);
  for (const col of module.querySelectorAll<HTMLElement>(".np-col")) {
    const colBox = rect(col);
    const last = col.lastElementChild;
    const bottom = last ? rect(last).bottom : colBox.top;
    const used = Math.round((bottom - colBox.top) / pitch);
    const planned = Number(col.dataset.lines) + (col.querySelector(".np-jump-to") ? 1 : 0);
    if (bottom > colBox.bottom + 0.5 || col.scrollHeight > col.clientHeight + 1) {
      const detail = `text column overflows by ${Math.round(bottom - colBox.bottom)} px`;
      out.push({ page, article: id, kind: "overflow", detail });
    } else if (used !== planned) {
      const detail = `column holds ${used} lines, the make-up planned ${planned}`;
      out.push({ page, article: id, kind: "lines", detail });
    }
    if (colBox.bottom > box.bottom + 0.5) {
      out.push({ page, article: id, kind: "overflow", detail: "text column leaves its module" });
    }
  }
}

function checkParts(module: HTMLElement, page: string | undefined, out: PageProblem[]): void {
  const box = rect(module);
  for (const part of module.querySelectorAll<HTMLElement>(".np-head, .np-photo")) {
    const r = rect(part);
    const parent = part.classList.contains("np-head") && part.parentElement ? rect(part.parentElement) : box;
    if (r.bottom > parent.bottom + 0.5 || r.bottom > box.bottom + 0.5) {
      const detail = `${part.className} overflows by ${Math.round(r.bottom - parent.bottom)} px`;
      out.push({ page, article: module.dataset.article, kind: "overflow", detail });
    }
  }
}

export function checkPages(): PageCheck {
  const problems: PageProblem[] = [];
  const pitch = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--pitch-px"));
  for (const module of document.querySelectorAll<HTMLElement>(".np-module")) {
    const page = module.closest<HTMLElement>(".np-page")?.dataset.page;
    checkColumns(module, page, pitch, problems);
    checkParts(module, page, problems);
  }
  return { problems, pages: document.querySelectorAll(".pagedjs_page").length };
}

/** A booked box as laid out: its page (0-based, as printed) and rectangle in CSS px from its top left. */
export interface LaidOutBox {
  id: string;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function adBoxes(): LaidOutBox[] {
  const pages = [...document.querySelectorAll(".pagedjs_page")];
  return [...document.querySelectorAll<HTMLElement>("[data-ad-box]")].flatMap((box) => {
    const page = box.closest(".pagedjs_page");
    if (!page) return [];
    const p = page.getBoundingClientRect();
    const r = box.getBoundingClientRect();
    const id = box.dataset.adBox ?? "";
    return [{ id, page: pages.indexOf(page), x: r.left - p.left, y: r.top - p.top, width: r.width, height: r.height }];
  });
}

/** Marks the document for the PDF print (the screen images of ad artwork stay out). */
export function preparePrint(): void {
  document.body.classList.add("np-printing");
}
