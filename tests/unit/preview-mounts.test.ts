import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { issueMounts } from "../../src/build/compose";
import { loadIssue } from "../../src/load";
import { CLIENT_DIR, FRAME_SCRIPTS, issueFolderMounts, previewMounts } from "../../src/preview/mounts";
import { PAGEDJS_SCRIPT } from "../../src/render/assets";

// The preview serves what the build serves (it must start while issue.json does not load, so it
// builds the mounts from the folder alone), plus its own browser code.

const root = join(import.meta.dirname, "..", "..");
const strip = (mounts: { prefix: string; root: string }[]) => mounts.map(({ prefix, root }) => ({ prefix, root }));

describe("preview mounts", () => {
  it("equal the build's mounts for the same issue", async () => {
    const issue = await loadIssue(join(root, "issues/broadsheet"));
    expect(issueFolderMounts(issue.dir, "/tmp/cache")).toEqual(issueMounts(issue, "/tmp/cache"));
  });

  it("add the preview's own code and let the browser keep content-named photos", () => {
    const mounts = previewMounts("/tmp/issue", "/tmp/cache");
    expect(strip(mounts)).toEqual([
      ...strip(issueFolderMounts("/tmp/issue", "/tmp/cache")),
      { prefix: "/preview/", root: CLIENT_DIR },
    ]);
    expect(mounts.find((m) => m.prefix === "/images/")?.immutable).toBe(true);
    expect(mounts.find((m) => m.prefix === "/issue/")?.immutable).toBeFalsy();
  });

  it("paginate with the build's Paged.js and routine before the preview's own scripts", () => {
    expect(FRAME_SCRIPTS[0]).toBe(PAGEDJS_SCRIPT);
    expect(FRAME_SCRIPTS[1]).toBe("/preview/build/paged.browser.js");
  });
});
