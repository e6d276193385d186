// What the preview server tells the browser (as JSON over the event stream). Shared shapes only.

import type { Flatplan } from "../pipeline/flatplan";

export type MarkKind = "overflow" | "lines" | "jump" | "low-resolution" | "underfull" | "makeup" | "refused";

/** Something the make-up or the page check reported, pinned to a page and, if known, an article. */
export interface Mark {
  /** Printed page number, 1-based. */
  page: number;
  kind: MarkKind;
  message: string;
  article?: string;
  /** The n-th photo (0-based, in the order printed) of that article's module on that page. */
  photo?: number;
}

/** One problem of a failed build, located in a file and, for the issue file, a JSON path. */
export interface ErrorProblem {
  file: string;
  /** JSON path such as pages[0].articles[2].headline; "" for the whole file or when unknown. */
  path: string;
  message: string;
  article?: string;
}

/** What failed, for the overlay's heading in the editor's language. */
export type ErrorKind = "photo" | "issue" | "fit" | "build" | "template" | "paged";

export interface ErrorReport {
  kind: ErrorKind;
  /** The heading in English (the server's log). */
  title: string;
  problems: ErrorProblem[];
}

export type PinListing = { column: number; line: number; span: number; height?: number } | "ear";

/** A page's articles in the order of the issue file, and its ads (for the panel's page lists). */
export interface PageListing {
  page: number;
  /** Made up by hand (an explicit "layout" list). */
  explicit: boolean;
  /** Each article with its pin as the file has it (`place`, or its placement on a page made up by
   *  hand), 1-based; none when the make-up places it. */
  articles: { id: string; headline?: string; pin?: PinListing }[];
  ads: string[];
}

export interface PreviewState {
  /** Changes when the server restarts, so an open page knows its version numbers start again. */
  server: string;
  status: "building" | "ready" | "error";
  /** The newest pages that built (0: none yet); served at /pages/<version>.html. */
  version: number;
  issue: { name: string; file: string };
  pages: number;
  bleedMm: number;
  marks: Mark[];
  /** The flatplan of the pages on screen (as `newsprint plan` prints it). */
  plan?: Flatplan;
  /** Why the latest rebuild failed; the pages of `version` stay on screen meanwhile. */
  error?: ErrorReport;
  /** Milliseconds the latest successful rebuild took on the server, and per stage. */
  buildMs?: number;
  stageMs?: Record<string, number>;
  /** SHA-256 of the issue file's bytes `version` was built from; an edit names it (edit-service.ts).
   *  Absent when the file changed while the version was built. */
  source?: string;
  /** The printed pages `version` changes against version `since`; absent: the whole document. */
  changes?: { since: number; pages: number[] };
  listing?: PageListing[];
}
