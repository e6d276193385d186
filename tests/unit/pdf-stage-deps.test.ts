import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// press and preflight share their PDF helpers through src/pdf: neither imports the other, and
// src/pdf imports no stage.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");

/** The src/ folders a folder's files import from (relative imports only). */
function importedFolders(folder: string): Set<string> {
  const found = new Set<string>();
  const dir = join(SRC, folder);
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    if (!/\.(ts|js)$/.test(name)) continue;
    const file = join(dir, name);
    for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)) {
      const target = relative(SRC, resolve(dirname(file), m[1] as string)).split("/");
      if (target.length > 1 && target[0] !== folder && target[0] !== "..") found.add(target[0] as string);
    }
  }
  return found;
}

describe("stage folders of the PDF side", () => {
  it("press and preflight do not import each other", () => {
    expect(importedFolders("press")).not.toContain("preflight");
    expect(importedFolders("preflight")).not.toContain("press");
  });

  it("src/pdf imports no stage folder", () => {
    expect([...importedFolders("pdf")].filter((f) => f !== "config")).toEqual([]);
  });
});
