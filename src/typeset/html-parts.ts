/** The inside of a document's <body>, to swap into a page that already has the same head. */
export function bodyOf(html: string): string {
  const start = html.indexOf(">", html.indexOf("<body")) + 1;
  return html.slice(start, html.lastIndexOf("</body>"));
}
