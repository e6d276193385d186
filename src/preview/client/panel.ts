import type { Flatplan } from "../../pipeline/flatplan";
import type { Mark } from "../state";
import { byId, h, maybeById } from "./dom";
import { words } from "./words";

// The warnings panel: every mark of the pages on screen, by page. Clicking one scrolls the pages
// to it and makes its box flash.

export function showMarks(marks: Mark[], onPick: (index: number) => void): void {
  const list = byId("npv-marks-list");
  const count = byId("npv-count");
  count.textContent = String(marks.length);
  count.classList.toggle("some", marks.length > 0);
  if (marks.length === 0) {
    list.replaceChildren(h("p", { class: "npv-none" }, words.panel.nothingToReport));
    return;
  }
  const pages = new Map<number, HTMLLIElement[]>();
  marks.forEach((mark, index) => {
    const items = pages.get(mark.page) ?? [];
    items.push(
      h(
        "li",
        {},
        h(
          "button",
          { type: "button", class: `k-${mark.kind}`, "data-mark": index, onclick: () => onPick(index) },
          h("span", { class: "npv-kind" }, words.panel.kinds[mark.kind] ?? mark.kind),
          mark.article ? `${mark.article}: ${mark.message}` : mark.message,
        ),
      ),
    );
    pages.set(mark.page, items);
  });
  const sections = [...pages.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([page, items]) => [h("h3", {}, words.panel.page(page)), h("ul", {}, ...items)]);
  list.replaceChildren(...sections);
}

/** The flatplan under the warnings: a line per page (section, fill, stories, jumps, ads). */
export function showPlan(plan: Flatplan | undefined): void {
  const panel = byId("npv-panel");
  let box = maybeById("npv-plan");
  if (!box) {
    box = h("section", { id: "npv-plan", class: "npv-plan", "aria-label": words.panel.plan });
    panel.append(box);
  }
  if (!plan) {
    box.replaceChildren();
    return;
  }
  const rows = plan.pages.map((p) => {
    const jumps = p.stories.filter((s) => s.continuesOn !== undefined).map((s) => `${s.article} → ${s.continuesOn}`);
    const pool = p.stories.filter((s) => s.from === "pool" && s.continuedFrom === undefined).length;
    const parts = [
      words.panel.stories(p.stories.length, pool),
      ...(p.ads.length ? [words.panel.ads(p.ads.length)] : []),
      ...(jumps.length ? [words.panel.jumps(jumps.join(", "))] : []),
    ];
    const title = p.stories.map((s) => words.panel.story(s.article, s.lines, s.photos)).join("\n");
    return h(
      "li",
      { title },
      h("strong", {}, `${p.page}${p.section ? ` ${p.section}` : ""}`),
      ` ${(100 * p.fill).toFixed(1)}% · ${parts.join(" · ")}`,
    );
  });
  box.replaceChildren(h("h2", {}, words.panel.plan), h("ol", { class: "npv-plan-pages" }, ...rows));
}

export function wirePanelToggle(): void {
  const button = byId("npv-panel-toggle");
  const panel = byId("npv-panel");
  const open = localStorage.getItem("npv-panel") !== "closed";
  panel.hidden = !open;
  button.setAttribute("aria-expanded", String(open));
  button.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", String(!panel.hidden));
    localStorage.setItem("npv-panel", panel.hidden ? "closed" : "open");
  });
}
