import { mkdir, readdir, rmdir } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import type { Lang } from "../config/style-schema";
import { InputError } from "../errors";
import { withFileLock } from "../file-lock";
import {
  type BodyItem,
  examineIssue,
  IssueError,
  type IssueInput,
  type IssueProblem,
  parseIssue,
  resolveFormat,
} from "../load";
import { fullWidthPunctuation } from "../typography/punctuation";
import { importDocx } from "./docx";
import { ImportError, type ImportProblem } from "./errors";
import { FileProblem, readRegularFile } from "./files";
import { fileSlug, ID_PATTERN, IdPool } from "./ids";
import { IMPORT_LIMITS } from "./limits";
import { importMarkdown } from "./markdown";
import { importPageText } from "./page-text";
import { planPages } from "./pages";
import { checkPicture, placeholderPicture } from "./photos";
import { type ArticleReport, describeArticle, type ImportReport, type Placement } from "./report";
import {
  checkLang,
  checkNewIssueOptions,
  type NewIssueOptions,
  newIssue,
  OPTION_OF_FIELD,
  schemaReference,
} from "./scaffold";
import { FRONT_SECTION } from "./sections";
import type { DraftArticle, ImportedFile } from "./types";
import {
  type ArticleInput,
  appendToIssueText,
  appendToPoolText,
  type PlannedPhoto,
  type PoolArticleInput,
  type TextEncoding,
  writeIssue,
} from "./write";

// `newsprint import`: source files → drafted articles → an issue file that validates → written.
// Every source is read and checked (limits, pictures, punctuation) before the issue folder is
// touched; the issue file is then read, changed and written under its lock (src/file-lock.ts), so
// two imports into one issue at once both land. Bad input leaves the folder as it was.
// A new issue gets its stories in the story pool and enough pages for the make-up to plan them;
// `--page N` puts them on a fixed page instead; `--append` adds to the pool (or to page N).

export { ImportError } from "./errors";
export { formatReport, type ImportReport } from "./report";
export { initIssue } from "./scaffold";
export type { ImportedFile } from "./types";

export interface ImportOptions extends Omit<NewIssueOptions, "date"> {
  /** The issue folder (-o). */
  out: string;
  /** A fixed page to put the articles on, from 1; without it they go into the story pool. */
  page?: number;
  /** Add to the existing issue.json in `out` instead of starting one. */
  append?: boolean;
  date?: string;
  /** Keep half-width punctuation as typed. */
  keepPunctuation?: boolean;
}

const readLimit = (ext: string) => (ext === ".docx" ? IMPORT_LIMITS.docxBytes : IMPORT_LIMITS.textBytes);

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
  const data = await readRegularFile(path, readLimit(ext)).catch((err: unknown) => {
    if (err instanceof FileProblem) throw new ImportError(shown, `cannot be read: ${err.message}`);
    throw err;
  });
  const imported =
    ext === ".docx"
      ? await importDocx(shown, data)
      : ext === ".txt"
        ? decodePageText(shown, data)
        : await importMarkdown(shown, decodeText(shown, data).text, resolve(dirname(path)));
  if (!imported.articles.some((a) => a.headline))
    throw new ImportError(shown, "no headline found (Heading 1 or Title in Word, # in Markdown, a head line in text)");
  return imported;
}

const utf8 = (bytes: Uint8Array) => new TextDecoder("utf-8", { fatal: true }).decode(bytes);

/** Text files are UTF-8 (a BOM is fine), UTF-16 with a BOM, or GB 18030; one that mixes UTF-8 and
 *  another encoding is refused with the line where it changes, not decoded into mojibake. */
export function decodeText(file: string, data: Buffer): { text: string; encoding: string } {
  const body = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  try {
    return { text: utf8(body), encoding: "UTF-8" };
  } catch {
    // Not UTF-8 as a whole: below.
  }
  if (data[0] === 0xff && data[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(data.subarray(2)), encoding: "UTF-16" };
  if (data[0] === 0xfe && data[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(data.subarray(2)), encoding: "UTF-16" };
  // Lines that are UTF-8 with several multi-byte characters beside lines that are not: a file
  // pasted together from two sources. A GB 18030 line is never valid UTF-8 at that length.
  let firstUtf8: number | undefined;
  let firstOther: number | undefined;
  let start = 0;
  for (let line = 1; start <= body.length; line++) {
    const end = body.indexOf(0x0a, start);
    const bytes = body.subarray(start, end < 0 ? body.length : end);
    if (bytes.some((b) => b >= 0x80)) {
      let text: string | undefined;
      try {
        text = utf8(bytes);
      } catch {
        firstOther ??= line;
      }
      if (text !== undefined && [...text].filter((c) => c.charCodeAt(0) > 0x7f).length >= 3) firstUtf8 ??= line;
    }
    if (end < 0) break;
    start = end + 1;
  }
  if (firstUtf8 !== undefined && firstOther !== undefined)
    throw new ImportError(
      file,
      `this line is not UTF-8 while line ${firstUtf8} is: the file mixes two encodings (UTF-8 and GB 18030?); save all of it as UTF-8`,
      firstOther,
      "line",
    );
  try {
    // Archives of Chinese page text are often GB 18030 (GBK).
    return { text: new TextDecoder("gb18030", { fatal: true }).decode(body), encoding: "GB 18030" };
  } catch {
    throw new ImportError(file, "the text is neither UTF-8 nor GB 18030");
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
  bytes: Buffer;
  text: string;
  encoding: TextEncoding;
  data: IssueInput;
}

/** An issue file's text and how it was stored: UTF-8 (with or without a BOM) or UTF-16 with a BOM. */
function decodeIssueText(bytes: Buffer): { text: string; encoding: TextEncoding } | undefined {
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
      return { text: utf8(bytes.subarray(3)), encoding: "utf-8-bom" };
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return { text: new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2)), encoding: "utf-16le" };
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return { text: new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2)), encoding: "utf-16be" };
    return { text: utf8(bytes), encoding: "utf-8" };
  } catch {
    return undefined;
  }
}

/** A problem of a file that is not what it should be, without the file's content (a syntax
 *  error's message quotes the line it stopped at). */
function withoutContent(p: IssueProblem): IssueProblem {
  return p.path === "" ? { ...p, found: p.found.replace(/(at line \d+, column \d+).*$/s, "$1") } : p;
}

async function readExisting(dir: string, shownDir: string): Promise<Existing | undefined> {
  const file = join(dir, "issue.json");
  const shown = join(shownDir, "issue.json");
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, IMPORT_LIMITS.issueBytes);
  } catch (err) {
    if (!(err instanceof FileProblem)) throw err;
    if (err.message === "not found") return undefined;
    throw new InputError(`${shown}: cannot be read: ${err.message}`);
  }
  const decoded = decodeIssueText(bytes);
  try {
    // Bytes the decoder above does not take get load's own word for their encoding.
    parseIssue(decoded?.text ?? bytes, file, shown);
  } catch (err) {
    if (err instanceof IssueError) throw new IssueError(err.problems.map(withoutContent));
    throw err;
  }
  const { text, encoding } = decoded as NonNullable<typeof decoded>;
  return { bytes, text, encoding, data: JSON.parse(text) as IssueInput };
}

async function freeName(dir: string, wanted: string, ext: string, taken: Set<string>): Promise<string> {
  const present = new Set(await readdir(join(dir, "photos")).catch(() => [] as string[]));
  let name = `${wanted}.${ext}`;
  for (let n = 2; present.has(name) || taken.has(name); n++) name = `${wanted}-${n}.${ext}`;
  taken.add(name);
  return name;
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as T;
}

/** Every id the issue has: pages, pool, fillers, ads (ids are unique across all of them). */
function idsOf(data: IssueInput): string[] {
  return [
    ...(data.pages ?? []).flatMap((p) => [...(p.articles ?? []).map((a) => a.id), ...(p.ads ?? []).map((a) => a.id)]),
    ...(data.articles ?? []).map((a) => a.id),
    ...(data.fillers ?? []).map((a) => a.id),
  ];
}

/** Half-width punctuation between CJK characters set full width in every printed field of a draft. */
function fixPunctuation(d: DraftArticle): void {
  let changed = 0;
  const fix = (text: string | undefined): string | undefined => {
    if (text === undefined) return undefined;
    const r = fullWidthPunctuation(text);
    changed += r.changed;
    return r.text;
  };
  for (const field of ["label", "kicker", "headline", "subhead", "dateline", "byline"] as const)
    d[field] = fix(d[field]);
  d.body = d.body.map((b): BodyItem => {
    if (typeof b === "string") return fix(b) as string;
    if ("subhead" in b) return { subhead: fix(b.subhead) as string };
    return { ...b, text: fix(b.text) as string };
  });
  for (const image of d.images) {
    image.caption = fix(image.caption);
    image.credit = fix(image.credit);
    if (image.source?.alt) image.source.alt = fix(image.source.alt);
  }
  d.punctuation = changed;
}

/** An imported article and where it came from, for messages about it. */
interface Made {
  article: PoolArticleInput;
  draft: DraftArticle;
  unit: ImportedFile["unit"];
  aspects: number[];
  report: ArticleReport;
}

/** Turns drafts into the issue's articles: ids, photo files, placeholders for stories without a head. */
async function toArticles(
  files: ImportedFile[],
  dir: string,
  ids: IdPool,
  lang: Lang | undefined,
): Promise<{ made: Made[]; photos: PlannedPhoto[] }> {
  const made: Made[] = [];
  const photos: PlannedPhoto[] = [];
  const names = new Set<string>();
  let placeholder: Buffer | undefined;
  for (const f of files) {
    const slug = fileSlug(f.file);
    for (const [n, d] of f.articles.entries()) {
      const id = ids.claim(d.id ?? `${slug}-${n + 1}`);
      const images: NonNullable<ArticleInput["images"]> = [];
      const aspects: number[] = [];
      for (const img of d.images) {
        let src: string;
        if (img.checked) {
          src = `photos/${await freeName(dir, `${id}-${images.length + 1}`, img.checked.ext, names)}`;
          photos.push({ src, data: img.checked.data });
          aspects.push(img.checked.height ? img.checked.width / img.checked.height : 1.5);
        } else {
          placeholder ??= await placeholderPicture();
          src = `photos/${await freeName(dir, `${id}-placeholder`, "png", names)}`;
          photos.push({ src, data: placeholder });
          aspects.push(4 / 3);
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
        aspects.push(4 / 3);
        d.guessed.push(`no headline: ${src} stands in for a photo until the story gets a headline or a picture`);
      }
      const article = clean({
        id,
        section: d.section,
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
        lang,
      });
      made.push({ article, draft: d, unit: f.unit, aspects, report: describeArticle(id, d, images, f.unit) });
    }
  }
  return { made, photos };
}

/** Checks every picture of the drafts (decoded once, within the pixel limit) before anything is written. */
async function checkPictures(files: ImportedFile[]): Promise<void> {
  for (const f of files)
    for (const d of f.articles)
      for (const img of d.images) {
        if (!img.source) continue;
        img.checked = await checkPicture(img.source.data, f.file, img.at, img.source.origin, f.unit);
        if (img.checked.convertedFrom)
          d.notes.push(`picture at ${f.unit} ${img.at} converted from ${img.checked.convertedFrom} to PNG`);
      }
}

/** Problems of the composed issue at the fields of the sources they come from (or the option). */
function locateProblems(problems: IssueProblem[], prefixes: Map<string, Made>, issueFile: string): ImportProblem[] {
  return problems.map((p) => {
    const m = /^((?:pages\[\d+\]\.)?articles\[\d+\])(?:\.(.*))?$/.exec(p.path);
    const made = m?.[1] ? prefixes.get(m[1]) : undefined;
    const reason = `expected ${p.expected}, found ${p.found}`;
    if (made) {
      const field = m?.[2] ?? "";
      const body = /^body\[(\d+)\]/.exec(field);
      const image = /^images\[(\d+)\]/.exec(field);
      const d = made.draft;
      const at = body ? (d.bodyAt[Number(body[1])] ?? d.at) : image ? (d.images[Number(image[1])]?.at ?? d.at) : d.at;
      return { file: d.file, at, unit: made.unit, field: field || undefined, reason };
    }
    const option = OPTION_OF_FIELD[p.path];
    if (option) return { file: option, reason };
    return { file: issueFile, field: p.path || undefined, reason };
  });
}

/** Removes the folders an import made, if they hold nothing (an import that failed leaves none). */
async function removeIfEmpty(dir: string, upTo: string | undefined): Promise<void> {
  if (!upTo) return;
  for (let d = dir; ; d = dirname(d)) {
    if (
      !(await rmdir(d).then(
        () => true,
        () => false,
      ))
    )
      return;
    if (d === upTo || dirname(d) === d) return;
  }
}

/** issue.json changed on disk between reading it and replacing it: read it again. */
class ChangedMeanwhile extends Error {}

/** Imports the files into the issue folder `o.out` and returns what was made and recognised. */
export async function importFiles(paths: string[], o: ImportOptions): Promise<ImportReport> {
  if (!paths.length) throw new InputError("import: no source file given");
  if (o.page !== undefined && (!Number.isInteger(o.page) || o.page < 1))
    throw new InputError(`--page: expected a page number from 1, found ${o.page}`);
  if (o.append) {
    for (const [option, value] of [
      ["--paper", o.paper],
      ["--date", o.date],
      ["--number", o.number],
      ["--slug", o.slug],
      ["--format", o.format],
    ] as const)
      if (value !== undefined)
        throw new InputError(`${option}: sets up a new issue; with --append the issue keeps its own (edit issue.json)`);
  } else checkNewIssueOptions(o);
  const lang = o.lang === undefined ? undefined : checkLang(o.lang);
  const dir = resolve(o.out);
  const issueFile = join(o.out, "issue.json");

  // What can be told before reading any source.
  const early = await readExisting(dir, o.out);
  if (early && !o.append) throw new InputError(`${issueFile} exists: add --append to add the articles to it`);
  if (!early && o.append) throw new InputError(`${issueFile}: no issue to append to`);

  const files: ImportedFile[] = [];
  for (const p of paths) files.push(await readSource(p, relative(process.cwd(), p) || p));
  const stories = files.reduce((n, f) => n + f.articles.length, 0);
  if (stories > IMPORT_LIMITS.stories)
    throw new InputError(
      `${stories} stories in ${files.length} file(s): more than the ${IMPORT_LIMITS.stories} one import takes (an issue's worth is a few hundred); check the files' headings, or import them in parts`,
    );
  for (const f of files)
    for (const d of f.articles) {
      if (d.id !== undefined && !ID_PATTERN.test(d.id))
        throw new ImportError(
          f.file,
          `"${d.id}": expected letters, digits, - and _`,
          undefined,
          "line",
          "front matter id",
        );
      if (!o.keepPunctuation) fixPunctuation(d);
    }
  await checkPictures(files);

  const created = await mkdir(dir, { recursive: true });
  try {
    return await withFileLock(join(dir, "issue.json"), async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await compose(files, o, dir, issueFile, lang);
        } catch (err) {
          if (!(err instanceof ChangedMeanwhile) || attempt >= 5) throw err;
        }
      }
    });
  } catch (err) {
    await removeIfEmpty(dir, created);
    throw err;
  }
}

/** Under the issue's lock: read it, add the articles, check, write, and check they are there. */
async function compose(
  files: ImportedFile[],
  o: ImportOptions,
  dir: string,
  issueFile: string,
  lang: Lang | undefined,
): Promise<ImportReport> {
  const existing = await readExisting(dir, o.out);
  if (existing && !o.append) throw new InputError(`${issueFile} exists: add --append to add the articles to it`);
  if (!existing && o.append) throw new InputError(`${issueFile}: no issue to append to`);
  const data: IssueInput = existing?.data ?? newIssue(dir, { ...o, lang });
  const page = o.page;
  if (page !== undefined) {
    if (page > data.pages.length + (existing ? 1 : 0))
      throw new InputError(
        `--page ${page}: the issue has ${data.pages.length} page(s); ${existing ? `use 1 to ${data.pages.length + 1}` : "a new issue starts on page 1"}`,
      );
    if (Array.isArray(data.pages[page - 1]?.layout))
      throw new InputError(
        `--page ${page}: the page has explicit placements; import to another page, or place the articles by hand`,
      );
  }
  const issueLang = (data.lang ?? "zh-Hans") as Lang;
  const { made, photos } = await toArticles(
    files,
    dir,
    new IdPool(idsOf(data)),
    lang && lang !== issueLang ? lang : undefined,
  );
  const notes: string[] = [];
  const prefixes = new Map<string, Made>();
  let placement: Placement;
  let text: string;

  if (page !== undefined) {
    // A fixed page, as the editor asked: page articles have no section.
    const articles = made.map((m) => {
      const { section: _section, ...article } = m.article;
      return article as ArticleInput;
    });
    const first = existing ? (data.pages[page - 1]?.articles?.length ?? 0) : 0;
    made.forEach((m, i) => {
      prefixes.set(`pages[${page - 1}].articles[${first + i}]`, m);
    });
    if (existing) text = appendToIssueText(existing.text, existing.data, page - 1, articles);
    else {
      (data.pages[0] as NonNullable<(typeof data.pages)[0]>).articles = articles;
      text = `${JSON.stringify(data, null, 2)}\n`;
    }
    placement = { kind: "page", page };
  } else if (existing) {
    // The pool of an existing issue: a section no automatic page has would be refused by load.
    const sections = new Set(
      data.pages.filter((p) => !Array.isArray(p.layout)).flatMap((p) => (p.section ? [p.section] : [])),
    );
    for (const m of made)
      if (m.article.section && !sections.has(m.article.section)) {
        notes.push(`${m.article.id}: the issue has no page of section ${m.article.section}; it may go on any page`);
        delete m.article.section;
      }
    const first = data.articles?.length ?? 0;
    made.forEach((m, i) => {
      prefixes.set(`articles[${first + i}]`, m);
    });
    text = appendToPoolText(
      existing.text,
      existing.data,
      made.map((m) => m.article),
    );
    placement = { kind: "pool" };
  } else {
    // A new issue: every story in the pool, the first the lead, pages enough for the planner.
    const lead = made[0]?.article;
    if (lead && lead.priority === undefined) lead.priority = 1;
    const format = resolveFormat(data.format as Parameters<typeof resolveFormat>[0]);
    const plan = planPages(
      made.map((m) => ({
        ...m.article,
        body: m.article.body as BodyItem[],
        images: (m.article.images ?? []).map((img, i) => ({ ...img, aspect: m.aspects[i] })),
      })),
      format,
      issueLang,
      FRONT_SECTION[issueLang],
    );
    data.pages = plan.pages.map((p) => ({ section: p.section }));
    data.articles = made.map((m) => m.article);
    made.forEach((m, i) => {
      prefixes.set(`articles[${i}]`, m);
    });
    text = `${JSON.stringify(data, null, 2)}\n`;
    placement = { kind: "pool", pages: plan.pages.length, format: format.name };
  }

  // The written file must load as the build loads it; its problems are the sources' (or options').
  const examined = examineIssue(text, join(dir, "issue.json"), issueFile);
  if (examined.problems.length) throw ImportError.of(locateProblems(examined.problems, prefixes, issueFile));

  const schema = existing ? undefined : schemaReference(dir, o);
  const written = await writeIssue({
    dir,
    text,
    encoding: existing?.encoding,
    photos,
    schemaCopy: schema?.copy ? { from: o.schemaFile, name: basename(o.schemaFile) } : undefined,
    beforeReplace: async () => {
      // Another program (an editor without the lock) may have saved meanwhile: start again from its text.
      const now = await readRegularFile(join(dir, "issue.json"), IMPORT_LIMITS.issueBytes).catch(() => undefined);
      if ((now === undefined) !== (existing === undefined) || (now && existing && !now.equals(existing.bytes)))
        throw new ChangedMeanwhile();
    },
  });
  // Never report a story added that is not in the file.
  const after = decodeIssueText(await readRegularFile(join(dir, "issue.json"), IMPORT_LIMITS.issueBytes));
  const present = new Set(after ? idsOf(JSON.parse(after.text) as IssueInput) : []);
  const missing = made.filter((m) => !present.has(m.article.id)).map((m) => m.article.id);
  if (missing.length)
    throw new Error(`${issueFile} was replaced while importing: ${missing.join(", ")} not in it; run the import again`);
  return {
    issueFile,
    created: !existing,
    placement,
    articles: made.map((m) => m.report),
    files: files.map((f) => ({ file: f.file, notes: f.notes })),
    notes,
    written: written.map((w) => relative(process.cwd(), w) || w),
  };
}
