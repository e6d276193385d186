// Hot-folder delivery into a real local folder, checked with coreutils' sha256sum.

import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve";
import { DeliveryError, DeliveryUsageError, deliverToFolder } from "../../src/deliver/index";

/** Tries and backoff as `newsprint send --folder` resolves them. */
const { tries, backoffMs } = resolveConfig({}, undefined, {}).deliver;
const HOT_FOLDER = { tries, backoffMs };

const run = promisify(execFile);
let root: string;
let hot: string;
let pages: string[];

async function writePdf(path: string, text: string): Promise<string> {
  const doc = await PDFDocument.create();
  doc.addPage([842, 1191]).drawText(text, { x: 50, y: 1100, size: 24 });
  await writeFile(path, await doc.save());
  return path;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "newsprint-folder-"));
  await mkdir(join(root, "pages"));
  pages = await Promise.all(
    ["01", "02", "03"].map((n) => writePdf(join(root, "pages", `daily-0501-p${n}.pdf`), `page ${n}`)),
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));
beforeEach(async () => {
  hot = join(root, `hot-${Math.random().toString(36).slice(2)}`);
  await mkdir(hot);
});

describe("deliverToFolder", () => {
  it("delivers complete files and a sha256sum manifest, with no temporary files left", async () => {
    const lines: string[] = [];
    const result = await deliverToFolder(pages, hot, { ...HOT_FOLDER, onProgress: (line) => lines.push(line) });

    expect(result.manifest).toBe("daily-0501.sha256");
    expect((await readdir(hot)).sort()).toEqual([
      "daily-0501-p01.pdf",
      "daily-0501-p02.pdf",
      "daily-0501-p03.pdf",
      "daily-0501.sha256",
    ]);
    for (const page of pages) {
      const name = page.split("/").pop() as string;
      expect(await readFile(join(hot, name))).toEqual(await readFile(page));
    }
    const { stdout } = await run("sha256sum", ["-c", "daily-0501.sha256"], { cwd: hot });
    expect(stdout.trim().split("\n")).toEqual([
      "daily-0501-p01.pdf: OK",
      "daily-0501-p02.pdf: OK",
      "daily-0501-p03.pdf: OK",
    ]);
    const manifest = await readFile(join(hot, "daily-0501.sha256"), "utf8");
    const expected = createHash("sha256")
      .update(await readFile(pages[0] as string))
      .digest("hex");
    expect(manifest.split("\n")[0]).toBe(`${expected}  daily-0501-p01.pdf`);
    expect(lines.at(-1)).toBe("wrote manifest daily-0501.sha256");
  });

  it("replaces an earlier delivery of the same pages", async () => {
    await deliverToFolder(pages, hot, HOT_FOLDER);
    const changed = await writePdf(join(root, "daily-0501-p01.pdf"), "page 1, late correction");
    await deliverToFolder([changed, ...pages.slice(1)], hot, HOT_FOLDER);
    expect(await readFile(join(hot, "daily-0501-p01.pdf"))).toEqual(await readFile(changed));
    await run("sha256sum", ["-c", "daily-0501.sha256"], { cwd: hot });
  });

  it("retries a failing file, then reports it, leaving no partial file and no manifest", async () => {
    await deliverToFolder(pages, hot, HOT_FOLDER); // an earlier, complete delivery with its manifest
    // A folder where page 2 should go makes the final rename fail after the copy succeeded.
    await rm(join(hot, "daily-0501-p02.pdf"));
    await mkdir(join(hot, "daily-0501-p02.pdf"));
    await writeFile(join(hot, "daily-0501-p02.pdf", "blocker"), "x");
    const lines: string[] = [];

    const failing = deliverToFolder(pages, hot, {
      ...HOT_FOLDER,
      backoffMs: 10,
      onProgress: (line) => lines.push(line),
    });

    await expect(failing).rejects.toBeInstanceOf(DeliveryError);
    await expect(failing).rejects.toThrow(/could not deliver daily-0501-p02\.pdf to .* \(3 tries\)/);
    await expect(failing).rejects.toThrow(/1 of 3 files delivered, no manifest written/);
    expect(lines.filter((line) => line.includes("retrying"))).toHaveLength(2);
    const left = await readdir(hot);
    expect(left.filter((name) => name.endsWith(".part"))).toEqual([]);
    // The old manifest is gone too: it must not vouch for a half-replaced set.
    expect(left).not.toContain("daily-0501.sha256");
  });

  it("refuses a folder that does not exist instead of creating it", async () => {
    await expect(deliverToFolder(pages, join(hot, "typo"), { ...HOT_FOLDER, tries: 1 })).rejects.toThrow(
      /not reachable/,
    );
  });

  it("refuses two files with the same name as bad usage", async () => {
    const twin = await writePdf(join(root, "daily-0501-p01.pdf"), "other");
    await expect(deliverToFolder([pages[0] as string, twin], hot, HOT_FOLDER)).rejects.toBeInstanceOf(
      DeliveryUsageError,
    );
  });
});
