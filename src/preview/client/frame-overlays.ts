import type { Mark } from "../state";
import type { RevealTarget } from "./messages";

// Inside the issue's pages in the preview: the overlay layers laid over each Paged.js page —
// column grid, baseline grid, trim and bleed, and boxes around what the make-up reported. Layers
// are absolutely placed children of .pagedjs_page, so they take no room from the page's content.
// Sizes come from the format's custom properties on :root (frame.css).

const el = (cls: string, ...children: Node[]) => {
  const div = document.createElement("div");
  div.className = cls;
  div.append(...children);
  return div;
};

export const pageElements = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>(".pagedjs_page")];

export function addLayers(): void {
  for (const page of pageElements()) {
    const corners = ["tl", "tr", "bl", "br"].map((c) => el(`npv-corner ${c}`));
    const layer = el(
      "npv-layer",
      el("npv-bleed"),
      el("npv-trim", ...corners),
      el("npv-area npv-columns"),
      el("npv-area npv-baselines"),
      el("npv-marks"),
    );
    layer.setAttribute("aria-hidden", "true");
    page.append(layer);
  }
}

/** The Paged.js page showing printed page `number` (the issue's own data-page attribute). */
export function pageOf(number: number): HTMLElement | undefined {
  return pageElements().find((p) => p.querySelector(`.np-page[data-page="${number}"]`));
}

/** The module of an article on a page (or anywhere). */
export function moduleOf(article: string, within: ParentNode = document): HTMLElement | undefined {
  return [...within.querySelectorAll<HTMLElement>(".np-module")].find((m) => m.dataset.article === article);
}

/** The element a mark is about: a photo, an article's module, or the page's type area. */
function targetOf(mark: Mark, page: HTMLElement): Element {
  const module = mark.article ? moduleOf(mark.article, page) : undefined;
  if (module && mark.photo !== undefined) return module.querySelectorAll(".np-photo")[mark.photo] ?? module;
  return module ?? page.querySelector(".np-area") ?? page;
}

/** Boxes for `marks`, placed in unscaled page pixels (the layer zooms with the page). */
export function drawMarks(marks: Mark[], zoom: number): boolean[] {
  for (const layer of document.querySelectorAll(".npv-marks")) layer.replaceChildren();
  const counts = new Map<Element, number>();
  return marks.map((mark, index) => {
    const page = pageOf(mark.page);
    if (!page) return false;
    const target = targetOf(mark, page);
    const p = page.getBoundingClientRect();
    const r = target.getBoundingClientRect();
    // Several marks on one target: stack their labels.
    const n = counts.get(target) ?? 0;
    counts.set(target, n + 1);
    const label = el("npv-mark-label");
    label.textContent = `${mark.article ? `${mark.article}: ` : ""}${mark.message}`;
    label.style.top = `calc(${n * 20 - 3} * var(--npv-hair))`;
    const box = el(`npv-mark ${mark.kind}`, label);
    box.dataset.mark = String(index);
    Object.assign(box.style, {
      left: `${(r.left - p.left) / zoom}px`,
      top: `${(r.top - p.top) / zoom}px`,
      width: `${r.width / zoom}px`,
      height: `${r.height / zoom}px`,
    });
    box.title = label.textContent;
    page.querySelector(".npv-marks")?.append(box);
    return true;
  });
}

/** Scrolls to a mark's box (or, for a problem without one, the article) and makes it flash. */
export function reveal(index: number, fallback?: RevealTarget): boolean {
  let target: HTMLElement | null | undefined = document.querySelector<HTMLElement>(`.npv-mark[data-mark="${index}"]`);
  if (!target && fallback?.article) target = moduleOf(fallback.article);
  if (!target && fallback?.page) target = pageOf(fallback.page);
  if (!target) return false;
  const found = target;
  found.scrollIntoView({ block: "center", inline: "center" });
  if (found.classList.contains("npv-mark")) {
    for (const old of document.querySelectorAll(".npv-flash")) old.classList.remove("npv-flash");
    void found.offsetWidth; // restart the animation
    found.classList.add("npv-flash");
    setTimeout(() => found.classList.remove("npv-flash"), 2200);
  }
  return true;
}
