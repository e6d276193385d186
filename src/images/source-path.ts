import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { isInside } from "../paths";
import { ImageError } from "./errors";
import type { ImageOwner } from "./types";

// Photos come from the issue folder and nowhere else: no network at build time, and nothing an
// issue file could use to read files elsewhere on the build machine.

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The real path of a photo inside the issue folder, or an ImageError saying why not. */
export async function resolveSource(
  issueDir: string,
  src: string,
  articleId: string,
  owner?: ImageOwner,
): Promise<string> {
  const fail = (reason: string) => ImageError.of(articleId, src, reason, owner);
  if (src.trim() === "") throw fail("empty path");
  if (src.includes("\0")) throw fail("path contains a NUL character");
  // Absolute first: "C:\\x.jpg" would otherwise read as a URL with scheme "c".
  if (path.isAbsolute(src) || path.win32.isAbsolute(src)) {
    throw fail("absolute path; write it relative to the issue folder");
  }
  if (URL_SCHEME.test(src)) {
    throw fail("URLs are not allowed (no network at build time); put the file in the issue folder");
  }

  const root = path.resolve(issueDir);
  const lexical = path.resolve(root, src);
  if (!isInside(root, lexical)) throw fail("path leaves the issue folder");

  let realRoot: string;
  let real: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(lexical);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw fail(`file not found (looked for ${lexical})`);
    throw fail(`cannot open: ${code ?? String(err)}`);
  }
  if (!isInside(realRoot, real)) throw fail("symlink points outside the issue folder");
  if (!(await stat(real)).isFile()) throw fail("not a file");
  return real;
}
