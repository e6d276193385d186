import mammoth from "mammoth";
import { isDateline } from "./anatomy";
import { assembleBlocks } from "./assemble";
import { checkDocxContainer, DocxProblem } from "./docx-container";
import { ImportError } from "./errors";
import type { Block, ImportedFile } from "./types";

// Word documents through mammoth. Its document model (paragraphs with their style names, runs with
// bold and italics, pictures, breaks) is read with `transformDocument`, which mammoth marks as
// unstable: the version is pinned in package.json and tests/e2e/import.test.ts builds a real .docx.

interface DocxElement {
  type: string;
  children?: DocxElement[];
  styleName?: string | null;
  styleId?: string | null;
  value?: string;
  isBold?: boolean;
  isItalic?: boolean;
  breakType?: "line" | "page" | "column";
  altText?: string;
  contentType?: string;
  readAsBuffer?: () => Promise<Buffer>;
}

interface Piece {
  text: string;
  bold: boolean;
  italic: boolean;
  /** A line break (Shift+Enter) inside the paragraph. */
  lineBreak?: boolean;
}

type Role = Pick<Block, "kind" | "level">;

function roleOf(p: DocxElement): Role {
  const name = `${p.styleName ?? p.styleId ?? ""}`.trim();
  const heading = /^(?:heading|标题)\s*([1-9])$/i.exec(name);
  if (heading?.[1]) return { kind: "heading", level: Number(heading[1]) };
  if (/^(title|标题)$/i.test(name)) return { kind: "heading", level: 1 };
  if (/^(subtitle|副标题|副標題)$/i.test(name)) return { kind: "subtitle" };
  if (/^(section|版面|版块|版塊)$/i.test(name)) return { kind: "section" };
  return { kind: "para" };
}

/** Walks mammoth's document into blocks: one per paragraph, pictures and page breaks on their own. */
function readBlocks(doc: DocxElement, notes: string[]): { blocks: Block[]; pictures: Promise<void>[] } {
  const blocks: Block[] = [];
  const pictures: Promise<void>[] = [];
  let paragraphNo = 0;
  let noteRefs = 0;

  const paragraph = (p: DocxElement): void => {
    const at = ++paragraphNo;
    const role = roleOf(p);
    let pieces: Piece[] = [];
    const nested: DocxElement[] = [];
    const flush = (): void => {
      const lines = pieces
        .map((x) => (x.lineBreak ? "\n" : x.text))
        .join("")
        .split("\n")
        .map((l) => l.replace(/\s+/g, " ").trim())
        .filter(Boolean);
      const text = lines.join(" ");
      if (text)
        blocks.push({
          ...role,
          text,
          ...(lines.length > 1 ? { lines } : {}),
          at,
          ...emphasisOf(pieces, role),
        });
      pieces = [];
    };
    const walk = (el: DocxElement, bold: boolean, italic: boolean): void => {
      if (el.type === "paragraph") nested.push(el);
      else if (el.type === "text") pieces.push({ text: el.value ?? "", bold, italic });
      else if (el.type === "tab") pieces.push({ text: " ", bold, italic });
      else if (el.type === "break") {
        if (el.breakType === "line") pieces.push({ text: " ", bold, italic, lineBreak: true });
        else {
          flush();
          blocks.push({ kind: "break", text: "", at });
        }
      } else if (el.type === "image" && el.readAsBuffer) {
        flush();
        const block: Block = { kind: "image", text: "", at };
        blocks.push(block);
        const read = el.readAsBuffer;
        const alt = el.altText?.trim() || undefined;
        pictures.push(
          read().then(
            (data) => {
              block.image = { data, alt, origin: `picture in paragraph ${at}` };
            },
            () => {
              throw new ImportError("", "the picture cannot be read from the archive", at);
            },
          ),
        );
      } else if (el.type === "noteReference") noteRefs++;
      else for (const c of el.children ?? []) walk(c, bold || el.isBold === true, italic || el.isItalic === true);
    };
    for (const c of p.children ?? []) walk(c, false, false);
    flush();
    for (const n of nested) paragraph(n);
  };
  const visit = (el: DocxElement): void => {
    if (el.type === "paragraph") paragraph(el);
    else for (const c of el.children ?? []) visit(c);
  };
  visit(doc);
  if (noteRefs) notes.push(`${noteRefs} footnote reference(s): footnotes are not imported`);
  return { blocks, pictures };
}

function emphasisOf(pieces: Piece[], role: Role): Partial<Block> {
  const visible = pieces.filter((p) => p.text.trim());
  if (!visible.length || role.kind !== "para") return {};
  const firstPlain = visible.findIndex((p) => !p.bold);
  const allBold = firstPlain < 0;
  const lead = visible
    .slice(0, allBold ? 0 : firstPlain)
    .map((p) => p.text)
    .join("")
    .trim();
  // A bold dateline is the dateline's markup; a bold paragraph may be a subhead; the rest is emphasis.
  const rest = visible.slice(lead && isDateline(lead) ? firstPlain : 0);
  const emphasis = !allBold && rest.some((p) => p.bold || p.italic);
  return { allBold: allBold || undefined, boldLead: lead || undefined, emphasis: emphasis || undefined };
}

export async function importDocx(file: string, data: Buffer): Promise<ImportedFile> {
  try {
    checkDocxContainer(data);
  } catch (err) {
    if (err instanceof DocxProblem) throw new ImportError(file, err.message);
    throw err;
  }
  const notes: string[] = [];
  let read: { blocks: Block[]; pictures: Promise<void>[] } | undefined;
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: data },
      {
        transformDocument: (doc: DocxElement) => {
          read = readBlocks(doc, notes);
          return doc;
        },
        // The HTML is not used; skip encoding every picture into it.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
  } catch {
    // mammoth's words (a JSZip or XML parser message) say nothing about the file to its user and
    // may quote its bytes: the archive was checked above, so what is left is its XML.
    throw new ImportError(file, "not a readable Word .docx file (its document XML cannot be read)");
  }
  if (!read) throw new ImportError(file, "not a readable Word .docx file");
  try {
    await Promise.all(read.pictures);
  } catch (err) {
    if (err instanceof ImportError) throw new ImportError(file, err.reason, err.at);
    throw err;
  }
  // Style warnings concern mammoth's HTML, which is not used.
  for (const m of result.messages)
    if (m.type === "warning" && !/^Unrecognised (paragraph|run) style/.test(m.message))
      notes.push(`Word: ${m.message}`);
  if (!read.blocks.some((b) => b.text || b.kind === "image")) throw new ImportError(file, "the document is empty");
  return assembleBlocks(file, "paragraph", read.blocks, notes);
}
