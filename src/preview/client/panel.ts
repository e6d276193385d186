import type { Mark, MarkKind } from "../state";
import { byId, h } from "./dom";

// The warnings panel: every mark of the pages on screen, by page. Clicking one scrolls the pages
// to it and makes its box flash.

const KIND_NAMES: Record<MarkKind, string> = {
  overflow: "overflow",
  lines: "lines differ",
  jump: "jump",
  "low-resolution": "low resolution",
  underfull: "too little material",
  makeup: "make-up",
  refused: "edit not made",
};

export function showMarks(marks: Mark[], onPick: (index: number) => void): void {
  const list = byId("npv-marks-list");
  const count = byId("npv-count");
  count.textContent = String(marks.length);
  count.classList.toggle("some", marks.length > 0);
  if (marks.length === 0) {
    list.replaceChildren(h("p", { class: "npv-none" }, "Nothing to report."));
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
          h("span", { class: "npv-kind" }, KIND_NAMES[mark.kind] ?? mark.kind),
          mark.article ? `${mark.article}: ${mark.message}` : mark.message,
        ),
      ),
    );
    pages.set(mark.page, items);
  });
  const sections = [...pages.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([page, items]) => [h("h3", {}, `Page ${page}`), h("ul", {}, ...items)]);
  list.replaceChildren(...sections);
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
