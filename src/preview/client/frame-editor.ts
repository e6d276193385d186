import { type GridRect, type IssuePin, inside, overlaps, sameRect, toIssueRect } from "../../grid";
import type { Edit } from "../edit-vocabulary";
import type { PinListing } from "../state";
import { type ModuleOrigin, placeBox, type ShownLayout, type ShownModule } from "./frame-layout";
import { pageElements } from "./frame-overlays";
import type { Editing, FrameToShell, KeyPress } from "./messages";
import { words } from "./words";

// Making up pages by hand, inside the pages' frame. Click selects a module (handles on its edges);
// dragging it shows a ghost snapped to columns and lines and drops it there (pinned), on another
// module's place (the two swap) or on another page (moved to that page's list); an edge resizes it.
// Arrow keys move the selection's ghost by a column or a line, Shift+arrows resize it, Enter pins,
// Delete unpins. The editor only proposes edits: the shell sends them to the server, which writes
// the issue file, and the re-made pages come back as a new version. Where each module is, and who
// placed it, the editor reads from the version's typed layout (frame-layout.ts); the pages' elements
// only say which module is under the pointer.

type Edge = "n" | "s" | "e" | "w" | "ne" | "nw" | "se" | "sw";
const EDGES: Edge[] = ["n", "s", "e", "w", "ne", "nw", "se", "sw"];
const DRAG_THRESHOLD = 4;

interface Target {
  el: HTMLElement;
  kind: ShownModule["kind"];
  id: string;
  page: number;
  rect: GridRect;
  origin: ModuleOrigin;
  /** Why it cannot be edited, if it cannot. */
  locked?: string;
  pin?: PinListing;
}

interface Drag {
  target: Target;
  mode: "move" | Edge;
  x0: number;
  y0: number;
  /** Where in the module it was grabbed, unscaled px from its top left. */
  grab: { x: number; y: number };
  active: boolean;
  ghost?: GridRect;
  /** The printed page under the pointer. */
  page?: number;
  swapWith?: ShownModule;
  outside: boolean;
}

export interface EditorHost {
  zoom(): number;
  post(message: FrameToShell): void;
}

const div = (cls: string) => {
  const el = document.createElement("div");
  el.className = cls;
  // The editor's words, not the paper's: their language picks the right CJK glyphs.
  el.lang = words.language;
  return el;
};

const pageNumberOf = (el: Element) => Number(el.closest<HTMLElement>(".np-page")?.dataset.page ?? 0);

export class FrameEditor {
  private editing: Editing = { enabled: false, busy: false, listing: [] };
  private selected?: { id: string; kind: Target["kind"]; page: number };
  private pending?: { rect: GridRect; resized: boolean; vertical: boolean };
  private drag?: Drag;
  private layout?: ShownLayout;
  private readonly selection = div("npv-sel");
  private readonly selectionLabel = div("npv-sel-label");
  private readonly ghost = div("npv-ghost");
  private readonly ghostLabel = div("npv-ghost-label");

  constructor(private readonly host: EditorHost) {
    this.selection.append(this.selectionLabel);
    for (const edge of EDGES) {
      const handle = div(`npv-handle ${edge}`);
      handle.dataset.edge = edge;
      this.selection.append(handle);
    }
    this.ghost.append(this.ghostLabel);
    document.addEventListener("mousedown", (e) => this.down(e));
    // Labels drawn before the font subsets with their characters arrived are drawn again (dom.ts).
    document.fonts.addEventListener("loadingdone", () => this.draw());
    window.addEventListener("mousemove", (e) => this.move(e));
    window.addEventListener("mouseup", (e) => this.up(e));
    document.addEventListener("keydown", (e) => {
      const ctrl = e.ctrlKey || e.metaKey;
      if (ctrl && (e.key === "z" || e.key === "Z" || e.key === "y")) {
        this.host.post({ type: "history", action: e.key === "y" || e.shiftKey ? "redo" : "undo" });
        e.preventDefault();
      } else if (!ctrl && this.key({ key: e.key, shift: e.shiftKey, alt: e.altKey })) {
        e.preventDefault();
      }
    });
  }

  /** New pages or page contents are on screen, with their layout: layers on every page, the
   *  selection found again. Without a layout nothing can be selected. */
  refresh(editing: Editing | undefined, layout: ShownLayout | undefined): void {
    if (editing) this.editing = editing;
    this.layout = layout;
    for (const page of pageElements()) {
      if (page.querySelector(":scope > .npv-edit")) continue;
      const layer = div("npv-edit");
      layer.append(div("npv-edit-area"));
      layer.setAttribute("aria-hidden", "true");
      page.append(layer);
    }
    this.pending = undefined;
    this.draw();
  }

  setEditing(editing: Editing): void {
    this.editing = editing;
    this.draw();
  }

  /** Selects an article's module (from the panel), or nothing. */
  select(article?: string): void {
    const target = article ? this.find(article, "article") : undefined;
    this.setSelection(target);
    target?.el.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  private pinOf(id: string): PinListing | undefined {
    for (const page of this.editing.listing) {
      const found = page.articles.find((a) => a.id === id);
      if (found) return found.pin;
    }
    return undefined;
  }

  private lockOf(module: ShownModule): string | undefined {
    if (!this.editing.enabled) return words.editor.readOnly;
    if (module.kind === "ad") return words.editor.adLocked;
    const listed = this.editing.listing[module.page - 1];
    if (!listed || listed.articles.some((a) => a.id === module.id)) return undefined;
    const from = module.continuedFrom;
    return from ? words.editor.continuedFrom(from) : words.editor.filler;
  }

  /** The element of a module on the pages shown. */
  private elementOf(module: ShownModule): HTMLElement | undefined {
    const id = CSS.escape(module.id);
    const selector = module.kind === "ad" ? `.np-ad[data-ad="${id}"]` : `.np-module[data-article="${id}"]`;
    const page = `.pagedjs_pages .np-page[data-page="${module.page}"]`;
    return document.querySelector<HTMLElement>(`${page} ${selector}`) ?? undefined;
  }

  private target(module: ShownModule, el: HTMLElement): Target {
    const { kind, id, page, rect, origin } = module;
    return { el, kind, id, page, rect, origin, locked: this.lockOf(module), pin: this.pinOf(id) };
  }

  /** The module of a page element (a module or an ad). */
  private targetOf(el: HTMLElement): Target | undefined {
    const kind = el.classList.contains("np-ad") ? "ad" : "article";
    const id = kind === "ad" ? el.dataset.ad : el.dataset.article;
    const module = id ? this.layout?.module(kind, id, pageNumberOf(el)) : undefined;
    return module && this.target(module, el);
  }

  /** A module by id: on `page` if there, else where it is not a continuation. */
  private find(id: string, kind: Target["kind"], page?: number): Target | undefined {
    const module = this.layout?.module(kind, id, page);
    const el = module && this.elementOf(module);
    return module && el && this.target(module, el);
  }

  private current(): Target | undefined {
    return this.selected && this.find(this.selected.id, this.selected.kind, this.selected.page);
  }

  private setSelection(target: Target | undefined): void {
    this.selected = target && { id: target.id, kind: target.kind, page: target.page };
    this.pending = undefined;
    this.host.post({
      type: "selected",
      article: target?.kind === "article" ? target.id : undefined,
      page: target?.page,
    });
    this.draw();
  }

  private areaOf(page: number): HTMLElement | undefined {
    const el = document.querySelector(`.pagedjs_pages .np-page[data-page="${page}"]`)?.closest(".pagedjs_page");
    return el?.querySelector<HTMLElement>(":scope > .npv-edit > .npv-edit-area") ?? undefined;
  }

  /** The selection box with its handles, and the keyboard's ghost if any. */
  private draw(): void {
    const target = this.current();
    if (!target) {
      this.selection.remove();
      if (!this.drag?.active) this.ghost.remove();
      return;
    }
    this.areaOf(target.page)?.append(this.selection);
    placeBox(this.selection, target.rect);
    const { classList } = this.selection;
    classList.toggle("locked", Boolean(target.locked));
    classList.toggle("busy", this.editing.busy);
    classList.toggle("pinned", target.origin === "pinned" || target.origin === "fixed");
    // The label runs from the module's left edge, or on the right half of the page to its right edge.
    classList.toggle("right", 2 * (target.rect.col + target.rect.span) > (this.layout?.grid.columns ?? 0) + 1);
    const state =
      target.locked ??
      (this.editing.busy
        ? words.editor.saving
        : target.origin === "make-up"
          ? words.editor.placedByMakeup
          : target.origin === "fixed"
            ? words.editor.placedByHand
            : words.editor.pinned);
    this.selectionLabel.textContent = `${target.id} · ${state} · ${words.editor.rect(target.rect)}`;
    if (this.pending) {
      this.showGhost(target.page, this.pending.rect, words.editor.pinHere, target);
    } else if (!this.drag?.active) this.ghost.remove();
  }

  private showGhost(page: number, rect: GridRect, label: string, moving: Target, swap = false): void {
    const area = this.areaOf(page);
    if (!area) {
      this.ghost.remove();
      return;
    }
    area.append(this.ghost);
    placeBox(this.ghost, rect);
    const ads = this.layout?.onPage(page).filter((m) => m.kind === "ad") ?? [];
    const overAd = swap ? undefined : ads.find((ad) => overlaps(ad.rect, rect));
    const outside = !this.layout || !inside(rect, this.layout.grid);
    this.ghost.classList.toggle("bad", Boolean(outside || overAd) && page === moving.page);
    this.ghost.classList.toggle("swap", swap);
    const bad =
      page !== moving.page ? undefined : outside ? words.editor.outsideGrid : overAd && words.editor.overAd(overAd.id);
    const warning = bad ? ` · ${bad}` : "";
    this.ghostLabel.textContent = `${label}${warning}`;
  }

  private down(e: MouseEvent): void {
    if (e.button !== 0) return;
    const origin = e.target as Element;
    const handle = origin.closest?.<HTMLElement>(".npv-handle");
    const selected = this.current();
    if (handle && selected && !selected.locked) {
      this.begin(selected, (handle.dataset.edge ?? "e") as Edge, e);
      return;
    }
    const el = origin.closest?.<HTMLElement>(".np-module, .np-ad");
    const target = el ? this.targetOf(el) : undefined;
    if (!target) {
      if (origin.closest?.(".pagedjs_page")) this.setSelection(undefined);
      return;
    }
    this.setSelection(target);
    window.focus();
    if (!target.locked) this.begin(target, "move", e);
    e.preventDefault();
  }

  private begin(target: Target, mode: Drag["mode"], e: MouseEvent): void {
    const r = target.el.getBoundingClientRect();
    const zoom = this.host.zoom();
    const grab = { x: (e.clientX - r.left) / zoom, y: (e.clientY - r.top) / zoom };
    this.drag = { target, mode, x0: e.clientX, y0: e.clientY, grab, active: false, outside: false };
    e.preventDefault();
  }

  /** The printed page under a point of the viewport. */
  private pageAt(x: number, y: number): number | undefined {
    const hit = document.elementFromPoint(x, y)?.closest(".pagedjs_page");
    const page = hit?.querySelector<HTMLElement>(".np-page")?.dataset.page;
    return page ? Number(page) : undefined;
  }

  private move(e: MouseEvent): void {
    const d = this.drag;
    if (!d || this.editing.busy) return;
    if (!d.active && Math.hypot(e.clientX - d.x0, e.clientY - d.y0) < DRAG_THRESHOLD) return;
    d.active = true;
    this.pending = undefined;
    d.outside = e.clientX < 0 || e.clientY < 0 || e.clientX >= innerWidth || e.clientY >= innerHeight;
    if (d.outside) {
      this.ghost.remove();
      this.host.post({ type: "drag-out", article: d.target.id, x: e.clientX, y: e.clientY, drop: false });
      return;
    }
    if (!this.layout) return;
    const g = this.layout.px;
    const zoom = this.host.zoom();
    const step = g.column + g.gutter;
    const r0 = d.target.rect;
    if (d.mode === "move") {
      d.page = this.pageAt(e.clientX, e.clientY);
      const area = d.page === undefined ? undefined : this.areaOf(d.page);
      if (!area || d.page === undefined) {
        this.ghost.remove();
        return;
      }
      const a = area.getBoundingClientRect();
      const x = (e.clientX - a.left) / zoom - d.grab.x;
      const y = (e.clientY - a.top) / zoom - d.grab.y;
      const ghost = { ...r0, col: Math.round(x / step), row: Math.round(y / g.pitch) };
      d.swapWith = undefined;
      if (d.page !== d.target.page) {
        d.ghost = ghost;
        this.showGhost(d.page, ghost, words.editor.toPage(d.page), d.target);
        return;
      }
      const others = this.layout.onPage(d.page).filter((m) => m.id !== d.target.id);
      d.swapWith = e.altKey ? undefined : others.find((m) => m.rect.col === ghost.col && m.rect.row === ghost.row);
      d.ghost = ghost;
      if (d.swapWith) {
        this.showGhost(d.page, d.swapWith.rect, words.editor.swapWith(d.swapWith.id), d.target, true);
      } else this.showGhost(d.page, ghost, words.editor.pinAt(words.editor.rect(ghost)), d.target);
      return;
    }
    // Resizing: whole columns and lines, at least one of each.
    const dc = Math.round((e.clientX - d.x0) / zoom / step);
    const dl = Math.round((e.clientY - d.y0) / zoom / g.pitch);
    const r = { ...r0 };
    if (d.mode.includes("e")) r.span = Math.max(1, r0.span + dc);
    if (d.mode.includes("w")) {
      const c = Math.min(dc, r0.span - 1);
      r.col = r0.col + c;
      r.span = r0.span - c;
    }
    if (d.mode.includes("s")) r.rows = Math.max(1, r0.rows + dl);
    if (d.mode.includes("n")) {
      const l = Math.min(dl, r0.rows - 1);
      r.row = r0.row + l;
      r.rows = r0.rows - l;
    }
    d.ghost = r;
    d.page = d.target.page;
    this.showGhost(d.page, r, words.editor.resizeTo(r.span, r.rows), d.target);
  }

  private up(e: MouseEvent): void {
    const d = this.drag;
    this.drag = undefined;
    if (!d?.active) return;
    this.ghost.remove();
    const id = d.target.id;
    if (d.outside) {
      this.host.post({ type: "drag-out", article: id, x: e.clientX, y: e.clientY, drop: true });
      return;
    }
    const ghost = d.ghost;
    if (!ghost || d.page === undefined) return;
    if (d.mode === "move") {
      if (d.page !== d.target.page) this.send([{ kind: "move-to-page", article: id, page: d.page }]);
      else if (d.swapWith) this.send([{ kind: "swap", article: id, with: d.swapWith.id }]);
      else if (ghost.col !== d.target.rect.col || ghost.row !== d.target.rect.row) this.send([this.moveTo(id, ghost)]);
      return;
    }
    if (!sameRect(ghost, d.target.rect)) this.send([this.resize(d.target, ghost, /[ns]/.test(d.mode))]);
  }

  /** A move to the rectangle's top left (the edit counts columns and lines from 1, as the file). */
  private moveTo(article: string, r: GridRect): Edit {
    const { column, line } = toIssueRect(r);
    return { kind: "move", article, column, line };
  }

  /** A resize: with the height when it was changed or the pin has one, else the make-up sizes it. */
  private resize(target: Target, r: GridRect, vertical: boolean): Edit {
    const pinnedHeight = typeof target.pin === "object" && target.pin.height !== undefined;
    const { height, ...place } = toIssueRect(r);
    const pin: IssuePin = vertical || pinnedHeight || target.origin === "fixed" ? { ...place, height } : place;
    return { kind: "resize", article: target.id, place: pin };
  }

  private send(edits: Edit[]): void {
    this.pending = undefined;
    this.host.post({ type: "edit", edits });
  }

  /** A key for the selection; true when it was used. */
  key(press: KeyPress): boolean {
    const target = this.current();
    if (!target && press.key === "Escape") {
      // Nothing to cancel: Escape dismisses the messages about edits not made.
      this.host.post({ type: "dismiss" });
      return true;
    }
    if (!target) return false;
    if (press.key === "Escape") {
      if (this.pending) this.pending = undefined;
      else this.setSelection(undefined);
      this.draw();
      return true;
    }
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const arrow = arrows[press.key];
    if (!arrow && press.key !== "Enter" && press.key !== "Delete" && press.key !== "Backspace") return false;
    if (target.locked || this.editing.busy) return true;
    if (arrow) {
      const [dx, dy] = arrow;
      const base = this.pending ?? { rect: target.rect, resized: false, vertical: false };
      const r = { ...base.rect };
      if (press.shift) {
        r.span = Math.max(1, r.span + dx);
        r.rows = Math.max(1, r.rows + dy);
      } else {
        r.col += dx;
        r.row += dy;
      }
      this.pending = {
        rect: r,
        resized: base.resized || press.shift,
        vertical: base.vertical || (press.shift && dy !== 0),
      };
      if (sameRect(r, target.rect)) this.pending = undefined;
      this.draw();
      return true;
    }
    if (press.key === "Enter") {
      const pending = this.pending;
      if (!pending) this.send([{ kind: "pin", article: target.id }]);
      else if (pending.resized) this.send([this.resize(target, pending.rect, pending.vertical)]);
      else this.send([this.moveTo(target.id, pending.rect)]);
      this.draw();
      return true;
    }
    // Delete, Backspace: back to automatic.
    this.send([{ kind: "unpin", article: target.id }]);
    return true;
  }
}
