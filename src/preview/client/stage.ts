import type { PageProblem } from "../../render/paged.browser";
import type { Mark } from "../state";
import { byId, h, maybeById } from "./dom";
import {
  type Envelope,
  type FrameTimings,
  type FrameToShell,
  isEnvelope,
  type Place,
  type Position,
  type RevealTarget,
  type ShellToFrame,
  type View,
} from "./messages";

// The pages on screen, double-buffered: a new version loads in a hidden frame, paginates there,
// is put at the page the editor was reading, and only then replaces the old frame. The editor never
// sees a blank stage or loses their place. Frames talk to the stage with postMessage (frame.browser.ts).

export interface StageEntry {
  frame: HTMLIFrameElement;
  version: number;
  marks: Mark[];
  started: number;
  timings?: FrameTimings;
}

export interface StageCallbacks {
  onShown(entry: StageEntry, msg: Position): void;
  onPosition(msg: Position): void;
  onFailed(version: number, message: string): void;
}

export class Stage {
  readonly root = byId("npv-stage");
  current: StageEntry | undefined;
  loading: StageEntry | undefined;
  place: Place = { page: 1, offset: 0, start: true };
  view: View = { zoom: "fit", spread: false, layers: {}, bleedMm: 0 };

  constructor(private readonly callbacks: StageCallbacks) {
    window.addEventListener("message", (event) => this.receive(event));
  }

  /** Loads version `version` of the pages, with the marks the server reported for it. */
  load(version: number, marks: Mark[]): void {
    this.loading?.frame.remove();
    const frame = h("iframe", {
      class: "npv-loading",
      src: `/pages/${version}.html`,
      title: `Pages, version ${version}`,
      "data-version": version,
    });
    this.loading = { frame, version, marks, started: performance.now() };
    this.root.append(frame);
  }

  setView(patch: Partial<View>): void {
    this.view = { ...this.view, ...patch, layers: { ...this.view.layers, ...patch.layers } };
    this.post(this.current, { type: "view", view: this.view });
  }

  goTo(page: number): void {
    this.post(this.current, { type: "scroll", place: { page, offset: 0, start: true } });
  }

  /** Scrolls to mark `index` of the pages on screen, or to `fallback` ({article} or {page}). */
  reveal(index: number, fallback?: RevealTarget): void {
    this.post(this.current, { type: "reveal", index, fallback });
  }

  get marks(): Mark[] {
    return this.current?.marks ?? [];
  }

  post(entry: StageEntry | undefined, message: ShellToFrame): void {
    const envelope: Envelope<ShellToFrame> = { npv: true, ...message };
    entry?.frame.contentWindow?.postMessage(envelope, location.origin);
  }

  private receive(event: MessageEvent): void {
    if (event.origin !== location.origin || !isEnvelope<FrameToShell>(event.data)) return;
    const entry = [this.current, this.loading].find((e) => e && e.frame.contentWindow === event.source);
    if (!entry) return;
    const msg = event.data;
    if (msg.type === "paged" && entry === this.loading) {
      entry.marks = [...entry.marks, ...msg.problems.map(problemMark)].sort((a, b) => a.page - b.page);
      entry.timings = msg.timings;
      this.post(entry, { type: "show", view: this.view, marks: entry.marks, place: this.place });
    } else if (msg.type === "shown" && entry === this.loading) {
      this.swap(entry, msg);
    } else if (msg.type === "position" && entry === this.current) {
      this.place = { page: msg.page, offset: msg.offset };
      this.callbacks.onPosition(msg);
    } else if (msg.type === "failed") {
      this.callbacks.onFailed(entry.version, msg.message);
    }
  }

  private swap(entry: StageEntry, msg: Position): void {
    this.current?.frame.remove();
    this.current = entry;
    this.loading = undefined;
    entry.frame.classList.remove("npv-loading");
    maybeById("npv-empty")?.remove();
    // For tests and the benchmark: what is on screen, and how long the browser took for it.
    const data = document.documentElement.dataset;
    data.shownVersion = String(entry.version);
    data.browserMs = String(Math.round(performance.now() - entry.started));
    data.frameTimings = JSON.stringify(entry.timings ?? {});
    this.callbacks.onShown(entry, msg);
    this.callbacks.onPosition(msg);
  }
}

/** A problem of the build's page check (checkPages) as a mark. */
function problemMark(p: PageProblem): Mark {
  return {
    page: Number(p.page) || 1,
    kind: p.kind === "lines" ? "lines" : "overflow",
    article: p.article,
    message: p.detail,
  };
}
