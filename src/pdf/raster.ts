import { cachedByContent } from "./content-cache";
import { runTool } from "./run-tool";

/** A PNG of a PDF's first page (poppler), cached by the PDF's content: a picture of it for screens. */
export async function firstPagePng(file: string, cacheDir: string, dpi = 120): Promise<string> {
  return cachedByContent(file, cacheDir, { prefix: "pdf", ext: ".png", salt: `${dpi}` }, async (partial) => {
    // pdftoppm adds ".png" to the name it is given.
    const root = partial.slice(0, -".png".length);
    await runTool("pdftoppm", ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", file, root]);
  });
}
