import { type Diagnostic, printable } from "../diagnostics";
import { InputError } from "../errors";
// Every problem of an issue file at once, each with file, JSON path, what was expected and what
// was found, and the article or ad it concerns. The CLI prints them and exits 2; nothing is written.

export interface IssueProblem {
  file: string;
  /** JSON path such as pages[0].articles[2].headline ("" for the whole file). */
  path: string;
  expected: string;
  found: string;
  /** The article or ad whose field it is (load locates every problem: locateProblems). */
  articleId?: string;
  adId?: string;
  /** A number below the least the schema allows: that least, and the number found. */
  below?: { minimum: number; value: number };
}

export class IssueError extends InputError {
  override name = "IssueError";
  override readonly title = "the issue is invalid";
  override readonly listsProblems = true;
  constructor(readonly problems: IssueProblem[]) {
    super(problems.map(problemDiagnostic));
  }
}

/** A problem as the diagnostic people read: characters from the file made printable. */
export function problemDiagnostic(p: IssueProblem): Diagnostic {
  return {
    severity: "error",
    file: printable(p.file),
    path: printable(p.path),
    message: printable(`expected ${p.expected}, found ${p.found}`),
    ...(p.articleId !== undefined ? { articleId: p.articleId } : {}),
    ...(p.adId !== undefined ? { adId: p.adId } : {}),
  };
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** A short, printable rendering of a found value. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  const shown = text.length > 40 ? `${text.slice(0, 37)}…"` : text;
  return `${typeof value} ${shown}`;
}
