import type { PageProblem } from "../../render/paged.browser";
import type { Mark } from "../state";
import { byId, h, maybeById } from "./dom";
import {
  type Editing,
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
import { words } from "./words";

// The pages on screen, double-buffered: a new version loads in a hidden frame, paginates there,
// is put at the page the editor was reading, and only then replaces the old frame. The editor never
// sees a blank stage or loses their place. A version that differs from the one on screen in a few
// printed pages only (an edit of the make-up) is patched into the frame on screen instead: just
// those pages' contents change. Frames talk to the stage with postMessage (frame.browser.ts).

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
  /** Messages of the pages on screen that are not the stage's own (the editor's). */
  onMessage?(msg: FrameToShell, entry: StageEntry): void;
}

/** What changed since the version on screen, as the server says (state.changes). */
export interface Changes {
  since: number;
  pages: number[];
}

export class Stage {
  readonly root = byId("npv-stage");
  current: StageEntry | undefined;
  loading: StageEntry | undefined;
  place: Place = { page: 1, offset: 0, start: true };
  view: View = { zoom: "fit", spread: false, layers: {}, bleedMm: 0 };
  editing: Editing = { enabled: false, busy: false, listing: [] };
  /** Marks of the editor's page itself (edits refused), shown with the pages' own. */
  notices: Mark[] = [];
  private patching: { version: number; marks: Mark[]; started: number } | undefined;
  private next: { version: number; marks: Mark[]; changes?: Changes } | undefined;
  private lastPosition: Position = { page: 1, offset: 0, of: 1 };

  constructor(readonly callbacks: StageCallbacks) {
    window.addEventListener("message", (event) => this.receive(event));
  }

  /** Loads version `version` of the pages, with the marks the server reported for it. */
  load(version: number, marks: Mark[], changes?: Changes): void {
    if (this.patching) {
      if (version <= this.patching.version) return;
      this.next = { version, marks, changes };
      return;
    }
    const current = this.current;
    if (current && !this.loading && changes && changes.since === current.version) {
      this.patching = { version, marks, started: performance.now() };
      this.post(current, { type: "patch", version, pages: changes.pages, editing: this.editing });
      return;
    }
    this.loading?.frame.remove();
    const frame = h("iframe", {
      class: "npv-loading",
      src: `/pages/${version}.html`,
      title: words.shell.pagesVersion(version),
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

  /** The newest version on screen or on its way there. */
  get latest(): number {
    return Math.max(this.loading?.version ?? 0, this.patching?.version ?? 0, this.current?.version ?? 0);
  }

  /** The marks on screen: the pages' own and the editor's notices, by page. */
  get marks(): Mark[] {
    return [...(this.current?.marks ?? []), ...this.notices].sort((a, b) => a.page - b.page);
  }

  /** Draws the marks again (the notices changed). */
  redrawMarks(): void {
    this.post(this.current, { type: "marks", marks: this.marks });
  }

  setEditing(editing: Editing): void {
    this.editing = editing;
    this.post(this.current, { type: "editing", editing });
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
      const marks = [...entry.marks, ...this.notices].sort((a, b) => a.page - b.page);
      const { view, place, editing } = this;
      this.post(entry, { type: "show", version: entry.version, view, marks, place, editing });
    } else if (msg.type === "shown" && entry === this.loading) {
      this.swap(entry, msg);
    } else if (msg.type === "patched" && entry === this.current && this.patching?.version === msg.version) {
      const patched = this.patching;
      this.patching = undefined;
      entry.version = patched.version;
      entry.marks = [...patched.marks, ...msg.problems.map(problemMark)].sort((a, b) => a.page - b.page);
      entry.frame.dataset.version = String(patched.version);
      this.redrawMarks();
      this.shown(entry, this.lastPosition, patched.started);
      this.loadNext();
    } else if (msg.type === "position" && entry === this.current) {
      this.place = { page: msg.page, offset: msg.offset };
      this.lastPosition = msg;
      this.callbacks.onPosition(msg);
    } else if (msg.type === "failed" && entry === this.current && this.patching) {
      // The patch did not take: the whole version loads instead.
      const { version, marks } = this.patching;
      this.patching = undefined;
      this.load(version, marks);
    } else if (msg.type === "failed") {
      this.callbacks.onFailed(entry.version, msg.message);
    } else {
      this.callbacks.onMessage?.(msg, entry);
    }
  }

  private loadNext(): void {
    const next = this.next;
    this.next = undefined;
    if (next && next.version > (this.current?.version ?? 0)) this.load(next.version, next.marks, next.changes);
  }

  private swap(entry: StageEntry, msg: Position): void {
    this.current?.frame.remove();
    this.current = entry;
    this.loading = undefined;
    entry.frame.classList.remove("npv-loading");
    maybeById("npv-empty")?.remove();
    this.lastPosition = msg;
    this.shown(entry, msg, entry.started);
    this.callbacks.onPosition(msg);
    this.loadNext();
  }

  private shown(entry: StageEntry, msg: Position, started: number): void {
    // For tests and the benchmark: what is on screen, and how long the browser took for it.
    const data = document.documentElement.dataset;
    data.shownVersion = String(entry.version);
    data.browserMs = String(Math.round(performance.now() - started));
    data.frameTimings = JSON.stringify(entry.timings ?? {});
    this.callbacks.onShown(entry, msg);
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
