import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isLitter, watchFolders } from "../../src/preview/watch";

describe("isLitter", () => {
  it("ignores editors' swap, backup and probe files and dot folders", () => {
    for (const f of [".issue.json.swp", "issue.json~", "4913", "#issue.json#", ".git/index", "photos/.DS_Store"]) {
      expect(isLitter(f), f).toBe(true);
    }
  });

  it("ignores the lock a writer of issue.json holds beside it (src/file-lock.ts)", () => {
    for (const f of ["issue.json.lock", "issue.json.lock.0b7c-4e.stale"]) expect(isLitter(f), f).toBe(true);
  });
  it("keeps what makes the pages", () => {
    for (const f of ["issue.json", "photos/coffee.png", "partials/head.hbs", "article.css"]) {
      expect(isLitter(f), f).toBe(false);
    }
  });
});

describe("watchFolders", () => {
  it("reports changes deep in a folder, not litter or ignored folders", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsprint-watch-"));
    mkdirSync(join(dir, "photos"));
    mkdirSync(join(dir, "cache"));
    const seen: string[] = [];
    const watch = watchFolders([dir], (f) => seen.push(f), { ignore: [join(dir, "cache")] });
    try {
      await watch.ready;
      writeFileSync(join(dir, ".issue.json.swp"), "x");
      writeFileSync(join(dir, "cache", "a.jpg"), "x");
      writeFileSync(join(dir, "photos", "a.jpg"), "x");
      const deadline = Date.now() + 3000;
      while (!seen.length && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 20));
      await new Promise((ok) => setTimeout(ok, 100));
      expect(new Set(seen)).toEqual(new Set([join(dir, "photos", "a.jpg")]));
    } finally {
      watch.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps reporting a file saved by renaming a new one over it, again and again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsprint-watch-"));
    const file = join(dir, "issue.json");
    writeFileSync(file, "0");
    const seen: string[] = [];
    const watch = watchFolders([dir], (f) => seen.push(f));
    const saw = async (n: number) => {
      const deadline = Date.now() + 3000;
      while (seen.length < n && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 20));
      return seen.length >= n;
    };
    try {
      await watch.ready;
      for (const [i, save] of ["rename", "write", "rename", "write"].entries()) {
        if (save === "rename") {
          writeFileSync(join(dir, `issue.json.${i}.tmp`), String(i));
          renameSync(join(dir, `issue.json.${i}.tmp`), file);
        } else writeFileSync(file, String(i));
        expect(await saw(i + 1), `${save} ${i}`).toBe(true);
        await new Promise((ok) => setTimeout(ok, 50));
        seen.length = i + 1;
      }
      expect(new Set(seen)).toEqual(new Set([file]));
    } finally {
      watch.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
