import { readdir, readFile } from "node:fs/promises";
import { basename, extname, join, relative, resolve } from "node:path";
import { InputError } from "../errors";
import { type IssueInput, parseIssue } from "../load";
import { importDocx } from "./docx";
import { ImportError } from "./errors";
import { fileSlug, ID_PATTERN, IdPool } from "./ids";
import { importMarkdown } from "./markdown";
import { importPageText } from "./page-text";
import { checkPicture, placeholderPicture } from "./photos";
import { type ArticleReport, describeArticle, type ImportReport } from "./report";
import { type NewIssueOptions, newIssue, schemaReference } from "./scaffold";
import type { DraftArticle, ImportedFile } from "./types";
import { type ArticleInput, appendToIssueText, type PlannedPhoto, writeIssue } from "./write";

// `newsprint import`: source files → drafted articles → an issue file that validates → written.
// Every check happens before the first byte is written, so bad input leaves the folder as it was.

export { ImportError } from "./errors";
export { formatReport, type ImportReport } from "./report";
export { initIssue } from "./scaffold";
export type { ImportedFile } from "./types";

export interface ImportOptions extends Omit<NewIssueOptions, "date"> {
  /** The issue folder (-o). */
  out: string;
  /** Page to put the articles on, from 1. */
  page?: number;
  /** Add to the existing issue.json in `out` instead of starting one. */
  append?: boolean;
  date?: string;
}

/** Reads one source file into drafted articles, by its extension. */
export async function readSource(path: string, shown = path): Promise<ImportedFile> {
  const ext = extname(path).toLowerCase();
  if (![".docx", ".md", ".markdown", ".txt"].includes(ext))
    throw new ImportError(
      shown,
      ext === ".doc"
        ? "an old Word .doc file: save it as .docx"
        : "expected a Word .docx, a Markdown .md or a page text .txt file",
    );
  const data = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new ImportError(shown, `cannot be read (${err.code === "EISDIR" ? "a folder" : (err.code ?? err.message)})`);
  });
  const imported =
    ext === ".docx"
      ? await importDocx(shown, data)
      : ext === ".txt"
        ? decodePageText(shown, data)
        : await importMarkdown(shown, decodeText(shown, data).text);
  if (!imported.articles.some((a) => a.headline))
    throw new ImportError(shown, "no headline found (Heading 1 or Title in Word, # in Markdown, a head line in text)");
  return imported;
}

function decodeText(file: string, data: Buffer): { text: string; encoding: string } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(data), encoding: "UTF-8" };
  } catch {
    // Archives of Chinese page text are often GB 18030 (GBK).
    try {
      return { text: new TextDecoder("gb18030", { fatal: true }).decode(data), encoding: "GB 18030" };
    } catch {
      throw new ImportError(file, "the text is neither UTF-8 nor GB 18030");
    }
  }
}

function decodePageText(file: string, data: Buffer): ImportedFile {
  const { text, encoding } = decodeText(file, data);
  if (!text.trim()) throw new ImportError(file, "the file is empty");
  const imported = importPageText(file, text);
  if (encoding !== "UTF-8") imported.notes.push(`read as ${encoding} text`);
  return imported;
}

interface Existing {
  text: string;
  data: IssueInput;
}

async function existingIssue(dir: string, shownDir: string): Promise<Existing | undefined> {
  const file = join(dir, "issue.json");
  const text = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw new InputError(`${join(shownDir, "issue.json")}: cannot be read (${err.code ?? err.message})`);
  });
  if (text === undefined) return undefined;
  parseIssue(text, file, join(shownDir, "issue.json"));
  return { text, data: JSON.parse(text) as IssueInput };
}

async function freeName(dir: string, wanted: string, ext: string, taken: Set<string>): Promise<string> {
  const present = new Set(await readdir(join(dir, "photos")).catch(() => [] as string[]));
  let name = `${wanted}.${ext}`;
  for (let n = 2; present.has(name) || taken.has(name); n++) name = `${wanted}-${n}.${ext}`;
  taken.add(name);
  return name;
}

/** Turns drafts into the issue's articles: ids, photo files (checked), placeholders for stories without a head. */
async function toArticles(
  files: ImportedFile[],
  dir: string,
  ids: IdPool,
): Promise<{ articles: ArticleInput[]; photos: PlannedPhoto[]; reports: ArticleReport[] }> {
  const articles: ArticleInput[] = [];
  const photos: PlannedPhoto[] = [];
  const reports: ArticleReport[] = [];
  const names = new Set<string>();
  let placeholder: Buffer | undefined;
  for (const f of files) {
    const slug = fileSlug(f.file);
    for (const [n, d] of f.articles.entries()) {
      if (d.id !== undefined && !ID_PATTERN.test(d.id))
        throw new ImportError(f.file, `front matter id "${d.id}": expected letters, digits, - and _`);
      const id = ids.claim(d.id ?? `${slug}-${n + 1}`);
      const images: NonNullable<ArticleInput["images"]> = [];
      for (const img of d.images) {
        let src: string;
        if (img.source) {
          const pic = await checkPicture(img.source.data, f.file, img.at, img.source.origin, f.unit);
          if (pic.convertedFrom)
            d.notes.push(`picture at ${f.unit} ${img.at} converted from ${pic.convertedFrom} to PNG`);
          src = `photos/${await freeName(dir, `${id}-${images.length + 1}`, pic.ext, names)}`;
          photos.push({ src, data: pic.data });
        } else {
          placeholder ??= await placeholderPicture();
          src = `photos/${await freeName(dir, `${id}-placeholder`, "png", names)}`;
          photos.push({ src, data: placeholder });
          d.guessed.push(`the source has only the caption of this photo: ${src} stands in for it`);
        }
        images.push(clean({ src, caption: img.caption, credit: img.credit }));
      }
      if (!d.headline && images.length === 0) {
        // The schema wants a headline or a photo; a follow-up (又讯) or untitled item gets a stand-in photo.
        placeholder ??= await placeholderPicture();
        const src = `photos/${await freeName(dir, `${id}-placeholder`, "png", names)}`;
        photos.push({ src, data: placeholder });
        images.push({ src });
        d.guessed.push(`no headline: ${src} stands in for a photo until the story gets a headline or a picture`);
      }
      articles.push(toArticle(id, d, images));
      reports.push(describeArticle(id, d, images, f.unit));
    }
  }
  return { articles, photos, reports };
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as T;
}

function toArticle(id: string, d: DraftArticle, images: NonNullable<ArticleInput["images"]>): ArticleInput {
  return clean({
    id,
    label: d.label,
    kicker: d.kicker,
    headline: d.headline,
    subhead: d.subhead,
    dateline: d.dateline,
    body: d.body,
    byline: d.byline,
    images: images.length ? images : undefined,
    priority: d.priority,
    columns: d.columns,
    minLines: d.minLines,
  });
}

/** Imports the files into the issue folder `o.out` and returns what was made and recognised. */
export async function importFiles(paths: string[], o: ImportOptions): Promise<ImportReport> {
  if (!paths.length) throw new InputError("import: no source file given");
  const dir = resolve(o.out);
  const page = o.page ?? 1;
  if (!Number.isInteger(page) || page < 1)
    throw new InputError(`--page: expected a page number from 1, found ${o.page}`);
  const existing = await existingIssue(dir, o.out);
  if (existing && !o.append)
    throw new InputError(`${join(o.out, "issue.json")} exists: add --append to add the articles to it`);
  if (!existing && o.append) throw new InputError(`${join(o.out, "issue.json")}: no issue to append to`);
  const data: IssueInput = existing?.data ?? newIssue(dir, o);
  if (page > data.pages.length + (existing ? 1 : 0))
    throw new InputError(
      `--page ${page}: the issue has ${data.pages.length} page(s); ${existing ? `use 1 to ${data.pages.length + 1}` : "a new issue starts on page 1"}`,
    );
  const layout = data.pages[page - 1]?.layout;
  if (Array.isArray(layout))
    throw new InputError(
      `--page ${page}: the page has explicit placements; import to another page, or place the articles by hand`,
    );

  const files: ImportedFile[] = [];
  for (const p of paths) files.push(await readSource(p, relative(process.cwd(), p) || p));
  const existingIds = (data.pages ?? []).flatMap((pg) => (pg.articles ?? []).map((a) => a.id));
  const made = await toArticles(files, dir, new IdPool(existingIds));

  let text: string;
  if (existing) text = appendToIssueText(existing.text, existing.data, page - 1, made.articles);
  else {
    const first = data.pages[0];
    if (first) first.articles = made.articles;
    text = `${JSON.stringify(data, null, 2)}\n`;
  }
  // The written file must load as the build loads it.
  parseIssue(text, join(dir, "issue.json"), join(o.out, "issue.json"));
  const schema = existing ? undefined : schemaReference(dir, o);
  const written = await writeIssue({
    dir,
    text,
    photos: made.photos,
    schemaCopy: schema?.copy ? { from: o.schemaFile, name: basename(o.schemaFile) } : undefined,
  });
  return {
    issueFile: join(o.out, "issue.json"),
    created: !existing,
    page,
    articles: made.reports,
    files: files.map((f) => ({ file: f.file, notes: f.notes })),
    written: written.map((w) => relative(process.cwd(), w) || w),
  };
}
