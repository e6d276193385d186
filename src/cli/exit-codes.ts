// Exit codes of every newsprint command (documented in the README and in --help); exitCodeOf in
// src/errors.ts chooses them.
export { EXIT } from "../errors";

export const EXIT_HELP = `
Exit codes:
  0  success
  1  failure not caused by the input (browser, external tool, printer, upload)
  2  invalid input: issue file, photo, ad, option or usage, or an unreadable PDF (nothing written)
  3  the material does not fit: an article could not be placed or a page overflows
  4  a checked PDF has faults (preflight, check-type)
  130, 143  stopped by Ctrl-C (SIGINT) or SIGTERM; child processes and temporary files are gone`;
