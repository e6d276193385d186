import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
import { describe, expect, it } from "vitest";

// What src/ imports is declared in package.json: a package that only arrives as another one's
// dependency can vanish or change major version under us with any update.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: { node: string };
};

function importedPackages(): Map<string, string> {
  const found = new Map<string, string>();
  const src = join(ROOT, "src");
  for (const name of readdirSync(src, { recursive: true }) as string[]) {
    if (!/\.(ts|js|mjs)$/.test(name)) continue;
    const text = readFileSync(join(src, name), "utf8");
    for (const m of text.matchAll(
      /(?:^|\n)\s*(?:import|export)[^"'`;]*?from\s*["']([^"'.][^"']*)["']|import\(\s*["']([^"'.][^"']*)["']\s*\)/g,
    )) {
      const spec = (m[1] ?? m[2]) as string;
      if (spec.startsWith("node:") || builtinModules.includes(spec)) continue;
      const parts = spec.split("/");
      found.set(spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string), name);
    }
  }
  return found;
}

describe("package.json", () => {
  it("declares every package that src/ imports as a dependency", () => {
    const missing = [...importedPackages()]
      .filter(([name]) => !(name in pkg.dependencies))
      .map(([name, file]) => `${name} (src/${file})`);
    expect(missing).toEqual([]);
  });

  it("installs no package outside its declared engines, on the Node the project promises", () => {
    const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean }>;
    };
    const promised = pkg.engines.node;
    const least = semver.minVersion(promised)?.version ?? promised;
    const outside = Object.entries(lock.packages)
      .filter(([path]) => path.startsWith("node_modules/"))
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        if (!range) return [];
        const fits = [least, process.version].every((v) => semver.satisfies(v, range, { includePrerelease: true }));
        return fits ? [] : [`${path.replace(/^.*node_modules\//, "")}: node ${range}`];
      });
    expect(outside).toEqual([]);
  });

  it("declares the types of ssh2, which the deliver stage imports directly", () => {
    expect(pkg.devDependencies).toHaveProperty("@types/ssh2");
  });
});
