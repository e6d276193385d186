import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type IssueEntry,
  keptPage,
  manifestText,
  readManifest,
  SiteError,
  type SiteManifest,
  staleFiles,
  withIssue,
} from "../../src/epaper/manifest";
import { removeSiteFiles, writeIfChanged } from "../../src/epaper/site-files";
import { InputError } from "../../src/errors";

// The site's manifest drives 往期 and what a rebuild keeps; the site's writes leave unchanged files
// alone and remove only what the manifest lists.

const root = mkdtempSync(join(tmpdir(), "newsprint-epaper-manifest-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => {
  const dir = join(root, `site-${++n}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

const issue = (date: string, keys: string[] = ["a", "b"]): IssueEntry => ({
  date,
  dateLine: date,
  updated: `${date}T06:00:00Z`,
  pages: keys.map((key, i) => ({ number: i + 1, key, files: [`${date}/images/page-0${i + 1}-${key}-800.webp`] })),
  files: [`${date}/index.html`, ...keys.map((key, i) => `${date}/images/page-0${i + 1}-${key}-800.webp`)],
});

describe("the site's manifest", () => {
  it("starts empty in a missing or empty folder", async () => {
    for (const dir of [join(root, "absent"), folder()]) {
      expect(await readManifest(dir, "东昌府新闻")).toEqual({ format: 1, paper: "东昌府新闻", issues: [], files: [] });
    }
  });

  it("refuses a folder that holds other files, and says why", async () => {
    const dir = folder();
    writeFileSync(join(dir, "index.html"), "<p>someone's site</p>");
    const err = await readManifest(dir, "东昌府新闻").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SiteError);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/holds other files and no site\.json/);
  });

  it("refuses another paper's site and a damaged manifest", async () => {
    const dir = folder();
    const other: SiteManifest = { format: 1, paper: "東區街坊報", issues: [issue("2023-01-20")], files: [] };
    writeFileSync(join(dir, "site.json"), manifestText(other));
    await expect(readManifest(dir, "东昌府新闻")).rejects.toThrow(/e-paper of 東區街坊報, not of 东昌府新闻/);
    expect(await readManifest(dir, "東區街坊報")).toEqual(other);
    writeFileSync(join(dir, "site.json"), "{ not json");
    await expect(readManifest(dir, "東區街坊報")).rejects.toThrow(/not JSON/);
    writeFileSync(join(dir, "site.json"), JSON.stringify({ format: 2, paper: "東區街坊報" }));
    await expect(readManifest(dir, "東區街坊報")).rejects.toThrow(/not an e-paper manifest/);
  });

  it("keeps issues newest first, one per date", () => {
    let m: SiteManifest = { format: 1, paper: "p", issues: [], files: [] };
    for (const date of ["2022-12-23", "2022-12-30", "2022-12-16"]) m = withIssue(m, issue(date));
    expect(m.issues.map((i) => i.date)).toEqual(["2022-12-30", "2022-12-23", "2022-12-16"]);
    const rebuilt = { ...issue("2022-12-23", ["c"]), dateLine: "again" };
    m = withIssue(m, rebuilt);
    expect(m.issues.map((i) => i.dateLine)).toEqual(["2022-12-30", "again", "2022-12-16"]);
  });

  it("keeps a page only when its number and key are the same", () => {
    const old = issue("2022-12-30", ["k1", "k2"]);
    expect(keptPage(old, 2, "k2")?.files).toEqual(["2022-12-30/images/page-02-k2-800.webp"]);
    expect(keptPage(old, 2, "k1")).toBeUndefined();
    expect(keptPage(old, 3, "k2")).toBeUndefined();
    expect(keptPage(undefined, 1, "k1")).toBeUndefined();
  });

  it("finds the files a rebuild no longer makes", () => {
    const before = issue("2022-12-30", ["k1", "k2"]).files;
    const after = issue("2022-12-30", ["k1", "k3"]).files;
    expect(staleFiles(before, after)).toEqual(["2022-12-30/images/page-02-k2-800.webp"]);
    expect(staleFiles(before, before)).toEqual([]);
  });
});

describe("writing the site", () => {
  it("leaves a file with the same bytes alone, mtime included, and replaces one that differs", async () => {
    const dir = folder();
    const file = join(dir, "a", "page.html");
    expect(await writeIfChanged(file, "版面")).toBe(true);
    const old = new Date("2020-01-01T00:00:00Z");
    utimesSync(file, old, old);
    expect(await writeIfChanged(file, "版面")).toBe(false);
    expect(statSync(file).mtime.toISOString()).toBe(old.toISOString());
    expect(await writeIfChanged(file, new Uint8Array(Buffer.from("版面二")))).toBe(true);
    expect(readFileSync(file, "utf8")).toBe("版面二");
    expect(statSync(file).mtime.getTime()).toBeGreaterThan(old.getTime());
  });

  it("removes listed files and their emptied folders, and nothing outside the site", async () => {
    const parent = folder();
    const dir = join(parent, "site");
    mkdirSync(join(dir, "2022-12-30", "images"), { recursive: true });
    mkdirSync(join(dir, "2022-12-30", "story"), { recursive: true });
    writeFileSync(join(dir, "2022-12-30", "images", "old.webp"), "x");
    writeFileSync(join(dir, "2022-12-30", "story", "kept.html"), "x");
    writeFileSync(join(parent, "outside.txt"), "x");
    await removeSiteFiles(dir, ["2022-12-30/images/old.webp", "../outside.txt", "2022-12-30/story/missing.html"]);
    expect(() => statSync(join(dir, "2022-12-30", "images"))).toThrow();
    expect(statSync(join(dir, "2022-12-30", "story", "kept.html")).isFile()).toBe(true);
    expect(statSync(join(parent, "outside.txt")).isFile()).toBe(true);
  });
});
