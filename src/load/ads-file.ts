import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isInside } from "../paths";
import { describeValue, type IssueProblem, jsonPath } from "./errors";
import { type AdData, adsFileSchema, type IssueData } from "./schema";

// The ad department's file beside the issue ("ads": "ads.json"): ads by page number, in the same
// form as a page's "ads". Editorial never edits it; the load merges its ads into their pages, and
// every problem names that file and the path in it.

/** Where an ad merged from the ad department's file was written: file and JSON path. */
const ORIGIN = new WeakMap<AdData, { file: string; path: string }>();

export function adOrigin(ad: AdData): { file: string; path: string } | undefined {
  return ORIGIN.get(ad);
}

export function mergeAdsFile(data: IssueData, issueDir: string, shownIssue: string): IssueProblem[] {
  const name = data.ads;
  if (name === undefined) return [];
  const path = resolve(issueDir, name);
  if (!isInside(issueDir, path)) {
    return [{ file: shownIssue, path: "ads", expected: "a file inside the issue folder", found: JSON.stringify(name) }];
  }
  const shown = join(shownIssue, "..", name);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    const found = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return [{ file: shown, path: "", expected: "a readable JSON file of ads by page number", found }];
  }
  const parsed = adsFileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({
      file: shown,
      path: jsonPath(i.path),
      expected: i.message,
      found: "input" in i ? describeValue(i.input) : "something else",
    }));
  }
  const problems: IssueProblem[] = [];
  for (const [key, ads] of Object.entries(parsed.data)) {
    if (key === "$schema" || !Array.isArray(ads)) continue;
    const page = Number(key);
    const target = Number.isInteger(page) ? data.pages[page - 1] : undefined;
    if (!target) {
      problems.push({
        file: shown,
        path: key,
        expected: `a page number 1–${data.pages.length}`,
        found: JSON.stringify(key),
      });
      continue;
    }
    for (const [i, ad] of ads.entries()) ORIGIN.set(ad, { file: shown, path: jsonPath([key, i]) });
    target.ads.push(...ads);
  }
  return problems;
}
