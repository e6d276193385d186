import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { notedVersion, noteVersion } from "../../src/browser/version-note";

const dir = mkdtempSync(join(tmpdir(), "newsprint-version-note-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the note of which Chromium a binary is", () => {
  it("gives the noted version for the same binary, and none once the binary was replaced", async () => {
    const binary = join(dir, "chromium");
    const other = join(dir, "other-chromium");
    writeFileSync(binary, "one build");
    writeFileSync(other, "another");
    const note = join(dir, "cache", "chromium.json");
    expect(notedVersion(note, binary)).toBeUndefined();
    await noteVersion(note, binary, "HeadlessChrome/156.0.1");
    await noteVersion(note, other, "HeadlessChrome/120.0.9");
    expect(notedVersion(note, binary)).toBe("HeadlessChrome/156.0.1");
    expect(notedVersion(note, other)).toBe("HeadlessChrome/120.0.9");
    // An upgrade rewrites the file: another modification time (and often size) is another binary.
    utimesSync(binary, new Date(), new Date(Date.now() + 5000));
    expect(notedVersion(note, binary)).toBeUndefined();
    expect(notedVersion(note, join(dir, "missing"))).toBeUndefined();
  });
});
