// Runs inside Chromium on the measuring page. Reads how tall heads, captions and the masthead are
// where Node does not set them (a vertical head, a logo, text heads.ts is not sure of), and for the
// test that holds Node's numbers to these (tests/e2e/heads-node.test.ts). Returns CSS px; the Node
// side turns them into lines.

export interface MeasuredBox {
  /** Head block height by `${span}` and, for the continuation head, `${span}c`. */
  heads: Record<string, number>;
  /** Lines of the headline (主题) by `${span}`: the make-up's rule on tall heads counts them. */
  headLines?: Record<string, number>;
  /** Caption height by `${image}:${span}`. */
  captions: Record<string, number>;
  /** The whole box's height (the masthead's). */
  height?: number;
  /** The masthead's paper name shrunk to fit one line: its size in CSS px and the share of its own size. */
  name?: { sizePx: number; scale: number };
  /** A vertical head's block, CSS px. */
  verticalHead?: { width: number; height: number };
}

export interface PageMeasurements {
  /** The body line pitch in CSS px. */
  pitchPx: number;
  /** Absent when the page holds no masthead. */
  masthead?: MeasuredBox;
  articles: Record<string, MeasuredBox>;
}

const height = (el: Element | null): number => el?.getBoundingClientRect().height ?? 0;

function measureBox(box: HTMLElement): MeasuredBox {
  const heads: Record<string, number> = {};
  const headLines: Record<string, number> = {};
  for (const h of box.querySelectorAll<HTMLElement>('[data-role="head"]')) {
    const continued = h.querySelector(".np-head--continued") !== null;
    heads[`${h.dataset.span}${continued ? "c" : ""}`] = height(h.querySelector(".np-head"));
    const headline = h.querySelector<HTMLElement>(".np-headline");
    if (!continued && headline) headLines[`${h.dataset.span}`] = lineCount(headline);
  }
  const captions: Record<string, number> = {};
  for (const c of box.querySelectorAll<HTMLElement>('[data-role="caption"]')) {
    captions[`${c.dataset.image}:${c.dataset.span}`] = height(c);
  }
  const vertical = box.querySelector('[data-role="vhead"] .np-head');
  const rect = vertical?.getBoundingClientRect();
  return {
    heads,
    headLines,
    captions,
    ...(rect ? { verticalHead: { width: rect.width, height: rect.height } } : {}),
  };
}

/** Lines an element's text is set in: the distinct tops of its line boxes. */
function lineCount(element: HTMLElement): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  const tops: number[] = [];
  for (const rect of range.getClientRects()) {
    if (rect.width === 0 || rect.height === 0) continue;
    // Runs of one line differ in top by less than half their height (mixed sizes, ruby).
    if (!tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
  }
  return tops.length;
}

/** Shrinks the paper's name until it fits its one line (it never wraps); undefined if it fits. */
function fitName(masthead: HTMLElement): MeasuredBox["name"] {
  const name = masthead.querySelector<HTMLElement>(".np-paper-name");
  const plate = name?.parentElement;
  if (!name || !plate) return undefined;
  const room = plate.clientWidth;
  const natural = name.scrollWidth;
  if (natural <= room + 0.5) return undefined;
  const size = Number.parseFloat(getComputedStyle(name).fontSize);
  // Whole half points (2/3 px): the printed size is the measured one.
  let px = Math.floor(((size * room) / natural) * 1.5) / 1.5;
  name.style.fontSize = `${px}px`;
  while (name.scrollWidth > room + 0.5 && px > 1) {
    px -= 2 / 3;
    name.style.fontSize = `${px}px`;
  }
  return { sizePx: px, scale: px / size };
}

export async function measureAll(): Promise<PageMeasurements> {
  await document.fonts.ready;
  void document.body.offsetHeight;
  await document.fonts.ready;
  const pitch = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--pitch-px"));
  const out: PageMeasurements = { pitchPx: pitch, articles: {} };
  const masthead = document.querySelector<HTMLElement>('[data-kind="masthead"] .np-masthead');
  if (masthead) {
    const name = fitName(masthead);
    out.masthead = { heads: {}, captions: {}, height: height(masthead), ...(name ? { name } : {}) };
  }
  for (const box of document.querySelectorAll<HTMLElement>(".np-measure[data-article]")) {
    const id = box.dataset.article;
    if (id) out.articles[id] = measureBox(box);
  }
  return out;
}
