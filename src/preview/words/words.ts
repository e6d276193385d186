import type { GridRect } from "../../grid";
import type { Refusal, RefusalCode } from "../edit-vocabulary";
import type { ErrorKind, MarkKind } from "../state";
import type { Language } from "./language";

// Every word the preview's interface shows, as one catalogue per language (en.ts, zh-hans.ts,
// zh-hant.ts), each typed as `Words`: a catalogue that lacks a key, or words a function short of
// its arguments, does not compile. Words about the issue itself (article ids, file names, the
// pipeline's diagnostics) are not here: they are shown as they are.

export interface Words {
  language: Language;
  /** The editor's page (shell.hbs): toolbar, panel, error overlay. */
  shell: {
    title: string;
    /** The page's title once the issue is known. */
    issueTitle(issue: string): string;
    toolbar: string;
    page: string;
    previousPage: string;
    nextPage: string;
    view: string;
    single: string;
    spread: string;
    zoom: string;
    zoomOut: string;
    zoomIn: string;
    fitWidth: string;
    /** "Fit width" with the zoom it works out to, in per cent. */
    fitWidthAt(percent: number): string;
    overlays: string;
    columns: string;
    baselines: string;
    trim: string;
    highlights: string;
    warnings: string;
    warningsByPage: string;
    pages: string;
    pagesHint: string;
    building: string;
    noPagesYet: string;
    /** The pages' frame, for screen readers. */
    pagesVersion(version: number): string;
  };
  /** The status at the toolbar's end. */
  status: {
    connecting: string;
    building: string;
    /** Updated at `time` (the browser's clock), the rebuild having taken `seconds` if known. */
    updated(time: string, seconds?: number): string;
    error: string;
    notUpdated: string;
    unreachable: string;
    saving: string;
    undoing: string;
    redoing: string;
    nothingToUndo: string;
    nothingToRedo: string;
    nothingToChange: string;
    /** The file changed under the edit: not made, the pages rebuilt. */
    editRefused(reason: string): string;
    editNotMade(reason: string): string;
  };
  /** The warnings panel and its flatplan. */
  panel: {
    kinds: Record<MarkKind, string>;
    nothingToReport: string;
    page(page: number): string;
    plan: string;
    stories(count: number, fromPool: number): string;
    ads(count: number): string;
    jumps(list: string): string;
    /** A story's line in a page's tooltip. */
    story(article: string, lines: number, photos: number): string;
    madeUpByHand: string;
    pinned: string;
    placedByMakeup: string;
    /** An ad in a page list. */
    adLocked(id: string): string;
    adBooked: string;
  };
  /** The overlay of a failed rebuild. */
  error: {
    titles: Record<ErrorKind, string>;
    title: string;
    note: string;
    hide: string;
    /** Between a file and the JSON path in it. */
    at: string;
    showOnPages: string;
  };
  /** The editor on the pages: the selection's and the ghost's labels. */
  editor: {
    readOnly: string;
    adLocked: string;
    continuedFrom(page: number): string;
    filler: string;
    saving: string;
    placedByMakeup: string;
    placedByHand: string;
    pinned: string;
    pinHere: string;
    outsideGrid: string;
    overAd(id: string): string;
    toPage(page: number): string;
    swapWith(id: string): string;
    pinAt(rect: string): string;
    resizeTo(columns: number, lines: number): string;
    /** A grid rectangle, columns and lines counted from 1. */
    rect(rect: GridRect): string;
  };
  /** Why an edit was not made, one sentence per reason. */
  refusal: { [C in RefusalCode]: (r: Extract<Refusal, { code: C }>) => string };
}

/** Columns or lines `from`…, `n` of them, counted from 1: "3" or "3–5". */
export const run = (from: number, n: number, dash = "–") => (n > 1 ? `${from + 1}${dash}${from + n}` : `${from + 1}`);
