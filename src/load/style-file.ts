import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { APP_ROOT } from "../app-root";
import { STYLE_DEFAULTS } from "../config/defaults";
import { type HouseStyle, resolveStyle, StyleResolveError } from "../config/house-style";
import { LANGS, type Lang, styleSchema } from "../config/style-schema";
import { decodeIssueBytes } from "./decode";
import type { IssueProblem } from "./errors";
import { parseJson } from "./json-text";
import { toProblem } from "./zod-problems";

// The paper's style file: `style.json` beside the issue, or the one the issue names with "style":
// a path relative to the issue folder ("../shared/style.json"), or a bare name for a shared style
// of the app (styles/papers/<name>.json). Read, validated and resolved with the defaults once, here.

export const STYLE_FILE = "style.json";

/** Where the issue's style file is (absent: none beside it and none named). */
export function styleFilePath(issueDir: string, named: string | undefined): string | undefined {
  if (named === undefined) {
    const beside = join(issueDir, STYLE_FILE);
    return existsSync(beside) ? beside : undefined;
  }
  const isName = /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(named);
  return isName ? join(APP_ROOT, STYLE_DEFAULTS.sharedStylesDir, `${named}.json`) : resolve(issueDir, named);
}

/** Where the pages may take files from: the issue folder and the app's styles folder. */
export function servable(file: string, issueDir: string): boolean {
  const inside = (root: string) => {
    const rel = relative(root, file);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
  };
  return inside(issueDir) || inside(join(APP_ROOT, "styles"));
}

/** The house style of an issue (from its parsed JSON), or every problem of its style file. */
export function examineStyle(
  raw: unknown,
  issueFile: string,
  shownIssue: string,
): { style?: HouseStyle; problems: IssueProblem[] } {
  const fields = (raw ?? {}) as { lang?: unknown; style?: unknown };
  const lang: Lang = LANGS.includes(fields.lang as Lang) ? (fields.lang as Lang) : "zh-Hans";
  const named = typeof fields.style === "string" && fields.style !== "" ? fields.style : undefined;
  if (fields.style !== undefined && named === undefined) return { problems: [] }; // the schema says why
  const issueDir = dirname(issueFile);
  const file = styleFilePath(issueDir, named);
  if (!file) return { style: resolveStyle({ lang }), problems: [] };
  const shown = relative(process.cwd(), file) || file;
  const atIssue = (expected: string, found: string): IssueProblem => ({
    file: shownIssue,
    path: "style",
    expected,
    found,
  });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const found = code === "EISDIR" ? `${shown}: a folder` : `${shown}: ${code === "ENOENT" ? "no such file" : code}`;
    return { problems: [atIssue("a style file: a path from the issue folder or the name of a shared style", found)] };
  }
  const decoded = decodeIssueBytes(bytes);
  if (!decoded.ok)
    return { problems: [{ file: shown, path: "", expected: "a file saved as UTF-8", found: decoded.found }] };
  const json = parseJson(decoded.text);
  const problems: IssueProblem[] = json.problems.map((p) => ({ file: shown, ...p }));
  if (json.value === undefined) return { problems };
  const parsed = styleSchema.safeParse(json.value, { reportInput: true });
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((i) => toProblem(shown, i, json.literalAt)));
    return { problems };
  }
  const dir = dirname(file);
  const outside = [
    ...parsed.data.faces.map((f, i) => ({ path: `faces[${i}].src`, src: f.src })),
    ...(parsed.data.masthead?.logo ? [{ path: "masthead.logo", src: parsed.data.masthead.logo }] : []),
  ].filter((f) => !servable(resolve(dir, f.src), issueDir));
  for (const f of outside)
    problems.push({
      file: shown,
      path: f.path,
      expected: "a file inside the issue folder or the app's styles/ folder",
      found: f.src,
    });
  if (parsed.data.masthead?.logo && !outside.some((f) => f.path === "masthead.logo")) {
    if (!existsSync(resolve(dir, parsed.data.masthead.logo)))
      problems.push({
        file: shown,
        path: "masthead.logo",
        expected: "a logo image",
        found: `${parsed.data.masthead.logo}: no such file`,
      });
  }
  if (problems.length > 0) return { problems };
  try {
    return { style: resolveStyle({ lang, style: parsed.data, file, dir }), problems };
  } catch (err) {
    if (!(err instanceof StyleResolveError)) throw err;
    return { problems: err.problems.map((p) => ({ file: shown, ...p })) };
  }
}
