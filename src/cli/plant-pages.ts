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
  const isFile = async (file: string) => (await stat(file).catch(() => undefined))?.isFile() ?? false;
  const proofed = await isFile(join(outDir, `${issue.name}.pdf`));
  // A zoned edition's own pages are made up and proofed with its proof (editions/<id>.pdf).
  const editionProofed = new Map<string, boolean>();
  for (const e of issue.data.editions)
    editionProofed.set(e.id, await isFile(join(outDir, issue.name, "editions", `${e.id}.pdf`)));
  return {
    issueName: issue.name,
    pages: files.map((f) => {
      const done = f.edition === undefined ? proofed : (editionProofed.get(f.edition) ?? false);
      return {
        pageNumber: f.pageNumber,
        ...(f.edition !== undefined ? { edition: f.edition } : {}),
        pressFile: f.file,
        madeUp: f.edition === undefined ? madeUp.has(f.pageNumber) : done,
        proofed: done,
      };
    }),
    recordFile: join(outDir, issue.name, SIGNOFF_FILE),
    manifestName: defaultManifestName(files.filter((f) => f.edition === undefined).map((f) => basename(f.file))),
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
