import { byId, h } from "./dom.js";

// The pages on screen, double-buffered: a new version loads in a hidden frame, paginates there,
// is put at the page the editor was reading, and only then replaces the old frame. The editor never
// sees a blank stage or loses their place. Frames talk to the stage with postMessage (frame.js).

export class Stage {
  constructor(callbacks) {
    this.callbacks = callbacks;
    this.root = byId("npv-stage");
    this.current = undefined;
    this.loading = undefined;
    this.place = { page: 1, offset: 0, start: true };
    this.view = { zoom: "fit", spread: false, layers: {}, bleedMm: 0 };
    window.addEventListener("message", (event) => this.receive(event));
  }

  /** Loads version `version` of the pages, with the marks the server reported for it. */
  load(version, marks) {
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

  setView(patch) {
    this.view = { ...this.view, ...patch, layers: { ...this.view.layers, ...patch.layers } };
    this.post(this.current, { type: "view", view: this.view });
  }

  goTo(page) {
    this.post(this.current, { type: "scroll", place: { page, offset: 0, start: true } });
  }

  /** Scrolls to mark `index` of the pages on screen, or to `fallback` ({article} or {page}). */
  reveal(index, fallback) {
    this.post(this.current, { type: "reveal", index, fallback });
  }

  get marks() {
    return this.current?.marks ?? [];
  }

  post(entry, message) {
    entry?.frame.contentWindow?.postMessage({ npv: true, ...message }, location.origin);
  }

  receive(event) {
    if (event.origin !== location.origin || !event.data?.npv) return;
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

  swap(entry, msg) {
    this.current?.frame.remove();
    this.current = entry;
    this.loading = undefined;
    entry.frame.classList.remove("npv-loading");
    byId("npv-empty")?.remove();
    // For tests and the benchmark: what is on screen, and how long the browser took for it.
    document.documentElement.dataset.shownVersion = String(entry.version);
    document.documentElement.dataset.browserMs = String(Math.round(performance.now() - entry.started));
    document.documentElement.dataset.frameTimings = JSON.stringify(entry.timings ?? {});
    this.callbacks.onShown(entry, msg);
    this.callbacks.onPosition(msg);
  }
}

/** A problem of the build's page check (checkPages) as a mark. */
function problemMark(p) {
  return {
    page: Number(p.page) || 1,
    kind: p.kind === "lines" ? "lines" : "overflow",
    article: p.article,
    message: p.detail,
  };
}
