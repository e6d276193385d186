import { describe, expect, it } from "vitest";
import type { RebuildResult } from "../../src/preview/rebuild";
import type { ErrorReport } from "../../src/preview/state";
import {
  type BuiltPages,
  type Effect,
  initialMachine,
  type Machine,
  type PreviewEvent,
  phaseOf,
  step,
} from "../../src/preview/state-machine";

// The preview server's states, transition by transition: file events, rebuilds, the editor's
// edits and closing, each with the state it leads to and what the server is told to do.

const A = "a".repeat(64);
const B = "b".repeat(64);
const C = "c".repeat(64);

/** Pages as a rebuild makes them: one <section> per printed page. */
function built(pages: string[], formatCss = "@page { size: A3 }"): BuiltPages {
  const html = `<html><body>${pages.map((p) => `<section class="np-page">${p}</section>`).join("")}</body></html>`;
  return {
    ok: true,
    html,
    formatCss,
    pages: pages.length,
    assets: [],
    bleedMm: 3,
    marks: [],
    plan: { pages: [] },
    buildMs: 100,
    stageMs: { load: 10 },
    model: { issue: { data: { pages: [] } } },
    layout: { pages: [] },
    measurements: { articles: new Map() },
  } as unknown as BuiltPages;
}

const report = (message: string): ErrorReport => ({
  kind: "issue",
  title: "The issue file is not valid",
  problems: [{ file: "issue.json", path: "", message }],
});
const broken = (message: string): RebuildResult => ({ ok: false, error: report(message), fit: false });

function run(machine: Machine, ...events: PreviewEvent[]): { machine: Machine; effects: Effect[] } {
  const effects: Effect[] = [];
  let m = machine;
  for (const event of events) {
    const stepped = step(m, event);
    m = stepped.machine;
    effects.push(...stepped.effects);
  }
  return { machine: m, effects };
}

const start = () => initialMachine("server-1", { name: "broadsheet", file: "issue.json" });
const rebuilt = (source: string | undefined, result: RebuildResult): PreviewEvent[] => [
  { type: "rebuild-started" },
  { type: "rebuild-finished", source, result },
];
/** Showing version 1, built from bytes A. */
const showingA = () => run(start(), { type: "opened" }, ...rebuilt(A, built(["one", "two"]))).machine;

const rebuilds = (effects: Effect[]) => effects.filter((e) => e.type === "rebuild");
const answers = (effects: Effect[]) => effects.flatMap((e) => (e.type === "answer-edit" ? [e.outcome] : []));
const lastPublished = (effects: Effect[]) => effects.flatMap((e) => (e.type === "publish" ? [e.view] : [])).at(-1);

describe("starting", () => {
  it("starts with no pages, building, and asks for the first rebuild at once", () => {
    const { machine, effects } = run(start(), { type: "opened" });
    expect(phaseOf(machine)).toBe("starting");
    expect(machine.view).toMatchObject({ status: "building", version: 0 });
    expect(effects).toEqual([{ type: "rebuild", when: "now" }]);
  });

  it("shows version 1 when the first rebuild makes pages", () => {
    const pages = built(["one", "two"]);
    const { machine, effects } = run(start(), { type: "opened" }, ...rebuilt(A, pages));
    expect(phaseOf(machine)).toBe("showing");
    expect(machine.view).toMatchObject({ status: "ready", version: 1, pages: 2, source: A, changes: undefined });
    expect(machine.built?.source).toBe(A);
    expect(effects).toContainEqual({ type: "serve-version", version: 1, pages });
    expect(lastPublished(effects)?.status).toBe("ready");
  });

  it("fails with the problems and no pages when the first rebuild fails", () => {
    const { machine, effects } = run(start(), { type: "opened" }, ...rebuilt(A, broken("unexpected ,")));
    expect(phaseOf(machine)).toBe("failed");
    expect(machine.view).toMatchObject({ status: "error", version: 0 });
    expect(machine.view.error?.problems[0]?.message).toBe("unexpected ,");
    expect(effects.some((e) => e.type === "serve-version")).toBe(false);
  });
});

describe("building", () => {
  it("tells the browsers that a rebuild started", () => {
    const { machine, effects } = run(showingA(), { type: "rebuild-started" });
    expect(phaseOf(machine)).toBe("building");
    expect(effects).toEqual([{ type: "publish", view: machine.view }]);
    expect(machine.view).toMatchObject({ status: "building", version: 1 });
  });

  it("logs every rebuild with the version on screen after it", () => {
    const ok = run(showingA(), ...rebuilt(B, built(["one", "2"]))).effects;
    expect(ok).toContainEqual(expect.objectContaining({ type: "log-rebuild", version: 2 }));
    const failed = run(showingA(), ...rebuilt(B, broken("x"))).effects;
    expect(failed).toContainEqual(expect.objectContaining({ type: "log-rebuild", version: 1 }));
  });

  it("keeps the last pages on screen under the error of a failed rebuild", () => {
    const { machine } = run(showingA(), ...rebuilt(B, broken("pages[0]: expected object")));
    expect(phaseOf(machine)).toBe("failed");
    expect(machine.view).toMatchObject({ status: "error", version: 1, pages: 2, source: A });
    expect(machine.built?.source).toBe(A);
  });

  it("names the pages a new version changes, when only pages changed", () => {
    const { machine } = run(showingA(), ...rebuilt(B, built(["one", "TWO"])));
    expect(machine.view.changes).toEqual({ since: 1, pages: [2] });
  });

  it("loads a version whole when the page CSS changed", () => {
    const { machine } = run(showingA(), ...rebuilt(B, built(["one", "TWO"], "@page { size: A4 }")));
    expect(machine.view.changes).toBeUndefined();
  });

  it("keeps no bytes for a version whose file changed while it was built", () => {
    const { machine } = run(showingA(), ...rebuilt(undefined, built(["one", "TWO"])));
    expect(machine.view).toMatchObject({ status: "ready", version: 2, source: undefined });
    expect(machine.built).toBeUndefined();
    // So any event of the file rebuilds.
    expect(rebuilds(run(machine, { type: "issue-changed", source: A }).effects)).toHaveLength(1);
  });
});

describe("file events", () => {
  it("need no rebuild for the bytes the pages on screen are built from", () => {
    const { effects } = run(showingA(), { type: "issue-changed", source: A });
    expect(effects).toEqual([]);
  });

  it("rebuild after the quiet time for other bytes, or a file that cannot be read", () => {
    expect(run(showingA(), { type: "issue-changed", source: B }).effects).toEqual([{ type: "rebuild", when: "quiet" }]);
    expect(run(showingA(), { type: "issue-changed", source: undefined }).effects).toEqual([
      { type: "rebuild", when: "quiet" },
    ]);
  });

  it("rebuild the bytes of the pages on screen when they come back after an error (an editor's undo)", () => {
    const failed = run(showingA(), { type: "issue-changed", source: B }, ...rebuilt(B, broken("unexpected ,"))).machine;
    const back = run(failed, { type: "issue-changed", source: A });
    expect(back.effects).toEqual([{ type: "rebuild", when: "quiet" }]);
    const { machine } = run(back.machine, ...rebuilt(A, built(["one", "two"])));
    expect(phaseOf(machine)).toBe("showing");
    expect(machine.view).toMatchObject({ status: "ready", version: 2, source: A, error: undefined });
    expect(machine.view.changes).toEqual({ since: 1, pages: [] });
  });

  it("rebuild the same broken bytes saved again (the error may not be theirs: a crashed browser)", () => {
    const failed = run(showingA(), ...rebuilt(B, broken("browser crashed"))).machine;
    expect(run(failed, { type: "issue-changed", source: B }).effects).toEqual([{ type: "rebuild", when: "quiet" }]);
  });

  it("rebuild the shown bytes saved back while a rebuild of others runs (it may show those)", () => {
    const building = run(showingA(), { type: "rebuild-started" }).machine;
    expect(rebuilds(run(building, { type: "issue-changed", source: A }).effects)).toHaveLength(1);
  });

  it("rebuild when another file changes, and load that version whole", () => {
    const { machine, effects } = run(showingA(), { type: "other-changed" });
    expect(effects).toEqual([{ type: "rebuild", when: "quiet" }]);
    const next = run(machine, ...rebuilt(A, built(["one", "two"]))).machine;
    expect(next.view.changes).toBeUndefined();
    // The version after it compares pages again.
    expect(run(next, ...rebuilt(B, built(["ONE", "two"]))).machine.view.changes).toEqual({ since: 2, pages: [1] });
  });

  it("still load whole after another file's change whose rebuild failed", () => {
    const failed = run(showingA(), { type: "other-changed" }, ...rebuilt(A, broken("template"))).machine;
    expect(failed.othersChanged).toBe(true);
    const fixed = run(failed, { type: "other-changed" }, ...rebuilt(A, built(["one", "two"]))).machine;
    expect(fixed.view.changes).toBeUndefined();
    expect(fixed.othersChanged).toBe(false);
  });

  it("rebuild the bytes of the pages on screen while another file's error shows", () => {
    const failed = run(showingA(), { type: "other-changed" }, ...rebuilt(A, broken("template"))).machine;
    expect(rebuilds(run(failed, { type: "issue-changed", source: A }).effects)).toHaveLength(1);
  });
});

describe("edits", () => {
  it("rebuild at once the bytes an edit wrote and answer it with the new version", () => {
    const written = run(showingA(), { type: "edit-written", source: B });
    expect(written.effects).toEqual([{ type: "rebuild", when: "now" }]);
    // The file event of the edit's own write: its rebuild is already asked for.
    expect(run(written.machine, { type: "issue-changed", source: B }).effects).toEqual([]);
    const { machine, effects } = run(written.machine, ...rebuilt(B, built(["one", "moved"])));
    expect(answers(effects)).toEqual([{ source: B, ok: true, version: 2, error: undefined }]);
    expect(machine.built?.source).toBe(B);
    expect(machine.edit).toBeUndefined();
  });

  it("leave the pages and their status alone when the edit's bytes fail: the edit reports it", () => {
    const { machine, effects } = run(
      showingA(),
      { type: "edit-written", source: B },
      ...rebuilt(B, broken("does not fit")),
    );
    expect(answers(effects)).toEqual([{ source: B, ok: false, version: 1, error: report("does not fit") }]);
    expect(machine.view).toMatchObject({ status: "ready", version: 1, error: undefined, source: A });
    expect(lastPublished(effects)?.status).toBe("ready");
    // The edit puts back A: the pages on screen are built from it, nothing to rebuild.
    expect(run(machine, { type: "issue-changed", source: A }).effects).toEqual([]);
  });

  it("answer an edit with the bytes its rebuild read when the file changed under it", () => {
    const { machine, effects } = run(
      showingA(),
      { type: "edit-written", source: B },
      ...rebuilt(C, broken("someone else's save")),
    );
    expect(answers(effects)).toEqual([{ source: C, ok: false, version: 1, error: report("someone else's save") }]);
    // That failure is the pages' own.
    expect(machine.view.status).toBe("error");
  });

  it("wait past a rebuild that started before the edit and read the bytes before it", () => {
    const running = run(showingA(), { type: "rebuild-started" }, { type: "edit-written", source: B }).machine;
    const older = run(running, { type: "rebuild-finished", source: C, result: built(["one", "C"]) });
    expect(answers(older.effects)).toEqual([]);
    const { effects } = run(older.machine, ...rebuilt(B, built(["one", "B"])));
    expect(answers(effects)).toEqual([{ source: B, ok: true, version: 3, error: undefined }]);
  });

  it("answer a waiting edit that a newer one supersedes", () => {
    const { effects } = run(showingA(), { type: "edit-written", source: B }, { type: "edit-written", source: C });
    expect(answers(effects)).toEqual([{ source: undefined, ok: false, version: 1 }]);
  });
});

describe("closing", () => {
  it("answers a waiting edit, then shows, logs and rebuilds nothing", () => {
    const waiting = run(showingA(), { type: "edit-written", source: B }, { type: "rebuild-started" }).machine;
    const closing = run(waiting, { type: "close" });
    expect(phaseOf(closing.machine)).toBe("closing");
    expect(answers(closing.effects)).toEqual([{ source: undefined, ok: false, version: 1 }]);
    const after = run(
      closing.machine,
      { type: "rebuild-finished", source: B, result: broken("Target closed") },
      { type: "issue-changed", source: C },
      { type: "other-changed" },
    );
    expect(after.effects).toEqual([]);
    expect(after.machine.view).toEqual(closing.machine.view);
  });

  it("answers an edit written while closing at once", () => {
    const closing = run(showingA(), { type: "close" }).machine;
    const { effects } = run(closing, { type: "edit-written", source: B });
    expect(effects).toEqual([{ type: "answer-edit", outcome: { source: undefined, ok: false, version: 1 } }]);
  });

  it("is closed once everything is", () => {
    const { machine } = run(showingA(), { type: "close" }, { type: "closed" });
    expect(phaseOf(machine)).toBe("closed");
  });
});
