import type { PreflightConfig } from "../config/resolve";
import type { Diagnostic } from "../diagnostics";
import { InputError } from "../errors";

// The gate before anything reaches the plant: `send`, `send --issue` and a queued job's send step
// preflight every file first and deliver none if one fails.

/** Refused by the preflight before anything was sent: the input's fault, exit 2. */
export class PreflightRefusalError extends InputError {
  override name = "PreflightRefusalError";
  override readonly title = "not sent: preflight failed";
  override readonly listsProblems = true;
}

/** Preflights every file and throws, naming each failing file and check, if any fails. */
export async function refuseFailing(pdfs: readonly string[], settings: PreflightConfig): Promise<void> {
  // Loaded on use: the commands that import this gate start without pdf-lib and poppler's helpers.
  const { preflight } = await import("./preflight");
  const report = await preflight([...pdfs], settings);
  if (report.ok) return;
  const refused = report.files.flatMap((file): Diagnostic[] => {
    if (!file.readable) return [{ severity: "error", file: file.file, message: file.error ?? "cannot be read" }];
    return file.checks
      .filter((check) => check.status === "fail")
      .map((check) => ({
        severity: "error",
        file: file.file,
        code: check.name,
        message: `${check.name}: ${check.message}`,
        problems: check.findings
          .filter((f) => f.severity === "fail")
          .map((f) => (f.page ? `page ${f.page}: ${f.message}` : f.message)),
      }));
  });
  throw new PreflightRefusalError(refused);
}
