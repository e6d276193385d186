import { basename, join } from "node:path";
import { padPage } from "../press/naming";
import { writeAtomic } from "../write-atomic";
import type { BuildResult } from "./build";

// What a build writes for zoned editions, under <out>/<issue>/: each edition's whole proof
// (editions/<id>.pdf, its shared pages copied from the base's proof), a proof of each page it
// replaces (editions/<id>_02.pdf), and editions.json: which pages each edition prints, from which file.

/** A page as an edition prints it. Paths are relative to <out>/<issue>/. */
export interface EditionPageEntry {
  page: number;
  /** "base": the base issue's page, shared; else the edition's own. */
  from: "base" | "edition";
  /** The proof of the page: the base's proof (at `proofPage`) or the edition's page proof. */
  proof: string;
  proofPage: number;
  /** Its press file, when the build made press files. */
  press?: string;
}

export interface EditionsReport {
  issue: string;
  editions: { id: string; name: string; proof: string; replaced: number[]; pages: EditionPageEntry[] }[];
}

/** The files of the editions relative to <out>/<issue>/: press file names by page, base and edition. */
export interface EditionPressNames {
  base: Map<number, string>;
  editions: Map<string, Map<number, string>>;
}

/** The press files `build --press` made, by page: the base's and each edition's own. */
export function editionPressNames(
  base: { pageNumber: number; file: string }[],
  editions: Map<string, { pages: { pageNumber: number; file: string }[] }>,
): EditionPressNames {
  const named = (pages: { pageNumber: number; file: string }[]) =>
    new Map(pages.map((p) => [p.pageNumber, `press/${basename(p.file)}`]));
  return { base: named(base), editions: new Map([...editions].map(([id, e]) => [id, named(e.pages)])) };
}

export function editionsReport(result: BuildResult, press?: EditionPressNames): EditionsReport {
  const name = result.issue.name;
  const count = result.layout.pages.length;
  return {
    issue: name,
    editions: result.editions.map((e) => ({
      id: e.id,
      name: e.name,
      proof: `editions/${e.id}.pdf`,
      replaced: e.replaced,
      pages: result.layout.pages.map((_, i): EditionPageEntry => {
        const page = i + 1;
        const own = e.replaced.includes(page);
        const pressFile = own ? press?.editions.get(e.id)?.get(page) : press?.base.get(page);
        return {
          page,
          from: own ? "edition" : "base",
          proof: own ? editionPageProof(e.id, page, count) : `../${name}.pdf`,
          proofPage: own ? 1 : page,
          ...(pressFile ? { press: pressFile } : {}),
        };
      }),
    })),
  };
}

const editionPageProof = (id: string, page: number, count: number) => `editions/${id}_${padPage(page, count)}.pdf`;

/** Writes every edition's proofs and editions.json; nothing for an issue without editions. */
export async function writeEditions(result: BuildResult, outDir: string, press?: EditionPressNames): Promise<string[]> {
  if (result.editions.length === 0) return [];
  const dir = join(outDir, result.issue.name);
  const count = result.layout.pages.length;
  const written: string[] = [];
  for (const edition of result.editions) {
    const whole = join(dir, "editions", `${edition.id}.pdf`);
    await writeAtomic(whole, edition.pdf);
    written.push(whole);
    for (const [i, page] of edition.replaced.entries()) {
      const file = join(dir, editionPageProof(edition.id, page, count));
      await writeAtomic(file, edition.pagePdfs[i] as Uint8Array);
      written.push(file);
    }
  }
  const report = join(dir, "editions.json");
  await writeAtomic(report, `${JSON.stringify(editionsReport(result, press), null, 2)}\n`);
  return [...written, report];
}
