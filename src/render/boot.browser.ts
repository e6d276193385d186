// Boots Paged.js for the self-contained HTML copy of an issue (build --html), so the pages open
// from disk in a browser: the page stylesheets are inline, so Paged.js needs no XHR.
window.addEventListener("load", () => {
  Paged.Chunker.prototype.loadFonts = () => document.fonts.ready;
  const styles = [...document.querySelectorAll<HTMLStyleElement>("style[data-paged]")];
  const sheets = styles.map((s) => ({ [location.href]: s.textContent ?? "" }));
  for (const s of styles) s.remove();
  void new Paged.Previewer().preview(undefined, sheets, undefined).then(() => {
    // A mark for tools (and tests) that wait for the pages.
    document.documentElement.dataset.paginated = "true";
  });
});
