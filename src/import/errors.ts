import { type Diagnostic, printable, renderDiagnostics } from "../diagnostics";
import { InputError } from "../errors";

// A source file the importer cannot take: unreadable, not the format its name says, empty, without
// a headline, too large, with a picture that cannot be decoded or is outside its folder, or text the
// issue cannot print. Exit 2; nothing is written. Each problem names the source file (or the option)
// and, where it can, the paragraph or line and the field, as typed fields.

export type SourceUnit = "paragraph" | "line";

export interface ImportProblem {
  /** The source file as shown to the user, or the option at fault (e.g. "--paper"). */
  file: string;
  /** Paragraph (Word) or line (Markdown, page text) in the source, from 1. */
  at?: number;
  unit?: SourceUnit;
  /** The article field or front matter key concerned, e.g. "headline", "images[0].caption". */
  field?: string;
  reason: string;
}

/** A problem as the diagnostic people read; control characters of names and text shown as \u{…}. */
export function importDiagnostic(p: ImportProblem): Diagnostic {
  const where = p.at === undefined ? "" : `${p.unit ?? "paragraph"} ${p.at}: `;
  const field = p.field === undefined ? "" : `${p.field}: `;
  return { severity: "error", file: printable(p.file), message: printable(`${where}${field}${p.reason}`) };
}

export class ImportError extends InputError {
  override name = "ImportError";
  override readonly title = "cannot import";
  readonly problems: readonly ImportProblem[];

  constructor(
    readonly file: string,
    readonly reason: string,
    readonly at?: number,
    readonly unit: SourceUnit = "paragraph",
    readonly field?: string,
  ) {
    const problem: ImportProblem = { file, reason, at, unit, field };
    super([importDiagnostic(problem)]);
    this.problems = [problem];
  }

  /** Several problems at once (every faulty field of the imported text). */
  static of(problems: readonly ImportProblem[]): ImportError {
    return new ImportErrors(problems);
  }
}

/** Every faulty field of an imported text in one error. */
class ImportErrors extends ImportError {
  override readonly problems: readonly ImportProblem[];
  override readonly diagnostics: readonly Diagnostic[];
  override readonly listsProblems = true;
  constructor(problems: readonly ImportProblem[]) {
    const [first] = problems;
    if (!first) throw new RangeError("ImportError.of: no problem given");
    super(first.file, first.reason, first.at, first.unit, first.field);
    this.problems = problems;
    this.diagnostics = problems.map(importDiagnostic);
    this.message = renderDiagnostics(this.diagnostics);
  }
}
