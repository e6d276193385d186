import { describe, expect, it } from "vitest";
import { CLIENT_DIR, clientBundles, FRAME_SCRIPTS, previewMounts } from "../../src/preview/mounts";
import { issueMounts, PAGEDJS_SCRIPT } from "../../src/typeset/assets";

// The preview serves what the build serves (from the folder alone: it must start while issue.json
// does not load), plus its own browser code.

const strip = (mounts: { prefix: string; root: string }[]) => mounts.map(({ prefix, root }) => ({ prefix, root }));

describe("preview mounts", () => {
  it("add the preview's own page to the build's mounts and let the browser keep content-named photos", () => {
    const mounts = previewMounts("/tmp/issue", "/tmp/cache");
    expect(strip(mounts)).toEqual([
      ...strip(issueMounts("/tmp/issue", "/tmp/cache")),
      { prefix: "/preview/", root: CLIENT_DIR },
    ]);
    expect(mounts.find((m) => m.prefix === "/images/")?.immutable).toBe(true);
    expect(mounts.find((m) => m.prefix === "/issue/")?.immutable).toBeFalsy();
  });

  it("paginate with the build's Paged.js before the frame's own bundle", () => {
    expect(FRAME_SCRIPTS).toEqual([PAGEDJS_SCRIPT, "/preview/frame.js"]);
  });

  it("bundle the shell and the frame from TypeScript, the frame with the build's page routine", () => {
    const bundles = new Map(clientBundles().map((b) => [b.url, b.source]));
    expect(bundles.get("/preview/shell.js")).toContain("EventSource");
    const frame = bundles.get("/preview/frame.js") ?? "";
    expect(frame).toContain("Paged.Previewer");
    expect(frame).toContain("the make-up planned");
  });
});
