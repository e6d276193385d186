import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EncryptedPDFError, PDFDocument } from "pdf-lib";
import { cachedByContent } from "./content-cache";
import { damaged, loadPdf, UnreadablePdfError } from "./open-pdf";
import { runTool, ToolError } from "./run-tool";

// An agency's PDF with an owner password only (it opens in any viewer; the password stands against
// edits) is rewritten without encryption by Ghostscript's pdfwrite, which opens such a file as any
// viewer does, and the copy is placed. A PDF that needs a password to open is refused plainly.

const NEEDS_PASSWORD =
  "is encrypted with a password to open it, so it cannot be placed: ask the sender for a PDF without protection";

/** Whether pdf-lib finds the file encrypted. */
export async function isEncryptedPdf(file: string): Promise<boolean> {
  try {
    await PDFDocument.load(await readFile(file), { updateMetadata: false });
    return false;
  } catch (err) {
    // pdf-lib's class is not the same object in every build of pdf-lib, its words are.
    return (
      err instanceof EncryptedPDFError ||
      /^Input document to `PDFDocument.load` is encrypted/.test((err as Error).message)
    );
  }
}

/**
 * `file` itself when it is not encrypted; else its copy without encryption in `cacheDir`, cached by
 * content. Throws UnreadablePdfError for a PDF that needs a password to open, or that Ghostscript
 * cannot read.
 */
export async function unlockedPdf(file: string, cacheDir: string, gsCommand: string): Promise<string> {
  if (!(await isEncryptedPdf(file))) return file;
  return cachedByContent(file, cacheDir, { prefix: "unlocked", ext: ".pdf" }, async (partial) => {
    let said: string;
    try {
      const args = ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite", "-o", partial, file];
      said = (await runTool(gsCommand, args, { timeoutMs: 120_000 })).stderr;
    } catch (err) {
      if (err instanceof ToolError && err.kind === "failed") throw damaged(file, err);
      throw err;
    }
    // For a file it may not open Ghostscript says so, writes a file without pages and exits 0.
    if (/requires a password/i.test(said)) throw new UnreadablePdfError(file, NEEDS_PASSWORD);
    await loadPdf(partial).catch((err: unknown) => {
      throw err instanceof UnreadablePdfError ? new UnreadablePdfError(file, NEEDS_PASSWORD) : err;
    });
  });
}

/** `use` of the file unlocked: kept in `cacheDir`, or without one, in a folder thrown away after. */
export async function withUnlockedPdf<T>(
  file: string,
  where: { cacheDir: string | undefined; gsCommand: string },
  use: (unlocked: string) => Promise<T>,
): Promise<T> {
  const { cacheDir, gsCommand } = where;
  if (cacheDir) return use(await unlockedPdf(file, cacheDir, gsCommand));
  const scratch = await mkdtemp(join(tmpdir(), "newsprint-unlock-"));
  try {
    return await use(await unlockedPdf(file, scratch, gsCommand));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
