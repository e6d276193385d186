import { MAX_POOL_REPAIRS } from "../limits";
import type { MakeupInput, MakeupResult } from "../types";
import { checkGrid, lostLines, makeUpPages } from "./issue-makeup";
import type { PageMemo } from "./page-memo";
import { PoolPlanner } from "./pool-planner";
import { noRules, type PoolRules, repairRules } from "./pool-repair";

// The make-up of an issue: without a story pool, every page in order with the stories the editor
// put on it; with one, the pool planned onto the pages first, and planned again with rules that
// place what a plan left out, as long as that loses fewer lines.

/** Make up every page of the issue, the story pool planned onto the pages first. Throws
 *  MakeupError for impossible ads, pins or explicit make-up. */
export function makeUp(input: MakeupInput, memo?: PageMemo): MakeupResult {
  if (!input.pool?.length) return makeUpPages(input, memo);
  checkGrid(input);
  let rules = noRules();
  let best = planPool(input, rules, memo);
  let trials = best.layout.plan?.trials ?? 0;
  for (let round = 0; round < MAX_POOL_REPAIRS && !best.ok; round++) {
    const next = repairRules(input, best, rules);
    if (next === undefined) break;
    const tried = planPool(input, next, memo);
    trials += tried.layout.plan?.trials ?? 0;
    if (lostLines(tried) >= lostLines(best)) break;
    best = tried;
    rules = next;
  }
  if (best.layout.plan) best.layout.plan.trials = trials;
  return best;
}

function planPool(input: MakeupInput, rules: PoolRules, memo?: PageMemo): MakeupResult {
  const planner = new PoolPlanner(input, rules, memo);
  for (const [index, page] of input.pages.entries()) planner.plan(index, page);
  return planner.finish();
}
