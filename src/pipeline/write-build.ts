import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeAtomic } from "../write-atomic";
import type { BuildResult } from "./build";
import { writeHtmlCopy } from "./html-copy";
import { layoutReport } from "./summary";

export interface WrittenFiles {
  pdf: string;
  layout: string;
  html?: string;
}

/** Writes a finished build: <out>/<name>.pdf, <out>/<name>/layout.json and, asked for, the HTML copy. */
export async function writeBuild(
  result: BuildResult,
  outDir: string,
  opts: { html?: boolean } = {},
): Promise<WrittenFiles> {
  const name = result.issue.name;
  const files: WrittenFiles = { pdf: join(outDir, `${name}.pdf`), layout: join(outDir, name, "layout.json") };
  if (opts.html) {
    // Assembled beside its final place, then swapped in whole.
    files.html = join(outDir, name, "html");
    const tmp = `${files.html}.${process.pid}.tmp`;
    await rm(tmp, { recursive: true, force: true });
    await writeHtmlCopy(tmp, result.html, result.assets, result.assets.formatCss);
    await rm(files.html, { recursive: true, force: true });
    await rename(tmp, files.html);
  }
  await writeAtomic(files.layout, `${JSON.stringify(layoutReport(result.layout, result.model), null, 2)}\n`);
  await writeAtomic(files.pdf, result.pdf);
  return files;
}
