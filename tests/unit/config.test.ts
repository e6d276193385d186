import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
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
    expect(c.browser.executablePath).toBe("/opt/chromium");
    expect(
      resolveConfig({ chromium: "/usr/bin/x" }, undefined, { NEWSPRINT_CHROMIUM: "/opt/c" }).browser.executablePath,
    ).toBe("/usr/bin/x");
  });
});

describe("the launch timeout", () => {
  const work = mkdtempSync(join(tmpdir(), "newsprint-config-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("is what the browser waits for: a Chromium that never answers fails after it", async () => {
    const sleeper = join(work, "chromium-that-sleeps");
    writeFileSync(sleeper, "#!/bin/sh\nexec sleep 30\n");
    chmodSync(sleeper, 0o755);
    const config = resolveConfig({ chromium: sleeper }, undefined, { NEWSPRINT_LAUNCH_TIMEOUT_MS: "400" });
    const started = performance.now();
    await expect(launchBrowser(config.browser)).rejects.toThrow(`(${sleeper}) did not start within 0.4 s`);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("must be a positive number of milliseconds", () => {
    for (const bad of ["abc", "0", "-5"])
      expect(() => resolveConfig({}, undefined, { NEWSPRINT_LAUNCH_TIMEOUT_MS: bad })).toThrow(
        `NEWSPRINT_LAUNCH_TIMEOUT_MS must be a positive number of milliseconds, not "${bad}"`,
      );
  });
});
