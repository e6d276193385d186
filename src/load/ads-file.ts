import { join, resolve } from "node:path";
import { DEFAULTS } from "../config/defaults";
import { confinedFileSync, FileProblem, readRegularFileSync } from "../files";
import { decodeIssueBytes } from "./decode";
import { describeValue, type IssueProblem, jsonPath } from "./errors";
import { parseJson } from "./json-text";
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
  const shown = join(shownIssue, "..", name);
  // Inside the issue folder through symlinks, a regular file, never more than the limit (src/files.ts).
  let bytes: Buffer;
  try {
    const limit = DEFAULTS.maxFileBytes.ads;
    bytes = readRegularFileSync(confinedFileSync([issueDir], path, "the issue folder", limit), limit);
  } catch (err) {
    if (!(err instanceof FileProblem)) throw err;
    return [
      {
        file: shownIssue,
        path: "ads",
        expected: "a file inside the issue folder",
        found: `${JSON.stringify(name)}: ${err.message}`,
      },
    ];
  }
  const decoded = decodeIssueBytes(bytes);
  if (!decoded.ok) return [{ file: shown, path: "", expected: "a file saved as UTF-8", found: decoded.found }];
  const json = parseJson(decoded.text);
  if (json.problems.length > 0 || json.value === undefined) return json.problems.map((p) => ({ file: shown, ...p }));
  const raw = json.value;
  // A page key JSON.parse makes an own property but zod's copy would make a prototype: refused.
  if (raw !== null && typeof raw === "object" && Object.hasOwn(raw, "__proto__"))
    return [{ file: shown, path: "__proto__", expected: "a page number as the key", found: '"__proto__"' }];
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
