import { open, readFile, stat } from "node:fs/promises";
import { EncryptedPDFError, PDFDocument } from "pdf-lib";
import { InputError } from "../errors";
import { runTool, ToolError } from "./run-tool";

// Opening a PDF someone hands a checking command: a missing file, a folder, something that is no
// PDF, a damaged or empty one each get a sentence of our own (exit 2), never a library's TypeError
// or poppler's raw "Syntax Error" lines.

export class UnreadablePdfError extends InputError {
  override name = "UnreadablePdfError";
  override readonly title = "the PDF cannot be read";
  constructor(
    readonly file: string,
    /** What is wrong, as a phrase after the file name: "is a folder, not a PDF". */
    readonly reason: string,
  ) {
    super(`${file} ${reason}`);
  }
}

/** The path is a readable file that starts like a PDF; reads 1 KiB. */
export async function checkPdfPath(file: string): Promise<void> {
  const fail = (reason: string) => new UnreadablePdfError(file, reason);
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
    throw fail(err.code === "ENOENT" ? "does not exist" : `cannot be read (${err.code ?? err.message})`);
  });
  if (info.isDirectory()) throw fail("is a folder, not a PDF");
  if (!info.isFile()) throw fail("is not a file");
  if (info.size === 0) throw fail("is empty");
  const head = Buffer.alloc(Math.min(1024, info.size));
  const handle = await open(file, "r").catch((err: NodeJS.ErrnoException) => {
    throw fail(`cannot be read (${err.code ?? err.message})`);
  });
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  // The header may follow up to 1 KiB of other bytes (ISO 32000-1, Annex H).
  if (!head.includes("%PDF-")) throw fail("is not a PDF (no %PDF- header)");
}

/** An agency's PDF with an owner password (it opens in any viewer, but may not be changed); PDF/X
 *  forbids encryption too, and a plant's RIP would not open it. */
const ENCRYPTED =
  "is encrypted (a password protects it from changes; PDF/X forbids encryption), so it cannot be placed " +
  "or printed: ask the sender for a PDF without protection, or remove it with `qpdf --decrypt in.pdf out.pdf` if you may";

/** Loads a PDF with pdf-lib; throws UnreadablePdfError when it is not one or has no pages. */
export async function loadPdf(file: string): Promise<PDFDocument> {
  await checkPdfPath(file);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  } catch (err) {
    // pdf-lib's EncryptedPDFError; the class is not the same object in every build of pdf-lib, its words are.
    if (
      err instanceof EncryptedPDFError ||
      /^Input document to `PDFDocument.load` is encrypted/.test((err as Error).message)
    )
      throw new UnreadablePdfError(file, ENCRYPTED);
    throw new UnreadablePdfError(file, `is damaged (${firstLine((err as Error).message)})`);
  }
  let pages: number;
  try {
    // pdf-lib "loads" random bytes after a %PDF- header; the page tree is where that shows.
    pages = doc.getPageCount();
  } catch {
    throw new UnreadablePdfError(file, "is damaged: it has no readable page tree");
  }
  if (pages === 0) throw new UnreadablePdfError(file, "has no pages");
  return doc;
}

/** The page count as poppler reads the file (pdfinfo); throws UnreadablePdfError as loadPdf does. */
export async function popplerPageCount(file: string): Promise<number> {
  await checkPdfPath(file);
  let text: string;
  try {
    text = (await runTool("pdfinfo", [file], { timeoutMs: 60_000 })).stdout;
  } catch (err) {
    if (!(err instanceof ToolError && err.kind === "failed")) throw err;
    if (/Invalid page count 0|last page \(0\)/.test(err.stderr)) throw new UnreadablePdfError(file, "has no pages");
    throw damaged(file, err);
  }
  const pages = Number(/^Pages:\s+(\d+)/m.exec(text)?.[1] ?? Number.NaN);
  if (!Number.isInteger(pages)) throw new UnreadablePdfError(file, "is damaged: poppler finds no page count");
  if (pages === 0) throw new UnreadablePdfError(file, "has no pages");
  return pages;
}

/** A tool that failed on a file: the file is damaged, in poppler's or Ghostscript's last words. */
export function damaged(file: string, err: ToolError): UnreadablePdfError {
  const said = err.stderr
    .split("\n")
    .map((l) => l.replace(/^(Syntax )?(Error|Warning)( \(\d+\))?:\s*/, "").trim())
    .filter(Boolean)
    .at(-1);
  return new UnreadablePdfError(file, `is damaged: ${err.tool} cannot read it${said ? ` (${said})` : ""}`);
}

function firstLine(text: string): string {
  return text.split("\n")[0]?.trim() ?? text;
}

/** The size in pt of a PDF's first page (its CropBox), for fitting it as artwork. */
export async function firstPageSize(file: string): Promise<{ width: number; height: number }> {
  const doc = await loadPdf(file);
  const { width, height } = doc.getPage(0).getCropBox();
  if (!(width > 0 && height > 0)) throw new UnreadablePdfError(file, "has a first page without a size");
  return { width, height };
}

/** Whether a file starts like a PDF (reads 5 bytes). */
export async function looksLikePdf(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    return head.toString("latin1") === "%PDF-";
  } finally {
    await handle.close();
  }
}
