// Reads the lines Chromium laid out, character by character, from the live DOM. The function runs
// inside the page (pass it to page.evaluate), so it must not use anything from this module's scope.

export interface DomLine {
  /** The line's characters as laid out, word joiners and other invisible characters left out. */
  text: string;
  left: number;
  right: number;
  top: number;
}

/**
 * The lines of each element matched by `selector`, in CSS pixels. A character belongs to the line
 * whose top it shares (within a quarter of the font size); a new top opens a new line.
 */
export function domLinesIn(selector: string): DomLine[][] {
  const invisible = /[\p{Cf}\p{Cc}]/u;
  return Array.from(document.querySelectorAll(selector), (el) => {
    const tolerance = Number.parseFloat(getComputedStyle(el).fontSize) / 4;
    const lines: DomLine[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      let offset = 0;
      for (const char of node.data) {
        range.setStart(node, offset);
        range.setEnd(node, offset + char.length);
        offset += char.length;
        const rect = range.getClientRects()[0];
        if (!rect || invisible.test(char)) continue;
        const line = lines.at(-1);
        if (line && Math.abs(rect.top - line.top) <= tolerance) {
          line.text += char;
          line.right = Math.max(line.right, rect.right);
        } else {
          lines.push({ text: char, left: rect.left, right: rect.right, top: rect.top });
        }
      }
    }
    return lines;
  });
}
