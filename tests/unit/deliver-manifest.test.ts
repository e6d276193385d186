import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { defaultManifestName, manifestLine, manifestText } from "../../src/deliver/manifest";

const digest = (text: string) => createHash("sha256").update(text).digest("hex");

describe("manifest lines", () => {
  it("are in sha256sum text format: digest, two spaces, name", () => {
    const sha256 = digest("page one");
    expect(manifestLine({ name: "p01.pdf", sha256 })).toBe(`${sha256}  p01.pdf\n`);
  });

  it("escape backslashes and line breaks the way GNU sha256sum does", () => {
    const sha256 = digest("x");
    expect(manifestLine({ name: "a\\b\nc.pdf", sha256 })).toBe(`\\${sha256}  a\\\\b\\nc.pdf\n`);
  });

  it("refuse something that is not a SHA-256 digest", () => {
    expect(() => manifestLine({ name: "p.pdf", sha256: "abc" })).toThrow(/SHA-256/);
  });

  it("join into one line per file", () => {
    const entries = [
      { name: "a.pdf", sha256: digest("a") },
      { name: "b.pdf", sha256: digest("b") },
    ];
    expect(manifestText(entries).split("\n")).toHaveLength(3);
  });
});

describe("default manifest name", () => {
  it.each([
    [["issue-0501-p01.pdf", "issue-0501-p02.pdf", "issue-0501-p12.pdf"], "issue-0501.sha256"],
    [["front.pdf"], "front.sha256"],
    [["daily_2024-05-01_A1.pdf", "daily_2024-05-01_A2.pdf"], "daily_2024-05-01.sha256"],
    [["issue.pdf", "issue-extra.pdf"], "issue.sha256"],
    [["p1.pdf", "p2.pdf"], "manifest.sha256"],
    [["alpha.pdf", "beta.pdf"], "manifest.sha256"],
  ])("%j gives %s", (files, expected) => {
    expect(defaultManifestName(files)).toBe(expected);
  });
});
