import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { APP_ROOT } from "../app-root";
import { DEFAULTS, STYLE_DEFAULTS } from "../config/defaults";
import { type HouseStyle, resolveStyle, StyleResolveError } from "../config/house-style";
import { LANGS, type Lang, styleSchema } from "../config/style-schema";
import { confinedFileSync, FileProblem, readRegularFileSync } from "../files";
import { decodeIssueBytes } from "./decode";
import type { IssueProblem } from "./errors";
import { parseJson } from "./json-text";
import { styleWordProblems } from "./text-rules";
import { toProblem } from "./zod-problems";

// The paper's style file: `style.json` beside the issue, or the one the issue names with "style":
// a path inside the issue folder ("house/paper.json"), or a bare name for a shared style of the app
// (styles/papers/<name>.json). Read, validated and resolved with the defaults once, here. The style
// file, and the fonts and logo it names, are confined as photos are (src/files.ts): the issue
// folder, or the app's styles/ folder, through symlinks.

export const STYLE_FILE = "style.json";

const isStyleName = (named: string) => /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(named);

/** Where the issue's style file is (absent: none beside it and none named). */
export function styleFilePath(issueDir: string, named: string | undefined): string | undefined {
  if (named === undefined) {
    const beside = join(issueDir, STYLE_FILE);
    return existsSync(beside) ? beside : undefined;
  }
  return isStyleName(named)
    ? join(APP_ROOT, STYLE_DEFAULTS.sharedStylesDir, `${named}.json`)
    : resolve(issueDir, named);
}

/** Where the files a style names may be: the issue folder and the app's styles folder. */
const styleRoots = (issueDir: string) => [issueDir, join(APP_ROOT, "styles")];
const STYLE_ROOTS_SHOWN = "the issue folder or the app's styles/ folder";

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
    // A bare name is a style of the app's; a path, one of the issue folder's.
    const shared = named !== undefined && isStyleName(named);
    const [root, where] = shared ? [dirname(file), "the app's shared styles"] : [issueDir, "the issue folder"];
    const limit = DEFAULTS.maxFileBytes.style;
    bytes = readRegularFileSync(confinedFileSync([root], file, where, limit), limit);
  } catch (err) {
    if (!(err instanceof FileProblem)) throw err;
    return {
      problems: [
        atIssue("a style file inside the issue folder, or the name of a shared style", `${shown}: ${err.message}`),
      ],
    };
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
  const namedFiles = [
    ...parsed.data.faces.map((f, i) => ({ path: `faces[${i}].src`, src: f.src, expected: "a font file" })),
    ...(parsed.data.masthead?.logo
      ? [{ path: "masthead.logo", src: parsed.data.masthead.logo, expected: "a logo image" }]
      : []),
  ];
  for (const f of namedFiles) {
    try {
      confinedFileSync(styleRoots(issueDir), resolve(dir, f.src), STYLE_ROOTS_SHOWN, DEFAULTS.maxFileBytes.font);
    } catch (err) {
      if (!(err instanceof FileProblem)) throw err;
      problems.push({
        file: shown,
        path: f.path,
        expected: `${f.expected} inside ${STYLE_ROOTS_SHOWN}`,
        found: `${JSON.stringify(f.src)}: ${err.message}`,
      });
    }
  }
  if (problems.length > 0) return { problems };
  let style: HouseStyle;
  try {
    style = resolveStyle({ lang, style: parsed.data, file, dir });
  } catch (err) {
    if (!(err instanceof StyleResolveError)) throw err;
    return { problems: err.problems.map((p) => ({ file: shown, ...p })) };
  }
  // The style's words are printed as the issue's text is: the same checks of their characters.
  const words = styleWordProblems(json.value, style).map((p) => ({ file: shown, ...p }));
  return words.length > 0 ? { problems: words } : { style, problems };
}
