import type { ErrorReport } from "../state";
import { byId, h } from "./dom";
import { words } from "./words";

// The overlay naming what broke the latest rebuild: per problem the file and the JSON path in it.
// The last good pages stay underneath; the overlay goes away by itself once a rebuild succeeds.

let hiddenFor: string | undefined;
let shownKey: string | undefined;

export function wireErrorOverlay(): void {
  byId("npv-error-hide").addEventListener("click", () => {
    // "Hide" holds until the error changes.
    hiddenFor = shownKey;
    byId("npv-error").hidden = true;
  });
}

export function showError(report: ErrorReport, key: string, onPick?: (article: string) => void): void {
  const overlay = byId("npv-error");
  byId("npv-error-title").textContent = words.error.titles[report.kind];
  byId("npv-error-list").replaceChildren(
    ...report.problems.map((p) => {
      const article = p.article;
      return h(
        "li",
        { class: "npv-problem" },
        h(
          "div",
          { class: "npv-error-where" },
          p.file || "",
          p.path ? h("span", {}, ` ${words.error.at} `, h("code", {}, p.path)) : undefined,
        ),
        h("div", { class: "npv-error-message" }, p.message),
        article && onPick
          ? h("button", { type: "button", onclick: () => onPick(article) }, words.error.showOnPages)
          : undefined,
      );
    }),
  );
  shownKey = key;
  overlay.hidden = hiddenFor === key;
}

export function hideError(): void {
  byId("npv-error").hidden = true;
  hiddenFor = undefined;
}
