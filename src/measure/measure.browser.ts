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
  /** The whole box's height (the masthead's). */
  height?: number;
}

export interface PageMeasurements {
  /** The body line pitch in CSS px. */
  pitchPx: number;
  /** Absent when the page holds no masthead. */
  masthead?: MeasuredBox;
  articles: Record<string, MeasuredBox>;
}

/** A paragraph's characters (a surrogate pair is one), each with its text node and offsets. */
interface Glyphs {
  nodes: Text[];
  /** Per character: index into nodes, offset in that node, offset in the paragraph's text. */
  node: number[];
  at: number[];
  offset: number[];
}

function glyphsOf(p: Element): Glyphs {
  const g: Glyphs = { nodes: [], node: [], at: [], offset: [] };
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data;
    g.nodes.push(node);
    for (let i = 0; i < text.length; i++) {
      // Low surrogates belong to the character before them.
      const code = text.charCodeAt(i);
      if (code >= 0xdc00 && code <= 0xdfff) continue;
      g.node.push(g.nodes.length - 1);
      g.at.push(i);
      g.offset.push(offset + i);
    }
    offset += text.length;
  }
  return g;
}

/**
 * Offsets (in the paragraph's text) where each line starts. A character whose box begins below
 * the bottom of the line so far starts a new line. Rather than ask for every character's box, the
 * walk jumps ahead by the last line's length and searches back for the break (lines of a column
 * are much alike): a few boxes per line instead of one per character.
 */
function lineStarts(p: Element): number[] {
  const g = glyphsOf(p);
  const range = document.createRange();
  const n = g.node.length;
  /** Top and bottom of character i's box; undefined for a character without one (a joiner). */
  const box = (i: number): DOMRect | undefined => {
    const node = g.nodes[g.node[i] as number] as Text;
    const at = g.at[i] as number;
    const code = node.data.charCodeAt(at);
    range.setStart(node, at);
    range.setEnd(node, at + (code >= 0xd800 && code <= 0xdbff ? 2 : 1));
    const rect = range.getClientRects()[0];
    return rect && rect.height > 0 ? rect : undefined;
  };
  /** The first character at or after i that has a box, and its box. */
  const visible = (i: number): [number, DOMRect | undefined] => {
    for (let j = i; j < n; j++) {
      const b = box(j);
      if (b) return [j, b];
    }
    return [n, undefined];
  };
  const starts: number[] = [];
  let [start, first] = visible(0);
  let guess = 8;
  while (first) {
    starts.push(g.offset[start] as number);
    const bottom = first.bottom;
    // Is the line still going at `i`? (its box begins above this line's bottom)
    const sameLine = (i: number) => {
      const [j, b] = visible(i);
      return j < n && b !== undefined && b.top < bottom - 1;
    };
    let lo = start; // on this line
    let hi = start + guess; // maybe on a later line
    while (hi < n && sameLine(hi)) {
      lo = hi;
      hi = Math.min(n, lo + guess * 2);
    }
    hi = Math.min(hi, n);
    // The break is after lo and at most hi: the first character from which the line is left.
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (sameLine(mid)) lo = mid;
      else hi = mid;
    }
    const [next, nextBox] = visible(hi);
    guess = Math.max(2, next - start);
    start = next;
    first = nextBox;
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

export async function measureAll(): Promise<PageMeasurements> {
  await document.fonts.ready;
  void document.body.offsetHeight;
  await document.fonts.ready;
  const pitch = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--pitch-px"));
  const out: PageMeasurements = { pitchPx: pitch, articles: {} };
  const masthead = document.querySelector('[data-kind="masthead"] .np-masthead');
  if (masthead) out.masthead = { paragraphs: [], heads: {}, captions: {}, height: height(masthead) };
  for (const box of document.querySelectorAll<HTMLElement>(".np-measure[data-article]")) {
    const id = box.dataset.article;
    if (id) out.articles[id] = measureBox(box, pitch);
  }
  return out;
}
