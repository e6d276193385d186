import { marked, type Token, type Tokens } from "marked";
import { isDateline, subheadText } from "./anatomy";
import { assembleBlocks } from "./assemble";
import { ImportError } from "./errors";
import { confinedPath, FileProblem, readRegularFile } from "./files";
import { FrontMatterProblem, splitFrontMatter } from "./front-matter";
import { IMPORT_LIMITS } from "./limits";
import { type Block, type DraftArticle, type ImportedFile, newDraft } from "./types";

// Markdown as web desks keep it: optional YAML front matter with the article's fields, `#`
// headline, `##`/`###` subheads, a `**东昌府讯**` lead, `![caption](photo.jpg)` pictures beside the
// file (and only there). marked's lexer gives the structure; the anatomy around it is recognised as
// in Word documents. A hard line break (two spaces or a backslash at the end of a line, <br>) is a
// line break: kept in a head, a new paragraph in the text.

interface Inline {
  text: string;
  /** The lines between hard breaks, when there are several. */
  lines?: string[];
  boldLead?: string;
  allBold: boolean;
  emphasis: boolean;
  images: Tokens.Image[];
}

const CJK = "\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef";
/** A soft line break (a newline in the source) is a space, except between CJK characters, which take none. */
function softBreaks(text: string): string {
  return text
    .replace(new RegExp(`(?<=[${CJK}])[ \\t]*\\n\\s*(?=[${CJK}])`, "g"), "")
    .replace(/\s+/g, " ")
    .trim();
}

function inlineOf(tokens: Token[] = []): Inline {
  const out: Inline = { text: "", allBold: false, emphasis: false, images: [] };
  const lines: string[] = [""];
  let plainChars = 0;
  let boldChars = 0;
  const walk = (list: Token[], bold: boolean, italic: boolean): void => {
    for (const t of list) {
      if (t.type === "image") out.images.push(t as Tokens.Image);
      else if (t.type === "br" || (t.type === "html" && /^<br\s*\/?>$/i.test(t.raw.trim()))) lines.push("");
      else {
        const inBold = bold || t.type === "strong";
        const inItalic = italic || t.type === "em";
        const children = "tokens" in t && Array.isArray(t.tokens) ? (t.tokens as Token[]) : undefined;
        if (children?.length) walk(children, inBold, inItalic);
        else {
          const text = "text" in t && typeof t.text === "string" ? t.text : t.raw;
          lines[lines.length - 1] += text;
          const n = text.replace(/\s/g, "").length;
          if (inBold) boldChars += n;
          else plainChars += n;
          if (inItalic && n) out.emphasis = true;
        }
      }
    }
  };
  walk(tokens, false, false);
  const kept = lines.map(softBreaks).filter(Boolean);
  out.text = kept.join(" ");
  if (kept.length > 1) out.lines = kept;
  out.allBold = boldChars > 0 && plainChars === 0;
  const first = tokens.find((t) => t.raw.trim());
  const lead = first?.type === "strong" ? inlineOf((first as Tokens.Strong).tokens).text : "";
  if (!out.allBold && lead) out.boldLead = lead;
  // Bold other than a dateline lead is emphasis the issue format cannot keep.
  const leadChars = out.boldLead && isDateline(out.boldLead) ? out.boldLead.replace(/\s/g, "").length : 0;
  if (!out.allBold && boldChars > leadChars) out.emphasis = true;
  return out;
}

/** A picture the Markdown names: a file in the Markdown file's folder (or below), read with the limits. */
async function readPicture(file: string, baseDir: string, at: number, href: string): Promise<Buffer> {
  const fail = (reason: string) => new ImportError(file, `picture ${href}: ${reason}`, at, "line");
  let name: string;
  try {
    name = decodeURI(href);
  } catch {
    throw fail("not a valid link (a % must be followed by two hexadecimal digits)");
  }
  try {
    const real = await confinedPath(baseDir, name);
    return await readRegularFile(real, IMPORT_LIMITS.pictureBytes, true);
  } catch (err) {
    if (err instanceof FileProblem) throw fail(err.message);
    throw err;
  }
}

async function readBlocks(file: string, baseDir: string, content: string, firstLine: number): Promise<Block[]> {
  const blocks: Block[] = [];
  let offset = 0;
  // Lines counted as the tokens go by (counting from the start each time is quadratic).
  let counted = 0;
  let line = firstLine;
  const lineAt = (o: number): number => {
    for (; counted < o; counted++) if (content.charCodeAt(counted) === 10) line++;
    return line;
  };
  const paragraph = async (tokens: Token[] | undefined, at: number, text?: string): Promise<void> => {
    const inline =
      text === undefined ? inlineOf(tokens) : { text: softBreaks(text), allBold: false, emphasis: false, images: [] };
    for (const image of inline.images) {
      const data = await readPicture(file, baseDir, at, image.href);
      const alt = (image.text || image.title || "").trim() || undefined;
      blocks.push({ kind: "image", text: "", at, image: { data, alt, captioned: true, origin: image.href } });
    }
    if (inline.text)
      blocks.push({
        kind: "para",
        text: inline.text,
        ...("lines" in inline && inline.lines ? { lines: inline.lines } : {}),
        at,
        boldLead: "boldLead" in inline ? inline.boldLead : undefined,
        allBold: inline.allBold || undefined,
        emphasis: inline.emphasis || undefined,
      });
  };
  const visit = async (t: Token, at: number): Promise<void> => {
    if (t.type === "heading") {
      const h = t as Tokens.Heading;
      const inline = inlineOf(h.tokens);
      if (inline.text)
        blocks.push({
          kind: "heading",
          level: Math.min(h.depth, 3),
          text: inline.text,
          ...(inline.lines ? { lines: inline.lines } : {}),
          at,
        });
    } else if (t.type === "paragraph") await paragraph((t as Tokens.Paragraph).tokens, at);
    else if (t.type === "hr") blocks.push({ kind: "break", text: "", at });
    else if (t.type === "blockquote") for (const c of (t as Tokens.Blockquote).tokens) await visit(c, at);
    else if (t.type === "list") for (const item of (t as Tokens.List).items) await paragraph(item.tokens, at);
    else if (t.type === "code") await paragraph(undefined, at, (t as Tokens.Code).text);
    else if (t.type === "html") await paragraph(undefined, at, (t as Tokens.HTML).text.trim());
    else if (t.type === "table") {
      const table = t as Tokens.Table;
      for (const row of [table.header, ...table.rows])
        await paragraph(undefined, at, row.map((cell) => inlineOf(cell.tokens).text).join(" "));
    } else if (t.type === "text")
      await paragraph((t as Tokens.Text).tokens, at, (t as Tokens.Text).tokens ? undefined : t.raw);
    if (blocks.length > IMPORT_LIMITS.paragraphs)
      throw new ImportError(
        file,
        `more than ${IMPORT_LIMITS.paragraphs} paragraphs, more than one import reads: split the file`,
        at,
        "line",
      );
  };
  for (const t of marked.lexer(content)) {
    const start = content.indexOf(t.raw, offset);
    const at = lineAt(start >= 0 ? start : offset);
    offset = start >= 0 ? start + t.raw.length : offset + t.raw.length;
    await visit(t, at + (t.raw.match(/^\n*/)?.[0].length ?? 0));
  }
  return blocks;
}

const TEXT_FIELDS = {
  label: "label",
  kicker: "kicker",
  headline: "headline",
  title: "headline",
  subhead: "subhead",
  subtitle: "subhead",
  dateline: "dateline",
  byline: "byline",
  author: "byline",
  id: "id",
} as const;
const NUMBER_FIELDS = ["priority", "columns", "minLines"] as const;
/** Heads keep the editor's line breaks; other fields are one line. */
const HEADS = new Set(["kicker", "headline", "subhead"]);

function frontText(field: string, value: string | number): string {
  const lines = String(value)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const text = lines.join(HEADS.has(field) ? "\n" : " ");
  return field === "subhead" ? subheadText(text) : text;
}

/** Front matter fills the first article's fields (its section every article's of the file); a
 *  field the text also gives must agree with it. */
function applyFrontMatter(
  file: string,
  data: Record<string, unknown>,
  articles: DraftArticle[],
  notes: string[],
): void {
  const a = articles[0] as DraftArticle;
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    const field = key === "section" ? "section" : TEXT_FIELDS[key as keyof typeof TEXT_FIELDS];
    if (field) {
      if (typeof value !== "string" && typeof value !== "number")
        throw new ImportError(
          file,
          `expected text, found ${Array.isArray(value) ? "a list" : typeof value}`,
          undefined,
          "line",
          `front matter ${key}`,
        );
      const text = frontText(field, value);
      if (field === "section") {
        for (const article of articles) article.section ??= text;
        continue;
      }
      const given = a[field];
      if (given !== undefined && given !== text)
        throw new ImportError(
          file,
          `"${text}" and the text's ${field} "${given}" disagree: keep one`,
          undefined,
          "line",
          `front matter ${key}`,
        );
      a[field] = text;
    } else if ((NUMBER_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
        throw new ImportError(
          file,
          `expected a whole number from 1, found ${String(value).slice(0, 20)}`,
          undefined,
          "line",
          `front matter ${key}`,
        );
      a[key as (typeof NUMBER_FIELDS)[number]] = value;
    } else ignored.push(key);
  }
  if (ignored.length) notes.push(`front matter field(s) ${ignored.join(", ")} not used (no such article field)`);
}

/** The Markdown file's stories; `baseDir` is its folder, the only place its pictures may come from. */
export async function importMarkdown(file: string, source: string, baseDir: string): Promise<ImportedFile> {
  let front: ReturnType<typeof splitFrontMatter>;
  try {
    front = splitFrontMatter(source);
  } catch (err) {
    if (err instanceof FrontMatterProblem) throw new ImportError(file, err.message, 1, "line");
    throw err;
  }
  const firstLine = front.lines + 1;
  const blocks = await readBlocks(file, baseDir, front.content, firstLine);
  const data = front.data;
  if (!blocks.length && !Object.keys(data).length) throw new ImportError(file, "the document is empty");
  const imported = assembleBlocks(file, "line", blocks);
  if (Object.keys(data).length) {
    if (!imported.articles.length) imported.articles.push(newDraft(file, firstLine));
    applyFrontMatter(file, data, imported.articles, imported.notes);
  }
  return imported;
}
