// Runs inside Chromium on the measuring page. Reads where Chromium broke every body line, and how
// tall heads, captions and the masthead are. Returns CSS px; the Node side turns them into lines.

export interface MeasuredParagraph {
  /** Text offsets where each line starts (the first is 0). */
  starts: number[];
  /** The paragraph's height in lines of the grid, as laid out. */
  lines: number;
}

export interface MeasuredBox {
  paragraphs: MeasuredParagraph[];
  /** Head block height by `${span}` and, for the continuation head, `${span}c`. */
  heads: Record<string, number>;
  /** Caption height by `${image}:${span}`. */
  captions: Record<string, number>;
}

export interface PageMeasurements {
  /** The body line pitch in CSS px. */
  pitchPx: number;
  masthead: number;
  /** The paper's name shrunk to fit one line: its size in CSS px and the share of its own size. */
  mastheadName?: { sizePx: number; scale: number };
  articles: Record<string, MeasuredBox>;
}

/** Offsets (in the paragraph's text) where each line starts, by walking its characters. */
function lineStarts(p: Element): number[] {
  const starts: number[] = [];
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let lastBottom = Number.NEGATIVE_INFINITY;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // Low surrogates belong to the character before them.
      if (code >= 0xdc00 && code <= 0xdfff) continue;
      const len = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      range.setStart(node, i);
      range.setEnd(node, i + len);
      const rect = range.getClientRects()[0];
      if (rect && rect.height > 0) {
        if (rect.top >= lastBottom - 1) {
          starts.push(offset + i);
          lastBottom = rect.bottom;
        } else {
          lastBottom = Math.max(lastBottom, rect.bottom);
        }
      }
    }
    offset += text.length;
  }
  if (starts.length === 0) starts.push(0);
  starts[0] = 0;
  return starts;
}

const height = (el: Element | null): number => el?.getBoundingClientRect().height ?? 0;

function measureBox(box: HTMLElement, pitch: number): MeasuredBox {
  const body = box.querySelector('[data-role="body"]');
  const paragraphs = [...(body?.querySelectorAll(":scope > p") ?? [])].map((p) => ({
    starts: lineStarts(p),
    lines: Math.round(height(p) / pitch),
  }));
  const heads: Record<string, number> = {};
  for (const h of box.querySelectorAll<HTMLElement>('[data-role="head"]')) {
    const key = `${h.dataset.span}${h.querySelector(".np-head--continued") ? "c" : ""}`;
    heads[key] = height(h.querySelector(".np-head"));
  }
  const captions: Record<string, number> = {};
  for (const c of box.querySelectorAll<HTMLElement>('[data-role="caption"]')) {
    captions[`${c.dataset.image}:${c.dataset.span}`] = height(c);
  }
  return { paragraphs, heads, captions };
}

/** Shrinks the paper's name until it fits its one line (it never wraps); undefined if it fits. */
function fitName(masthead: HTMLElement): PageMeasurements["mastheadName"] {
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
  const out: PageMeasurements = { pitchPx: pitch, articles: {}, masthead: 0 };
  const masthead = document.querySelector<HTMLElement>('[data-kind="masthead"] .np-masthead');
  if (masthead) out.mastheadName = fitName(masthead);
  out.masthead = height(masthead);
  for (const box of document.querySelectorAll<HTMLElement>(".np-measure[data-article]")) {
    const id = box.dataset.article;
    if (id) out.articles[id] = measureBox(box, pitch);
  }
  return out;
}
