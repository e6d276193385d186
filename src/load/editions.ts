import type { GridSize } from "../grid";
import type { IssueProblem } from "./errors";
import type { JsonProblem } from "./json-text";
import { placementProblems } from "./placements";
import type { EditionData, IssueData, PageData } from "./schema";

// Zoned editions (分版): an edition is the base issue with some pages replaced. Its pages are checked
// as pages of that edition's whole issue (ids unique in it, placements on the grid), and a jump
// (jumpTo) may not cross between a page the edition replaces and one it shares with the base.

/** The page numbers an edition replaces, in page order. */
export function replacedPageNumbers(edition: EditionData): number[] {
  return Object.keys(edition.pages)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * Each page's zone: the ids of the editions that replace it ("" for a page every edition shares).
 * A story jumps only between pages of one zone, so no edition prints half of it.
 */
export function pageZones(data: IssueData): string[] {
  return data.pages.map((_, i) =>
    data.editions
      .filter((e) => e.pages[String(i + 1)] !== undefined)
      .map((e) => e.id)
      .sort()
      .join(" "),
  );
}

/** The edition's whole issue: the base with the edition's pages in place, no editions of its own. */
export function editionIssueData(data: IssueData, edition: EditionData): IssueData {
  const pages = data.pages.map((page, i): PageData => edition.pages[String(i + 1)] ?? page);
  return { ...data, pages, editions: [] };
}

/** Where a problem of an edition page sits in the issue file: pages[1].x → editions[0].pages.2.x. */
function editionPath(e: number, path: string, replaced: Set<number>): string | undefined {
  const m = /^pages\[(\d+)\](.*)$/.exec(path);
  if (!m) return undefined;
  const number = Number(m[1]) + 1;
  return replaced.has(number) ? `editions[${e}].pages.${number}${m[2]}` : undefined;
}

/**
 * Every problem of the editions: ids usable in file names and unique, page numbers of the issue,
 * and each edition's whole issue run through `checks` (the rules of load) with the problems of its
 * replaced pages kept (the shared pages' are the base's, reported once).
 */
export function editionProblems(
  file: string,
  data: IssueData,
  checks: (data: IssueData) => IssueProblem[],
  grid?: GridSize,
): IssueProblem[] {
  const problems: IssueProblem[] = [];
  const problem = (path: string, expected: string, found: string) => problems.push({ file, path, expected, found });
  const seen = new Map<string, number>();
  const pageCount = data.pages.length;
  data.editions.forEach((edition, e) => {
    const first = seen.get(edition.id);
    if (first !== undefined)
      problem(
        `editions[${e}].id`,
        "an edition id unique in the issue",
        `"${edition.id}", also at editions[${first}].id`,
      );
    else seen.set(edition.id, e);
    const replaced = new Set<number>();
    for (const key of Object.keys(edition.pages)) {
      const n = Number(key);
      if (!/^[1-9]\d*$/.test(key) || n > pageCount)
        problem(`editions[${e}].pages.${key}`, `a page number of the issue (1–${pageCount})`, `"${key}"`);
      else replaced.add(n);
    }
    if (replaced.size === 0) return;
    const whole = editionIssueData(data, edition);
    // A problem on a shared page or in the pool stays only when it names an edition page (an id
    // used there too); the others are the base's, reported once.
    const inFound = /pages\[(\d+)\]([.\w[\]]*)/g;
    const relocate = (p: JsonProblem | IssueProblem): IssueProblem[] => {
      const path = editionPath(e, p.path, replaced);
      const found = p.found.replace(inFound, (all) => editionPath(e, all, replaced) ?? all);
      if (path === undefined && found === p.found) return [];
      return [{ ...p, file, path: path ?? p.path, found }];
    };
    problems.push(...checks(whole).flatMap(relocate));
    if (grid)
      whole.pages.forEach((page, p) => {
        if (replaced.has(p + 1) && Array.isArray(page.layout))
          problems.push(...placementProblems(p, page.layout, grid).flatMap(relocate));
      });
    for (const jump of crossingJumps(whole, replaced, edition.id))
      problems.push({ ...jump, file, path: editionPath(e, jump.path, replaced) ?? jump.path });
  });
  return problems;
}

/** jumpTo between a replaced page and a shared one, either way: the two pages would not match. */
function crossingJumps(whole: IssueData, replaced: Set<number>, id: string): JsonProblem[] {
  const problems: JsonProblem[] = [];
  whole.pages.forEach((page, p) => {
    const from = p + 1;
    page.articles.forEach((a, i) => {
      if (a.jumpTo === undefined || a.jumpTo > whole.pages.length) return;
      if (replaced.has(from) === replaced.has(a.jumpTo)) return;
      const [edition, shared] = replaced.has(from) ? [from, a.jumpTo] : [a.jumpTo, from];
      problems.push({
        path: `pages[${p}].articles[${i}].jumpTo`,
        expected: "no jump between a page the edition replaces and a page it shares",
        found: `article ${a.id} jumps from page ${from} to page ${a.jumpTo} (edition ${id} replaces page ${edition}, shares page ${shared})`,
      });
    });
  });
  return problems;
}
