import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, SHARED_DIR } from "../helpers/paths";

// A path of one machine in a tracked file passes on that machine and fails on every fresh clone
// elsewhere (a font falls back, a photo is missing). Paths are built from the repo root instead.

const MACHINE_PATH = /(?:file:\/\/)?(?:\/work\/|\/root\/|\/home\/[a-z][\w-]*\/|\/Users\/[A-Za-z][\w-]*\/)/;

function trackedFiles(): string[] {
  return execFileSync("git", ["ls-files", "-z"], { cwd: REPO_ROOT, encoding: "utf8" })
    .split("\0")
    .filter((f) => f.length > 0);
}

/** Text files only: a NUL in the first 8 KiB marks a binary one. */
function textOf(file: string): string | undefined {
  const bytes = readFileSync(join(REPO_ROOT, file));
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  return bytes.toString("utf8");
}

describe("tracked files", () => {
  const files = trackedFiles();

  it("are listed by git", () => {
    expect(files).toContain("package.json");
  });

  it("name no absolute path of a machine (outside prose in Markdown)", () => {
    const found: string[] = [];
    for (const file of files) {
      if (file.endsWith(".md")) continue;
      const text = textOf(file);
      if (text === undefined) continue;
      text.split("\n").forEach((line, i) => {
        if (MACHINE_PATH.test(line) || line.includes(REPO_ROOT) || line.includes(SHARED_DIR))
          found.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(found).toEqual([]);
  });
});
