// The kinds of failure a newsprint command tells apart, as classes every stage's errors extend.
// This module imports nothing, so the CLI can choose an exit code with `instanceof` without loading
// Chromium's driver, sharp or pdf-lib. The exit codes are in src/cli/exit-codes.ts.

/** The input is at fault: issue file, photo, ad, option, usage. Exit 2; nothing was written. */
export class InputError extends Error {
  override name = "InputError";
}

/** The input is valid but its material does not fit the pages (an article, a page overflow). Exit 3. */
export class FitError extends Error {
  override name = "FitError";
}

/** A checked PDF has faults (preflight, check-type found problems). Exit 4. */
export class PdfFaultError extends Error {
  override name = "PdfFaultError";
}

/** Anything else (browser, external tool, printer, upload) exits 1. */
