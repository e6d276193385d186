// The editor's page builds its elements here. Text from the issue (ids, file names, messages)
// only ever becomes text nodes, never markup.

type Props = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;
type Child = Node | string | undefined | null | false;

/** An element with attributes, listeners (onclick: fn) and children (strings become text). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(key.slice(2), value);
    else if (key === "class") element.className = String(value);
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  element.append(...children.filter((c): c is Node | string => c !== undefined && c !== null && c !== false));
  return element;
}

/** An element of the editor's page that must exist (index.html has it). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

export const maybeById = (id: string): HTMLElement | null => document.getElementById(id);

/**
 * Draws the text under `root` again. Chromium can leave text painted before its web font's subset
 * arrived as empty boxes when the system has no font with those characters (CJK words on a
 * machine without CJK fonts); text nodes set anew once the fonts are in are drawn with them.
 */
export function redrawText(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) if (node.data.trim()) node.replaceWith(document.createTextNode(node.data));
}
