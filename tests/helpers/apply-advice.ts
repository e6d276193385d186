import type { JsonEdit } from "../../src/pipeline/suggestions";

// Advice applied as an editor would, mechanically: each typed edit of a combination written into
// the issue file's JSON. Paths name the file as it was advised: every path is resolved first,
// then the changes are made, so a move does not shift the paths of the edits after it.

type Json = Record<string, unknown> | unknown[];

/** The container and key a JSON path like `pages[2].articles[6].body[3]` ends in. */
function locate(root: Json, path: string): { parent: Json; key: string | number } {
  const steps = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
  let node: unknown = root;
  for (const step of steps.slice(0, -1)) {
    node = (node as Record<string | number, unknown>)[step as string | number];
    if (node === null || typeof node !== "object")
      throw new Error(`advice names ${path}, which the issue does not have`);
  }
  const key = steps.at(-1);
  if (key === undefined) throw new Error(`empty path in the advice`);
  return { parent: node as Json, key };
}

const get = (root: Json, path: string) => {
  const { parent, key } = locate(root, path);
  return (parent as Record<string | number, unknown>)[key];
};

/** Applies a combination of edits to the parsed issue.json, in place. */
export function applyAdvice(issue: Json, edits: JsonEdit[]): void {
  const changes = edits.map((edit) => {
    switch (edit.op) {
      case "move": {
        const story = get(issue, edit.from) as Record<string, unknown>;
        const { parent } = locate(issue, edit.from);
        const target = get(issue, edit.to) as unknown[];
        return () => {
          const list = parent as unknown[];
          list.splice(list.indexOf(story), 1);
          for (const field of edit.drop ?? []) delete story[field];
          Object.assign(story, edit.add ?? {});
          target.push(story);
        };
      }
      case "set": {
        const { parent, key } = locate(issue, edit.path);
        return () => {
          (parent as Record<string | number, unknown>)[key] = edit.value;
        };
      }
      case "remove": {
        const { parent, key } = locate(issue, edit.path);
        return () => {
          delete (parent as Record<string | number, unknown>)[key];
        };
      }
      case "mark-cut": {
        const items = edit.paths.map((path) => ({ ...locate(issue, path), value: get(issue, path) }));
        return () => {
          for (const { parent, key, value } of items) {
            const text = typeof value === "string" ? value : (value as { text: string }).text;
            (parent as Record<string | number, unknown>)[key] = { text, cut: true };
          }
        };
      }
      default:
        throw new Error(`advice edit ${JSON.stringify(edit satisfies never)} is not known`);
    }
  });
  for (const change of changes) change();
}
