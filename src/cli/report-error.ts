import { printableLines, renderDiagnostics } from "../diagnostics";
import { EXIT, exitCodeOf, NewsprintError } from "../errors";

// The error's class chooses the exit code (exitCodeOf) and its heading; its diagnostics are the
// text. The base classes live in src/errors.ts: checking them here loads no stage (Chromium's
// driver, sharp, pdf-lib stay unloaded).

/** A list of problems carries its count in the heading. */
function counted(err: NewsprintError): string {
  const n = err.diagnostics.length;
  if (!err.listsProblems) return "";
  return n === 1 ? " (1 problem)" : ` (${n} problems)`;
}

/** Prints an error for people and returns the exit code it stands for. */
export function reportError(err: unknown, stream: NodeJS.WritableStream = process.stderr): number {
  const write = (s: string) => stream.write(`${s}\n`);
  const code = exitCodeOf(err);
  if (!(err instanceof NewsprintError)) {
    write(`newsprint: ${printableLines(err instanceof Error ? err.message : String(err))}`);
    return code;
  }
  const text = renderDiagnostics(err.diagnostics);
  if (code === EXIT.invalid || code === EXIT.layout) {
    write(`newsprint: ${err.title}${counted(err)}:\n${text.replace(/^/gm, "  ")}`);
  } else {
    write(`newsprint: ${text}`);
  }
  return code;
}
