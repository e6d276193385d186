import type { PreviewState } from "../state";
import { EditClient } from "./edit-client";
import type { Editing } from "./messages";
import { PageList } from "./page-list";
import type { Stage } from "./stage";

// Wires editing into the editor's page: the pages' frame proposes edits, the edit client sends
// them, the page lists in the panel move articles, and keys pressed outside the pages reach the
// pages' editor (undo and redo are handled here, wherever the focus is).

export interface ShellEditing {
  state(next: PreviewState): void;
  shown(version: number): void;
}

const isField = (el: EventTarget | null) => el instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName);

export function wireEditing(
  stage: Stage,
  hooks: { status(text: string, kind?: string): void; marksChanged(): void },
): ShellEditing {
  let state: PreviewState | undefined;
  const client = new EditClient(stage, {
    issue: () => state?.issue.file,
    status: hooks.status,
    changed() {
      stage.setEditing(editing());
      hooks.marksChanged();
    },
  });
  const editing = (): Editing => ({ enabled: client.enabled, busy: client.busy, listing: state?.listing ?? [] });
  const list = new PageList({
    pick: (article) => stage.post(stage.current, { type: "select", article }),
    move: (article, page, index) => void client.edit([{ kind: "move-to-page", article, page, index }]),
  });
  document.documentElement.dataset.editing = client.enabled ? "on" : "off";

  stage.callbacks.onMessage = (msg, entry) => {
    if (entry !== stage.current) return;
    if (msg.type === "edit") void client.edit(msg.edits);
    else if (msg.type === "history") void (msg.action === "undo" ? client.undo() : client.redo());
    else if (msg.type === "selected") list.select(msg.article);
    else if (msg.type === "dismiss") client.dismiss();
    else if (msg.type === "drag-out") {
      const r = entry.frame.getBoundingClientRect();
      list.dragFromPages(msg.article, r.left + msg.x, r.top + msg.y, msg.drop);
    }
  };

  document.addEventListener("keydown", (e) => {
    if (isField(e.target)) return;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && (e.key === "z" || e.key === "Z" || e.key === "y")) {
      void (e.key === "y" || e.shiftKey ? client.redo() : client.undo());
      e.preventDefault();
    } else if (!ctrl && /^(Arrow|Enter$|Delete$|Backspace$|Escape$)/.test(e.key)) {
      stage.post(stage.current, { type: "key", press: { key: e.key, shift: e.shiftKey, alt: e.altKey } });
      if (e.key !== "Escape") e.preventDefault();
    }
  });

  return {
    state(next) {
      state = next;
      client.version(next.version, next.source);
      if (next.listing) list.show(next.listing, client.enabled);
      stage.editing = editing();
    },
    shown(version) {
      client.shown(version);
      stage.setEditing(editing());
    },
  };
}
