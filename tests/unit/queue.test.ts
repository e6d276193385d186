import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULTS } from "../../src/config/defaults";
import { resolveConfig } from "../../src/config/resolve";
import { FitError } from "../../src/errors";
import { IssueError } from "../../src/load";
import { queueAddress } from "../../src/queue/connection";
import { QueueOptionsError } from "../../src/queue/errors";
import { type EditionJob, editionJobId } from "../../src/queue/job-data";
import { JOBS_DIR, openJobStaging } from "../../src/queue/job-staging";
import { failureText } from "../../src/queue/process-edition";
import { parseSendTarget } from "../../src/queue/send-targets";
import { lockedPackages, parseSetup, type SetupParts, setupDifferences, setupOf } from "../../src/queue/setup";
import { type QueueStatus, statusLines } from "../../src/queue/status";

// The pure parts of the edition queue: set-ups and how they compare, job ids, send targets, the
// status display, and the job's staging folder (on a temp folder).

const tmp = mkdtempSync(join(tmpdir(), "newsprint-queue-unit-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const parts: SetupParts = {
  chromium: "HeadlessChrome/131.0.6778.85",
  newsprint: "0.1.0",
  fonts: "@fontsource/noto-sans-sc,@fontsource/noto-serif-sc 0123",
  pagedjs: "0.4.3",
  templates: "aaaa",
  styles: "bbbb",
};

describe("a worker's set-up", () => {
  it("has one id for the same parts, whatever their order", () => {
    const reordered = Object.fromEntries(Object.entries(parts).reverse()) as unknown as SetupParts;
    expect(setupOf(reordered)).toEqual(setupOf(parts));
    expect(JSON.stringify(setupOf(reordered))).toBe(JSON.stringify(setupOf(parts)));
    expect(setupOf(parts).id).toMatch(/^[0-9a-f]{12}$/);
  });

  it("changes its id with any part, and names each part that differs", () => {
    const other = setupOf({ ...parts, chromium: "HeadlessChrome/132.0.1", styles: "cccc" });
    expect(other.id).not.toBe(setupOf(parts).id);
    expect(setupDifferences(setupOf(parts), other)).toEqual([
      "chromium: HeadlessChrome/131.0.6778.85 here, HeadlessChrome/132.0.1 in the queue",
      "styles: bbbb here, cccc in the queue",
    ]);
    expect(setupDifferences(setupOf(parts), setupOf(parts))).toEqual([]);
  });

  it("is read back from its JSON, and anything else is not a set-up", () => {
    expect(parseSetup(JSON.stringify(setupOf(parts)))).toEqual(setupOf(parts));
    // The id is recomputed, never trusted.
    expect(parseSetup({ id: "forged", parts })?.id).toBe(setupOf(parts).id);
    expect(parseSetup("not json")).toBeUndefined();
    expect(parseSetup(null)).toBeUndefined();
    expect(parseSetup({ parts: { ...parts, fonts: 3 } })).toBeUndefined();
  });

  it("takes the font packages from package-lock.json with their integrity", () => {
    const lock = readFileSync(join(import.meta.dirname, "..", "..", "package-lock.json"), "utf8");
    const fonts = lockedPackages(lock, /^@fontsource\//);
    const declared = Object.keys(
      JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package.json"), "utf8")).dependencies,
    )
      .filter((name) => name.startsWith("@fontsource/"))
      .sort();
    expect(Object.keys(fonts).sort()).toEqual(declared);
    expect(declared).toContain("@fontsource/noto-serif-sc");
    for (const entry of Object.values(fonts)) expect(entry).toMatch(/^\d+\.\d+\.\d+ sha512-/);
    const nested = JSON.stringify({
      packages: { "node_modules/x/node_modules/@fontsource/a": { version: "1.0.0", integrity: "sha512-x" } },
    });
    expect(lockedPackages(nested, /^@fontsource\//)).toEqual({ "@fontsource/a": "1.0.0 sha512-x" });
  });
});

describe("an edition's job id", () => {
  const issueDir = join(tmp, "东昌府 晚报");
  mkdirSync(join(issueDir, "photos"), { recursive: true });
  writeFileSync(join(issueDir, "issue.json"), '{"paper":{"name":"报"}}');
  writeFileSync(join(issueDir, "photos", "a.jpg"), "jpeg bytes");
  const job: EditionJob = { issueFile: join(issueDir, "issue.json"), outDir: join(tmp, "out") };

  it("is the same for the same issue and options, and has no colon", async () => {
    const id = await editionJobId(job);
    expect(id).toMatch(/^东昌府_晚报-[0-9a-f]{16}$/);
    expect(await editionJobId({ ...job })).toBe(id);
    // The set-up a job carries is not what it builds.
    expect(await editionJobId({ ...job, setup: setupOf(parts) })).toBe(id);
  });

  it("changes with a photo, the options or the output folder", async () => {
    const id = await editionJobId(job);
    expect(await editionJobId({ ...job, press: {} })).not.toBe(id);
    expect(await editionJobId({ ...job, outDir: join(tmp, "out2") })).not.toBe(id);
    writeFileSync(join(issueDir, "photos", "a.jpg"), "other jpeg bytes");
    expect(await editionJobId(job)).not.toBe(id);
  });
});

describe("send targets", () => {
  it("tells printers, SFTP and folders apart, folders made absolute", () => {
    expect(parseSendTarget("ipp://plant:631/ipp/print")).toEqual({ printer: "ipp://plant:631/ipp/print" });
    expect(parseSendTarget("sftp://plate@plant:2222/in")).toEqual({ sftp: "sftp://plate@plant:2222/in" });
    expect(parseSendTarget("hot/in", "/mnt")).toEqual({ folder: "/mnt/hot/in" });
  });

  it("refuses a malformed printer or SFTP address as bad input", () => {
    expect(() => parseSendTarget("ipp://")).toThrow(/printer URI/);
    expect(() => parseSendTarget("sftp://plant/in")).toThrow(/expected user@host/);
  });
});

describe("the queue's address", () => {
  const address = (queue: { redisUrl?: string; queueName?: string }, env: NodeJS.ProcessEnv = {}) =>
    queueAddress(resolveConfig({ queue }, undefined, env).queue);

  it("takes a redis URL and a plain queue name", () => {
    expect(address({ redisUrl: "redis://10.0.0.5:6380/2", queueName: "zoned" })).toEqual({
      redisUrl: "redis://10.0.0.5:6380/2",
      queueName: "zoned",
    });
    expect(() => address({ redisUrl: "localhost:6379" })).toThrow(QueueOptionsError);
    expect(() => address({ redisUrl: "http://x" })).toThrow(/redis:\/\//);
    expect(() => address({ queueName: "a:b" })).toThrow(/--queue/);
  });

  it("is --redis, else NEWSPRINT_REDIS_URL, else the default", () => {
    const env = { NEWSPRINT_REDIS_URL: "redis://queue:6379" };
    expect(address({}, env).redisUrl).toBe("redis://queue:6379");
    expect(address({ redisUrl: "redis://flag:6379" }, env).redisUrl).toBe("redis://flag:6379");
    expect(address({}).redisUrl).toBe(DEFAULTS.redisUrl);
  });
});

describe("a job's staging folder", () => {
  it("moves only a finished build into place, the proof last, and removes itself", async () => {
    const out = join(tmp, "staged");
    const staging = await openJobStaging(out, "paper-1");
    mkdirSync(join(staging.dir, "paper", "press"), { recursive: true });
    writeFileSync(join(staging.dir, "paper.pdf"), "pdf");
    writeFileSync(join(staging.dir, "paper", "layout.json"), "{}");
    writeFileSync(join(staging.dir, "paper", "press", "p_01.pdf"), "press");
    expect(existsSync(join(out, "paper.pdf"))).toBe(false);
    const files = await staging.commit();
    expect(files).toEqual([
      join(out, "paper", "layout.json"),
      join(out, "paper", "press", "p_01.pdf"),
      join(out, "paper.pdf"),
    ]);
    expect(readFileSync(join(out, "paper.pdf"), "utf8")).toBe("pdf");
    expect(readdirSync(join(out, JOBS_DIR))).toEqual([]);
  });

  it("shares the photo cache and clears what an earlier try of the same job left", async () => {
    const out = join(tmp, "stale");
    const killed = join(out, JOBS_DIR, "paper-1.deadbeef");
    mkdirSync(killed, { recursive: true });
    writeFileSync(join(killed, "paper.pdf.123.tmp"), "half a pdf");
    mkdirSync(join(out, JOBS_DIR, "paper-10.cafe"), { recursive: true });
    const staging = await openJobStaging(out, "paper-1");
    expect(existsSync(killed)).toBe(false);
    expect(existsSync(join(out, JOBS_DIR, "paper-10.cafe"))).toBe(true);
    writeFileSync(join(staging.dir, ".cache", "photo.jpg"), "cached");
    expect(existsSync(join(out, ".cache", "photo.jpg"))).toBe(true);
    await staging.discard();
    expect(existsSync(join(out, ".cache", "photo.jpg"))).toBe(true);
  });
});

describe("queue status for people", () => {
  it("shows counts, workers, stage of an active job, tries, files and errors", () => {
    const status: QueueStatus = {
      queue: "editions",
      setup: setupOf(parts),
      workers: ["press-1-4242"],
      counts: { active: 1, waiting: 0, prioritized: 0, delayed: 0, failed: 1, completed: 1 },
      jobs: [
        {
          id: "a-1",
          issue: "/e/a/issue.json",
          state: "active",
          stage: "measure",
          started: 2,
          failures: 0,
          maxAttempts: 3,
          stalled: 1,
          worker: "press-1-4242",
          files: [],
          warnings: [],
          addedAt: "",
        },
        {
          id: "b-1",
          issue: "/e/b/issue.json",
          state: "failed",
          stage: "load",
          started: 1,
          failures: 1,
          maxAttempts: 3,
          stalled: 0,
          error: "invalid input (exit 2): issue.json: issue.date\n  expected a date",
          exitCode: 2,
          files: [],
          warnings: [],
          addedAt: "",
        },
        {
          id: "c-1",
          issue: "/e/c/issue.json",
          state: "completed",
          started: 1,
          failures: 0,
          maxAttempts: 3,
          stalled: 0,
          files: ["/o/c/layout.json", "/o/c.pdf"],
          warnings: ["photo a.jpg: 120 ppi"],
          addedAt: "",
        },
      ],
    };
    const text = statusLines(status).join("\n");
    expect(text).toContain("queue editions: 1 active, 1 failed, 1 completed");
    expect(text).toContain(`workers: press-1-4242 (set-up ${setupOf(parts).id}, HeadlessChrome/131.0.6778.85)`);
    expect(text).toContain("active    a-1 at measure (try 2, 1 stalled, 0/3 failed) on press-1-4242");
    expect(text).toContain("! invalid input (exit 2): issue.json: issue.date\n          !   expected a date");
    expect(text).toContain("→ /o/c.pdf\n          warning: photo a.jpg: 120 ppi");
  });
});

describe("a failed edition's message", () => {
  it("names the issue's files by absolute path, whatever the worker's folder", () => {
    const file = join(process.cwd(), "..", "editions", "a", "issue.json");
    const shown = join("..", "editions", "a", "issue.json");
    const problem = { file: shown, path: "issue.date", expected: "a date", found: "nothing" };
    expect(failureText(new IssueError([problem]))).toBe(`${file}: issue.date: expected a date, found nothing`);
    expect(failureText(new FitError("no path here"))).toBe("no path here");
  });
});
