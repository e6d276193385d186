// The e-paper's only script, an enhancement: everything reads and links without it. On a page view
// ← and → turn to the previous and next page, and pointing at a story in the page's list lights up
// its zones on the picture (and the other way round).

function turnPages(): void {
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest("input, textarea, select, [contenteditable]")) return;
    const rel = event.key === "ArrowLeft" ? "prev" : event.key === "ArrowRight" ? "next" : undefined;
    const link = rel && document.querySelector<HTMLLinkElement>(`link[rel="${rel}"]`);
    if (link) window.location.href = link.href;
  });
}

function lightUpZones(): void {
  const links = Array.from(document.querySelectorAll<HTMLAnchorElement>(".ep-page-stories a, .ep-zones a"));
  const light = (href: string, on: boolean) => {
    for (const link of links) if (link.getAttribute("href") === href) link.classList.toggle("ep-lit", on);
  };
  for (const link of links) {
    const href = link.getAttribute("href");
    if (!href) continue;
    for (const [type, on] of [
      ["pointerenter", true],
      ["pointerleave", false],
      ["focus", true],
      ["blur", false],
    ] as const) {
      link.addEventListener(type, () => light(href, on));
    }
  }
}

turnPages();
lightUpZones();

export {};
