// Runs inside Chromium on the measuring page. Reads where Chromium broke every body line, and how
// tall heads, captions and the masthead are. Returns CSS px; the Node side turns them into lines.

export interface MeasuredParagraph {
  /** Text offsets where each line starts (the first is 0). */
  starts: number[];
  /** The paragraph's height in lines of the grid, as laid out. */
  lines: number;
  /** Latin text: the spacing chosen to keep word spaces within the limit (absent: none needed). */
  spacing?: string;
  /** Latin text: justified lines whose widest word space is still over the limit. */
  loose?: number;
}

export interface MeasuredBox {
  paragraphs: MeasuredParagraph[];
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

export interface MeasureOptions {
  /** Widest word space of a justified Latin line, as a multiple of the face's own space. */
  maxWordSpace: number;
}

// Spacing tried, in order, on a Latin paragraph with a loose line: each moves the line breaks a
// little; the first that keeps every word space within the limit is taken, else the tightest. None
// yet: a part of a paragraph set with word-spacing in its column broke otherwise than the whole
// paragraph measured (Chromium 156), so the lines measured would not be the lines printed.
const SPACINGS: string[] = [];

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

/** Widths of the word spaces of each justified line (not the last line, not a space at a break). */
function lineSpaces(p: Element, starts: number[]): number[][] {
  const perLine: number[][] = starts.slice(0, -1).map(() => []);
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let line = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (let i = 0; i < node.data.length; i++) {
      if (node.data[i] !== " ") continue;
      const at = offset + i;
      while (line + 1 < starts.length && at >= (starts[line + 1] ?? Infinity)) line++;
      if (line >= starts.length - 1 || at === (starts[line + 1] ?? 0) - 1) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const width = range.getBoundingClientRect().width;
      if (width > 0) perLine[line]?.push(width);
    }
    offset += node.data.length;
  }
  return perLine;
}

/** The face's own word space in the paragraph's type: a space's width, nothing justified. */
function naturalSpace(p: HTMLElement): number {
  const style = getComputedStyle(p);
  const probe = (text: string) => {
    const span = document.createElement("span");
    span.style.cssText = "position: absolute; white-space: pre; word-spacing: normal; letter-spacing: normal";
    span.style.fontFamily = style.fontFamily;
    span.style.fontSize = style.fontSize;
    span.style.fontWeight = style.fontWeight;
    span.textContent = text;
    document.body.append(span);
    const width = span.getBoundingClientRect().width;
    span.remove();
    return width;
  };
  return probe("x x") - probe("xx");
}

/** Lines of a Latin paragraph whose widest word space exceeds `limit` times the face's space. */
function looseLines(
  p: HTMLElement,
  starts: number[],
  natural: number,
  limit: number,
): { loose: number; worst: number } {
  let loose = 0;
  let worst = 0;
  for (const spaces of lineSpaces(p, starts)) {
    const ratio = Math.max(0, ...spaces) / natural;
    worst = Math.max(worst, ratio);
    if (ratio > limit) loose++;
  }
  return { loose, worst };
}

function measureParagraph(p: HTMLElement, pitch: number, latin: boolean, limit: number): MeasuredParagraph {
  let starts = lineStarts(p);
  const measured = (): MeasuredParagraph => ({ starts, lines: Math.round(height(p) / pitch) });
  if (!latin) return measured();
  const natural = naturalSpace(p);
  if (!(natural > 0)) return measured();
  let best = { spacing: "", starts, ...looseLines(p, starts, natural, limit) };
  for (const spacing of best.loose > 0 ? SPACINGS : []) {
    p.style.cssText = spacing;
    starts = lineStarts(p);
    const tried = { spacing, starts, ...looseLines(p, starts, natural, limit) };
    if (tried.loose < best.loose || (tried.loose === best.loose && tried.worst < best.worst)) best = tried;
    if (best.loose === 0) break;
  }
  p.style.cssText = best.spacing;
  starts = best.starts;
  return {
    ...measured(),
    ...(best.spacing ? { spacing: best.spacing } : {}),
    ...(best.loose ? { loose: best.loose } : {}),
  };
}

function measureBox(box: HTMLElement, pitch: number, options: MeasureOptions): MeasuredBox {
  const body = box.querySelector('[data-role="body"]');
  const latin = box.dataset.latin === "true";
  const paragraphs = [...(body?.querySelectorAll<HTMLElement>(":scope > p") ?? [])].map((p) =>
    measureParagraph(p, pitch, latin, options.maxWordSpace),
  );
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
    paragraphs,
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

export async function measureAll(options: MeasureOptions): Promise<PageMeasurements> {
  await document.fonts.ready;
  void document.body.offsetHeight;
  await document.fonts.ready;
  const pitch = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--pitch-px"));
  const out: PageMeasurements = { pitchPx: pitch, articles: {} };
  const masthead = document.querySelector<HTMLElement>('[data-kind="masthead"] .np-masthead');
  if (masthead) {
    const name = fitName(masthead);
    out.masthead = { paragraphs: [], heads: {}, captions: {}, height: height(masthead), ...(name ? { name } : {}) };
  }
  for (const box of document.querySelectorAll<HTMLElement>(".np-measure[data-article]")) {
    const id = box.dataset.article;
    if (id) out.articles[id] = measureBox(box, pitch, options);
  }
  return out;
}
