import type { PageListing } from "../state";
import { byId, h } from "./dom";
import { words } from "./words";

// The page lists in the panel: every page's articles in the file's order, pinned ones
// marked, ads locked. An article dragged onto another page (or another place in its page's list)
// moves there; a module dragged out of the pages onto a page here does too. Clicking an article
// selects its module on the pages.

export interface PageListHooks {
  pick(article: string): void;
  move(article: string, page: number, index?: number): void;
}

const DRAG_THRESHOLD = 4;

export class PageList {
  private readonly root = byId("npv-pages-list");
  private listing: PageListing[] = [];
  private selected: string | undefined;
  private editable = false;
  private floating: HTMLElement | undefined;

  constructor(private readonly hooks: PageListHooks) {
    this.root.addEventListener("mousedown", (e) => this.down(e));
    // Text set while a CJK subset was still loading can stay blank boxes: set it again once loaded.
    document.fonts.addEventListener("loadingdone", () => this.render());
  }

  show(listing: PageListing[], editable: boolean): void {
    this.listing = listing;
    this.editable = editable;
    this.render();
  }

  select(article: string | undefined): void {
    this.selected = article;
    for (const item of this.root.querySelectorAll<HTMLElement>("[data-article]")) {
      item.classList.toggle("selected", item.dataset.article === article);
    }
  }

  private render(): void {
    this.root.replaceChildren(
      ...this.listing.map((page) =>
        h(
          "section",
          { class: "npv-pl-page", "data-drop-page": page.page },
          h(
            "h3",
            {},
            words.panel.page(page.page),
            page.explicit ? h("span", { class: "npv-pl-note" }, ` · ${words.panel.madeUpByHand}`) : "",
          ),
          h(
            "ol",
            {},
            ...page.articles.map((a) =>
              h(
                "li",
                {
                  class: `npv-pl-article${a.pin ? " pinned" : ""}${a.id === this.selected ? " selected" : ""}`,
                  "data-article": a.id,
                  title: a.pin ? words.panel.pinned : words.panel.placedByMakeup,
                },
                h("span", { class: "npv-pl-head" }, a.headline ?? a.id),
                h("span", { class: "npv-pl-id" }, a.pin ? `${a.id} · ${words.panel.pinned}` : a.id),
              ),
            ),
            ...page.ads.map((id) =>
              h("li", { class: "npv-pl-ad", title: words.panel.adBooked }, words.panel.adLocked(id)),
            ),
          ),
        ),
      ),
    );
  }

  /** The page (and place in its list) under a point of the editor's page. */
  private dropAt(x: number, y: number, dragged: string): { page: number; index?: number } | undefined {
    const hit = document.elementFromPoint(x, y);
    const section = hit?.closest<HTMLElement>("[data-drop-page]");
    if (!section) return undefined;
    const page = Number(section.dataset.dropPage);
    const items = [...section.querySelectorAll<HTMLElement>("li[data-article]")].filter(
      (li) => li.dataset.article !== dragged,
    );
    // On an article: before or after it; anywhere else on the page: at the end of its list.
    const over = hit?.closest<HTMLElement>("li[data-article]");
    const at = over ? items.indexOf(over) : -1;
    if (at < 0) return { page };
    const r = over?.getBoundingClientRect();
    return { page, index: r && y > r.top + r.height / 2 ? at + 1 : at };
  }

  private mark(target: { page: number } | undefined): void {
    for (const section of this.root.querySelectorAll<HTMLElement>("[data-drop-page]")) {
      section.classList.toggle("npv-drop", Number(section.dataset.dropPage) === target?.page);
    }
  }

  /** A module dragged out of the pages' frame, at (x, y) of the editor's page. */
  dragFromPages(article: string, x: number, y: number, drop: boolean): void {
    const target = this.editable ? this.dropAt(x, y, article) : undefined;
    this.mark(drop ? undefined : target);
    if (drop && target) this.hooks.move(article, target.page);
  }

  private down(e: MouseEvent): void {
    const item = (e.target as Element).closest<HTMLElement>("li[data-article]");
    const article = item?.dataset.article;
    if (!item || !article || e.button !== 0) return;
    e.preventDefault();
    const [x0, y0] = [e.clientX, e.clientY];
    let dragging = false;
    const move = (m: MouseEvent) => {
      if (!this.editable) return;
      if (!dragging && Math.hypot(m.clientX - x0, m.clientY - y0) < DRAG_THRESHOLD) return;
      dragging = true;
      this.floating ??= document.body.appendChild(h("div", { class: "npv-pl-floating" }, item.textContent ?? ""));
      this.floating.style.left = `${m.clientX + 8}px`;
      this.floating.style.top = `${m.clientY + 8}px`;
      this.mark(this.dropAt(m.clientX, m.clientY, article));
    };
    const up = (u: MouseEvent) => {
      window.removeEventListener("mousemove", move);
      window.removeEventListener("mouseup", up);
      this.floating?.remove();
      this.floating = undefined;
      this.mark(undefined);
      if (!dragging) {
        this.hooks.pick(article);
        return;
      }
      const target = this.dropAt(u.clientX, u.clientY, article);
      if (target) this.hooks.move(article, target.page, target.index);
    };
    window.addEventListener("mousemove", move);
    window.addEventListener("mouseup", up);
  }
}
