import type { Edit, EditResponse, Refusal } from "../edit-vocabulary";
import type { Mark } from "../state";
import { refusalText } from "../words";
import type { Stage } from "./stage";
import { words } from "./words";

// The editor's page side of editing: sends the pages' edits to the server (POST /edit with the
// session's token, naming the version of the file they were made on), keeps undo and redo (each
// undo is the server's inverse edit, sent like any edit), and shows why an edit was not made, in
// the warnings panel and on the module. One edit at a time: the next waits until the pages made
// from the last one are on screen, so every edit is made on the pages the editor sees.

const TOKEN_HEADER = "X-Newsprint-Token";

export interface EditClientHooks {
  /** The issue file the page serves (state.issue.file). */
  issue(): string | undefined;
  status(text: string, kind?: string): void;
  /** The busy flag or the history changed. */
  changed(): void;
}

type Via = "edit" | "undo" | "redo";

export class EditClient {
  readonly enabled: boolean;
  private readonly token: string;
  private readonly sources = new Map<number, string>();
  private readonly undoStack: Edit[][] = [];
  private readonly redoStack: Edit[][] = [];
  busy = false;
  private waitFor = 0;

  constructor(
    private readonly stage: Stage,
    private readonly hooks: EditClientHooks,
  ) {
    this.token = document.querySelector<HTMLMetaElement>('meta[name="npv-edit-token"]')?.content ?? "";
    this.enabled = this.token !== "";
  }

  /** A version announced by the server, and the file bytes it was built from. */
  version(version: number, source: string | undefined): void {
    if (source) this.sources.set(version, source);
    for (const v of this.sources.keys()) if (v < version - 5) this.sources.delete(v);
  }

  /** A version is on screen: the edit waiting for it is done. */
  shown(version: number): void {
    if (this.busy && version >= this.waitFor) {
      this.busy = false;
      this.hooks.changed();
    }
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  edit(edits: Edit[]): Promise<void> {
    return this.send(edits, "edit");
  }

  undo(): Promise<void> {
    const last = this.undoStack.at(-1);
    if (!last) {
      this.hooks.status(words.status.nothingToUndo);
      return Promise.resolve();
    }
    return this.send(last, "undo");
  }

  redo(): Promise<void> {
    const last = this.redoStack.at(-1);
    if (!last) {
      this.hooks.status(words.status.nothingToRedo);
      return Promise.resolve();
    }
    return this.send(last, "redo");
  }

  /** The editor has read why the last edit was not made. */
  dismiss(): void {
    if (this.stage.notices.length === 0) return;
    this.stage.notices = [];
    this.stage.redrawMarks();
    this.hooks.changed();
  }

  private notice(mark: Omit<Mark, "page" | "kind"> & { page?: number }): void {
    this.stage.notices = [{ kind: "refused", ...mark, page: mark.page ?? this.stage.place.page }];
    this.stage.redrawMarks();
  }

  private async send(edits: Edit[], via: Via): Promise<void> {
    if (!this.enabled || this.busy) return;
    const version = this.stage.current?.version ?? 0;
    const base = this.sources.get(version);
    const issue = this.hooks.issue();
    if (!base || !issue) {
      this.notice({ message: refusalText(words, { code: "stale-pages" }) });
      return;
    }
    this.busy = true;
    this.stage.notices = [];
    this.stage.redrawMarks();
    this.hooks.changed();
    const busy = { edit: words.status.saving, undo: words.status.undoing, redo: words.status.redoing };
    this.hooks.status(busy[via], "building");
    let answer: EditResponse;
    try {
      const res = await fetch("/edit", {
        method: "POST",
        headers: { "Content-Type": "application/json", [TOKEN_HEADER]: this.token },
        body: JSON.stringify({ issue, base, edits }),
        cache: "no-store",
      });
      answer = (await res.json()) as EditResponse;
    } catch (err) {
      const refusal: Refusal = { code: "no-answer", detail: String(err) };
      answer = { ok: false, reason: "refused", refusal, message: refusalText(words, refusal) };
    }
    if (answer.ok) {
      // The answer's inverse undoes what was just done: an undo's inverse is its redo.
      const [done, inverse] = via === "undo" ? [this.undoStack, this.redoStack] : [this.redoStack, this.undoStack];
      if (via !== "edit") done.pop();
      else if (answer.undo.length) this.redoStack.length = 0;
      if (answer.undo.length) inverse.push(answer.undo);
      this.waitFor = answer.version;
      if ((this.stage.current?.version ?? 0) >= answer.version) this.busy = false;
      if (answer.undo.length === 0 && via === "edit") this.hooks.status(words.status.nothingToChange);
    } else {
      this.busy = false;
      const message = refusalText(words, answer.refusal);
      this.notice({ article: answer.article, page: answer.page, message });
      const say = answer.reason === "conflict" ? words.status.editRefused : words.status.editNotMade;
      this.hooks.status(say(message), "error");
    }
    this.hooks.changed();
  }
}
