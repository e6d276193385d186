import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { PageOnDisk } from "../signoff/index";

// The pages of an issue as the last build left them in the output folder, for approve, status and
// send --issue: the press file each page gets (the issue's own file names), whether layout.json
// lists it, whether the proof exists, and where the plant record is.

export interface PlantPages {
  issueName: string;
  pages: PageOnDisk[];
  /** `<out>/<issue>/signoff.json`. */
  recordFile: string;
  /** The checksum manifest's name at the plant: the stem all the issue's press files share. */
  manifestName: string;
}

export async function plantPages(target: string, outDir: string): Promise<PlantPages> {
  const [{ loadIssue }, { pressFilesOfIssue }, { resolveConfig }, { SIGNOFF_FILE }, { defaultManifestName }] =
    await Promise.all([
      import("../load/index"),
      import("../press/index"),
      import("../config/resolve"),
      import("../signoff/index"),
      import("../deliver/index"),
    ]);
  const issue = await loadIssue(target);
  const files = pressFilesOfIssue(issue, outDir, resolveConfig().press);
  const madeUp = await layoutPages(join(outDir, issue.name, "layout.json"));
  const proofed = (await stat(join(outDir, `${issue.name}.pdf`)).catch(() => undefined))?.isFile() ?? false;
  return {
    issueName: issue.name,
    pages: files.map((f) => ({
      pageNumber: f.pageNumber,
      pressFile: f.file,
      madeUp: madeUp.has(f.pageNumber),
      proofed,
    })),
    recordFile: join(outDir, issue.name, SIGNOFF_FILE),
    manifestName: defaultManifestName(files.map((f) => basename(f.file))),
  };
}

/** The page numbers layout.json lists; none when there is no (readable) layout yet. */
async function layoutPages(file: string): Promise<Set<number>> {
  try {
    const layout = JSON.parse(await readFile(file, "utf8")) as { pages?: { page?: unknown }[] };
    return new Set((layout.pages ?? []).flatMap((p) => (typeof p.page === "number" ? [p.page] : [])));
  } catch {
    return new Set();
  }
}
