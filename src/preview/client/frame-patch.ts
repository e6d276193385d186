// A new version of the pages that differs from the one on screen in a few printed pages only (the
// server says which): those pages' contents are swapped into the framed pages in place. Paged.js
// framed empty page shells and each page's content was moved in afterwards (render/paged.browser.ts),
// so a page's content is exactly the children of its .np-page section, and a new page's content can
// replace it without paginating again. Photos are decoded before the swap, so nothing flickers.

export async function patchPages(version: number, pages: number[]): Promise<void> {
  const res = await fetch(`/pages/${version}.html`, { cache: "no-store" });
  if (!res.ok) throw new Error(`version ${version} of the pages is gone (${res.status})`);
  const doc = new DOMParser().parseFromString(await res.text(), "text/html");
  const swaps = pages.map((n) => {
    const fresh = doc.querySelector<HTMLElement>(`.np-page[data-page="${n}"]`);
    const shown = document.querySelector<HTMLElement>(`.pagedjs_pages .np-page[data-page="${n}"]`);
    if (!fresh || !shown) throw new Error(`page ${n} is not in both versions`);
    return { fresh, shown };
  });
  const sources = new Set(swaps.flatMap(({ fresh }) => [...fresh.querySelectorAll("img")].map((img) => img.src)));
  await Promise.all(
    [...sources].map((src) => {
      const img = new Image();
      img.src = src;
      return img.decode().catch(() => undefined);
    }),
  );
  for (const { fresh, shown } of swaps) {
    shown.className = fresh.className;
    shown.replaceChildren(...[...fresh.childNodes].map((node) => document.importNode(node, true)));
  }
  void document.body.offsetHeight;
  await document.fonts.ready;
}
