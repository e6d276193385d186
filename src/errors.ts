import { type Diagnostic, renderDiagnostics, said } from "./diagnostics";

// The kinds of failure a newsprint command tells apart, as classes every stage's errors extend, and
// the exit code of each: exitCodeOf serves every command and the queue (whether a job is retried).
// Every error carries its diagnostics (src/diagnostics.ts); its message is their rendering.
// This module imports only diagnostics.ts, so the CLI can choose an exit code with `instanceof`
// without loading Chromium's driver, sharp or pdf-lib.

export const EXIT = {
  ok: 0,
  /** Something failed that is not the input's fault (browser, tool, delivery). */
  failed: 1,
  /** Invalid input: issue file, photo, ad, option, usage, an unreadable PDF. Nothing was written. */
  invalid: 2,
  /** The issue is valid but its material does not fit the pages, or a page overflows. */
  layout: 3,
  /** A checked PDF has faults (preflight or check-type found problems). */
  pdfFaults: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error of newsprint's own, with what it has to say as diagnostics. */
export class NewsprintError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  /** The heading the command line prints above the diagnostics. */
  readonly title: string = "newsprint failed";
  /** The heading counts the diagnostics: each is one problem of a list the user works through. */
  readonly listsProblems: boolean = false;

  constructor(diagnostics: string | readonly Diagnostic[], options?: ErrorOptions) {
    const list = typeof diagnostics === "string" ? [said(diagnostics)] : diagnostics;
    super(renderDiagnostics(list), options);
    this.diagnostics = list;
  }

  /** The first article a diagnostic names. */
  get articleId(): string | undefined {
    return this.diagnostics.find((d) => d.articleId !== undefined)?.articleId;
  }
}

/** The input is at fault: issue file, photo, ad, option, usage. Exit 2; nothing was written. */
export class InputError extends NewsprintError {
  override name = "InputError";
  override readonly title: string = "invalid input";
}

/** The input is valid but its material does not fit the pages (an article, a page overflow). Exit 3. */
export class FitError extends NewsprintError {
  override name = "FitError";
  override readonly title: string = "the pages cannot be made up";
}

/** A checked PDF has faults (preflight, check-type found problems). Exit 4. */
export class PdfFaultError extends NewsprintError {
  override name = "PdfFaultError";
  override readonly title: string = "the PDF has faults";
}

/** Not the input's fault: the browser, an external tool, the printer, an upload. Exit 1; a queued
 *  edition that fails so is tried again. */
export class FailureError extends NewsprintError {
  override name = "FailureError";
}

/** The exit code of a command that stopped with `err` (anything not ours is a failure, exit 1). */
export function exitCodeOf(err: unknown): ExitCode {
  if (err instanceof InputError) return EXIT.invalid;
  if (err instanceof FitError) return EXIT.layout;
  if (err instanceof PdfFaultError) return EXIT.pdfFaults;
  return EXIT.failed;
}
