import type { Stats } from "node:fs";
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { open, realpath } from "node:fs/promises";
import { isAbsolute, resolve, win32 } from "node:path";
import { isInside } from "./paths";

// Every file an input names, read on its behalf: confined to the folders it may come from, through
// symlinks (src/paths.ts, the rule photos follow), regular files only, opened without blocking (a
// named pipe or a device such as /dev/zero would otherwise hang the command or never end), never
// more than a limit. A problem is said in our words, never with the file's content.

/** Why a file cannot be used, in words for the user; the caller says which file. */
export class FileProblem extends Error {
  override name = "FileProblem";
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / 1024 / 1024).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${n} bytes`;
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return "a folder, not a file";
  if (info.isFIFO()) return "a named pipe, not a file";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device, not a file";
  if (info.isSocket()) return "a socket, not a file";
  return "not a regular file";
}

function errnoReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "not found";
  if (code === "EACCES" || code === "EPERM") return "no permission to read it";
  if (code === "ELOOP") return "a symlink where none may be";
  if (code === "ENOTDIR") return "a part of the path is a file, not a folder";
  return `cannot be opened (${code ?? "unknown error"})`;
}

const tooLarge = (size: number, maxBytes: number) =>
  new FileProblem(`${formatBytes(size)}, more than the ${formatBytes(maxBytes)} newsprint reads of such a file`);

const openFlags = (noFollow: boolean) =>
  constants.O_RDONLY | constants.O_NONBLOCK | (noFollow ? constants.O_NOFOLLOW : 0);

/**
 * The bytes of a regular file of at most `maxBytes`. `noFollow`: the last part of the path must
 * not be a symlink (a confined path, already resolved).
 */
export async function readRegularFile(path: string, maxBytes: number, noFollow = false): Promise<Buffer> {
  const handle = await open(path, openFlags(noFollow)).catch((err: unknown) => {
    throw new FileProblem(errnoReason(err));
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new FileProblem(kindOf(info));
    if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
    // Read to the end, whatever stat said (a file may grow), but never past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(info.size - total, 64 * 1024), maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(total, maxBytes);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** readRegularFile for the synchronous readers (the load's style and ads files). */
export function readRegularFileSync(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, openFlags(false));
  } catch (err) {
    throw new FileProblem(errnoReason(err));
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new FileProblem(kindOf(info));
    if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(info.size - total, 64 * 1024), maxBytes + 1 - total));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(total, maxBytes);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** How a confinement problem is worded for the kind of file at hand. */
export interface ConfinementWords {
  absolute: string;
  url: string;
  outside: string;
  symlinkOut: string;
  /** The problem for a path that does not resolve; `lexical` is where it was looked for. */
  unresolved?: (err: unknown, lexical: string) => string;
}

/** Words for a file named in another file (a picture in a Markdown story). */
const NAMED_FILE_WORDS: ConfinementWords = {
  absolute: "an absolute path: write it relative to the file that names it",
  url: "not a local file: save it beside the file that names it",
  outside: "outside the folder of the file that names it",
  symlinkOut: "a symlink to outside the folder of the file that names it",
};

/**
 * The real path of a file named by a source, inside the source's folder `root`: no absolute path,
 * no URL, nothing that leaves the folder by `..` or through a symlink. `words` says each problem
 * as the caller's users know the file.
 */
export async function confinedPath(
  root: string,
  name: string,
  words: ConfinementWords = NAMED_FILE_WORDS,
): Promise<string> {
  if (name.includes("\0")) throw new FileProblem("the path holds a NUL character");
  // Absolute first: "C:\\x.jpg" would otherwise read as a URL with scheme "c".
  if (isAbsolute(name) || win32.isAbsolute(name)) throw new FileProblem(words.absolute);
  if (URL_SCHEME.test(name)) throw new FileProblem(words.url);
  const lexical = resolve(root, name);
  if (!isInside(resolve(root), lexical)) throw new FileProblem(words.outside);
  let realRoot: string;
  let real: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(lexical);
  } catch (err) {
    throw new FileProblem(words.unresolved ? words.unresolved(err, lexical) : errnoReason(err));
  }
  if (!isInside(realRoot, real)) throw new FileProblem(words.symlinkOut);
  return real;
}

/**
 * The real path of the regular file `path` (absolute, or relative to the working folder), checked
 * to be inside one of `roots` both as written and through symlinks, and at most `maxBytes`;
 * `where` names the roots in the problem ("the issue folder").
 */
export function confinedFileSync(roots: readonly string[], path: string, where: string, maxBytes: number): string {
  if (path.includes("\0")) throw new FileProblem("the path holds a NUL character");
  if (URL_SCHEME.test(path) && !isAbsolute(path)) throw new FileProblem(`not a local file: put it in ${where}`);
  const lexical = resolve(path);
  if (!roots.some((root) => isInside(resolve(root), lexical))) throw new FileProblem(`outside ${where}`);
  let real: string;
  try {
    real = realpathSync(lexical);
  } catch (err) {
    throw new FileProblem(errnoReason(err));
  }
  const realRoots = roots.flatMap((root) => {
    try {
      return [realpathSync(root)];
    } catch {
      return [];
    }
  });
  if (!realRoots.some((root) => isInside(root, real))) throw new FileProblem(`a symlink to outside ${where}`);
  const info = statSync(real);
  if (!info.isFile()) throw new FileProblem(kindOf(info));
  if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
  return real;
}
