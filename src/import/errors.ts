import { InputError } from "../errors";

// A source file the importer cannot take: unreadable, not the format its name says, empty, without
// a headline, or with a picture that cannot be decoded. Exit 2; nothing is written.
export class ImportError extends InputError {
  override name = "ImportError";
  override readonly title = "cannot import";
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly at?: number,
    readonly unit: "paragraph" | "line" = "paragraph",
  ) {
    super([{ severity: "error", file, message: `${at === undefined ? "" : `${unit} ${at}: `}${reason}` }]);
  }
}
