import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import matter from "gray-matter";
import { marked, type Token, type Tokens } from "marked";
import { isDateline } from "./anatomy";
import { assembleBlocks } from "./assemble";
import { ImportError } from "./errors";
import { type Block, type DraftArticle, type ImportedFile, newDraft } from "./types";

// Markdown as web desks keep it: optional YAML front matter (gray-matter) with the article's fields,
// `#` headline, `##`/`###` subheads, a `**东昌府讯**` lead, `![caption](photo.jpg)` pictures. marked's
// lexer gives the structure; the anatomy around it is recognised as in Word documents.

interface Inline {
  text: string;
  boldLead?: string;
  allBold: boolean;
  emphasis: boolean;
  images: Tokens.Image[];
}

function inlineOf(tokens: Token[] = []): Inline {
  const out: Inline = { text: "", allBold: false, emphasis: false, images: [] };
  let plainChars = 0;
  let boldChars = 0;
  const walk = (list: Token[], bold: boolean, italic: boolean): void => {
    for (const t of list) {
      if (t.type === "image") out.images.push(t as Tokens.Image);
      else if (t.type === "br") out.text += " ";
      else {
        const inBold = bold || t.type === "strong";
        const inItalic = italic || t.type === "em";
        const children = "tokens" in t && Array.isArray(t.tokens) ? (t.tokens as Token[]) : undefined;
        if (children?.length) walk(children, inBold, inItalic);
        else {
          const text = "text" in t && typeof t.text === "string" ? t.text : t.raw;
          out.text += text;
          const n = text.replace(/\s/g, "").length;
          if (inBold) boldChars += n;
          else plainChars += n;
          if (inItalic && n) out.emphasis = true;
        }
      }
    }
  };
  walk(tokens, false, false);
  out.text = out.text.replace(/\s+/g, " ").trim();
  out.allBold = boldChars > 0 && plainChars === 0;
  const first = tokens.find((t) => t.raw.trim());
  const lead = first?.type === "strong" ? inlineOf((first as Tokens.Strong).tokens).text : "";
  if (!out.allBold && lead) out.boldLead = lead;
  // Bold other than a dateline lead is emphasis the issue format cannot keep.
  const leadChars = out.boldLead && isDateline(out.boldLead) ? out.boldLead.replace(/\s/g, "").length : 0;
  if (!out.allBold && boldChars > leadChars) out.emphasis = true;
  return out;
}

async function readPicture(file: string, at: number, image: Tokens.Image): Promise<Buffer> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(image.href))
    throw new ImportError(
      file,
      `picture ${image.href} is not a local file: save it beside the Markdown file`,
      at,
      "line",
    );
  const path = resolve(dirname(file), decodeURI(image.href));
  return readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new ImportError(file, `picture ${image.href} cannot be read (${err.code ?? err.message})`, at, "line");
  });
}

async function readBlocks(file: string, content: string, firstLine: number): Promise<Block[]> {
  const blocks: Block[] = [];
  let offset = 0;
  const lineAt = (o: number): number => firstLine + (content.slice(0, o).match(/\n/g)?.length ?? 0);
  const paragraph = async (tokens: Token[] | undefined, at: number, text?: string): Promise<void> => {
    const inline = text === undefined ? inlineOf(tokens) : { text, allBold: false, emphasis: false, images: [] };
    for (const image of inline.images) {
      const data = await readPicture(file, at, image);
      const alt = (image.text || image.title || "").trim() || undefined;
      blocks.push({ kind: "image", text: "", at, image: { data, alt, captioned: true, origin: image.href } });
    }
    if (inline.text)
      blocks.push({
        kind: "para",
        text: inline.text,
        at,
        boldLead: inline.boldLead,
        allBold: inline.allBold || undefined,
        emphasis: inline.emphasis || undefined,
      });
  };
  const visit = async (t: Token, at: number): Promise<void> => {
    if (t.type === "heading") {
      const h = t as Tokens.Heading;
      const inline = inlineOf(h.tokens);
      if (inline.text) blocks.push({ kind: "heading", level: Math.min(h.depth, 3), text: inline.text, at });
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

/** Front matter fills the first article's fields; a field the text also gives must agree with it. */
function applyFrontMatter(file: string, data: Record<string, unknown>, a: DraftArticle, notes: string[]): void {
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    const field = TEXT_FIELDS[key as keyof typeof TEXT_FIELDS];
    if (field) {
      if (typeof value !== "string" && typeof value !== "number")
        throw new ImportError(file, `front matter ${key}: expected text, found ${typeof value}`);
      const text = String(value).trim();
      const given = a[field];
      if (given !== undefined && given !== text)
        throw new ImportError(
          file,
          `front matter ${key} "${text}" and the text's ${field} "${given}" disagree: keep one`,
        );
      a[field] = text;
    } else if ((NUMBER_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
        throw new ImportError(file, `front matter ${key}: expected a whole number from 1, found ${String(value)}`);
      a[key as (typeof NUMBER_FIELDS)[number]] = value;
    } else ignored.push(key);
  }
  if (ignored.length) notes.push(`front matter field(s) ${ignored.join(", ")} not used (no such article field)`);
}

export async function importMarkdown(file: string, source: string): Promise<ImportedFile> {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source);
  } catch (err) {
    throw new ImportError(file, `the front matter is not valid YAML (${(err as Error).message})`);
  }
  const headerLines = source.length - parsed.content.length;
  const firstLine = 1 + (source.slice(0, Math.max(0, headerLines)).match(/\n/g)?.length ?? 0);
  const blocks = await readBlocks(file, parsed.content, firstLine);
  const data = parsed.data as Record<string, unknown>;
  if (!blocks.length && !Object.keys(data).length) throw new ImportError(file, "the document is empty");
  const imported = assembleBlocks(file, "line", blocks);
  if (Object.keys(data).length) {
    if (!imported.articles.length) imported.articles.push(newDraft(file, firstLine));
    applyFrontMatter(file, data, imported.articles[0] as DraftArticle, imported.notes);
  }
  return imported;
}
