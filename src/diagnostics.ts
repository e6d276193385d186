// What newsprint has to tell about an input or a run, one thing at a time, located by typed fields
// as a compiler's diagnostic carries its span: the file, the JSON path, the article, the ad, the
// page. Programs (the preview, the edit service, the queue) read the fields; people read the text
// renderDiagnostic makes of them, here and nowhere else. No one parses that text back.
// This module imports nothing, like src/errors.ts.

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** The sentence after the location: what is wrong or worth knowing. A message about an article
   *  or an ad with no JSON path names it in its own words ("article x: 40 lines did not fit"). */
  message: string;
  /** What kind of thing it is, for programs that treat kinds apart ("underfull"). */
  code?: string;
  /** The file as the user named it: issue.json, the ad department's file, a PDF. */
  file?: string;
  /** JSON path in `file`, such as pages[0].articles[5].images[0].src; "" for the whole file. */
  path?: string;
  articleId?: string;
  adId?: string;
  /** Printed page, 1-based. */
  page?: number;
  /** Items of the message, one a line below it (the changes that would make an issue fit). */
  problems?: readonly string[];
  /** What to do about it, after the message. */
  hint?: string;
}

/** A diagnostic as one line (and its items, indented, on the lines below). */
export function renderDiagnostic(d: Diagnostic): string {
  const where: string[] = [];
  if (d.file !== undefined) where.push(d.file);
  // The path says where to edit, the id which story or ad that is.
  const id = d.articleId ? ` (article ${d.articleId})` : d.adId ? ` (ad ${d.adId})` : "";
  if (d.path !== undefined) where.push(`${d.path || "(file)"}${id}`);
  else if (d.page !== undefined) where.push(`page ${d.page}`);
  const head = [...where, d.hint ? `${d.message}: ${d.hint}` : d.message].join(": ");
  // Names and text from users' files reach the terminal escaped, whoever built the diagnostic.
  return printableLines([head, ...(d.problems ?? []).map((item) => `  ${item}`)].join("\n"));
}

export function renderDiagnostics(list: readonly Diagnostic[]): string {
  return list.map(renderDiagnostic).join("\n");
}

/** An error-severity diagnostic of a sentence alone. */
export const said = (message: string): Diagnostic => ({ severity: "error", message });

/** A warning, located by `at`. */
export const warning = (message: string, at: Omit<Diagnostic, "severity" | "message"> = {}): Diagnostic => ({
  severity: "warning",
  message,
  ...at,
});

/** Control and format characters from a user's file shown as \u{…}: printed raw they would drive
 *  the terminal (escape sequences) or reorder the line (bidi overrides). */
export function printable(text: string): string {
  return text.replace(
    /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
    (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`,
  );
}

/** `printable` line by line: the line breaks a message is written with stay. */
export function printableLines(text: string): string {
  return text.split("\n").map(printable).join("\n");
}
