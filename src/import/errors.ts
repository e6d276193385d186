import { InputError } from "../errors";

// A source file the importer cannot take: unreadable, not the format its name says, empty, without
// a headline, or with a picture that cannot be decoded. Exit 2; nothing is written.
export class ImportError extends InputError {
  override name = "ImportError";
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly at?: number,
    readonly unit: "paragraph" | "line" = "paragraph",
  ) {
    super(`${file}${at === undefined ? "" : `: ${unit} ${at}`}: ${reason}`);
  }
}
