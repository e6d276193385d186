import { applyEdits, type Edit, findNodeAtLocation, type Node, parseTree } from "jsonc-parser";

// Minimal textual changes to a JSON text, for the preview's editor: a value replaced, a field or an
// array item removed or inserted, each touching only the characters that must change. Separators
// and indentation are copied from the neighbours in the same object or array, so the file keeps its
// own formatting (jsonc-parser's modify would re-indent whole objects when asked to format, and put
// new items on the same line when not). Every function returns the new text.

export type JsonPath = (string | number)[];

function tree(text: string): Node {
  const root = parseTree(text, [], { disallowComments: false, allowTrailingComma: false });
  if (!root) throw new Error("not a JSON text");
  return root;
}

export function nodeAt(text: string, path: JsonPath): Node | undefined {
  return findNodeAtLocation(tree(text), path);
}

const end = (n: Node) => n.offset + n.length;
const apply = (text: string, edit: Edit) => applyEdits(text, [edit]);

/** The whitespace at the start of the line `offset` is on. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? "";
}

/** One level of indentation as the file writes it (two spaces when it has none). */
function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
}

const eolOf = (text: string) => (text.includes("\r\n") ? "\r\n" : "\n");

/** The container's items: array elements, or an object's properties (key through value). */
const itemsOf = (container: Node): Node[] => container.children ?? [];

/** What follows the comma between two neighbouring items, as the container writes it. */
function separator(text: string, container: Node, items: Node[]): string {
  if (items.length >= 2) {
    const [a, b] = [items[0] as Node, items[1] as Node];
    const between = text.slice(end(a), b.offset);
    return between.slice(between.indexOf(",") + 1);
  }
  // One item: on its own line, or after the bracket with at most a space (then a space between).
  const first = items[0];
  const opening = first ? text.slice(container.offset + 1, first.offset) : "";
  return /[\r\n]/.test(opening) ? opening : " ";
}

/** Shifts the continuation lines of `value` from one indentation to another. */
function reindent(value: string, from: string, to: string): string {
  if (from === to) return value;
  return value.replace(/\n([ \t]*)/g, (whole, ws: string) =>
    ws.startsWith(from) ? `\n${to}${ws.slice(from.length)}` : whole,
  );
}

/** Replaces the value at `path` with `content` (JSON text). The path must exist. */
export function replaceValue(text: string, path: JsonPath, content: string): string {
  const node = nodeAt(text, path);
  if (!node) throw new Error(`no value at ${path.join(".")}`);
  return apply(text, { offset: node.offset, length: node.length, content });
}

/** Removes the item (field or array element) at `path`, with one of its commas. */
export function removeItem(text: string, path: JsonPath): string {
  const value = nodeAt(text, path);
  if (!value) throw new Error(`no value at ${path.join(".")}`);
  const item = value.parent?.type === "property" ? value.parent : value;
  const container = item.parent;
  if (!container) throw new Error("cannot remove the document itself");
  const items = itemsOf(container);
  const index = items.indexOf(item);
  if (items.length === 1) {
    // The only item: the brackets close up ([] or {}).
    return apply(text, { offset: container.offset + 1, length: container.length - 2, content: "" });
  }
  if (index > 0) {
    const before = items[index - 1] as Node;
    return apply(text, { offset: end(before), length: end(item) - end(before), content: "" });
  }
  const next = items[1] as Node;
  return apply(text, { offset: item.offset, length: next.offset - item.offset, content: "" });
}

/**
 * Inserts `content` (JSON text; for an object, `"key": value`) into the array or object at
 * `containerPath`, before item `index` (default: at the end). Multi-line content written for
 * `fromIndent` is shifted to the indentation of the items it joins.
 */
export function insertItem(
  text: string,
  containerPath: JsonPath,
  content: string,
  opts: { index?: number; fromIndent?: string } = {},
): string {
  const container = nodeAt(text, containerPath);
  if (!container || (container.type !== "array" && container.type !== "object")) {
    throw new Error(`no array or object at ${containerPath.join(".")}`);
  }
  const items = itemsOf(container);
  const index = Math.min(opts.index ?? items.length, items.length);
  if (items.length === 0) {
    const outer = lineIndent(text, container.offset);
    const inner = outer + indentUnit(text);
    const eol = eolOf(text);
    const shifted = opts.fromIndent === undefined ? content : reindent(content, opts.fromIndent, inner);
    return apply(text, {
      offset: container.offset + 1,
      length: container.length - 2,
      content: `${eol}${inner}${shifted}${eol}${outer}`,
    });
  }
  const sep = separator(text, container, items);
  const neighbour = (items[index] ?? items[items.length - 1]) as Node;
  const shifted =
    opts.fromIndent === undefined ? content : reindent(content, opts.fromIndent, lineIndent(text, neighbour.offset));
  if (index < items.length) return apply(text, { offset: neighbour.offset, length: 0, content: `${shifted},${sep}` });
  return apply(text, { offset: end(neighbour), length: 0, content: `,${sep}${shifted}` });
}

/** A value written on one line, with the spaces people put in: { "a": 1, "b": [1, 2] }. */
export function compactJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compactJson).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const fields = Object.entries(value).filter(([, v]) => v !== undefined);
    return fields.length ? `{ ${fields.map(([k, v]) => `${JSON.stringify(k)}: ${compactJson(v)}`).join(", ")} }` : "{}";
  }
  return JSON.stringify(value);
}

/**
 * Sets field `key` of the object at `objectPath` to `value`: replaced where it stands, else added
 * last. Written on one line inside an object written on one line, else spread over lines with the
 * file's indentation (as the neighbouring fields are).
 */
export function setField(text: string, objectPath: JsonPath, key: string, value: unknown): string {
  const object = nodeAt(text, objectPath);
  if (!object || object.type !== "object") throw new Error(`no object at ${objectPath.join(".")}`);
  const spread = text.slice(object.offset, end(object)).includes("\n");
  const content = spread
    ? JSON.stringify(value, null, indentUnit(text)).replace(/\n/g, eolOf(text))
    : compactJson(value);
  const existing = nodeAt(text, [...objectPath, key]);
  if (existing) {
    const indent = lineIndent(text, existing.parent?.offset ?? existing.offset);
    return apply(text, { offset: existing.offset, length: existing.length, content: reindent(content, "", indent) });
  }
  return insertItem(text, objectPath, `${JSON.stringify(key)}: ${content}`, { fromIndent: "" });
}

/** The exact text of the value at `path` and the indentation of the line it starts on. */
export function sourceOf(text: string, path: JsonPath): { text: string; indent: string } {
  const node = nodeAt(text, path);
  if (!node) throw new Error(`no value at ${path.join(".")}`);
  return { text: text.slice(node.offset, end(node)), indent: lineIndent(text, node.offset) };
}
