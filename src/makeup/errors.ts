import { InputError } from "../errors";

/** Where an impossible make-up is: the printed page, the article or ad at fault, the JSON path of
 *  a placement on a page made up by hand. */
export interface MakeupSubject {
  page?: number;
  path?: string;
  articleId?: string;
  adId?: string;
}

/** What a module would cover: another article, an ad, the masthead. */
export type Obstacle = { article: string } | { ad: string } | { masthead: true };

/** Why a pin cannot stand where it is, typed for programs that say it in their own words (the
 *  preview's editor, in the editor's language). */
export type PinClash = { kind: "leaves-grid" } | { kind: "overlaps"; obstacle: Obstacle };

/** Thrown for an impossible explicit make-up (overlapping or out-of-grid placements). The message
 *  names article and ad in words; page or path are rendered before it from `at`. */
export class MakeupError extends InputError {
  override name = "MakeupError";
  override readonly title = "the make-up the issue asks for is impossible";
  constructor(
    message: string,
    at: MakeupSubject = {},
    readonly pinClash?: PinClash,
  ) {
    super([{ severity: "error", message, ...at }]);
  }
}
