import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat } from "node:fs/promises";
import { join } from "node:path";
import { runTool } from "./run-tool";

/** A PNG of a PDF's first page (poppler), cached by the PDF's content: a picture of it for screens. */
export async function firstPagePng(file: string, cacheDir: string, dpi = 120): Promise<string> {
  const hash = createHash("sha256")
    .update(await readFile(file))
    .update(`${dpi}`)
    .digest("hex")
    .slice(0, 24);
  const out = join(cacheDir, `pdf-${hash}.png`);
  if (await stat(out).catch(() => null)) return out;
  await mkdir(cacheDir, { recursive: true });
  const base = join(cacheDir, `pdf-${hash}.${process.pid}.tmp`);
  await runTool("pdftoppm", ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", file, base]);
  await rename(`${base}.png`, out);
  return out;
}
