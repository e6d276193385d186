// The part of Paged.js (pagedjs 0.4, loaded as a classic script: window.Paged) that newsprint uses.

interface PagedFlow {
  total: number;
  performance: number;
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
