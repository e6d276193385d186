// Runs inside the issue's pages in the preview (plain JS, sent as it is): the overlay layers laid
// over each Paged.js page — column grid, baseline grid, trim and bleed, and boxes around what the
// make-up reported. Layers are absolutely placed children of .pagedjs_page, so they take no room
// from the page's content. Sizes come from the format's custom properties on :root (frame.css).

/* exported NpvOverlays */
// biome-ignore lint/correctness/noUnusedVariables: used by frame.js, a separate classic script
const NpvOverlays = (() => {
  const el = (cls, ...children) => {
    const div = document.createElement("div");
    div.className = cls;
    div.append(...children);
    return div;
  };

  const pageElements = () => [...document.querySelectorAll(".pagedjs_page")];

  function addLayers() {
    for (const page of pageElements()) {
      const corners = ["tl", "tr", "bl", "br"].map((c) => el(`npv-corner ${c}`));
      page.append(
        el(
          "npv-layer",
          el("npv-bleed"),
          el("npv-trim", ...corners),
          el("npv-area npv-columns"),
          el("npv-area npv-baselines"),
          el("npv-marks"),
        ),
      );
      page.lastElementChild.setAttribute("aria-hidden", "true");
    }
  }

  /** The Paged.js page showing printed page `number` (the issue's own data-page attribute). */
  function pageOf(number) {
    return pageElements().find((p) => p.querySelector(`.np-page[data-page="${number}"]`));
  }

  /** The element a mark is about: a photo, an article's module, or the page's type area. */
  function targetOf(mark, page) {
    const module = mark.article
      ? [...page.querySelectorAll(".np-module")].find((m) => m.dataset.article === mark.article)
      : undefined;
    if (module && mark.photo !== undefined) return module.querySelectorAll(".np-photo")[mark.photo] ?? module;
    return module ?? page.querySelector(".np-area") ?? page;
  }

  /** Boxes for `marks`, placed in unscaled page pixels (the layer zooms with the page). */
  function drawMarks(marks, zoom) {
    for (const layer of document.querySelectorAll(".npv-marks")) layer.replaceChildren();
    const counts = new Map();
    return marks.map((mark, index) => {
      const page = pageOf(mark.page);
      if (!page) return false;
      const target = targetOf(mark, page);
      const p = page.getBoundingClientRect();
      const r = target.getBoundingClientRect();
      // Several marks on one target: stack their labels.
      const n = counts.get(target) ?? 0;
      counts.set(target, n + 1);
      const label = el("npv-mark-label");
      label.textContent = `${mark.article ? `${mark.article}: ` : ""}${mark.message}`;
      label.style.top = `calc(${n * 20 - 3} * var(--npv-hair))`;
      const box = el(`npv-mark ${mark.kind}`, label);
      box.dataset.mark = String(index);
      Object.assign(box.style, {
        left: `${(r.left - p.left) / zoom}px`,
        top: `${(r.top - p.top) / zoom}px`,
        width: `${r.width / zoom}px`,
        height: `${r.height / zoom}px`,
      });
      box.title = label.textContent;
      page.querySelector(".npv-marks").append(box);
      return true;
    });
  }

  /** Scrolls to a mark's box (or, for a problem without one, the article) and makes it flash. */
  function reveal(index, fallback) {
    let target = document.querySelector(`.npv-mark[data-mark="${index}"]`);
    if (!target && fallback?.article) {
      target = [...document.querySelectorAll(".np-module")].find((m) => m.dataset.article === fallback.article);
    }
    if (!target && fallback?.page) target = pageOf(fallback.page);
    if (!target) return false;
    target.scrollIntoView({ block: "center", inline: "center" });
    if (target.classList.contains("npv-mark")) {
      for (const old of document.querySelectorAll(".npv-flash")) old.classList.remove("npv-flash");
      void target.offsetWidth; // restart the animation
      target.classList.add("npv-flash");
      setTimeout(() => target.classList.remove("npv-flash"), 2200);
    }
    return true;
  }

  return { addLayers, drawMarks, reveal, pageOf, pageElements };
})();
