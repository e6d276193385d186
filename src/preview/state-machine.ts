import type { BuiltVersion, RebuildOutcome } from "./edit-service";
import type { RebuildResult } from "./rebuild";
import type { ErrorReport, PreviewState } from "./state";
import { changedPages, pageListing } from "./version-info";

// The preview server's states and what moves it between them, in one place. Files change, the
// rebuilds they ask for start and end, the editor's edits wait for the pages made from them, and
// the server closes: each is an event, and `step` gives the next state and what to do (start a
// rebuild, serve a version's pages, tell the browsers, answer an edit). It is pure: preview.ts
// does what it says and reports back what happened.
//
// The states (phaseOf): starting (no pages yet), building, showing version N, failed (the problems
// over the last pages, if any), closing, closed. Whether a file event needs a rebuild is asked of
// the screen, not of history: its bytes need none only while the pages on screen are built from
// them, nothing failed since and no rebuild runs (or an edit's rebuild is due to build them). After
// an error the screen shows that error, so the good bytes coming back (an editor's undo) are
// rebuilt like any other change.

export type BuiltPages = Extract<RebuildResult, { ok: true }>;

export interface Machine {
  /** Open until close() is asked for; once closing, results are no longer shown. */
  life: "open" | "closing" | "closed";
  /** What the browsers are told; its status follows from the fields below. */
  view: PreviewState;
  /** The rebuild under way, and whether it started with changes to files other than the issue. */
  rebuilding?: { othersChanged: boolean };
  /** A template, stylesheet or photo changed that no version shows yet: the next loads whole. */
  othersChanged: boolean;
  /** The newest version with the bytes it was built from: what edits are checked against. */
  built?: BuiltVersion;
  /** The newest version's HTML and page CSS, to tell which pages the next one changes. */
  lastPages?: { html: string; formatCss: string };
  /** The edit whose bytes are written and whose pages are awaited; whether a rebuild started since. */
  edit?: { source: string; rebuildStarted: boolean };
}

export type PreviewEvent =
  /** The server listens: the first pages are due. */
  | { type: "opened" }
  /** issue.json changed on disk; `source` is the SHA-256 of its bytes (undefined: unreadable). */
  | { type: "issue-changed"; source: string | undefined }
  /** A photo, template or stylesheet changed. */
  | { type: "other-changed" }
  | { type: "rebuild-started" }
  /** `source`: the bytes it read, or undefined when the file changed while it ran. */
  | { type: "rebuild-finished"; source: string | undefined; result: RebuildResult }
  /** The editor wrote these bytes and waits for the pages made from them. */
  | { type: "edit-written"; source: string }
  | { type: "close" }
  | { type: "closed" };

export type Effect =
  /** Rebuild after the quiet time (file events come in bursts), or at once. */
  | { type: "rebuild"; when: "quiet" | "now" }
  | { type: "serve-version"; version: number; pages: BuiltPages }
  | { type: "publish"; view: PreviewState }
  | { type: "log-rebuild"; result: RebuildResult; version: number }
  | { type: "answer-edit"; outcome: RebuildOutcome };

export interface Step {
  machine: Machine;
  effects: Effect[];
}

export function initialMachine(server: string, issue: PreviewState["issue"]): Machine {
  return {
    life: "open",
    view: { server, status: "building", version: 0, issue, pages: 0, bleedMm: 0, marks: [] },
    othersChanged: false,
  };
}

/** The state by name: starting (no pages yet), building, showing (version N), failed, closing, closed. */
export function phaseOf(m: Machine): "starting" | "building" | "showing" | "failed" | "closing" | "closed" {
  if (m.life !== "open") return m.life;
  if (m.view.status === "error") return "failed";
  if (m.view.version === 0) return "starting";
  return m.view.status === "building" ? "building" : "showing";
}

export function step(m: Machine, event: PreviewEvent): Step {
  if (m.life !== "open") return afterClose(m, event);
  switch (event.type) {
    case "opened":
      return { machine: m, effects: [{ type: "rebuild", when: "now" }] };
    case "issue-changed":
      return { machine: m, effects: showsOrWillShow(m, event.source) ? [] : [{ type: "rebuild", when: "quiet" }] };
    case "other-changed":
      return { machine: { ...m, othersChanged: true }, effects: [{ type: "rebuild", when: "quiet" }] };
    case "rebuild-started":
      return published({
        ...m,
        rebuilding: { othersChanged: m.othersChanged },
        othersChanged: false,
        edit: m.edit && { ...m.edit, rebuildStarted: true },
      });
    case "rebuild-finished":
      return finished(m, event.source, event.result);
    case "edit-written": {
      // Edits come one at a time; one still waiting has lost its pages to this one.
      const superseded = m.edit ? [answer(m, undefined)] : [];
      return {
        machine: { ...m, edit: { source: event.source, rebuildStarted: false } },
        effects: [...superseded, { type: "rebuild", when: "now" }],
      };
    }
    case "close":
      return {
        machine: { ...m, life: "closing", edit: undefined },
        effects: m.edit ? [answer(m, undefined)] : [],
      };
    case "closed":
      return { machine: { ...m, life: "closed" }, effects: [] };
  }
}

/** Closing: nothing is rebuilt or shown any more; an edit is answered that its pages will not come. */
function afterClose(m: Machine, event: PreviewEvent): Step {
  switch (event.type) {
    case "edit-written":
      return { machine: m, effects: [answer(m, undefined)] };
    case "rebuild-finished":
      return { machine: { ...m, rebuilding: undefined }, effects: [] };
    case "closed":
      return { machine: { ...m, life: "closed" }, effects: [] };
    default:
      return { machine: m, effects: [] };
  }
}

/** True when the pages on screen are built from `source` and nothing failed since, or an edit's
 *  rebuild is due to build them: a file event with these bytes needs no rebuild. */
function showsOrWillShow(m: Machine, source: string | undefined): boolean {
  if (source === undefined) return false;
  if (m.edit?.source === source) return true;
  return !m.rebuilding && !m.view.error && m.built?.source === source;
}

function finished(m: Machine, source: string | undefined, result: RebuildResult): Step {
  const others = m.rebuilding?.othersChanged ?? false;
  const effects: Effect[] = [];
  let next: Machine;
  if (result.ok) {
    const version = m.view.version + 1;
    const comparable = m.lastPages && !others && m.lastPages.formatCss === result.formatCss;
    const changed = comparable ? changedPages(m.lastPages?.html ?? "", result.html) : undefined;
    const { pages, bleedMm, marks, plan, buildMs, stageMs, model, layout, measurements } = result;
    next = {
      ...m,
      rebuilding: undefined,
      built: source ? { version, source, model, layout, measurements } : undefined,
      lastPages: { html: result.html, formatCss: result.formatCss },
      view: {
        ...m.view,
        version,
        error: undefined,
        pages,
        bleedMm,
        marks,
        plan,
        buildMs,
        stageMs,
        source,
        changes: changed && { since: m.view.version, pages: changed },
        listing: pageListing(model.issue),
      },
    };
    effects.push({ type: "serve-version", version, pages: result });
  } else {
    // An edit's bytes that fail are the edit's to report (and to take back): the pages on screen
    // and their status stay. Changes to other files are still to be loaded as a whole.
    const editsOwn = m.edit !== undefined && source === m.edit.source;
    next = {
      ...m,
      rebuilding: undefined,
      othersChanged: m.othersChanged || others,
      view: editsOwn ? m.view : { ...m.view, error: result.error },
    };
  }
  const { machine, effects: shown } = published(next);
  effects.push(...shown, { type: "log-rebuild", result, version: machine.view.version });
  // The edit is answered by the first rebuild of its bytes, or by one that started after it was
  // written and read other bytes (the file changed under it).
  if (m.edit && (source === m.edit.source || m.edit.rebuildStarted)) {
    const error: ErrorReport | undefined = result.ok ? undefined : result.error;
    effects.push({
      type: "answer-edit",
      outcome: { source, ok: result.ok, version: machine.view.version, error },
    });
    return { machine: { ...machine, edit: undefined }, effects };
  }
  return { machine, effects };
}

function answer(m: Machine, source: string | undefined): Effect {
  return { type: "answer-edit", outcome: { source, ok: false, version: m.view.version } };
}

/** The machine with its status brought up to date, and the browsers told. */
function published(m: Machine): Step {
  const status: PreviewState["status"] = m.rebuilding
    ? "building"
    : m.view.error
      ? "error"
      : m.view.version === 0
        ? "building"
        : "ready";
  const machine = { ...m, view: { ...m.view, status } };
  return { machine, effects: [{ type: "publish", view: machine.view }] };
}
