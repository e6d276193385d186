// Runs inside Chromium on the issue page (plain JS, sent as it is). Paginates with Paged.js,
// then measures from the DOM that no module's content overflows its box and that every text
// column holds the number of lines the make-up planned.

/* exported paginate, checkPages */
// biome-ignore lint/correctness/noUnusedVariables: called by page.evaluate
async function paginate(stylesheets) {
  // Paged.js loads every declared font face before it starts; the npm CJK fonts come as hundreds
  // of unicode-range subsets, so that would fetch them all. Wait for the ones the text uses.
  Paged.Chunker.prototype.loadFonts = () => document.fonts.ready;
  // Paged.js only frames the pages here: every .np-page is exactly one page and the make-up
  // guarantees nothing in it overflows (checkPages proves it after). So Paged.js gets empty page
  // shells to walk, and each page's content moves into its framed page afterwards.
  const contents = new Map();
  for (const page of document.querySelectorAll(".np-page")) {
    const content = document.createDocumentFragment();
    while (page.firstChild) content.append(page.firstChild);
    contents.set(page.dataset.page, content);
  }
  const previewer = new Paged.Previewer();
  const flow = await previewer.preview(undefined, stylesheets, undefined);
  for (const page of document.querySelectorAll(".pagedjs_pages .np-page")) {
    const content = contents.get(page.dataset.page);
    if (content) page.append(content);
    contents.delete(page.dataset.page);
  }
  document.body.offsetHeight;
  await document.fonts.ready;
  return { pages: flow.total, ms: flow.performance, unplaced: contents.size };
}

// biome-ignore lint/correctness/noUnusedVariables: called by page.evaluate
function checkPages() {
  const problems = [];
  const pitch = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--pitch-px"));
  for (const module of document.querySelectorAll(".np-module")) {
    const id = module.dataset.article;
    const page = module.closest(".np-page")?.dataset.page;
    const box = module.getBoundingClientRect();
    for (const col of module.querySelectorAll(".np-col")) {
      const colBox = col.getBoundingClientRect();
      const children = [...col.children];
      const last = children[children.length - 1];
      const bottom = last ? last.getBoundingClientRect().bottom : colBox.top;
      const used = Math.round((bottom - colBox.top) / pitch);
      const planned = Number(col.dataset.lines) + (col.querySelector(".np-jump-to") ? 1 : 0);
      if (bottom > colBox.bottom + 0.5 || col.scrollHeight > col.clientHeight + 1) {
        problems.push({
          page,
          article: id,
          kind: "overflow",
          detail: `text column overflows by ${Math.round(bottom - colBox.bottom)} px`,
        });
      } else if (used !== planned) {
        problems.push({
          page,
          article: id,
          kind: "lines",
          detail: `column holds ${used} lines, the make-up planned ${planned}`,
        });
      }
      if (colBox.bottom > box.bottom + 0.5) {
        problems.push({ page, article: id, kind: "overflow", detail: "text column leaves its module" });
      }
    }
    for (const part of module.querySelectorAll(".np-head, .np-photo")) {
      const r = part.getBoundingClientRect();
      const parent = part.classList.contains("np-head") ? part.parentElement.getBoundingClientRect() : box;
      if (r.bottom > parent.bottom + 0.5 || r.bottom > box.bottom + 0.5) {
        problems.push({
          page,
          article: id,
          kind: "overflow",
          detail: `${part.className} overflows by ${Math.round(r.bottom - parent.bottom)} px`,
        });
      }
    }
  }
  const pages = document.querySelectorAll(".pagedjs_page").length;
  return { problems, pages };
}
