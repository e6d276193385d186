import { InputError } from "../errors";

/** Where an impossible make-up is: the printed page, the article or ad at fault, the JSON path of
 *  a placement on a page made up by hand. */
export interface MakeupSubject {
  page?: number;
  path?: string;
  articleId?: string;
  adId?: string;
}

/** Thrown for an impossible explicit make-up (overlapping or out-of-grid placements). The message
 *  names article and ad in words; page or path are rendered before it from `at`. */
export class MakeupError extends InputError {
  override name = "MakeupError";
  override readonly title = "the make-up the issue asks for is impossible";
  constructor(message: string, at: MakeupSubject = {}) {
    super([{ severity: "error", message, ...at }]);
  }
}
