import type { PageProblem } from "../../render/paged.browser";
import type { Edit } from "../edit-vocabulary";
import type { Mark, PageListing } from "../state";

// What the editor's page (shell) and the pages' frame say to each other with postMessage. Both
// sides are bundled from these types, so a message one sends is the message the other expects.

export interface ViewLayers {
  columns?: boolean;
  baselines?: boolean;
  trim?: boolean;
  marks?: boolean;
}

export interface View {
  zoom: "fit" | number;
  spread: boolean;
  layers: ViewLayers;
  bleedMm?: number;
}

/** Where the reader is: the page under the reading line, and how far into it. */
export interface Place {
  page: number;
  offset: number;
  /** Scroll to the page's top instead of `offset`. */
  start?: boolean;
}

export interface Position extends Place {
  of: number;
  zoom?: number;
}

export interface RevealTarget {
  article?: string;
  page?: number;
}

export interface FrameTimings {
  load: number;
  paginated?: number;
  dressed?: number;
}

/** What the pages' editor needs to know: whether it may edit, and the issue's page lists. */
export interface Editing {
  enabled: boolean;
  /** An edit is on its way: no other until its pages are shown. */
  busy: boolean;
  listing: PageListing[];
}

/** A key pressed while the editor's page (not the pages) has the focus, for the pages' editor. */
export interface KeyPress {
  key: string;
  shift: boolean;
  alt: boolean;
}

export type ShellToFrame =
  /** Version `version` of the pages, paginated in the frame, goes on screen. */
  | { type: "show"; version: number; view: View; marks: Mark[]; place: Place; editing: Editing }
  | { type: "view"; view: View }
  | { type: "scroll"; place: Place }
  | { type: "reveal"; index: number; fallback?: RevealTarget }
  /** Swap in the printed pages `pages` of version `version`, the rest being unchanged. */
  | { type: "patch"; version: number; pages: number[]; editing: Editing }
  | { type: "marks"; marks: Mark[] }
  | { type: "editing"; editing: Editing }
  | { type: "select"; article?: string }
  | { type: "key"; press: KeyPress };

export type FrameToShell =
  | { type: "paged"; pages: number; problems: PageProblem[]; timings: FrameTimings }
  | ({ type: "shown" } & Position)
  | ({ type: "position" } & Position)
  | { type: "failed"; message: string }
  | { type: "patched"; version: number; problems: PageProblem[]; ms: number }
  /** The editor made an edit on the pages (sent to the server by the shell). */
  | { type: "edit"; edits: Edit[] }
  | { type: "history"; action: "undo" | "redo" }
  /** Escape with nothing selected: the notices of edits not made go. */
  | { type: "dismiss" }
  | { type: "selected"; article?: string; page?: number }
  /** A module dragged out of the pages' frame, at (x, y) of the frame's viewport. */
  | { type: "drag-out"; article: string; x: number; y: number; drop: boolean };

/** Every message carries this flag, so that neither side acts on other windows' messages. */
export type Envelope<M> = M & { npv: true };

export function isEnvelope<M>(data: unknown): data is Envelope<M> {
  return typeof data === "object" && data !== null && (data as { npv?: unknown }).npv === true;
}
