import { byId } from "./dom";
import type { Position, View, ViewLayers } from "./messages";
import type { Stage } from "./stage";
import { words } from "./words";

// The toolbar: page steps, single or spread view, zoom, overlay toggles. The choices are kept in
// localStorage so that a reload of the editor's page keeps them.

const STORE = "npv-view";
const DEFAULT_VIEW: View = {
  zoom: "fit",
  spread: false,
  layers: { columns: false, baselines: false, trim: false, marks: true },
};

export function savedView(): View {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE) ?? "{}") as Partial<View>;
    return { ...DEFAULT_VIEW, ...saved, layers: { ...DEFAULT_VIEW.layers, ...saved.layers } };
  } catch {
    return DEFAULT_VIEW;
  }
}

export interface Toolbar {
  /** The frame reports the page on screen and the zoom it works out for "fit". */
  position(msg: Position): void;
}

export function wireToolbar(stage: Stage): Toolbar {
  const view = savedView();
  const zoomSelect = byId<HTMLSelectElement>("npv-zoom");
  const steps = [...zoomSelect.options].map((o) => Number(o.value)).filter((n) => n > 0);
  let shownZoom = 1;
  let where = { page: 1, of: 1 };
  const spreadButtons = [...document.querySelectorAll<HTMLButtonElement>("[data-spread]")];
  const layerBoxes = [...document.querySelectorAll<HTMLInputElement>("[data-layer]")];
  const layerOf = (box: HTMLInputElement) => (box.dataset.layer ?? "") as keyof ViewLayers;

  const render = () => {
    zoomSelect.value = String(view.zoom);
    for (const b of spreadButtons) b.setAttribute("aria-pressed", String(b.dataset.spread === String(view.spread)));
    for (const box of layerBoxes) box.checked = Boolean(view.layers[layerOf(box)]);
  };
  const apply = (patch: Partial<View>) => {
    Object.assign(view, patch, { layers: { ...view.layers, ...patch.layers } });
    localStorage.setItem(STORE, JSON.stringify(view));
    render();
    stage.setView(patch);
  };

  for (const b of spreadButtons) b.addEventListener("click", () => apply({ spread: b.dataset.spread === "true" }));
  for (const box of layerBoxes) {
    box.addEventListener("change", () => apply({ layers: { [layerOf(box)]: box.checked } }));
  }
  zoomSelect.addEventListener("change", () => {
    apply({ zoom: zoomSelect.value === "fit" ? "fit" : Number(zoomSelect.value) });
  });
  byId("npv-zoom-in").addEventListener("click", () => {
    apply({ zoom: steps.find((s) => s > shownZoom + 0.001) ?? steps.at(-1) ?? 1 });
  });
  byId("npv-zoom-out").addEventListener("click", () => {
    apply({ zoom: [...steps].reverse().find((s) => s < shownZoom - 0.001) ?? steps[0] ?? 1 });
  });
  const step = () => (view.spread ? 2 : 1);
  byId("npv-prev").addEventListener("click", () => stage.goTo(Math.max(1, where.page - step())));
  byId("npv-next").addEventListener("click", () => stage.goTo(Math.min(where.of, where.page + step())));

  render();
  stage.setView(view);
  return {
    position(msg) {
      where = { page: msg.page, of: msg.of };
      shownZoom = msg.zoom ?? shownZoom;
      byId("npv-where").textContent = `${msg.page} / ${msg.of}`;
      const fitOption = zoomSelect.options[0];
      if (fitOption) {
        const percent = Math.round(shownZoom * 100);
        fitOption.textContent = view.zoom === "fit" ? words.shell.fitWidthAt(percent) : words.shell.fitWidth;
      }
    },
  };
}
