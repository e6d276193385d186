import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The folders of src/ are the pipeline's stages: no two import each other, directly or round a
// longer cycle, and the shared modules import no stage.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");
const folders = readdirSync(SRC).filter((f) => statSync(join(SRC, f)).isDirectory());

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

const graph = new Map(folders.map((f) => [f, importedFolders(f)]));

/** A cycle through `start`, as the folders on it, or undefined. */
function cycleFrom(start: string): string[] | undefined {
  const path: string[] = [];
  const seen = new Set<string>();
  const visit = (f: string): string[] | undefined => {
    for (const next of graph.get(f) ?? []) {
      if (next === start) return [...path, f, start];
      if (seen.has(next)) continue;
      seen.add(next);
      path.push(f);
      const found = visit(next);
      path.pop();
      if (found) return found;
    }
    return undefined;
  };
  return visit(start);
}

/** Modules every stage may use: they must not lean on any stage. */
const SHARED = ["config", "pdf", "fonts", "grid", "server", "types"];

describe("the stage folders of src/", () => {
  it("import each other in no cycle", () => {
    const cycles = folders.map(cycleFrom).filter((c): c is string[] => c !== undefined);
    expect(cycles.map((c) => c.join(" → "))).toEqual([]);
  });

  it("press and preflight do not import each other", () => {
    expect(graph.get("press")).not.toContain("preflight");
    expect(graph.get("preflight")).not.toContain("press");
  });

  it("leave the shared modules free of stages", () => {
    for (const shared of SHARED) {
      const stages = [...(graph.get(shared) ?? [])].filter((f) => !SHARED.includes(f));
      expect(stages, shared).toEqual([]);
    }
  });

  it("keep measure and render apart: both take the typesetting model", () => {
    expect(graph.get("measure")).not.toContain("render");
    expect(graph.get("render")).not.toContain("measure");
    expect(graph.get("measure")).toContain("typeset");
    expect(graph.get("render")).toContain("typeset");
  });
});
