import { InputError } from "../errors";
import type { PageStatus } from "./page-status";
import type { SignOff } from "./state-file";

// Signing off pages: each against the hash of its press file as it is now.

/** A page that cannot be signed off (not in the issue, no press file yet). Exit 2. */
export class SignoffError extends InputError {
  override name = "SignoffError";
  override readonly title = "cannot sign off";
  override readonly listsProblems = true;
}

/** The sign-offs of `pages` by `by` at `at`; every page that cannot be signed off is listed in one error. */
export function signOff(statuses: readonly PageStatus[], pages: readonly number[], by: string, at: Date): SignOff[] {
  const problems: string[] = [];
  const signoffs: SignOff[] = [];
  if (by.trim() === "") problems.push("--by needs the name of who signs off");
  const last = statuses.at(-1)?.page ?? 0;
  for (const page of [...new Set(pages)]) {
    const status = statuses.find((s) => s.page === page);
    if (!status) {
      problems.push(`page ${page} is not in the issue (pages 1–${last})`);
      continue;
    }
    if (!status.pressFile) {
      problems.push(`page ${page} has no press file yet: build the issue with --press first`);
      continue;
    }
    signoffs.push({
      page,
      by: by.trim(),
      at: at.toISOString(),
      file: status.pressFile.name,
      sha256: status.pressFile.sha256,
    });
  }
  if (problems.length > 0) throw new SignoffError(problems.map((message) => ({ severity: "error", message })));
  return signoffs;
}
