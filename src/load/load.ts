import { readFile, stat } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import type { z } from "zod";
import { mergeAdsFile } from "./ads-file";
import { describeValue, IssueError, type IssueProblem, jsonPath } from "./errors";
import { type FormatError, type PageFormat, resolveFormat } from "./format";
import { checkMakeupRules } from "./makeup-rules";
import { type IssueData, issueSchema } from "./schema";

/** A validated issue and where it came from. */
export interface Issue {
  data: IssueData;
  /** Absolute path of issue.json and of its folder (photos are relative to it). */
  file: string;
  dir: string;
  /** Output base name, from the folder (issues/dongchangfu → dongchangfu). */
  name: string;
  format: PageFormat;
}

/** Accepts an issue folder or an issue.json path. */
export async function resolveIssuePath(target: string): Promise<string> {
  const abs = resolve(target);
  const info = await stat(abs).catch(() => null);
  if (!info)
    throw new IssueError([
      { file: target, path: "", expected: "an issue folder or issue.json", found: "no such file" },
    ]);
  return info.isDirectory() ? join(abs, "issue.json") : abs;
}

export async function loadIssue(target: string): Promise<Issue> {
  const file = await resolveIssuePath(target);
  const shown = relative(process.cwd(), file) || file;
  const text = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    throw new IssueError([
      { file: shown, path: "", expected: "a readable issue.json", found: err.code ?? err.message },
    ]);
  });
  return parseIssue(text, file, shown);
}

export function parseIssue(text: string, file: string, shown = file): Issue {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new IssueError([{ file: shown, path: "", expected: "valid JSON", found: (err as Error).message }]);
  }
  const parsed = issueSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new IssueError(parsed.error.issues.map((i) => toProblem(shown, i)));
  const data = parsed.data;
  const problems = [
    ...mergeAdsFile(data, dirname(file), shown),
    ...checkConsistency(shown, data),
    ...checkMakeupRules(shown, data),
  ];
  let format: PageFormat | undefined;
  try {
    format = resolveFormat(data.format);
  } catch (err) {
    problems.push({
      file: shown,
      path: "format",
      expected: "a format whose columns fit the page",
      found: (err as FormatError).message,
    });
  }
  if (problems.length > 0 || !format) throw new IssueError(problems);
  const dir = dirname(file);
  const name = dir.split(/[\\/]/).pop() || "issue";
  return { data, file, dir, name, format };
}

function toProblem(file: string, issue: z.core.$ZodIssue): IssueProblem {
  const found = "input" in issue ? describeValue(issue.input) : "something else";
  let expected = issue.message;
  if (issue.code === "invalid_type") expected = issue.expected;
  else if (issue.code === "unrecognized_keys") {
    return {
      file,
      path: jsonPath(issue.path),
      expected: "only known fields",
      found: `unknown field(s) ${issue.keys.join(", ")}`,
    };
  } else if (issue.code === "invalid_value")
    expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
  else if (issue.code === "too_small") {
    const unit = issue.origin === "array" ? " item(s)" : issue.origin === "string" ? " character(s)" : "";
    expected = `at least ${String(issue.minimum)}${unit}`;
  } else if (issue.code === "invalid_union") {
    // One alternative per branch, e.g. `one of "tabloid", "broadsheet" or object`.
    const branches = issue.errors.map((branch) => branch.find((b) => b.path.length === 0));
    if (branches.every(Boolean))
      expected = branches.map((b) => toProblem(file, b as z.core.$ZodIssue).expected).join(" or ");
  } else if (issue.code === "too_big") expected = `at most ${String(issue.maximum)}`;
  else if (issue.code === "invalid_format") expected = issue.message.replace(/^Invalid string: /, "");
  return { file, path: jsonPath(issue.path), expected, found };
}

/** Rules across fields that the schema cannot say on its own. */
function checkConsistency(file: string, data: IssueData): IssueProblem[] {
  const problems: IssueProblem[] = [];
  const seen = new Map<string, string>();
  data.pages.forEach((page, p) => {
    const ids = new Set<string>();
    page.articles.forEach((article, a) => {
      const at = `pages[${p}].articles[${a}].id`;
      const first = seen.get(article.id);
      if (first)
        problems.push({
          file,
          path: at,
          expected: "an id unique in the issue",
          found: `"${article.id}", also at ${first}`,
        });
      else seen.set(article.id, at);
      ids.add(article.id);
    });
    if (Array.isArray(page.layout)) {
      page.layout.forEach((placement, i) => {
        if (!ids.has(placement.article)) {
          problems.push({
            file,
            path: `pages[${p}].layout[${i}].article`,
            expected: "the id of an article of this page",
            found: `"${placement.article}"`,
          });
        }
      });
      const placed = new Set(page.layout.map((pl) => pl.article));
      page.articles.forEach((article, a) => {
        if (!placed.has(article.id)) {
          problems.push({
            file,
            path: `pages[${p}].layout`,
            expected: `a placement for every article of the page`,
            found: `none for "${article.id}" (pages[${p}].articles[${a}])`,
          });
        }
      });
    }
  });
  return problems;
}
