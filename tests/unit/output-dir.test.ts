import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/errors";
import { checkOutputDir, OutputDirError } from "../../src/output-dir";

// The output folder, checked before any stage runs; the check itself leaves nothing behind.

const root = mkdtempSync(join(tmpdir(), "newsprint-output-dir-"));
const aFile = join(root, "a-file");
writeFileSync(aFile, "x");
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("checkOutputDir", () => {
  it("accepts an existing folder and one that can be created, writing nothing", async () => {
    await checkOutputDir(root);
    await checkOutputDir(join(root, "new", "deeper"));
    expect(readdirSync(root)).toEqual(["a-file"]);
  });

  it.each([
    [aFile, "is a file, not a folder"],
    [join(aFile, "out"), "a part of the path is a file, not a folder"],
    [join(aFile, "out", "deeper"), "a part of the path is a file, not a folder"],
  ])("rejects %s: %s", async (dir, why) => {
    const error = await checkOutputDir(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputDirError);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`output folder ${dir}: ${why}`);
  });
});
