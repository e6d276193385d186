import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";

// Files made from another file by a tool (a PNG of a PDF, a PDF without encryption), kept in a
// cache folder under a name from the source's content: made once, written under a temporary name
// and renamed, so a half-made file is never taken for a made one.

export interface CachedName {
  prefix: string;
  /** The made file's extension, with its dot. */
  ext: string;
  /** What else the made file depends on (a resolution). */
  salt?: string;
}

/** The made file for `source`: from the cache, or made by `make` into the path it is given. */
export async function cachedByContent(
  source: string,
  cacheDir: string,
  name: CachedName,
  make: (partial: string) => Promise<void>,
): Promise<string> {
  const hash = createHash("sha256")
    .update(await readFile(source))
    .update(name.salt ?? "")
    .digest("hex")
    .slice(0, 24);
  const out = join(cacheDir, `${name.prefix}-${hash}${name.ext}`);
  if (await stat(out).catch(() => null)) return out;
  await mkdir(cacheDir, { recursive: true });
  const partial = join(cacheDir, `${name.prefix}-${hash}.${process.pid}.tmp${name.ext}`);
  try {
    await make(partial);
    await rename(partial, out);
    return out;
  } finally {
    await rm(partial, { force: true });
  }
}
