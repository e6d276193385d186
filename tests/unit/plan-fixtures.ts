import fc from "fast-check";
import type { ArticleMetrics, Grid, MakeupInput, PageInput, PoolStory } from "../../src/makeup/types";
import { article, image, material, random, TABLOID } from "./makeup-fixtures";

// Random issues with a story pool, for the planner's tests: random pools and sections over
// 2–16 pages, with ads, pins and stories the editor fixed on pages.

const SECTIONS = ["要闻", "民生", "文化"] as const;

export const planSpec = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  columns: fc.integer({ min: 4, max: 8 }),
  rows: fc.integer({ min: 50, max: 110 }),
  band: fc.option(fc.integer({ min: 4, max: 12 }), { nil: undefined }),
  pages: fc.array(
    fc.record({
      /** Index into SECTIONS; 3: a page of no section. */
      section: fc.integer({ min: 0, max: 3 }),
      ad: fc.option(fc.record({ span: fc.integer({ min: 1, max: 8 }), rows: fc.integer({ min: 6, max: 24 }) }), {
        nil: undefined,
      }),
      /** Stories fixed on the page by the editor (the first one pinned top left if `pin`). */
      fixed: fc.integer({ min: 0, max: 2 }),
      pin: fc.boolean(),
      maxJumps: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    }),
    { minLength: 2, maxLength: 16 },
  ),
  /** Material of the pool and the fixed stories, as a share of the pages' free cells. */
  fill: fc.double({ min: 0.2, max: 1.3, noNaN: true }),
  /** Share of pool stories with no section. */
  loose: fc.double({ min: 0, max: 1, noNaN: true }),
});
export type PlanSpec = typeof planSpec extends fc.Arbitrary<infer T> ? T : never;

/** Free cells of a page for editorial: the type area less the masthead band and its ad. */
function freeCells(page: PageInput, grid: Grid): number {
  const reserved = page.reserved.reduce((n, r) => n + r.span * r.rows, 0);
  const booked = (page.booked ?? []).reduce((n, b) => n + b.span * b.rows, 0);
  return grid.columns * grid.rows - reserved - booked;
}

/** A story as newsrooms write them: 10–150 lines, a head, a photo now and then. */
function story(id: string, rand: () => number, grid: Grid, order: number): ArticleMetrics {
  const photos = rand() < 0.35 ? [image(0.7 + rand() * 1.3, Math.floor(rand() * 3), grid.columns)] : [];
  return article(id, order, 10 + Math.floor(rand() * 140), {
    priority: 1 + Math.floor(rand() * 5),
    head: 2 + Math.floor(rand() * 4),
    images: photos,
    gridColumns: grid.columns,
    seed: Math.floor(rand() * 1e9),
  });
}

/** The issue of a spec: each page's share of material (up to `fill` of its free cells) is
 *  written for it, fixed on it or into the pool under its section or none, so that a section
 *  never has more than its pages hold. */
export function buildPlanIssue(spec: PlanSpec, adsAcross = false): MakeupInput {
  const rand = random(spec.seed);
  const grid: Grid = { columns: spec.columns, rows: spec.rows, ...TABLOID };
  const pool: PoolStory[] = [];
  let next = 0;
  const pages = spec.pages.map((p, index): PageInput => {
    const section = SECTIONS[p.section];
    const page: PageInput = {
      number: index + 1,
      ...(section ? { section } : {}),
      articles: [],
      reserved: spec.band !== undefined && index === 0 ? [{ col: 0, row: 0, span: grid.columns, rows: spec.band }] : [],
      ...(p.maxJumps !== undefined ? { maxJumps: p.maxJumps } : {}),
    };
    if (p.ad) {
      // As ads are sold: half the width or more (`adsAcross`: the whole width), up to a fifth
      // of the page high.
      const half = Math.max(Math.ceil(grid.columns / 2), Math.min(p.ad.span, grid.columns));
      const span = adsAcross ? grid.columns : half;
      const rows = Math.min(p.ad.rows, Math.floor(grid.rows / 5));
      page.booked = [{ id: `ad${index}`, span, rows, position: "bottom" }];
    }
    let budget = spec.fill * freeCells(page, grid);
    for (let i = 0; i < p.fixed; i++) {
      const a = story(`f${next++}`, rand, grid, i);
      if (material(a, grid) > budget) break;
      page.articles.push(a);
      budget -= material(a, grid);
    }
    // Pinned two columns wide where it fits there (a pinned story does not jump off its pin).
    const pinned = page.articles[0];
    const span = Math.min(2, grid.columns);
    if (p.pin && pinned && material(pinned, grid) < 0.6 * span * grid.rows) {
      const top = page.reserved.reduce((row, r) => Math.max(row, r.row + r.rows), 0);
      page.pins = [{ articleId: pinned.id, col: 0, row: top, span }];
    }
    for (;;) {
      const a = story(`s${next++}`, rand, grid, 500 + pool.length);
      if (material(a, grid) > budget) break;
      const loose = section === undefined || rand() < spec.loose;
      pool.push(loose ? a : { ...a, section });
      budget -= material(a, grid);
    }
    return page;
  });
  // The editor lists the pool in any order.
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as PoolStory, pool[i] as PoolStory];
  }
  return { grid, pages, pool };
}
