import { stat } from "node:fs/promises";
import { type ConfinementWords, confinedPath, FileProblem } from "../files";
import { ImageError } from "./errors";
import type { ImageOwner } from "./types";

// Photos come from the issue folder and nowhere else: no network at build time, and nothing an
// issue file could use to read files elsewhere on the build machine. The rule is the one every
// named file follows (src/files.ts); these are its words for a photo.

const PHOTO_WORDS: ConfinementWords = {
  absolute: "absolute path; write it relative to the issue folder",
  url: "URLs are not allowed (no network at build time); put the file in the issue folder",
  outside: "path leaves the issue folder",
  symlinkOut: "symlink points outside the issue folder",
  unresolved: (err, lexical) => {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return `file not found (looked for ${lexical})`;
    return `cannot open: ${code ?? String(err)}`;
  },
};

/** The real path of a photo inside the issue folder, or an ImageError saying why not. */
export async function resolveSource(
  issueDir: string,
  src: string,
  articleId: string,
  owner?: ImageOwner,
): Promise<string> {
  const fail = (reason: string) => ImageError.of(articleId, src, reason, owner);
  if (src.trim() === "") throw fail("empty path");
  let real: string;
  try {
    real = await confinedPath(issueDir, src, PHOTO_WORDS);
  } catch (err) {
    if (err instanceof FileProblem) throw fail(err.message);
    throw err;
  }
  if (!(await stat(real)).isFile()) throw fail("not a file");
  return real;
}
