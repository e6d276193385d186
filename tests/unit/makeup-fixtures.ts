import fc from "fast-check";
import type { GridRect } from "../../src/grid";
import { linesAfterCuts } from "../../src/makeup/issue/copyfit";
import type {
  ArticleMetrics,
  BodyLine,
  Grid,
  ImageMetrics,
  Layout,
  MakeupInput,
  MakeupResult,
} from "../../src/makeup/types";

// Shared by the make-up tests and scripts/bench-makeup.ts: random issues from a seed, and a
// checker of every layout invariant the render stage relies on.

export const TABLOID: Omit<Grid, "columns" | "rows"> = { columnWidth: 110, gutter: 10, linePitch: 15 };

/** Small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Body lines as paragraphs of 1..maxPara lines, with an occasional one-line subhead. */
export function bodyLines(count: number, rand: () => number, maxPara = 8): BodyLine[] {
  const lines: BodyLine[] = [];
  let paragraph = 0;
  while (lines.length < count) {
    if (lines.length > 0 && count - lines.length > 3 && rand() < 0.08) {
      lines.push({ paragraph: paragraph++, first: true, last: true, keepWithNext: true });
      continue;
    }
    const length = Math.min(count - lines.length, 1 + Math.floor(rand() * maxPara));
    for (let i = 0; i < length; i++) {
      lines.push({ paragraph, first: i === 0, last: i === length - 1, keepWithNext: false });
    }
    paragraph++;
  }
  return lines;
}

/** Head rows per span: taller at narrow widths, as a measured headline would be. */
export function headRows(base: number, columns: number): number[] {
  return Array.from({ length: columns }, (_, k) => Math.max(1, Math.ceil((base * 2) / (k + 2))));
}

export function image(aspect: number, caption: number, columns: number): ImageMetrics {
  return {
    aspect,
    captionRows: Array.from({ length: columns }, (_, k) => (k === 0 ? caption + 1 : caption)),
  };
}

export function article(
  id: string,
  order: number,
  lines: number,
  options: Partial<ArticleMetrics> & {
    head?: number;
    columns?: number;
    seed?: number;
    gridColumns?: number;
  } = {},
): ArticleMetrics {
  const rand = random(options.seed ?? order * 7919 + lines);
  const gridColumns = options.gridColumns ?? 8;
  const { head = 3, seed: _seed, gridColumns: _g, ...rest } = options;
  return {
    id,
    priority: 5,
    order,
    headRows: headRows(head, gridColumns),
    continuationHeadRows: headRows(1, gridColumns),
    lines: bodyLines(lines, rand),
    images: [],
    ...rest,
  };
}

/** A random issue: `pages` pages sharing `articles` articles evenly, masthead band on page 1. */
export function randomIssue(seed: number, pages: number, articles: number, columns = 6, rows = 100): MakeupInput {
  const rand = random(seed);
  const grid: Grid = { columns, rows, ...TABLOID };
  // Spread as an editor would: about the same number of stories on each page.
  const perPage = Array.from({ length: pages }, (_, p) => Math.floor((articles + p) / pages));
  let next = 0;
  return {
    grid,
    pages: perPage.map((count, p) => ({
      number: p + 1,
      reserved: p === 0 ? [{ col: 0, row: 0, span: columns, rows: Math.floor(rows / 8) }] : [],
      articles: Array.from({ length: count }, (_, i) => {
        const id = `a${next++}`;
        const images = rand() < 0.3 ? [image(0.6 + rand() * 1.2, 1 + Math.floor(rand() * 2), columns)] : [];
        return article(id, i, 12 + Math.floor(rand() * 110), {
          priority: 1 + Math.floor(rand() * 5),
          head: 2 + Math.floor(rand() * 4),
          images,
          gridColumns: columns,
          seed: seed * 1000 + next,
        });
      }),
    })),
  };
}

/** Every invariant of a layout; returns the violations found (empty when all hold). */
export function layoutProblems(input: MakeupInput, result: MakeupResult): string[] {
  const problems: string[] = [];
  const { grid } = input;
  const layout: Layout = result.layout;
  const articles = new Map(
    [...input.pages.flatMap((p) => p.articles), ...(input.pool ?? []), ...(input.fillers ?? [])].map(
      (a) => [a.id, a] as const,
    ),
  );
  const unusedFillers = new Set(layout.unusedFillers);
  const placed = new Map<string, [number, number][]>();
  layout.pages.forEach((page, index) => {
    const inputPage = input.pages[index];
    if (inputPage === undefined || page.number !== inputPage.number) {
      problems.push(`page ${index}: wrong number`);
      return;
    }
    const cells = new Array<number>(grid.columns * grid.rows).fill(0);
    // Booked boxes: exactly as booked, inside the grid, apart from each other and the masthead.
    for (const box of page.boxes) {
      const booked = inputPage.booked?.find((b) => b.id === box.id);
      if (!booked || booked.span !== box.span || booked.rows !== box.rows) problems.push(`ad ${box.id}: not as booked`);
      const p = booked?.position;
      if (p && typeof p === "object" && (p.col !== box.col || p.row !== box.row)) problems.push(`ad ${box.id}: moved`);
      if (p === "bottom" && box.row + box.rows !== grid.rows && !page.boxes.some((b) => b.row === box.row + box.rows)) {
        problems.push(`ad ${box.id}: not on the bottom edge`);
      }
    }
    if ((inputPage.booked ?? []).length !== page.boxes.length) problems.push(`page ${page.number}: ads missing`);
    for (const r of [...inputPage.reserved, ...page.boxes]) {
      for (let row = Math.max(0, r.row); row < Math.min(grid.rows, r.row + r.rows); row++) {
        for (let col = Math.max(0, r.col); col < Math.min(grid.columns, r.col + r.span); col++) {
          cells[row * grid.columns + col] = -1;
        }
      }
    }
    let used = 0;
    for (const m of page.modules) {
      const where = `page ${page.number} ${m.articleId}`;
      const a = articles.get(m.articleId);
      if (a === undefined) {
        problems.push(`${where}: unknown article`);
        continue;
      }
      if (m.col < 0 || m.row < 0 || m.col + m.span > grid.columns || m.row + m.rows > grid.rows) {
        problems.push(`${where}: leaves the grid`);
        continue;
      }
      for (let row = m.row; row < m.row + m.rows; row++) {
        for (let col = m.col; col < m.col + m.span; col++) {
          const cell = cells[row * grid.columns + col];
          if (cell === -1) problems.push(`${where}: covers reserved or booked ${col},${row}`);
          else if (cell !== 0) problems.push(`${where}: overlaps at ${col},${row}`);
          cells[row * grid.columns + col] = 1;
        }
      }
      const heads = m.continuedFrom === undefined ? a.headRows : a.continuationHeadRows;
      if (m.headRows !== (heads[m.span - 1] ?? heads.at(-1))) problems.push(`${where}: head rows`);
      // Photos sit under the head, inside the module, apart; text starts under them.
      const depth = new Array<number>(m.span).fill(m.headRows);
      const photoCells = new Set<number>();
      for (const im of m.images) {
        const src = a.images[im.index];
        if (src === undefined || m.continuedFrom !== undefined) problems.push(`${where}: bad image`);
        const bottom = im.row + im.photoRows + im.captionRows;
        if (im.col < 0 || im.col + im.span > m.span || im.row < m.headRows || bottom > m.rows) {
          problems.push(`${where}: image ${im.index} placement`);
        }
        for (let col = im.col; col < im.col + im.span; col++) {
          depth[col] = Math.max(depth[col] ?? 0, bottom);
          for (let row = im.row; row < bottom; row++) {
            if (photoCells.has(row * 100 + col)) problems.push(`${where}: images overlap`);
            photoCells.add(row * 100 + col);
          }
        }
        if (src !== undefined) {
          const width = im.span * grid.columnWidth + (im.span - 1) * grid.gutter;
          const exact = width / src.aspect / grid.linePitch;
          const ratio = exact / im.photoRows;
          if (im.photoRows !== Math.max(1, Math.round(exact)) && (ratio < 0.75 - 1e-5 || ratio > 1.25 + 1e-5)) {
            problems.push(`${where}: photo cropped by ${ratio}`);
          }
          if (im.captionRows !== (src.captionRows[im.span - 1] ?? 0)) problems.push(`${where}: caption rows`);
        }
        used += im.span * (im.photoRows + im.captionRows);
      }
      if (m.continuedFrom === undefined && m.images.length !== a.images.length)
        problems.push(`${where}: photos missing`);
      used += m.headRows * m.span;
      // A vertical head: its block at the module's right, as measured; text and photos left of it.
      const side = m.continuedFrom === undefined ? a.sideHead : undefined;
      const textSpan = m.span - (m.sideHead?.span ?? 0);
      if (side && (m.sideHead?.span !== side.span || m.sideHead.rows !== side.rows || m.rows < side.rows))
        problems.push(`${where}: vertical head`);
      if (!side && m.sideHead) problems.push(`${where}: a vertical head it does not have`);
      if (m.sideHead) used += m.sideHead.span * m.sideHead.rows;
      if (m.images.some((im) => im.col + im.span > textSpan))
        problems.push(`${where}: a photo under the vertical head`);
      m.columns.forEach((c, i) => {
        const last = i === m.columns.length - 1;
        const jumpRow = last && m.continuesOn !== undefined ? 1 : 0;
        const top = depth[c.col] ?? m.headRows;
        if (c.col < 0 || c.col >= textSpan || c.row < top || c.row + c.rows !== m.rows) {
          problems.push(`${where}: column ${c.col} at row ${c.row} (${c.rows} rows)`);
        }
        if (c.end - c.start + jumpRow > c.rows) problems.push(`${where}: column ${c.col} overfull`);
        if (i > 0 && c.col <= (m.columns[i - 1]?.col ?? -1)) problems.push(`${where}: columns out of order`);
        used += c.end - c.start;
        const list = placed.get(m.articleId) ?? [];
        list.push([c.start, c.end]);
        placed.set(m.articleId, list);
      });
      if (m.continuesOn !== undefined) used += 1;
    }
    for (const r of page.boxes) {
      for (let row = r.row; row < r.row + r.rows; row++) {
        for (let col = r.col; col < r.col + r.span; col++) {
          if (cells[row * grid.columns + col] !== -1) problems.push(`ad ${r.id}: overlaps at ${col},${row}`);
        }
      }
    }
    const total = cells.filter((c) => c !== -1).length;
    if (page.totalCells !== total) problems.push(`page ${page.number}: totalCells ${page.totalCells} ≠ ${total}`);
    // Empty: cells in modules holding nothing plus cells in no module, i.e. all but the used.
    const empty = total - used;
    if (page.emptyCells !== empty) problems.push(`page ${page.number}: emptyCells ${page.emptyCells} ≠ ${empty}`);
  });
  // Lines: every line once, in order; the rest reported unplaced.
  const unplaced = new Map<string, number>();
  if (!result.ok)
    for (const u of result.unplaced) unplaced.set(u.articleId, (unplaced.get(u.articleId) ?? 0) + u.lines);
  for (const [id, a] of articles) {
    if (unusedFillers.has(id)) {
      if (placed.has(id)) problems.push(`${id}: an unused filler is placed`);
      continue;
    }
    const cut = layout.cuts.filter((c) => c.articleId === id).flatMap((c) => c.paragraphs);
    for (const p of cut)
      if (!(a.cuttable ?? []).includes(p)) problems.push(`${id}: paragraph ${p} cut without consent`);
    const lines = linesAfterCuts(a.lines, cut);
    let next = 0;
    for (const [start, end] of placed.get(id) ?? []) {
      if (start !== next || end < start) problems.push(`${id}: lines ${start}..${end} after ${next}`);
      next = end;
    }
    const missing = lines.length - next;
    if (missing !== (unplaced.get(id) ?? 0)) {
      problems.push(`${id}: ${missing} lines not placed, ${unplaced.get(id) ?? 0} reported`);
    }
  }
  // Jumps agree with the modules on both pages.
  const numbers = layout.pages.map((p) => p.number);
  for (const jump of layout.jumps) {
    const from = layout.pages.find((p) => p.number === jump.fromPage);
    const to = layout.pages.find((p) => p.number === jump.toPage);
    const out = from?.modules.find((m) => m.articleId === jump.articleId && m.continuesOn === jump.toPage);
    const back = to?.modules.find((m) => m.articleId === jump.articleId && m.continuedFrom === jump.fromPage);
    if (jump.toPage <= jump.fromPage || numbers.indexOf(jump.toPage) <= numbers.indexOf(jump.fromPage)) {
      problems.push(`${jump.articleId}: jump back`);
    }
    if (out === undefined || out.columns.at(-1)?.end !== jump.atLine) problems.push(`${jump.articleId}: jump source`);
    if (back === undefined || back.columns[0]?.start !== jump.atLine) problems.push(`${jump.articleId}: jump target`);
  }
  for (const page of layout.pages) {
    for (const m of page.modules) {
      const hasOut =
        m.continuesOn === undefined ||
        layout.jumps.some((j) => j.articleId === m.articleId && j.fromPage === page.number);
      const hasIn =
        m.continuedFrom === undefined ||
        layout.jumps.some((j) => j.articleId === m.articleId && j.toPage === page.number);
      if (!hasOut || !hasIn) problems.push(`page ${page.number} ${m.articleId}: continuation without a jump`);
    }
  }
  return problems;
}

// Compact specs, so a failing case prints readably; built into metrics inside the property.
export const articleSpec = fc.record({
  lines: fc.integer({ min: 0, max: 400 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  priority: fc.integer({ min: 1, max: 6 }),
  head: fc.integer({ min: 1, max: 6 }),
  cont: fc.integer({ min: 1, max: 2 }),
  photos: fc.array(
    fc.record({ aspect: fc.double({ min: 0.5, max: 2.2, noNaN: true }), caption: fc.integer({ min: 0, max: 3 }) }),
    { maxLength: 2 },
  ),
});
type ArticleSpec = typeof articleSpec extends fc.Arbitrary<infer T> ? T : never;

export const issueSpec = (maxPages: number) =>
  fc.record({
    columns: fc.integer({ min: 4, max: 8 }),
    rows: fc.integer({ min: 40, max: 110 }),
    band: fc.option(fc.integer({ min: 3, max: 12 }), { nil: undefined }),
    first: fc.integer({ min: 1, max: 20 }),
    pages: fc.array(fc.array(articleSpec, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: maxPages }),
  });
type IssueSpec = typeof issueSpec extends (n: number) => fc.Arbitrary<infer T> ? T : never;

function buildArticle(spec: ArticleSpec, id: string, order: number, columns: number): ArticleMetrics {
  return {
    id,
    order,
    priority: spec.priority,
    headRows: headRows(spec.head, columns),
    continuationHeadRows: headRows(spec.cont, columns),
    lines: bodyLines(spec.lines, random(spec.seed)),
    images: spec.photos.map((p) => ({
      aspect: p.aspect,
      captionRows: Array.from({ length: columns }, (_, k) => (k === 0 ? p.caption + 1 : p.caption)),
    })),
  };
}

export function buildIssue(spec: IssueSpec): MakeupInput {
  const grid: Grid = { columns: spec.columns, rows: spec.rows, ...TABLOID };
  let next = 0;
  return {
    grid,
    pages: spec.pages.map((articles, p) => ({
      number: spec.first + p,
      articles: articles.map((a, i) => buildArticle(a, `a${next++}`, i, spec.columns)),
      reserved: spec.band !== undefined && p === 0 ? [{ col: 0, row: 0, span: spec.columns, rows: spec.band }] : [],
    })),
  };
}

/** Cells an article needs at its narrowest: lines, one-column head, photos and captions. */
export function material(article: ArticleMetrics, grid: Grid): number {
  const photos = article.images.reduce((sum, image) => {
    const rows = Math.max(1, Math.round(grid.columnWidth / image.aspect / grid.linePitch));
    return sum + rows + (image.captionRows[0] ?? 0);
  }, 0);
  return article.lines.length + (article.headRows[0] ?? 0) + photos;
}

/** Automatic modules with blank cells all along their top edge: a hole above them they could
 *  have moved up into. A page short of material leaves its blank rows at the foot of the columns,
 *  each module as high as the modules, ads and pins above it allow (page/settle.ts). */
export function holesOf(grid: Grid, page: Layout["pages"][number], reserved: GridRect[] = []): string[] {
  const taken = new Array<boolean>(grid.columns * grid.rows).fill(false);
  for (const r of [...page.modules, ...page.boxes, ...reserved])
    for (let row = r.row; row < r.row + r.rows; row++)
      for (let col = r.col; col < r.col + r.span; col++) taken[row * grid.columns + col] = true;
  return page.modules
    .filter((m) => m.origin === "auto" && m.row > 0)
    .filter((m) => {
      for (let col = m.col; col < m.col + m.span; col++) if (taken[(m.row - 1) * grid.columns + col]) return false;
      return true;
    })
    .map((m) => `page ${page.number}: ${m.articleId} at row ${m.row} has a blank row above it`);
}
