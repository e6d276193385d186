import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The house rule: the folders of src/ are the pipeline's stages, and no two of them import each
// other; what two stages share is a shared module (one of SHARED_FOLDERS or a file at the root of
// src/), which imports no stage. Imports are found by TypeScript's own scanner (static, re-exports,
// `import type`, dynamic `import()`) and resolved as tsc resolves them, so "../load" is
// src/load/index.ts.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SRC = join(ROOT, "src");
const COMPILER_OPTIONS = ts.parseJsonConfigFileContent(
  ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile).config,
  ts.sys,
  ROOT,
).options;

/** Folders of src/ that any stage may import. The files at the root of src/ are shared too. */
const SHARED_FOLDERS = ["browser", "config", "fonts", "grid", "pdf", "server", "types", "typography"];

const entries = readdirSync(SRC);
const folders = entries.filter((name) => statSync(join(SRC, name)).isDirectory());
const rootModules = entries.filter((name) => !folders.includes(name));
const isShared = (part: string) => SHARED_FOLDERS.includes(part) || rootModules.includes(part);

/** The part of src/ a file belongs to: its folder of src/, or its own name at the root. */
function partOf(file: string): string {
  return relative(SRC, file).split(sep)[0] as string;
}

interface Import {
  file: string;
  specifier: string;
  /** The part of src/ it resolves to; undefined for a package, or a relative import that resolves to nothing. */
  part?: string;
}

function importsOf(file: string, text: string): Import[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName: specifier }) => {
    const resolved = ts.resolveModuleName(specifier, file, COMPILER_OPTIONS, ts.sys).resolvedModule;
    const inSrc =
      resolved && !resolved.isExternalLibraryImport && !relative(SRC, resolved.resolvedFileName).startsWith("..");
    return { file, specifier, part: inSrc ? partOf(resolved.resolvedFileName) : undefined };
  });
}

const sourceFiles = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((name) => /\.(ts|js|mjs)$/.test(name))
  .map((name) => join(SRC, name));
const imports = sourceFiles.flatMap((file) => importsOf(file, readFileSync(file, "utf8")));

/** Which parts each part imports. */
const graph = new Map<string, Set<string>>();
for (const { file, part } of imports) {
  const from = partOf(file);
  if (part === undefined || part === from) continue;
  graph.set(from, (graph.get(from) ?? new Set()).add(part));
}
const importsOfPart = (part: string) => [...(graph.get(part) ?? [])];

/** A cycle through `start`, as the parts on it, or undefined. */
function cycleFrom(start: string): string[] | undefined {
  const path: string[] = [];
  const seen = new Set<string>();
  const visit = (part: string): string[] | undefined => {
    for (const next of importsOfPart(part)) {
      if (next === start) return [...path, part, start];
      if (seen.has(next)) continue;
      seen.add(next);
      path.push(part);
      const found = visit(next);
      path.pop();
      if (found) return found;
    }
    return undefined;
  };
  return visit(start);
}

describe("the imports of src/", () => {
  it("are found and resolved whatever their form: a folder's index, a re-export, a type, a dynamic import", () => {
    const text = [
      'import { loadIssue } from "../load";',
      'import type { Layout } from "../makeup/types";',
      'export { InputError } from "../errors";',
      'const pdf = await import("../pdf/open-pdf");',
      'import { z } from "zod";',
    ].join("\n");
    const found = importsOf(join(SRC, "cli", "example.ts"), text).map((i) => [i.specifier, i.part]);
    expect(found).toEqual([
      ["../load", "load"],
      ["../makeup/types", "makeup"],
      ["../errors", "errors.ts"],
      ["../pdf/open-pdf", "pdf"],
      ["zod", undefined],
    ]);
  });

  it("all resolve to a file", () => {
    const unresolved = imports.filter((i) => i.specifier.startsWith(".") && i.part === undefined);
    expect(unresolved.map((i) => `${relative(ROOT, i.file)}: ${i.specifier}`)).toEqual([]);
  });
});

describe("the stage folders of src/", () => {
  it("name only shared folders that exist", () => {
    expect(SHARED_FOLDERS.filter((f) => !folders.includes(f))).toEqual([]);
  });

  it("never import each other both ways", () => {
    const stages = folders.filter((f) => !isShared(f));
    const pairs = stages.flatMap((a) =>
      importsOfPart(a)
        .filter((b) => a < b && !isShared(b) && importsOfPart(b).includes(a))
        .map((b) => `${a} ↔ ${b}`),
    );
    expect(pairs).toEqual([]);
  });

  it("import each other in no longer cycle either", () => {
    const cycles = [...graph.keys()].map(cycleFrom).filter((c): c is string[] => c !== undefined);
    expect(cycles.map((c) => c.join(" → "))).toEqual([]);
  });

  it("leave the shared modules free of stages", () => {
    const leaning = [...graph.keys()].filter(isShared).flatMap((shared) =>
      importsOfPart(shared)
        .filter((part) => !isShared(part))
        .map((stage) => `${shared} → ${stage}`),
    );
    expect(leaning).toEqual([]);
  });

  it("keep measure and render apart: both take the typesetting model", () => {
    expect(importsOfPart("measure")).not.toContain("render");
    expect(importsOfPart("render")).not.toContain("measure");
    expect(importsOfPart("measure")).toContain("typeset");
    expect(importsOfPart("render")).toContain("typeset");
  });
});
