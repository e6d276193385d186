// The part of Paged.js (pagedjs 0.4, loaded as a classic script: window.Paged) that newsprint uses.

interface PagedPage {
  /** Stops watching the page's size (its ResizeObserver) for overflow and underflow. */
  removeListeners(): void;
}

interface PagedFlow {
  total: number;
  performance: number;
  pages: PagedPage[];
}

interface PagedPreviewer {
  preview(
    content: DocumentFragment | Element | undefined,
    stylesheets: (string | Record<string, string>)[],
    renderTo: Element | undefined,
  ): Promise<PagedFlow>;
}

interface PagedNamespace {
  Previewer: new () => PagedPreviewer;
  Chunker: { prototype: { loadFonts: () => Promise<unknown> } };
}

declare const Paged: PagedNamespace;
