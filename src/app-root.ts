import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// The folder that holds newsprint's package.json, templates/, styles/ and src/: found by walking
// up from this module, so it is the same whether the code runs from src/ (tsx) or from the
// bundle in dist/.
function findAppRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, "utf8")).name === "newsprint") return dir;
    if (dirname(dir) === dir) throw new Error(`newsprint's package.json not found above ${from}`);
  }
}

export const APP_ROOT = findAppRoot(dirname(fileURLToPath(import.meta.url)));

/** A file of the app, by its path from the app's root (e.g. "src/render/paged.browser.js"). */
export const appFile = (path: string): string => join(APP_ROOT, path);
