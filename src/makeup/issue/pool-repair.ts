import { isFull } from "../rules/page-fill";
import { rulesOf } from "../rules/settings";
import type { MakeupInput, MakeupResult } from "../types";
import { storyCells } from "./estimate";
import { candidatesFor } from "./pool";

// When a plan leaves something out, the next plan is told what to do differently: a story whose
// jumped rest found no room may not start on that page again; a story no page took is pulled
// onto a page of its section left short (or the one before its last, so that it may jump); the
// rests of pool stories that pushed an editor's story off its page start elsewhere.

export interface PoolRules {
  /** "page:story": the story may not go on that page (printed number). */
  banned: Set<string>;
  /** Printed page number → pool stories it takes first. */
  forced: Map<number, string[]>;
}

export const noRules = (): PoolRules => ({ banned: new Set(), forced: new Map() });

export const bannedKey = (page: number, story: string) => `${page}:${story}`;

function cloneRules(rules: PoolRules): PoolRules {
  return { banned: new Set(rules.banned), forced: new Map([...rules.forced].map(([p, ids]) => [p, [...ids]])) };
}

/** The rules for the next plan, or undefined when nothing is left to change. */
export function repairRules(input: MakeupInput, result: MakeupResult, rules: PoolRules): PoolRules | undefined {
  if (result.ok) return undefined;
  // Only when the pages have room for what was left out: else another plan cannot help.
  const pool = new Map((input.pool ?? []).map((s) => [s.id, s]));
  const { layout } = result;
  const left = result.unplaced.reduce((n, u) => {
    const story = pool.get(u.articleId);
    return n + (story && u.page === undefined ? storyCells(story, input.grid, rulesOf(input)) : u.lines);
  }, 0);
  const automatic = new Set(input.pages.filter((p) => p.fixed === undefined).map((p) => p.number));
  const empty = layout.pages.reduce((n, p) => n + (automatic.has(p.number) ? p.emptyCells : 0), 0);
  if (left > empty) return undefined;
  const next = cloneRules(rules);
  let changed = false;
  const ban = (page: number, story: string) => {
    const key = bannedKey(page, story);
    if (!next.banned.has(key)) changed = true;
    next.banned.add(key);
  };
  const startPage = (id: string) =>
    layout.pages.find((p) => p.modules.some((m) => m.articleId === id && m.continuedFrom === undefined))?.number;
  for (const lost of result.unplaced) {
    const story = pool.get(lost.articleId);
    const start = startPage(lost.articleId);
    if (story && start !== undefined) {
      // Started, but its rest found no room: it starts somewhere else.
      ban(start, story.id);
    } else if (story) {
      const eligible = input.pages.filter((p) => candidatesFor(p, [story]).length > 0).map((p) => p.number);
      const open = eligible.filter((n) => !next.banned.has(bannedKey(n, story.id)));
      const short = open.filter((n) => {
        const page = layout.pages.find((p) => p.number === n);
        return page !== undefined && !isFull(page.emptyCells, page.totalCells, rulesOf(input).maxEmptyShare);
      });
      // Rests of other sections' stories jumped onto its pages start elsewhere.
      for (const jump of layout.jumps) {
        const from = pool.get(jump.articleId);
        if (from && from.section !== story.section && eligible.includes(jump.toPage)) ban(jump.fromPage, from.id);
      }
      const target = short[0] ?? open.at(-2);
      if (target === undefined || next.forced.get(target)?.includes(story.id)) continue;
      for (const [page, ids] of next.forced)
        next.forced.set(
          page,
          ids.filter((id) => id !== story.id),
        );
      next.forced.set(target, [...(next.forced.get(target) ?? []), story.id]);
      changed = true;
    } else if (lost.page !== undefined) {
      // An editor's story lost text: the pool's rests jumped onto its page go elsewhere.
      for (const jump of layout.jumps) {
        if (jump.toPage === lost.page && pool.has(jump.articleId)) ban(jump.fromPage, jump.articleId);
      }
    }
  }
  return changed ? next : undefined;
}
