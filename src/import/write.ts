import { copyFile, mkdir, realpath, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { applyEdits, type FormattingOptions, modify } from "jsonc-parser";
import { InputError } from "../errors";
import type { IssueInput } from "../load";
import { isInside } from "../paths";
import { writeAtomic } from "../write-atomic";

// The issue file after an import: a new one, or the existing text with the articles spliced into a
// page or the story pool by jsonc-parser, so the editor's formatting and every other field stay as
// they were, in the file's own encoding. Photos go first under names no other file has, issue.json
// last; if anything fails, what was written goes.

export type ArticleInput = IssueInput["pages"][number]["articles"] extends (infer A)[] | undefined ? A : never;
export type PoolArticleInput = NonNullable<IssueInput["articles"]>[number];

export interface PlannedPhoto {
  /** Relative to the issue folder, e.g. photos/reporter-1.jpg. */
  src: string;
  data: Buffer;
}

/** How an existing issue.json was stored: written back the same way. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

export interface IssueWrite {
  dir: string;
  text: string;
  encoding?: TextEncoding;
  photos: PlannedPhoto[];
  /** The schema file to copy beside a new issue outside the repository. */
  schemaCopy?: { from: string; name: string };
  /** Called just before issue.json replaces the old one: throws if it changed meanwhile. */
  beforeReplace?: () => Promise<void>;
}

/** Indentation of an existing JSON text (two spaces if it has none). */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return indent.startsWith("\t")
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indent.length, eol };
}

function editor(text: string) {
  const formattingOptions = formattingOf(text);
  return (t: string, path: (string | number)[], value: unknown, isArrayInsertion = false) =>
    applyEdits(t, modify(t, path, value, { formattingOptions, isArrayInsertion }));
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
  const edit = editor(text);
  if (pageIndex === issue.pages.length) return edit(text, ["pages", -1], { articles }, true);
  if (!issue.pages[pageIndex]?.articles) return edit(text, ["pages", pageIndex, "articles"], articles);
  let out = text;
  for (const a of articles) out = edit(out, ["pages", pageIndex, "articles", -1], a, true);
  return out;
}

/** Adds stories at the end of the issue's story pool (top-level `articles`), making it if absent. */
export function appendToPoolText(text: string, issue: IssueInput, stories: PoolArticleInput[]): string {
  const edit = editor(text);
  if (!Array.isArray(issue.articles)) return edit(text, ["articles"], stories);
  let out = text;
  for (const s of stories) out = edit(out, ["articles", -1], s, true);
  return out;
}

/** The issue text as bytes in its encoding (a byte order mark where it had one). */
export function encodeIssueText(text: string, encoding: TextEncoding = "utf-8"): Buffer {
  if (encoding === "utf-8") return Buffer.from(text, "utf8");
  if (encoding === "utf-8-bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
  const le = Buffer.from(`\ufeff${text}`, "utf16le");
  return encoding === "utf-16le" ? le : le.swap16();
}

/** The issue folder's photos/ must be a folder inside it: a symlink out would write elsewhere. */
async function checkPhotosFolder(dir: string): Promise<void> {
  const photos = join(dir, "photos");
  const real = await realpath(photos).catch(() => undefined);
  if (real !== undefined && !isInside(await realpath(dir), real))
    throw new InputError(`${photos} leads outside the issue folder (a symlink): photos are written only inside it`);
}

export async function writeIssue(w: IssueWrite): Promise<string[]> {
  const written: string[] = [];
  try {
    await mkdir(w.dir, { recursive: true });
    if (w.photos.length) await checkPhotosFolder(w.dir);
    for (const p of w.photos) {
      const path = join(w.dir, p.src);
      await writeAtomic(path, p.data);
      written.push(path);
    }
    if (w.schemaCopy) {
      const path = join(w.dir, w.schemaCopy.name);
      await mkdir(dirname(path), { recursive: true });
      await copyFile(w.schemaCopy.from, path);
      written.push(path);
    }
    const file = join(w.dir, "issue.json");
    await w.beforeReplace?.();
    await writeAtomic(file, encodeIssueText(w.text, w.encoding));
    written.push(file);
    return written;
  } catch (err) {
    for (const path of written) await rm(path, { force: true });
    throw err;
  }
}
