import { copyFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { applyEdits, type FormattingOptions, modify } from "jsonc-parser";
import type { IssueInput } from "../load";
import { writeAtomic } from "../write-atomic";

// The issue file after an import: a new one, or the existing text with the articles spliced into a
// page by jsonc-parser, so the editor's formatting and every other field stay as they were. Photos
// go first under names no other file has, issue.json last; if anything fails, what was written goes.

export type ArticleInput = IssueInput["pages"][number]["articles"] extends (infer A)[] | undefined ? A : never;

export interface PlannedPhoto {
  /** Relative to the issue folder, e.g. photos/reporter-1.jpg. */
  src: string;
  data: Buffer;
}

export interface IssueWrite {
  dir: string;
  text: string;
  photos: PlannedPhoto[];
  /** The schema file to copy beside a new issue outside the repository. */
  schemaCopy?: { from: string; name: string };
}

/** Indentation of an existing JSON text (two spaces if it has none). */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return indent.startsWith("\t")
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indent.length, eol };
}

/**
 * Adds articles at the end of page `pageIndex` (0-based) of an issue text; a page index one past
 * the last page adds a page.
 */
export function appendToIssueText(
  text: string,
  issue: IssueInput,
  pageIndex: number,
  articles: ArticleInput[],
): string {
  const formattingOptions = formattingOf(text);
  const edit = (t: string, path: (string | number)[], value: unknown, isArrayInsertion = false) =>
    applyEdits(t, modify(t, path, value, { formattingOptions, isArrayInsertion }));
  if (pageIndex === issue.pages.length) return edit(text, ["pages", -1], { articles }, true);
  if (!issue.pages[pageIndex]?.articles) return edit(text, ["pages", pageIndex, "articles"], articles);
  let out = text;
  for (const a of articles) out = edit(out, ["pages", pageIndex, "articles", -1], a, true);
  return out;
}

export async function writeIssue(w: IssueWrite): Promise<string[]> {
  const written: string[] = [];
  try {
    for (const p of w.photos) {
      const path = join(w.dir, p.src);
      await writeAtomic(path, p.data);
      written.push(path);
    }
    if (w.schemaCopy) {
      const path = join(w.dir, w.schemaCopy.name);
      await copyFile(w.schemaCopy.from, path);
      written.push(path);
    }
    const file = join(w.dir, "issue.json");
    await writeAtomic(file, w.text);
    written.push(file);
    return written;
  } catch (err) {
    for (const path of written) await rm(path, { force: true });
    throw err;
  }
}
