import { InputError } from "../errors";
import { printable } from "../load/errors";

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

/** One line per problem; control characters of names and text shown as \u{…}, never sent raw to a terminal. */
export function formatImportProblem(p: ImportProblem): string {
  const where = p.at === undefined ? "" : `: ${p.unit ?? "paragraph"} ${p.at}`;
  const field = p.field === undefined ? "" : `: ${p.field}`;
  return printable(`${p.file}${where}${field}: ${p.reason}`);
}

export class ImportError extends InputError {
  override name = "ImportError";
  readonly problems: ImportProblem[];
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly at?: number,
    readonly unit: SourceUnit = "paragraph",
    readonly field?: string,
  ) {
    const problem: ImportProblem = { file, reason, at, unit, field };
    super(formatImportProblem(problem));
    this.problems = [problem];
  }

  /** Several problems at once (every faulty field of the imported text). */
  static of(problems: ImportProblem[]): ImportError {
    const [first, ...rest] = problems;
    if (!first) throw new RangeError("ImportError.of: no problem given");
    const err = new ImportError(first.file, first.reason, first.at, first.unit, first.field);
    err.problems.push(...rest);
    err.message = problems.map(formatImportProblem).join("\n");
    return err;
  }
}
