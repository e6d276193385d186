import type { IssueProblem } from "./errors";

// The article or ad each problem of an issue file is about, found from its JSON path in the file as
// written, so that every message about an article names its id beside the path.

/** An id as the schema takes it: one that fails that pattern is itself the problem, not a name. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** pages[p].articles[a], pages[p].ads[a], pages[p].layout[a], articles[a] or fillers[a]. */
const SUBJECT = /^(?:pages\[(\d+)\]\.(articles|ads|layout)|(articles|fillers))\[(\d+)\]/;

type Item = Record<string, unknown> | undefined;

function itemAt(raw: unknown, path: string): { list: string; item: Item } | undefined {
  const m = SUBJECT.exec(path);
  if (!m) return undefined;
  const [, page, onPage, topLevel, index] = m;
  const root = raw as Record<string, unknown> | null;
  const owner = page === undefined ? root : (root?.pages as unknown[] | undefined)?.[Number(page)];
  const list = (onPage ?? topLevel) as string;
  const items = (owner as Record<string, unknown> | null | undefined)?.[list];
  return { list, item: Array.isArray(items) ? (items[Number(index)] as Item) : undefined };
}

/** The problems of `file` with the article or ad each concerns; problems of other files as they are. */
export function locateProblems(raw: unknown, file: string, problems: IssueProblem[]): IssueProblem[] {
  return problems.map((p) => {
    if (p.file !== file || p.articleId !== undefined || p.adId !== undefined) return p;
    // A problem of the name itself (an id, a placement's article) shows it as found.
    if (/\.(?:id|article)$/.test(p.path)) return p;
    const at = itemAt(raw, p.path);
    const name = at?.list === "layout" ? at.item?.article : at?.item?.id;
    if (typeof name !== "string" || !ID.test(name)) return p;
    return at?.list === "ads" ? { ...p, adId: name } : { ...p, articleId: name };
  });
}
