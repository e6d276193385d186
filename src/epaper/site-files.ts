import { readFile, rm, rmdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { isInside } from "../paths";
import { writeAtomic } from "../write-atomic";

// Writing the site: a file whose bytes are already there is left alone (its mtime too, so a
// static host's caches and an rsync see nothing new); any other is written atomically.

/** Writes `data` to `path` unless the file already holds exactly it; whether it wrote. */
export async function writeIfChanged(path: string, data: string | Uint8Array): Promise<boolean> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const old = await readFile(path).catch(() => undefined);
  if (old && Buffer.compare(old, bytes) === 0) return false;
  await writeAtomic(path, bytes);
  return true;
}

/** Removes files of the site (paths relative to it), and their folders left empty. */
export async function removeSiteFiles(siteDir: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    const path = join(siteDir, file);
    // The manifest is read from disk: a path in it may not lead out of the site.
    if (!isInside(siteDir, path)) continue;
    await rm(path, { force: true });
    for (let dir = dirname(path); isInside(siteDir, dir); dir = dirname(dir)) {
      const removed = await rmdir(dir).then(
        () => true,
        () => false,
      );
      if (!removed) break;
    }
  }
}
