import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { DEFAULTS } from "../../src/config/defaults";
import { forIssue, resolveConfig } from "../../src/config/resolve";

// One resolved configuration: defaults, then the issue, then the environment, then the command line.

const SRC = join(import.meta.dirname, "..", "..", "src");

describe("resolveConfig", () => {
  it("takes every default from DEFAULTS, a section per stage", () => {
    const c = resolveConfig({}, undefined, {});
    expect(c.outDir).toBe(DEFAULTS.outDir);
    expect(c.cache).toEqual({
      images: "output/.cache/images",
      browser: "output/.cache/chromium.json",
      measure: "output/.cache/measure",
      pages: "output/.cache/pages",
    });
    expect(DEFAULTS.chromiumPaths).toContain(c.browser.executablePath);
    expect(c.browser.launchTimeoutMs).toBe(DEFAULTS.launchTimeoutMs);
    expect(c.images).toEqual({
      targetPpi: DEFAULTS.targetPpi,
      minPpi: DEFAULTS.minPpi,
      maxPixels: DEFAULTS.maxPhotoPixels,
      strict: false,
    });
    expect(c.press).toMatchObject({
      bleedMm: DEFAULTS.bleedMm,
      inkLimit: DEFAULTS.inkLimit,
      pdfx: DEFAULTS.pdfx,
      pagePattern: DEFAULTS.pressPagePattern,
      issuePattern: DEFAULTS.pressIssuePattern,
      gsCommand: DEFAULTS.gsCommand,
      gsIccDir: DEFAULTS.gsIccDir,
      gsTimeoutMs: DEFAULTS.gsTimeoutMs,
    });
    expect(c.press.concurrency).toBeGreaterThanOrEqual(1);
    expect(c.press.concurrency).toBeLessThanOrEqual(DEFAULTS.pressConcurrency);
    expect(c.preflight).toEqual({
      minPpi: DEFAULTS.minPpi,
      maxInk: DEFAULTS.inkLimit,
      bleedMm: DEFAULTS.bleedMm,
      gsCommand: DEFAULTS.gsCommand,
      gsTimeoutMs: DEFAULTS.gsTimeoutMs,
    });
    expect(c.deliver).toEqual({
      tries: DEFAULTS.deliverTries,
      backoffMs: DEFAULTS.deliverBackoffMs,
      printTimeoutMs: DEFAULTS.printTimeoutMs,
      printPollMs: DEFAULTS.printPollMs,
      sftpConnectTimeoutMs: DEFAULTS.sftpConnectTimeoutMs,
      sftp: { keySource: "NEWSPRINT_SFTP_KEY" },
    });
    expect(c.queue).toEqual({
      redisUrl: DEFAULTS.redisUrl,
      queueName: DEFAULTS.queueName,
      attempts: DEFAULTS.queueAttempts,
      backoffMs: DEFAULTS.queueBackoffMs,
      concurrency: DEFAULTS.queueConcurrency,
      lockDurationMs: DEFAULTS.queueLockDurationMs,
      stalledIntervalMs: DEFAULTS.queueStalledIntervalMs,
      setupTtlMs: DEFAULTS.queueSetupTtlMs,
      // A worker reads and writes only under the folders it is given: none unless given.
      roots: [],
    });
    expect(c.preview).toEqual({ port: DEFAULTS.previewPort, host: DEFAULTS.previewHost });
  });

  it("lets the issue, the environment and then the command line override them", () => {
    const env = {
      NEWSPRINT_CHROMIUM: "/opt/chromium",
      PUPPETEER_EXECUTABLE_PATH: "/opt/puppeteer-chrome",
      NEWSPRINT_LAUNCH_TIMEOUT_MS: "5000",
      NEWSPRINT_GS_ICC_DIR: "/opt/gs/icc",
      NEWSPRINT_REDIS_URL: "redis://queue:6379",
      NEWSPRINT_SFTP_KEY: "/keys/env",
      NEWSPRINT_SFTP_KEY_PASSPHRASE: "sesame",
      NEWSPRINT_SFTP_PASSWORD: "hunter22",
      NEWSPRINT_SFTP_HOST_KEY: "SHA256:env",
      SSH_AUTH_SOCK: "/run/agent",
    };
    const fromEnv = resolveConfig({ outDir: "/tmp/o", strict: true }, { data: { ppi: 300 } }, env);
    expect(fromEnv.cache.measure).toBe("/tmp/o/.cache/measure");
    expect(fromEnv.images).toMatchObject({ targetPpi: 300, strict: true });
    expect(fromEnv.browser).toMatchObject({ executablePath: "/opt/chromium", launchTimeoutMs: 5000 });
    expect(fromEnv.press.gsIccDir).toBe("/opt/gs/icc");
    expect(fromEnv.queue.redisUrl).toBe("redis://queue:6379");
    expect(fromEnv.deliver.sftp).toEqual({
      keyPath: "/keys/env",
      keySource: "NEWSPRINT_SFTP_KEY",
      keyPassphrase: "sesame",
      password: "hunter22",
      agent: "/run/agent",
      hostKey: "SHA256:env",
    });
    const { NEWSPRINT_CHROMIUM: _, ...puppeteerOnly } = env;
    expect(resolveConfig({}, undefined, puppeteerOnly).browser.executablePath).toBe("/opt/puppeteer-chrome");

    const flags = resolveConfig(
      {
        chromium: "/usr/bin/x",
        preflight: { minPpi: 90, maxInk: 240, bleedMm: 5 },
        deliver: { tries: 5, printTimeoutMs: 60_000, sftpKey: "/keys/flag", sftpHostKey: "SHA256:flag" },
        queue: { redisUrl: "redis://flag:6379", queueName: "zoned", attempts: 2, concurrency: 3 },
        preview: { port: 0, host: "0.0.0.0" },
      },
      undefined,
      env,
    );
    expect(flags.browser.executablePath).toBe("/usr/bin/x");
    expect(flags.preflight).toMatchObject({ minPpi: 90, maxInk: 240, bleedMm: 5 });
    expect(flags.deliver).toMatchObject({ tries: 5, printTimeoutMs: 60_000 });
    expect(flags.deliver.sftp).toMatchObject({ keyPath: "/keys/flag", keySource: "the --key option" });
    expect(flags.deliver.sftp.hostKey).toBe("SHA256:flag");
    expect(flags.queue).toMatchObject({ redisUrl: "redis://flag:6379", queueName: "zoned", attempts: 2 });
    expect(flags.queue.concurrency).toBe(3);
    expect(flags.preview).toEqual({ port: 0, host: "0.0.0.0" });
  });

  it("takes an empty variable as unset", () => {
    const c = resolveConfig({}, undefined, { NEWSPRINT_REDIS_URL: "", NEWSPRINT_SFTP_PASSWORD: "" });
    expect(c.queue.redisUrl).toBe(DEFAULTS.redisUrl);
    expect(c.deliver.sftp.password).toBeUndefined();
  });

  it("layers an issue over a command's configuration, as the preview does at each rebuild", () => {
    const command = resolveConfig({ strict: true }, undefined, {});
    expect(forIssue(command, { data: { ppi: 250 } }).images).toEqual({ ...command.images, targetPpi: 250 });
    expect(forIssue(command, { data: {} }).images).toEqual(command.images);
    expect(forIssue(command, { data: { ppi: 250 } })).toEqual(
      resolveConfig({ strict: true }, { data: { ppi: 250 } }, {}),
    );
  });
});

describe("the environment", () => {
  it("is read in src/config and src/cli only", () => {
    const readers = (readdirSync(SRC, { recursive: true }) as string[])
      .filter((f) => /\.ts$/.test(f) && !/^(config|cli)\//.test(f))
      .filter((f) => /process\.env\b/.test(readFileSync(join(SRC, f), "utf8")))
      .map((f) => relative(SRC, join(SRC, f)));
    expect(readers).toEqual([]);
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
