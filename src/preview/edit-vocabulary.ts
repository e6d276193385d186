import { z } from "zod";
import type { PinClash } from "../makeup";
import type { ErrorKind } from "./state";

// What the preview's editor may ask of the issue file: a small vocabulary of make-up edits, each
// turned into JSON changes by the server (edit-plan.ts). Nothing else reaches the file through the
// preview. The browser code imports only the types.

const articleId = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "an article id");
const count = (max: number) => z.number().int().min(0).max(max);
/** A column or line, where a drop past the grid's first ones gives 0 or less. */
const position = (max: number) => z.number().int().min(-max).max(max);

/** A grid rectangle, 1-based as the issue format writes pins. Ranges here only bound the request;
 *  the issue's own checks decide what fits its grid. */
export const placeSchema = z
  .object({
    column: position(1000),
    line: position(100_000),
    span: count(1000),
    height: count(100_000).optional(),
  })
  .strict();

export const editSchema = z.discriminatedUnion("kind", [
  /** Pin at a rectangle, or "ear"; without one, exactly where the shown pages have the module. */
  z
    .object({ kind: z.literal("pin"), article: articleId, place: z.union([placeSchema, z.literal("ear")]).optional() })
    .strict(),
  /** Dragged to another place: pinned there, keeping its width (and pinned height, if any). */
  z
    .object({ kind: z.literal("move"), article: articleId, column: position(1000), line: position(100_000) })
    .strict(),
  /** Resized from an edge: pinned with that rectangle. */
  z
    .object({ kind: z.literal("resize"), article: articleId, place: placeSchema })
    .strict(),
  /** Back to automatic make-up. */
  z
    .object({ kind: z.literal("unpin"), article: articleId })
    .strict(),
  /** Two modules of one page exchange their rectangles. */
  z
    .object({ kind: z.literal("swap"), article: articleId, with: articleId })
    .strict(),
  /** To another page's list (or another place in its own), automatic there. `page` is 1-based. */
  z
    .object({
      kind: z.literal("move-to-page"),
      article: articleId,
      page: z.number().int().min(1).max(10_000),
      index: count(10_000).optional(),
    })
    .strict(),
]);

export const editRequestSchema = z
  .object({
    /** The issue file the page was served for (state.issue.file). */
    issue: z.string().max(4096),
    /** SHA-256 (hex) of the file bytes the shown pages were built from. */
    base: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 in hex"),
    edits: z.array(editSchema).min(1).max(8),
  })
  .strict();

export type Edit = z.infer<typeof editSchema>;
export type EditRequest = z.infer<typeof editRequestSchema>;

/** A problem of the edited file's schema check, located: a pin's number below 1 is off the grid. */
export interface PlaceProblem {
  path: string;
  expected: string;
  found: string;
  /** The pin's field (column, line, span, height) when its value is below 1. */
  offGrid?: { field: string; value: number };
}

/** Why an edit was not made, typed so that the editor's page says it in its own language
 *  (words/*.ts); the server's English text of it is the answer's `message`. */
export type Refusal =
  // The file changed under the editor (conflict): the pages are rebuilt from it.
  | { code: "changed-on-disk"; file: string }
  | { code: "not-built-from-file"; file: string }
  | { code: "changed-while-checked"; file: string }
  | { code: "changed-while-made-up"; file: string }
  // The edit cannot be written in the issue format.
  | { code: "filler"; article: string }
  | { code: "no-article"; article: string }
  | { code: "hand-page-unpin"; page: number; article: string }
  | { code: "hand-page-height"; page: number; article: string }
  | { code: "hand-page-move-from"; page: number; article: string }
  | { code: "hand-page-move-to"; page: number; article: string }
  | { code: "ad-locked"; ad: string }
  | { code: "not-shown"; article: string }
  | { code: "no-page"; page: number }
  | { code: "different-pages"; article: string; with: string }
  // The pipeline's checks of the edited file.
  | { code: "cannot-go-there"; problems: PlaceProblem[] }
  | { code: "does-not-fit"; unplaced: { article: string; lines: number; reason: string }[] }
  /** A pin the make-up cannot place there; `detail` is its diagnostic in English. */
  | { code: "pin-clash"; article: string; clash: PinClash; detail: string }
  /** The make-up's own diagnostic, as it words it. */
  | { code: "makeup"; detail: string }
  | { code: "rebuild-failed"; error?: ErrorKind; details: string[] }
  // The request itself (POST /edit).
  | { code: "forbidden-host" }
  | { code: "not-own-page" }
  | { code: "no-token" }
  | { code: "not-json-type" }
  | { code: "too-large" }
  | { code: "not-json" }
  | { code: "not-an-edit"; where?: string; detail: string }
  | { code: "other-issue"; issue: string }
  // The editor's page, before or instead of an answer.
  | { code: "stale-pages" }
  | { code: "no-answer"; detail: string };

export type RefusalCode = Refusal["code"];

/** The server's answer to an edit. `undo` applied as an edit restores the file's previous content. */
export type EditResponse =
  | { ok: true; version: number; source: string; undo: Edit[] }
  | {
      ok: false;
      /** conflict: the file changed since the pages were shown (they are rebuilt from it);
       *  refused: the edit cannot be honoured (the file keeps its previous state). */
      reason: "conflict" | "refused" | "invalid" | "forbidden";
      refusal: Refusal;
      /** The refusal in English (the server's log, scripts). */
      message: string;
      article?: string;
      page?: number;
    };
