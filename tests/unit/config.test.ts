import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../../src/config/defaults";
import { resolveConfig } from "../../src/config/resolve";

// One resolved configuration: defaults, then the issue, then the command line and environment.

describe("resolveConfig", () => {
  it("takes every default from DEFAULTS", () => {
    const c = resolveConfig({}, undefined, {});
    expect(c.outDir).toBe(DEFAULTS.outDir);
    expect(c.cache).toEqual({
      images: "output/.cache/images",
      browser: "output/.cache/chromium.json",
      measure: "output/.cache/measure",
      pages: "output/.cache/pages",
    });
    expect(c.images).toEqual({
      targetPpi: DEFAULTS.targetPpi,
      minPpi: DEFAULTS.minPpi,
      maxPixels: DEFAULTS.maxPhotoPixels,
      strict: false,
    });
    expect(c.browser).toEqual({ executablePath: undefined, launchTimeoutMs: DEFAULTS.launchTimeoutMs });
  });

  it("lets the issue, then the command line and the environment override them", () => {
    const c = resolveConfig(
      { outDir: "/tmp/o", strict: true },
      { data: { ppi: 300 } },
      {
        NEWSPRINT_CHROMIUM: "/opt/chromium",
        NEWSPRINT_LAUNCH_TIMEOUT_MS: "5000",
      },
    );
    expect(c.cache.measure).toBe("/tmp/o/.cache/measure");
    expect(c.images.targetPpi).toBe(300);
    expect(c.images.strict).toBe(true);
    expect(c.browser).toEqual({ executablePath: "/opt/chromium", launchTimeoutMs: 5000 });
    expect(
      resolveConfig({ chromium: "/usr/bin/x" }, undefined, { NEWSPRINT_CHROMIUM: "/opt/c" }).browser.executablePath,
    ).toBe("/usr/bin/x");
  });
});
