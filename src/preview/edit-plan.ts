import { InputError } from "../errors";
import type { IssuePin, IssueRect } from "../grid";
import type { ExplicitPlacement } from "../load";
import { insertItem, type JsonPath, nodeAt, removeItem, setField, sourceOf } from "./edit-json";
import type { Edit, Refusal } from "./edit-vocabulary";
import { refusalInEnglish } from "./words";

// The editor's edits as changes to the text of issue.json: pins (`place` of an article on an
// automatic page, the placement in `layout` on a page made up by hand) and page lists (an article
// moved to another page's `articles`). Each change is the smallest the text allows (edit-json.ts).
// Every edit also yields its inverse in the same vocabulary, built from the file's previous
// content, so that undo is an edit like any other.

/** Why an edit cannot be turned into the issue format (the file is left as it was). */
export class EditRefused extends InputError {
  override name = "EditRefused";
  constructor(
    readonly refusal: Refusal,
    readonly article?: string,
    readonly page?: number,
  ) {
    super(refusalInEnglish(refusal));
  }
}

/** A module's rectangle on the pages shown, on the page where its article is listed (1-based). */
export interface ShownRect extends IssueRect {
  page: number;
}

export interface PlanContext {
  /** Where the shown pages have the article's module (not its continuation). */
  rectOf(article: string): ShownRect | undefined;
  /** Ads are booked by the ad department: never moved from the preview. */
  isAd?(id: string): boolean;
}

export interface EditPlan {
  text: string;
  /** Applied in order, restores the previous text's pins and page lists. */
  undo: Edit[];
  /** Printed page numbers whose make-up the edits change. */
  pages: number[];
}

type Place = IssuePin | "ear";

interface ArticleJson {
  id?: unknown;
  place?: Place;
}
interface PageJson {
  layout?: unknown;
  articles?: ArticleJson[];
}
interface IssueJson {
  pages?: PageJson[];
  fillers?: ArticleJson[];
}

/** Where an article is listed in the file. */
interface Located {
  page: number; // 0-based index into pages
  index: number;
  article: ArticleJson;
  /** The page's explicit layout list, when it is made up by hand. */
  layout?: ExplicitPlacement[];
}

const RECT_KEYS = ["column", "line", "span", "height"] as const;

function parse(text: string): IssueJson {
  return JSON.parse(text.replace(/^\uFEFF/, "")) as IssueJson;
}

function locate(text: string, id: string): Located {
  const doc = parse(text);
  const pages = doc.pages ?? [];
  for (const [p, page] of pages.entries()) {
    const index = (page.articles ?? []).findIndex((a) => a.id === id);
    if (index < 0) continue;
    const layout = Array.isArray(page.layout) ? (page.layout as ExplicitPlacement[]) : undefined;
    return { page: p, index, article: page.articles?.[index] as ArticleJson, layout };
  }
  if ((doc.fillers ?? []).some((a) => a.id === id)) {
    throw new EditRefused({ code: "filler", article: id }, id);
  }
  throw new EditRefused({ code: "no-article", article: id }, id);
}

const articlePath = (at: Located): JsonPath => ["pages", at.page, "articles", at.index];
const samePlace = (a: Place | undefined, b: Place | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** The article's pin as the file has it: its placement on a page made up by hand, else `place`. */
function placeOf(at: Located): Place | undefined {
  if (!at.layout) return at.article.place;
  const entry = at.layout.find((p) => p.article === at.article.id);
  return entry && { column: entry.column, line: entry.line, span: entry.span, height: entry.height };
}

/** Writes a pin (or removes it), changing only the fields that differ. */
function writePlace(text: string, at: Located, place: Place | undefined, id: string): string {
  if (at.layout) {
    const page = at.page + 1;
    if (place === undefined) throw new EditRefused({ code: "hand-page-unpin", page, article: id }, id, page);
    if (place === "ear" || place.height === undefined) {
      throw new EditRefused({ code: "hand-page-height", page, article: id }, id, page);
    }
    const k = at.layout.findIndex((p) => p.article === id);
    const path: JsonPath = ["pages", at.page, "layout", k];
    let out = text;
    for (const key of RECT_KEYS) if (at.layout[k]?.[key] !== place[key]) out = setField(out, path, key, place[key]);
    return out;
  }
  const path = [...articlePath(at), "place"];
  const current = at.article.place;
  if (place === undefined) return current === undefined ? text : removeItem(text, path);
  if (place === "ear" || current === undefined || current === "ear" || nodeAt(text, path)?.type !== "object") {
    return setField(text, articlePath(at), "place", place);
  }
  // Same object, other numbers: each field where it stands.
  let out = text;
  for (const key of RECT_KEYS) {
    const value = place[key];
    if (value === undefined) {
      if (current[key] !== undefined) out = removeItem(out, [...path, key]);
    } else if (current[key] !== value) {
      out = setField(out, path, key, value);
    }
  }
  return out;
}

const restoring = (id: string, previous: Place | undefined): Edit =>
  previous === undefined ? { kind: "unpin", article: id } : { kind: "pin", article: id, place: previous };

function shown(ctx: PlanContext, id: string): ShownRect {
  // Named on the module the editor moved (the edit's own article), not on the ad.
  if (ctx.isAd?.(id)) throw new EditRefused({ code: "ad-locked", ad: id });
  const rect = ctx.rectOf(id);
  if (!rect) throw new EditRefused({ code: "not-shown", article: id }, id);
  return rect;
}

const rectOnly = (r: ShownRect): IssueRect => ({ column: r.column, line: r.line, span: r.span, height: r.height });

/**
 * Where two modules go when they swap. Stacked in the same columns (or side by side on the same
 * lines) they change order and each keeps its own size, so both texts still fit: the first place
 * goes to the other module, and the moved one ends where the other ended. Otherwise each takes the
 * other's rectangle.
 */
export function swapped(a: ShownRect, b: ShownRect): [IssueRect, IssueRect] {
  const [upper, lower] = a.line <= b.line ? [a, b] : [b, a];
  const [left, right] = a.column <= b.column ? [a, b] : [b, a];
  if (a.column === b.column && a.span === b.span) {
    const lowerTo = { ...rectOnly(lower), line: upper.line };
    const upperTo = { ...rectOnly(upper), line: lower.line + lower.height - upper.height };
    return a === upper ? [upperTo, lowerTo] : [lowerTo, upperTo];
  }
  if (a.line === b.line && a.height === b.height) {
    const rightTo = { ...rectOnly(right), column: left.column };
    const leftTo = { ...rectOnly(left), column: right.column + right.span - left.span };
    return a === left ? [leftTo, rightTo] : [rightTo, leftTo];
  }
  return [rectOnly(b), rectOnly(a)];
}

interface Step {
  text: string;
  undo: Edit[];
  pages: number[];
}

function pinStep(text: string, id: string, place: Place | undefined): Step {
  const at = locate(text, id);
  const previous = placeOf(at);
  if (samePlace(previous, place)) return { text, undo: [], pages: [] };
  return { text: writePlace(text, at, place, id), undo: [restoring(id, previous)], pages: [at.page + 1] };
}

function moveToPage(text: string, id: string, page: number, wanted: number | undefined): Step {
  const from = locate(text, id);
  const pages = parse(text).pages ?? [];
  const target = pages[page - 1];
  if (!target) throw new EditRefused({ code: "no-page", page }, id, page);
  if (from.layout) throw new EditRefused({ code: "hand-page-move-from", page: from.page + 1, article: id }, id);
  if (Array.isArray(target.layout)) {
    throw new EditRefused({ code: "hand-page-move-to", page, article: id }, id, page);
  }
  const previous = from.article.place;
  const others = (target.articles ?? []).filter((a) => a.id !== id).length;
  const index = Math.min(wanted ?? others, others);
  if (from.page === page - 1 && from.index === index && previous === undefined) return { text, undo: [], pages: [] };
  // Automatic on its new page: its pin belonged to the old one.
  let out = previous === undefined ? text : removeItem(text, [...articlePath(from), "place"]);
  const source = sourceOf(out, articlePath(from));
  out = removeItem(out, articlePath(from));
  if (nodeAt(out, ["pages", page - 1, "articles"])) {
    out = insertItem(out, ["pages", page - 1, "articles"], source.text, { index, fromIndent: source.indent });
  } else {
    out = setField(out, ["pages", page - 1], "articles", []);
    out = insertItem(out, ["pages", page - 1, "articles"], source.text, { fromIndent: source.indent });
  }
  const back: Edit[] = [{ kind: "move-to-page", article: id, page: from.page + 1, index: from.index }];
  if (previous !== undefined) back.push(restoring(id, previous));
  return { text: out, undo: back, pages: [...new Set([from.page + 1, page])] };
}

function step(text: string, edit: Edit, ctx: PlanContext): Step {
  switch (edit.kind) {
    case "pin":
      return pinStep(text, edit.article, edit.place ?? rectOnly(shown(ctx, edit.article)));
    case "resize":
      return pinStep(text, edit.article, edit.place);
    case "unpin":
      return pinStep(text, edit.article, undefined);
    case "move": {
      const current = placeOf(locate(text, edit.article));
      const pinned = current !== undefined && current !== "ear" ? current : undefined;
      const span = pinned?.span ?? shown(ctx, edit.article).span;
      const height = pinned?.height;
      return pinStep(text, edit.article, {
        column: edit.column,
        line: edit.line,
        span,
        ...(height !== undefined ? { height } : {}),
      });
    }
    case "swap": {
      for (const id of [edit.article, edit.with]) shown(ctx, id);
      if (edit.article === edit.with) return { text, undo: [], pages: [] };
      const a = locate(text, edit.article);
      const b = locate(text, edit.with);
      if (a.page !== b.page) {
        throw new EditRefused({ code: "different-pages", article: edit.article, with: edit.with }, edit.article);
      }
      const [ra, rb] = swapped(shown(ctx, edit.article), shown(ctx, edit.with));
      const first = pinStep(text, edit.article, ra);
      const second = pinStep(first.text, edit.with, rb);
      return { text: second.text, undo: [...second.undo, ...first.undo], pages: [a.page + 1] };
    }
    case "move-to-page":
      return moveToPage(text, edit.article, edit.page, edit.index);
  }
}

/** The text after `edits`, with the edits that undo them. Throws EditRefused. */
export function planEdits(text: string, edits: Edit[], ctx: PlanContext): EditPlan {
  let out = text;
  const undo: Edit[][] = [];
  const pages = new Set<number>();
  for (const edit of edits) {
    const s = step(out, edit, ctx);
    out = s.text;
    undo.unshift(s.undo);
    for (const p of s.pages) pages.add(p);
  }
  return { text: out, undo: undo.flat(), pages: [...pages].sort((a, b) => a - b) };
}
