import { FitError, InputError, PdfFaultError } from "../errors";
import { EXIT } from "./exit-codes";

// The error's class chooses the exit code. The base classes live in src/errors.ts, which imports
// nothing: checking them here loads no stage (Chromium's driver, sharp, pdf-lib stay unloaded).

/** A heading per kind of input problem, by the error's name; the message follows indented. */
const INPUT_TITLES: Record<string, string> = {
  IssueError: "the issue is invalid",
  ImageError: "photo problem",
  MakeupError: "the make-up the issue asks for is impossible",
  AdArtworkError: "ad artwork problem",
  OutputDirError: "the output folder cannot be written",
  UnreadablePdfError: "the PDF cannot be read",
  ImportError: "cannot import",
  PressOptionsError: "press options",
  ProfileError: "press options",
  NamingError: "press options",
};

/** Problems listed one per line carry their count in the heading. */
function counted(err: Error): string {
  const n = (err as { problems?: unknown[] }).problems?.length;
  return n && n > 1 ? ` (${n} problems)` : n === 1 ? " (1 problem)" : "";
}

/** Prints an error for people and returns the exit code it stands for. */
export function reportError(err: unknown, stream: NodeJS.WritableStream = process.stderr): number {
  const write = (s: string) => stream.write(`${s}\n`);
  const message = err instanceof Error ? err.message : String(err);
  const indented = message.replace(/^/gm, "  ");
  if (err instanceof InputError) {
    write(`newsprint: ${INPUT_TITLES[err.name] ?? "invalid input"}${counted(err)}:\n${indented}`);
    return EXIT.invalid;
  }
  if (err instanceof FitError) {
    write(`newsprint: the pages cannot be made up:\n${indented}`);
    return EXIT.layout;
  }
  if (err instanceof PdfFaultError) {
    write(`newsprint: ${message}`);
    return EXIT.pdfFaults;
  }
  write(`newsprint: ${message}`);
  return EXIT.failed;
}
