import { readFile, stat } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import type { HouseStyle } from "../config/house-style";
import { mergeAdsFile } from "./ads-file";
import { decodeIssueBytes } from "./decode";
import { editionProblems } from "./editions";
import { IssueError, type IssueProblem } from "./errors";
import { FormatError, type PageFormat, resolveFormat } from "./format";
import { type JsonProblem, parseJson } from "./json-text";
import { locateProblems } from "./locate";
import { checkMakeupRules } from "./makeup-rules";
import { placementProblems } from "./placements";
import { type ExplicitPlacement, type IssueData, issueSchema, pageSchema } from "./schema";
import { examineStyle } from "./style-file";
import { normaliseHeadBreaks, textProblems } from "./text-rules";
import { toProblem } from "./zod-problems";

/** A validated issue and where it came from. */
export interface Issue {
  data: IssueData;
  /** Absolute path of issue.json and of its folder (photos are relative to it). */
  file: string;
  dir: string;
  /** Output base name, from the folder (issues/dongchangfu → dongchangfu). */
  name: string;
  format: PageFormat;
  /** The paper's house style, resolved with the defaults (src/config/house-style.ts). */
  style: HouseStyle;
  /** Set on a zoned edition's whole issue: the edition, and the base issue whose front page (its
   *  masthead and index) it shares. */
  edition?: { id: string; name: string; base: IssueData };
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
  const { file, shown, bytes } = await readIssueFile(target);
  return parseIssue(bytes, file, shown);
}

/** The bytes of issue.json, or an IssueError saying why they cannot be read. */
export async function readIssueFile(target: string): Promise<{ file: string; shown: string; bytes: Uint8Array }> {
  const file = await resolveIssuePath(target);
  const shown = relative(process.cwd(), file) || file;
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    const found = err.code === "EISDIR" ? "a folder" : (err.code ?? err.message);
    throw new IssueError([{ file: shown, path: "", expected: "a readable issue.json", found }]);
  });
  return { file, shown, bytes };
}

/** The issue, or an IssueError listing every problem of the file. */
export function parseIssue(input: string | Uint8Array, file: string, shown = file): Issue {
  const { issue, problems } = examineIssue(input, file, shown);
  if (problems.length > 0 || !issue) throw new IssueError(problems);
  return issue;
}

export interface Examined {
  /** Set when there is no problem. */
  issue?: Issue;
  /** The parsed JSON, when the file is JSON at all: later checks (photos) read it. */
  raw?: unknown;
  problems: IssueProblem[];
}

/**
 * Every problem of an issue file that the file alone shows: encoding, syntax, duplicate keys,
 * schema, characters, consistency, format and explicit placements. Never throws for bad input.
 */
export function examineIssue(input: string | Uint8Array, file: string, shown = file): Examined {
  const located = (p: JsonProblem): IssueProblem => ({ file: shown, ...p });
  let text: string;
  if (typeof input === "string") text = input.replace(/^\uFEFF/, "");
  else {
    const decoded = decodeIssueBytes(input);
    if (!decoded.ok)
      return { problems: [{ file: shown, path: "", expected: "a file saved as UTF-8", found: decoded.found }] };
    text = decoded.text;
  }
  const json = parseJson(text);
  const problems = json.problems.map(located);
  if (json.value === undefined) return { problems };
  const raw = json.value;
  normaliseHeadBreaks(raw);

  const parsed = issueSchema.safeParse(raw, { reportInput: true });
  const schemaProblems = parsed.success ? [] : parsed.error.issues.map((i) => toProblem(shown, i, json.literalAt));
  problems.push(...schemaProblems);
  const house = examineStyle(raw, file, shown);
  problems.push(...house.problems);
  // One problem per field: what the schema said of a field stands alone.
  const taken = new Set(schemaProblems.map((p) => p.path));
  problems.push(
    ...textProblems(raw, house.style)
      .filter((p) => !taken.has(p.path))
      .map(located),
  );

  const format = formatOf(raw, parsed.success ? parsed.data.format : undefined);
  if (format.problem && !taken.has(format.problem.path)) problems.push(located(format.problem));
  if (parsed.success) {
    problems.push(
      ...mergeAdsFile(parsed.data, dirname(file), shown),
      ...checkConsistency(shown, parsed.data),
      ...checkMakeupRules(shown, parsed.data),
      ...editionProblems(
        shown,
        parsed.data,
        (whole) => [...checkConsistency(shown, whole), ...checkMakeupRules(shown, whole)],
        format.grid,
      ),
    );
  }
  const grid = format.grid;
  if (grid)
    problems.push(
      ...layoutsOf(raw)
        .flatMap(([p, layout]) => placementProblems(p, layout, grid))
        .map(located),
    );

  if (problems.length > 0 || !parsed.success || !format.grid || !house.style)
    return { raw, problems: locateProblems(raw, shown, problems) };
  const dir = dirname(file);
  const name = dir.split(/[\\/]/).pop() || "issue";
  const style = house.style;
  // An ad that names no label gets the paper's word for one.
  const editionPages = parsed.data.editions.flatMap((e) => Object.values(e.pages));
  for (const ad of [...parsed.data.pages, ...editionPages].flatMap((p) => p.ads))
    ad.label ??= style.langs[style.lang].words.ad;
  return { issue: { data: parsed.data, file, dir, name, format: format.grid, style }, raw, problems };
}

/** The format resolved, from the whole issue when it is valid, else from its format field alone. */
function formatOf(raw: unknown, valid?: IssueData["format"]): { grid?: PageFormat; problem?: JsonProblem } {
  let format = valid;
  if (format === undefined) {
    const field = issueSchema.shape.format.safeParse((raw as { format?: unknown } | null)?.format);
    if (!field.success) return {};
    format = field.data;
  }
  try {
    return { grid: resolveFormat(format) };
  } catch (err) {
    if (!(err instanceof FormatError)) throw err;
    return { problem: { path: err.path, expected: err.expected, found: err.message } };
  }
}

/** Each page's explicit placements that are well formed, by page index. */
function layoutsOf(raw: unknown): [number, ExplicitPlacement[]][] {
  const pages = (raw as { pages?: unknown } | null)?.pages;
  if (!Array.isArray(pages)) return [];
  return pages.flatMap((page, p): [number, ExplicitPlacement[]][] => {
    const layout = pageSchema.shape.layout.safeParse((page as { layout?: unknown } | null)?.layout);
    return layout.success && Array.isArray(layout.data) ? [[p, layout.data]] : [];
  });
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
