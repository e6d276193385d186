import { byId } from "./dom.js";
import { hideError, showError } from "./error-overlay.js";
import { showMarks, wirePanelToggle } from "./panel.js";
import { Stage } from "./stage.js";
import { wireToolbar } from "./toolbar.js";

// The editor's page: listens to the server's event stream and keeps the newest pages on screen.
// Every event carries the whole state (see src/preview/state.ts), so a reconnect needs nothing else.

const status = byId("npv-status");
let state;
let failure;

const setStatus = (text, kind = "") => {
  status.textContent = text;
  status.className = `npv-status ${kind}`;
};

const stage = new Stage({
  onShown(entry) {
    showMarks(entry.marks, (index) => stage.reveal(index));
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
wirePanelToggle();

function onState(next) {
  const previous = state;
  state = next;
  byId("npv-name").textContent = next.issue.name;
  document.title = `${next.issue.name} · newsprint preview`;
  // A restarted server counts its versions from 1 again.
  const restarted = previous !== undefined && previous.server !== next.server;
  const newer = next.version > (stage.loading?.version ?? stage.current?.version ?? 0);
  if (next.version > 0 && (restarted || newer)) {
    stage.view.bleedMm = next.bleedMm;
    stage.load(next.version, next.marks);
  }
  if (next.version === 0 && next.status === "error") byId("npv-empty")?.replaceChildren("No pages yet.");
  // The latest error stays up while the fix rebuilds; a successful rebuild clears it.
  if (next.error) {
    showError(next.error, JSON.stringify(next.error), (article) => stage.reveal(-1, { article }));
    setStatus(
      next.status === "building" ? "building…" : "not updated: error",
      next.status === "building" ? "building" : "error",
    );
  } else {
    if (!failure) hideError();
    if (next.status === "building") setStatus("building…", "building");
  }
}

const events = new EventSource("/events");
events.addEventListener("state", (event) => {
  failure = undefined;
  onState(JSON.parse(event.data));
});
events.addEventListener("error", () => setStatus("server unreachable: retrying…", "error"));
