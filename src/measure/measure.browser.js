// Runs inside Chromium on the measuring page (plain JS: it is sent to the browser as it is).
// Reads where Chromium broke every body line, and how tall heads, captions and the masthead are.
// Returns numbers in CSS px; the Node side turns them into grid rows.

/* exported measureAll */
// biome-ignore lint/correctness/noUnusedVariables: called by page.evaluate
async function measureAll() {
  await document.fonts.ready;
  document.body.offsetHeight;
  await document.fonts.ready;

  /** Offsets (in the paragraph's text) where each line starts, by walking its characters. */
  function lineStarts(p) {
    const starts = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let offset = 0;
    let lastBottom = Number.NEGATIVE_INFINITY;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        // Low surrogates belong to the character before them.
        if (code >= 0xdc00 && code <= 0xdfff) continue;
        const len = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
        range.setStart(node, i);
        range.setEnd(node, i + len);
        const rects = range.getClientRects();
        const rect = rects[0];
        if (rect && rect.height > 0) {
          if (rect.top >= lastBottom - 1) {
            starts.push(offset + i);
            lastBottom = rect.bottom;
          } else {
            lastBottom = Math.max(lastBottom, rect.bottom);
          }
        }
      }
      offset += text.length;
    }
    if (starts.length === 0) starts.push(0);
    starts[0] = 0;
    return starts;
  }

  const pitch = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--pitch-px"));
  const out = { pitchPx: pitch, articles: {}, masthead: 0 };
  const masthead = document.querySelector('[data-kind="masthead"] .np-masthead');
  if (masthead) out.masthead = masthead.getBoundingClientRect().height;

  for (const box of document.querySelectorAll(".np-measure[data-article]")) {
    const id = box.dataset.article;
    const body = box.querySelector('[data-role="body"]');
    const paragraphs = [...body.querySelectorAll(":scope > p")].map((p) => {
      const starts = lineStarts(p);
      const height = p.getBoundingClientRect().height;
      return { starts, lines: Math.round(height / pitch) };
    });
    const heads = {};
    for (const h of box.querySelectorAll('[data-role="head"]')) {
      const key = `${h.dataset.span}${h.querySelector(".np-head--continued") ? "c" : ""}`;
      heads[key] = h.querySelector(".np-head").getBoundingClientRect().height;
    }
    const captions = {};
    for (const c of box.querySelectorAll('[data-role="caption"]')) {
      captions[`${c.dataset.image}:${c.dataset.span}`] = c.getBoundingClientRect().height;
    }
    out.articles[id] = { paragraphs, heads, captions };
  }
  return out;
}
