import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { appFile } from "../../src/app-root";
import { type AppFiles, boxKey, environmentKey, folderCache } from "../../src/measure/cache";

// A measurement is cached by everything that decides it; each of those inputs changes the key.

const work = mkdtempSync(join(tmpdir(), "newsprint-measure-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function appCopy(): AppFiles {
  const dir = mkdtempSync(join(work, "app-"));
  cpSync(appFile("styles"), join(dir, "styles"), { recursive: true });
  cpSync(appFile("templates"), join(dir, "templates"), { recursive: true });
  cpSync(appFile("src/measure/measure.browser.ts"), join(dir, "measure.browser.ts"));
  cpSync(appFile("node_modules/@fontsource/noto-serif-sc/package.json"), join(dir, "font.json"));
  return {
    styles: join(dir, "styles"),
    templates: join(dir, "templates"),
    script: join(dir, "measure.browser.ts"),
    fonts: [join(dir, "font.json")],
  };
}

describe("measurement cache keys", () => {
  const base = appCopy();
  const fonts = { stylesheets: ["/fonts/noto-serif-sc/400.css"], files: [] };
  const key = (app: AppFiles, css = ":root{}", browser = "Chrome/156") => environmentKey(css, browser, fonts, app);
  const before = key(base);

  it("are stable for unchanged input", () => {
    expect(key(base)).toBe(before);
    expect(boxKey(before, { text: "段落" })).toBe(boxKey(before, { text: "段落" }));
  });

  it("change with the box's content, the format, the browser, the fonts a house style picks", () => {
    expect(
      environmentKey(":root{}", "Chrome/156", { ...fonts, stylesheets: ["/fonts/noto-serif-tc/400.css"] }, base),
    ).not.toBe(before);
    expect(boxKey(before, { text: "段落" })).not.toBe(boxKey(before, { text: "段落。" }));
    expect(key(base, ":root{--col-w:110pt}")).not.toBe(before);
    expect(key(base, ":root{}", "Chrome/157")).not.toBe(before);
  });

  it("change with a stylesheet, a template, the measuring script, the fonts", () => {
    for (const edit of [
      (a: AppFiles) => writeFileSync(join(a.styles, "article.css"), ".np-p { letter-spacing: 0.01em }", { flag: "a" }),
      (a: AppFiles) => writeFileSync(join(a.templates, "partials", "head.hbs"), "{{!-- edited --}}", { flag: "a" }),
      (a: AppFiles) => writeFileSync(a.script, "// edited\n", { flag: "a" }),
      (a: AppFiles) => writeFileSync(a.fonts[0] as string, JSON.stringify({ version: "5.9.9" })),
    ]) {
      const app = appCopy();
      expect(key(app)).toBe(before);
      edit(app);
      expect(key(app)).not.toBe(before);
    }
  });
});

describe("the folder cache", () => {
  it("keeps boxes across instances once saved, and misses what it never saw", async () => {
    const dir = join(work, "cache");
    const box = { pitchPx: 20, box: { heads: { "1": 40 }, captions: {} } };
    const cache = folderCache(dir);
    cache.set("k1", box);
    expect(folderCache(dir).get("k1")).toBeUndefined();
    await cache.save();
    expect(folderCache(dir).get("k1")).toEqual(box);
    expect(folderCache(dir).get("k2")).toBeUndefined();
  });
});
