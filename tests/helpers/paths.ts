import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// Every path a test uses, built from the repo root: CI clones into another folder, and a new
// machine holds no other checkout to lean on.

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Data shared beside the checkout (as in CI): the corpus of real pages and the photos. */
export const SHARED_DIR = resolve(REPO_ROOT, "..", "shared");

/** The corpus of real page text, unless NEWSPRINT_CORPUS names another folder. */
export const CORPUS_DIR = process.env.NEWSPRINT_CORPUS ?? join(SHARED_DIR, "corpus");

/**
 * The corpus files, sorted. Tests that need the corpus skip without it on a developer's machine,
 * but under CI a missing corpus fails: the claims the tests stand for would go unchecked.
 */
export function corpusFiles(): string[] {
  if (!existsSync(CORPUS_DIR)) {
    if (process.env.CI) throw new Error(`the shared corpus is missing under CI: ${CORPUS_DIR}`);
    return [];
  }
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort();
}

const require = createRequire(join(REPO_ROOT, "package.json"));

/** A file:// URL of a file inside an installed package, e.g. fontsource's stylesheet of a weight. */
export function packageFileUrl(spec: string): string {
  return pathToFileURL(require.resolve(spec)).href;
}

/** The Noto Serif SC stylesheet at 400, as the pages load it (TrueType, embedded as CID fonts). */
export const NOTO_SERIF_SC_CSS = packageFileUrl("@fontsource/noto-serif-sc/400.css");

/** A photo of the sample issue, by name. */
export function samplePhoto(name: string): string {
  return join(REPO_ROOT, "issues", "dongchangfu", "photos", name);
}
