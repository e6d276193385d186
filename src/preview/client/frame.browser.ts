import { checkPages, paginate } from "../../render/paged.browser";
import type { Mark } from "../state";
import { FrameEditor } from "./frame-editor";
import { ShownLayout } from "./frame-layout";
import { addLayers, drawMarks, pageElements, reveal } from "./frame-overlays";
import { patchPages } from "./frame-patch";
import {
  type Editing,
  type Envelope,
  type FrameTimings,
  type FrameToShell,
  isEnvelope,
  type Place,
  type Position,
  type ShellToFrame,
  type View,
} from "./messages";

// Inside the pages in the preview. Paginates with the build's own routine (paginate and
// checkPages: Paged.js with the font patch, then the DOM check for overflow), and only then dresses
// the pages for the screen: frame.css, zoom on a wrapper, overlay layers. The editor's page
// (shell.browser.ts) drives it with messages; it answers with where the reader is.

const post = (message: FrameToShell) => {
  const envelope: Envelope<FrameToShell> = { npv: true, ...message };
  parent.postMessage(envelope, location.origin);
};
let zoom = 1;
let view: View = { zoom: "fit", spread: false, layers: {} };
let marks: Mark[] = [];
const editor = new FrameEditor({ zoom: () => zoom, post });

window.addEventListener("load", async () => {
  // Milliseconds since this document's navigation started, for the benchmark's breakdown.
  const timings: FrameTimings = { load: Math.round(performance.now()) };
  try {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="np-stylesheets"]');
    const sheets = (meta?.content ?? "").split(/\s+/).filter(Boolean);
    await paginate(sheets);
    timings.paginated = Math.round(performance.now());
    const check = checkPages();
    await screenStyles();
    addLayers();
    const pages = document.querySelector(".pagedjs_pages");
    if (pages) {
      const sizer = document.createElement("div");
      sizer.className = "npv-sizer";
      pages.before(sizer);
      sizer.append(pages);
    }
    timings.dressed = Math.round(performance.now());
    post({ type: "paged", pages: check.pages, problems: check.problems, timings });
  } catch (err) {
    post({ type: "failed", message: String((err as Error)?.message ?? err) });
  }
});

function screenStyles(): Promise<void> {
  return new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = "/preview/frame.css";
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
}

/** Applies zoom, single or spread view and the overlay toggles; keeps the reader's place. */
function applyView(next: Partial<View>, keepPlace = true): void {
  const place = keepPlace ? position() : undefined;
  view = { ...view, ...next };
  const root = document.documentElement;
  root.classList.toggle("npv-spread", Boolean(view.spread));
  for (const [name, on] of Object.entries(view.layers ?? {})) root.classList.toggle(`npv-show-${name}`, Boolean(on));
  root.style.setProperty("--npv-bleed", `${Number(view.bleedMm ?? 0)}mm`);
  const pages = document.querySelector<HTMLElement>(".pagedjs_pages");
  const first = document.querySelector<HTMLElement>(".pagedjs_page");
  if (!pages || !first) return;
  const pageW = first.offsetWidth;
  root.style.setProperty("--npv-page-w", `${pageW}px`);
  const gap = Number.parseFloat(getComputedStyle(pages).paddingLeft) || 0;
  pages.style.width = view.spread ? `${2 * pageW + 2 * gap}px` : "";
  // offsetWidth/Height ignore transforms: the unscaled size of the pages.
  const width = pages.offsetWidth;
  const fit = (document.documentElement.clientWidth - 8) / width;
  zoom = view.zoom === "fit" ? Math.min(Math.max(fit, 0.05), 4) : Number(view.zoom) || 1;
  pages.style.transform = `scale(${zoom})`;
  // Overlay lines stay one screen pixel thick at any zoom.
  root.style.setProperty("--npv-hair", `${1 / zoom}px`);
  const sizer = pages.parentElement;
  if (sizer) {
    sizer.style.width = `${width * zoom}px`;
    sizer.style.height = `${pages.offsetHeight * zoom}px`;
  }
  if (place) scrollToPlace(place);
}

// The reader's place is read on a line a little below the window's top: a page shown from its
// start (with room above for the trim and bleed marks) counts as the page being read.
const READ_LINE = 64;
const START_MARGIN = 48;

/** The page under the reading line and how far into it (a share of its height) the line is. */
function position(): Position {
  const pages = pageElements();
  for (const [i, page] of pages.entries()) {
    const r = page.getBoundingClientRect();
    if (r.bottom > READ_LINE) return { page: i + 1, offset: (READ_LINE - r.top) / r.height, of: pages.length };
  }
  return { page: pages.length, offset: 0, of: pages.length };
}

/** Back to a place from position(), or with `start` to the top of a page. */
function scrollToPlace(place: Place): void {
  const pages = pageElements();
  const page = pages[Math.min(Math.max(place.page, 1), pages.length) - 1];
  if (!page) return;
  const r = page.getBoundingClientRect();
  const dy = place.start ? r.top - START_MARGIN : r.top + place.offset * r.height - READ_LINE;
  // Sideways only when the page is not in view (spreads wider than the window).
  const width = document.documentElement.clientWidth;
  const dx = r.left < 0 || r.right > width ? r.left - Math.max(START_MARGIN, (width - r.width) / 2) : 0;
  window.scrollTo(window.scrollX + dx, window.scrollY + dy);
}

let reporting = false;
function reportPosition(): void {
  if (reporting) return;
  reporting = true;
  requestAnimationFrame(() => {
    reporting = false;
    post({ type: "position", ...position(), zoom });
  });
}
window.addEventListener("scroll", reportPosition, { passive: true });
window.addEventListener("resize", () => {
  if (view.zoom === "fit") applyView({});
  reportPosition();
});

function handle(msg: ShellToFrame): void {
  switch (msg.type) {
    case "show":
      void show(msg);
      break;
    case "patch":
      void patch(msg.version, msg.pages, msg.editing);
      break;
    case "marks":
      marks = msg.marks;
      drawMarks(marks, zoom);
      break;
    case "editing":
      editor.setEditing(msg.editing);
      break;
    case "select":
      editor.select(msg.article);
      break;
    case "key":
      editor.key(msg.press);
      break;
    case "view":
      applyView(msg.view);
      reportPosition();
      break;
    case "scroll":
      scrollToPlace(msg.place);
      reportPosition();
      break;
    case "reveal":
      reveal(msg.index, msg.fallback);
      break;
  }
}

/** First showing of these pages: the view, the marks and the place the previous pages were at;
 *  the editor gets their layout before they count as shown. */
async function show(msg: Extract<ShellToFrame, { type: "show" }>): Promise<void> {
  marks = msg.marks ?? [];
  applyView(msg.view, false);
  drawMarks(marks, zoom);
  if (msg.place) scrollToPlace(msg.place);
  editor.refresh(msg.editing, await ShownLayout.load(msg.version));
  post({ type: "shown", ...position(), zoom });
}

/** Swaps in the changed pages of a newer version, checks the pages as after paginating. */
async function patch(version: number, pages: number[], editing: Editing): Promise<void> {
  const started = performance.now();
  try {
    const [layout] = await Promise.all([ShownLayout.load(version), patchPages(version, pages)]);
    // The page check measures in page pixels: unscaled, as right after paginating.
    const sheet = document.querySelector<HTMLElement>(".pagedjs_pages");
    const transform = sheet?.style.transform ?? "";
    if (sheet) sheet.style.transform = "none";
    const check = checkPages();
    if (sheet) sheet.style.transform = transform;
    editor.refresh(editing, layout);
    post({ type: "patched", version, problems: check.problems, ms: Math.round(performance.now() - started) });
  } catch (err) {
    post({ type: "failed", message: String((err as Error)?.message ?? err) });
  }
}

window.addEventListener("message", (event) => {
  if (event.source !== parent || event.origin !== location.origin || !isEnvelope<ShellToFrame>(event.data)) return;
  handle(event.data);
});
