import { renderDiagnostic } from "../diagnostics";
import type { Layout, PoolPlanStep, RuleBreak, Unplaced } from "../makeup/types";
import type { TypesetModel } from "../typeset/model";
import type { AdviceReport } from "./suggestions";

// The flatplan: the issue page by page as an editor balances it — each page's section, its
// stories with the lines and photos they have there, how full it is, what jumps off it, its
// ads. `newsprint plan` prints it, layout.json and the preview carry it.

export interface FlatplanStory {
  article: string;
  headline?: string;
  /** Where the editor put it: on this page, in the story pool, among the fillers. */
  from: "page" | "pool" | "filler";
  /** A rest jumped from that page. */
  continuedFrom?: number;
  /** Its rest jumps to that page. */
  continuesOn?: number;
  /** Body lines set on this page. */
  lines: number;
  photos: number;
}

export interface FlatplanPage {
  page: number;
  section?: string;
  stories: FlatplanStory[];
  ads: { id: string; span: number; lines: number }[];
  /** Share of the type area (outside the masthead and ads) holding text, heads or photos. */
  fill: number;
  emptyLines: number;
  /** About the free lines the page had for the pool (pages the pool was planned onto). */
  room?: number;
  /** The editorial rules the page breaks, with their measures and limits. */
  rules: RuleBreak[];
  warnings: string[];
}

export interface Flatplan {
  /** Everything fits and no rule the house style makes strict is broken. */
  ok: boolean;
  pages: FlatplanPage[];
  /** What did not fit, and what would make it fit: as lines, and as typed edits of issue.json. */
  unplaced: Unplaced[];
  advice: string[];
  fixes?: AdviceReport;
  /** Rules the house style makes strict that pages break. */
  strict: { page: number; broken: RuleBreak }[];
  /** Why each pool story is where it is. */
  steps: PoolPlanStep[];
}

export function flatplan(
  layout: Layout,
  model: TypesetModel,
  unplaced: Unplaced[] = [],
  advice: string[] = [],
  fixes?: AdviceReport,
  strict: { page: number; broken: RuleBreak }[] = [],
) {
  const data = model.issue.data;
  const pool = new Set(data.articles.map((a) => a.id));
  const fillers = new Set(data.fillers.map((a) => a.id));
  const planned = new Map((layout.plan?.pages ?? []).map((p) => [p.number, p]));
  const pages = layout.pages.map((page): FlatplanPage => {
    const modules = [...page.modules].sort((a, b) => a.row - b.row || a.col - b.col);
    const room = planned.get(page.number)?.room;
    return {
      page: page.number,
      ...(data.pages[page.number - 1]?.section !== undefined ? { section: data.pages[page.number - 1]?.section } : {}),
      stories: modules.map((m) => {
        const headline = model.articles.get(m.articleId)?.article.headline;
        return {
          article: m.articleId,
          ...(headline !== undefined ? { headline } : {}),
          from: pool.has(m.articleId) ? "pool" : fillers.has(m.articleId) ? "filler" : "page",
          ...(m.continuedFrom !== undefined ? { continuedFrom: m.continuedFrom } : {}),
          ...(m.continuesOn !== undefined ? { continuesOn: m.continuesOn } : {}),
          lines: m.columns.reduce((n, c) => n + c.end - c.start, 0),
          photos: m.images.length,
        };
      }),
      ads: page.boxes.map((b) => ({ id: b.id, span: b.span, lines: b.rows })),
      fill: page.totalCells ? 1 - page.emptyCells / page.totalCells : 0,
      emptyLines: page.emptyCells,
      ...(room !== undefined ? { room } : {}),
      rules: page.rules,
      warnings: page.warnings.map(renderDiagnostic),
    };
  });
  const result: Flatplan = {
    ok: unplaced.length === 0 && strict.length === 0,
    pages,
    unplaced,
    advice,
    ...(fixes ? { fixes } : {}),
    strict,
    steps: layout.plan?.steps ?? [],
  };
  return result;
}
