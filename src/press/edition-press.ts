import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PressConfig } from "../config/resolve";
import type { Issue } from "../load";
import { editionPressOptions } from "./issue-options";
import { makeEditionPressFiles } from "./make-press-files";
import type { PressOptions } from "./options";
import type { EditionPressResult } from "./types";

// Press files of zoned editions: only the pages each edition replaces, converted once each and
// named with its id beside the base's files; its shared pages are the base's press files.

/** An edition's own pages as printed: the proof of the pages it replaces, in page order. */
export interface EditionProof {
  id: string;
  ownPdf: Uint8Array;
}

export async function makeEditionsPressFiles(
  issue: Issue,
  proofs: EditionProof[],
  options: PressOptions,
  settings: PressConfig,
): Promise<Map<string, EditionPressResult>> {
  const made = new Map<string, EditionPressResult>();
  if (proofs.length === 0) return made;
  const scratch = await mkdtemp(join(tmpdir(), "newsprint-edition-"));
  try {
    for (const proof of proofs) {
      const edition = issue.data.editions.find((e) => e.id === proof.id);
      if (!edition) continue;
      const file = join(scratch, `${proof.id}.pdf`);
      await writeFile(file, proof.ownPdf);
      made.set(proof.id, await makeEditionPressFiles(file, editionPressOptions(issue, edition, options), settings));
    }
    return made;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
