// The pages as empty shells and their contents apart: Paged.js frames the shells (nothing
// to lay out in them), and each page's content is then set into its framed page once, so the
// document is laid out once instead of once before framing and again after.

const PAGE = /(<section class="np-page[^"]*"[^>]*data-page="(\d+)"[^>]*>)([\s\S]*?)(<\/section>)/g;

export interface SplitPages {
  /** The body with every page section emptied. */
  shells: string;
  /** Each page's inner HTML, by its data-page number. */
  contents: Record<string, string>;
}

export function splitPages(body: string): SplitPages {
  const contents: Record<string, string> = {};
  const shells = body.replace(PAGE, (_all, open: string, page: string, inner: string, close: string) => {
    contents[page] = inner;
    return `${open}${close}`;
  });
  return { shells, contents };
}

/** A document with another body (the head kept). */
export function withBody(html: string, body: string): string {
  const start = html.indexOf(">", html.indexOf("<body")) + 1;
  return `${html.slice(0, start)}${body}${html.slice(html.lastIndexOf("</body>"))}`;
}
