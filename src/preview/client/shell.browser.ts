import type { ErrorReport, PreviewState } from "../state";
import { byId, maybeById } from "./dom";
import { hideError, showError, wireErrorOverlay } from "./error-overlay";
import { showMarks, showPlan, wirePanelToggle } from "./panel";
import { wireEditing } from "./shell-editing";
import { Stage } from "./stage";
import { wireToolbar } from "./toolbar";

// The editor's page: listens to the server's event stream and keeps the newest pages on screen.
// Every event carries the whole state (see src/preview/state.ts), so a reconnect needs nothing else.

const status = byId("npv-status");
let state: PreviewState | undefined;
let failure: ErrorReport | undefined;

const setStatus = (text: string, kind = "") => {
  status.textContent = text;
  status.className = `npv-status ${kind}`;
};

const stage = new Stage({
  onShown(entry) {
    showMarks(stage.marks, (index) => stage.reveal(index));
    showPlan(state?.plan);
    editing.shown(entry.version);
    const took = state?.buildMs !== undefined ? ` · ${(state.buildMs / 1000).toFixed(1)} s` : "";
    if (state?.status === "ready") setStatus(`updated ${new Date().toLocaleTimeString([], { hour12: false })}${took}`);
  },
  onPosition(msg) {
    toolbar.position(msg);
  },
  onFailed(version, message) {
    failure = { title: "Paged.js could not lay out the pages", problems: [{ file: "", path: "", message }] };
    showError(failure, `paged:${version}:${message}`);
    setStatus("error", "error");
  },
});
const toolbar = wireToolbar(stage);
const editing = wireEditing(stage, {
  status: setStatus,
  marksChanged: () => showMarks(stage.marks, (index) => stage.reveal(index)),
});
wirePanelToggle();
wireErrorOverlay();

function onState(next: PreviewState): void {
  const previous = state;
  state = next;
  byId("npv-name").textContent = next.issue.name;
  document.title = `${next.issue.name} · newsprint preview`;
  // A restarted server counts its versions from 1 again.
  const restarted = previous !== undefined && previous.server !== next.server;
  const newer = next.version > stage.latest;
  editing.state(next);
  if (next.version > 0 && (restarted || newer)) {
    stage.view.bleedMm = next.bleedMm;
    stage.load(next.version, next.marks, restarted ? undefined : next.changes);
  }
  if (next.version === 0 && next.status === "error") maybeById("npv-empty")?.replaceChildren("No pages yet.");
  // The latest error stays up while the fix rebuilds; a successful rebuild clears it.
  if (next.error) {
    showError(next.error, JSON.stringify(next.error), (article) => stage.reveal(-1, { article }));
    const building = next.status === "building";
    setStatus(building ? "building…" : "not updated: error", building ? "building" : "error");
  } else {
    if (!failure) hideError();
    if (next.status === "building") setStatus("building…", "building");
  }
}

const events = new EventSource("/events");
events.addEventListener("state", (event) => {
  failure = undefined;
  onState(JSON.parse((event as MessageEvent<string>).data) as PreviewState);
});
events.addEventListener("error", () => setStatus("server unreachable: retrying…", "error"));
