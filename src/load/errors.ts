import { InputError } from "../errors";
// Every problem of an issue file at once, each with file, JSON path, what was expected and what
// was found. The CLI prints them and exits 2; nothing is written.

export interface IssueProblem {
  file: string;
  /** JSON path such as pages[0].articles[2].headline ("" for the whole file). */
  path: string;
  expected: string;
  found: string;
}

export class IssueError extends InputError {
  override name = "IssueError";
  constructor(readonly problems: IssueProblem[]) {
    super(problems.map(formatProblem).join("\n"));
  }
}

export function formatProblem(p: IssueProblem): string {
  return printable(`${p.file}: ${p.path || "(file)"}: expected ${p.expected}, found ${p.found}`);
}

/** Control and format characters from the file shown as \u{…}: printed raw they would drive the
 *  terminal (escape sequences) or reorder the line (bidi overrides). */
export function printable(text: string): string {
  return text.replace(
    /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
    (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`,
  );
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
