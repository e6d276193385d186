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

/** The sign-offs of `pages` (of zoned edition `edition`'s own pages, given one) by `by` at `at`;
 *  every page that cannot be signed off is listed in one error. */
export function signOff(
  statuses: readonly PageStatus[],
  pages: readonly number[],
  by: string,
  at: Date,
  edition?: string,
): SignOff[] {
  const problems: string[] = [];
  const signoffs: SignOff[] = [];
  if (by.trim() === "") problems.push("--by needs the name of who signs off");
  const base = statuses.filter((s) => s.edition === undefined);
  const last = base.at(-1)?.page ?? 0;
  const own = statuses.filter((s) => s.edition === edition);
  const editions = [...new Set(statuses.flatMap((s) => (s.edition === undefined ? [] : [s.edition])))];
  if (edition !== undefined && own.length === 0)
    problems.push(`the issue has no edition "${edition}" (${editions.length ? editions.join(", ") : "none"})`);
  for (const page of edition !== undefined && own.length === 0 ? [] : [...new Set(pages)]) {
    const status = own.find((s) => s.page === page);
    if (!status) {
      problems.push(
        edition === undefined
          ? `page ${page} is not in the issue (pages 1–${last})`
          : `edition ${edition} does not replace page ${page} (its own: ${own.map((s) => s.page).join(", ")}); ` +
              "its other pages are the base's: sign them off without --edition",
      );
      continue;
    }
    if (!status.pressFile) {
      problems.push(`page ${status.key} has no press file yet: build the issue with --press first`);
      continue;
    }
    signoffs.push({
      page,
      ...(edition !== undefined ? { edition } : {}),
      by: by.trim(),
      at: at.toISOString(),
      file: status.pressFile.name,
      sha256: status.pressFile.sha256,
    });
  }
  if (problems.length > 0) throw new SignoffError(problems.map((message) => ({ severity: "error", message })));
  return signoffs;
}
