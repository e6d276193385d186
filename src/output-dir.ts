import { constants } from "node:fs";
import { access, mkdtemp, rmdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { InputError } from "./errors";

// The output folder is checked before any stage runs: an unwritable one is one clear input
// error naming the folder, not a failure per photo deep inside the image cache.

export class OutputDirError extends InputError {
  override name = "OutputDirError";
  override readonly title = "the output folder cannot be written";
}

/** Throws OutputDirError unless `dir` is a writable folder or could be created as one. Writes nothing. */
export async function checkOutputDir(dir: string): Promise<void> {
  const target = resolve(dir);
  const fail = (why: string) => new OutputDirError(`output folder ${target}: ${why}`);
  const info = await stat(target).catch((err: NodeJS.ErrnoException) => err);
  if (!(info instanceof Error)) {
    if (!info.isDirectory()) throw fail("is a file, not a folder");
    await probeWritable(target).catch((err: NodeJS.ErrnoException) => {
      throw fail(`cannot be written to (${err.code ?? err.message})`);
    });
    return;
  }
  if (info.code === "ENOTDIR") throw fail(`a part of the path is a file, not a folder`);
  if (info.code !== "ENOENT") throw fail(`cannot be read (${info.code ?? info.message})`);
  // It will be created: the nearest existing folder above it must take new entries.
  let parent = dirname(target);
  for (;;) {
    const up = await stat(parent).catch((err: NodeJS.ErrnoException) => err);
    if (!(up instanceof Error)) {
      if (!up.isDirectory()) throw fail(`cannot be created: ${parent} is a file, not a folder`);
      break;
    }
    if (up.code === "ENOTDIR") throw fail(`cannot be created: a part of ${parent} is a file, not a folder`);
    if (dirname(parent) === parent) break;
    parent = dirname(parent);
  }
  await access(parent, constants.W_OK | constants.X_OK).catch((err: NodeJS.ErrnoException) => {
    throw fail(`cannot be created in ${parent} (${err.code ?? err.message})`);
  });
}

/** A folder's permission bits do not tell everything (read-only mounts, ACLs): try it. */
async function probeWritable(dir: string): Promise<void> {
  const probe = await mkdtemp(join(dir, ".newsprint-write-check-"));
  await rmdir(probe);
}
