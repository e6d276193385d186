import type { PageProblem } from "../../render/paged.browser";
import type { Mark } from "../state";

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

export type ShellToFrame =
  | { type: "show"; view: View; marks: Mark[]; place: Place }
  | { type: "view"; view: View }
  | { type: "scroll"; place: Place }
  | { type: "reveal"; index: number; fallback?: RevealTarget };

export type FrameToShell =
  | { type: "paged"; pages: number; problems: PageProblem[]; timings: FrameTimings }
  | ({ type: "shown" } & Position)
  | ({ type: "position" } & Position)
  | { type: "failed"; message: string };

/** Every message carries this flag, so that neither side acts on other windows' messages. */
export type Envelope<M> = M & { npv: true };

export function isEnvelope<M>(data: unknown): data is Envelope<M> {
  return typeof data === "object" && data !== null && (data as { npv?: unknown }).npv === true;
}
