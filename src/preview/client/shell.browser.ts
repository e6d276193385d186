import type { ErrorReport, PreviewState } from "../state";
import { byId, maybeById, redrawText } from "./dom";
import { hideError, showError, wireErrorOverlay } from "./error-overlay";
import { showMarks, showPlan, wirePanelToggle } from "./panel";
import { wireEditing } from "./shell-editing";
import { Stage } from "./stage";
import { wireToolbar } from "./toolbar";
import { words } from "./words";

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
    const seconds = state?.buildMs !== undefined ? state.buildMs / 1000 : undefined;
    const time = new Date().toLocaleTimeString([], { hour12: false });
    if (state?.status === "ready") setStatus(words.status.updated(time, seconds));
  },
  onPosition(msg) {
    toolbar.position(msg);
  },
  onFailed(version, message) {
    const report: ErrorReport = { kind: "paged", title: "", problems: [{ file: "", path: "", message }] };
    failure = report;
    showError(report, `paged:${version}:${message}`);
    setStatus(words.status.error, "error");
  },
});
const toolbar = wireToolbar(stage);
const editing = wireEditing(stage, {
  status: setStatus,
  marksChanged: () => showMarks(stage.marks, (index) => stage.reveal(index)),
});
wirePanelToggle();
wireErrorOverlay();
// The font subsets of the page's words, asked for at once; the words drawn again once they are in
// and whenever more arrive (dom.ts, redrawText).
const redraw = () => requestAnimationFrame(() => redrawText(document.body));
document.fonts.addEventListener("loadingdone", redraw);
void document.fonts
  .load(`14px ${getComputedStyle(document.body).fontFamily}`, document.body.textContent ?? "")
  .then(redraw);

function onState(next: PreviewState): void {
  const previous = state;
  state = next;
  byId("npv-name").textContent = next.issue.name;
  document.title = words.shell.issueTitle(next.issue.name);
  // A restarted server counts its versions from 1 again.
  const restarted = previous !== undefined && previous.server !== next.server;
  const newer = next.version > stage.latest;
  editing.state(next);
  if (next.version > 0 && (restarted || newer)) {
    stage.view.bleedMm = next.bleedMm;
    stage.load(next.version, next.marks, restarted ? undefined : next.changes);
  }
  if (next.version === 0 && next.status === "error") maybeById("npv-empty")?.replaceChildren(words.shell.noPagesYet);
  // The latest error stays up while the fix rebuilds; a successful rebuild clears it.
  if (next.error) {
    showError(next.error, JSON.stringify(next.error), (article) => stage.reveal(-1, { article }));
    const building = next.status === "building";
    setStatus(building ? words.status.building : words.status.notUpdated, building ? "building" : "error");
  } else {
    if (!failure) hideError();
    if (next.status === "building") setStatus(words.status.building, "building");
  }
}

const events = new EventSource("/events");
events.addEventListener("state", (event) => {
  failure = undefined;
  onState(JSON.parse((event as MessageEvent<string>).data) as PreviewState);
});
events.addEventListener("error", () => setStatus(words.status.unreachable, "error"));
