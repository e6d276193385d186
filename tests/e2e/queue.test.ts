import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupKey } from "../../src/queue/claim";
import type { EditionJob, EditionResult, QueueStatus } from "../../src/queue/index";
import { type Setup, setupOf } from "../../src/queue/setup";
import { type RedisServer, startRedis } from "./helpers/redis";

// The edition queue as a publishing group runs it: a Redis on loopback, worker processes started
// as `newsprint worker`, issues queued with `newsprint queue add`. Two workers build six editions,
// each exactly once and complete; a worker killed mid-job leaves no partial file and its job is
// finished by the other; an invalid issue fails once, with its error; a worker with another
// set-up takes no jobs.

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const CLI = join(ROOT, "bin", "newsprint.js");
const SAMPLE = join(ROOT, "issues", "broadsheet");
// Short enough that a killed worker's job is free again within seconds; long enough that a live
// worker busy measuring on a loaded machine (two workers, two cores) keeps its lock.
const LOCK = ["--lock-duration", "10000", "--stalled-interval", "1000"];

let redis: RedisServer;
let tmp: string;
let client: Redis;
let queue: Queue<EditionJob, EditionResult>;
const workers: Worker[] = [];

interface Worker {
  child: ChildProcess;
  log: string[];
  exited: Promise<number | null>;
}

function startWorker(extra: string[] = []): Worker {
  const child = spawn("node", [CLI, "worker", "--redis", redis.url, "--root", tmp, ...LOCK, ...extra], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => log.push(...chunk.toString().split("\n").filter(Boolean));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const worker = { child, log, exited };
  workers.push(worker);
  return worker;
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const ready = (w: Worker) => until("worker ready", () => w.log.some((l) => l.startsWith("worker ")));
const starts = (w: Worker, id: string) => w.log.filter((l) => l.startsWith(`started ${id} `)).length;

async function newsprint(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", [CLI, ...args, "--redis", redis.url], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function status(): Promise<QueueStatus> {
  const { code, stdout, stderr } = await newsprint(["queue", "status", "--json"]);
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as QueueStatus;
}

/** The job's row in `queue status --json` once it has completed or failed. */
async function finished(id: string) {
  await until(`job ${id} to finish`, async () => {
    const state = await queue.getJobState(id);
    return state === "completed" || state === "failed";
  });
  return (await status()).jobs.find((r) => r.id === id)!;
}

/** A copy of the sample broadsheet under its own name, paper and date; `pages` 1 keeps it small. */
function edition(name: string, paper: string, date: string, pages = 2): string {
  const dir = join(tmp, "editions", name);
  mkdirSync(dir, { recursive: true });
  const data = JSON.parse(readFileSync(join(SAMPLE, "issue.json"), "utf8"));
  data.$schema = undefined;
  data.paper.name = paper;
  data.issue.date = date;
  data.pages = data.pages.slice(0, pages);
  if (pages === 1) data.pages[0].articles = data.pages[0].articles.slice(0, 5);
  writeFileSync(join(dir, "issue.json"), JSON.stringify(data, null, 2));
  cpSync(join(SAMPLE, "photos"), join(dir, "photos"), { recursive: true });
  return dir;
}

async function pdfPages(file: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [file]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
}

/** Files under `dir` that are not under their final name: temp files and job staging folders. */
function unfinished(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => !f.startsWith(".cache"))
    .filter((f) => /\.tmp$|(^|\/)\.press-/.test(f) || (f.startsWith(".jobs/") && f !== ".jobs"))
    .map((f) => relative(dir, join(dir, f)));
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "newsprint-queue-"));
  redis = await startRedis();
  client = new Redis(redis.url, { maxRetriesPerRequest: null });
  queue = new Queue("editions", { connection: client });
});

afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
  await Promise.all(workers.map((w) => w.exited));
  await queue?.close();
  client?.disconnect();
  await redis?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe("two workers and six editions", () => {
  const papers = ["东昌府新闻", "聊城日报", "临清周刊", "茌平晚报", "高唐时报", "阳谷快报"];
  let first: Worker;
  let second: Worker;
  let out: string;

  it("build each edition exactly once, complete, and fail the invalid one once with its error", async () => {
    out = join(tmp, "out");
    first = startWorker();
    second = startWorker();
    await Promise.all([ready(first), ready(second)]);
    const dirs = papers.map((paper, i) => edition(`zone-${i + 1}`, paper, `2024-03-0${i + 1}`, 1));
    const invalid = edition("broken", "坏报", "2024-02-30", 1);
    const added = await newsprint(["queue", "add", ...dirs, invalid, "-o", out, "--json"]);
    expect(added.code, added.stderr).toBe(0);
    const jobs = JSON.parse(added.stdout) as { id: string; outcome: string }[];
    expect(jobs.map((j) => j.outcome)).toEqual(Array(7).fill("added"));
    // The first worker claimed the queue's set-up, the second found it the same, and each job
    // carries it.
    const setupId = first.log[0]?.match(/set-up (\w+)$/)?.[1];
    expect(second.log[0]).toMatch(new RegExp(`set-up ${setupId}$`));
    expect(JSON.parse((await client.get(setupKey("editions")))!).id).toBe(setupId);
    expect((await queue.getJob(jobs[0]!.id))?.data.setup?.id).toBe(setupId);

    await until("all seven jobs finished", async () => {
      const counts = await queue.getJobCounts("completed", "failed");
      return counts.completed! + counts.failed! === 7;
    });
    const done = await status();
    expect(done.counts).toMatchObject({ completed: 6, failed: 1, active: 0, waiting: 0 });
    for (const [i, paper] of papers.entries()) {
      const job = done.jobs.find((j) => j.issue === join(dirs[i]!, "issue.json"))!;
      expect(job.state).toBe("completed");
      // Started once, by one worker, and the log agrees.
      expect([job.started, job.failures, job.stalled]).toEqual([1, 0, 0]);
      expect(starts(first, job.id) + starts(second, job.id)).toBe(1);
      const pdf = join(out, `zone-${i + 1}.pdf`);
      expect(job.files).toEqual([join(out, `zone-${i + 1}`, "layout.json"), pdf]);
      expect(await pdfPages(pdf)).toBe(1);
      const { stdout: text } = await run("pdftotext", ["-raw", pdf, "-"]);
      expect(text).toContain(paper);
      expect(JSON.parse(readFileSync(join(out, `zone-${i + 1}`, "layout.json"), "utf8")).pages).toHaveLength(1);
    }
    // Both took jobs: one Chromium each, reused across their jobs.
    const byWorker = new Set(done.jobs.filter((j) => j.state === "completed").map((j) => j.worker));
    expect(byWorker.size).toBe(2);

    const failed = done.jobs.find((j) => j.state === "failed")!;
    expect(failed.issue).toBe(join(invalid, "issue.json"));
    expect([failed.started, failed.failures, failed.exitCode]).toEqual([1, 1, 2]);
    expect(failed.error).toMatch(/^invalid input \(exit 2\): .*issue\.date/s);
    expect(failed.error).toContain("2024-02-30");
    // Named by its absolute path: the worker's own folder means nothing to the reader.
    expect(failed.error).toContain(`${join(invalid, "issue.json")}: issue.date`);
    expect(starts(first, failed.id) + starts(second, failed.id)).toBe(1);
    expect(existsSync(join(out, "broken.pdf"))).toBe(false);
    expect(unfinished(out)).toEqual([]);

    // As a person reads it.
    const shown = await newsprint(["queue", "status"]);
    expect(shown.stdout).toContain("queue editions: 1 failed, 6 completed");
    expect(shown.stdout).toContain(`→ ${join(out, "zone-1.pdf")}`);
    expect(shown.stdout).toMatch(/failed {4}broken-\w+ \(try 1, 1\/3 failed\)/);
  });

  it("do not build an unchanged edition again", async () => {
    const again = await newsprint(["queue", "add", join(tmp, "editions", "zone-1"), "-o", out]);
    expect(again.stdout).toMatch(/^already built: zone-1-/);
    const s = await status();
    expect(s.counts.completed).toBe(6);
    expect(s.jobs.filter((j) => j.issue.includes("zone-1/")).map((j) => j.started)).toEqual([1]);
  });

  it("queue nothing when one of the issues or a send target is wrong", async () => {
    const missing = await newsprint(["queue", "add", join(tmp, "editions", "zone-2"), join(tmp, "nowhere"), "-o", out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(join(tmp, "nowhere"));
    const badSend = await newsprint(["queue", "add", join(tmp, "editions", "zone-2"), "--send", "sftp://plant/in"]);
    expect(badSend.code).toBe(2);
    expect(badSend.stderr).toContain("expected user@host");
    // What a worker would refuse for the options is found first (issue 26.10), pipes not waited on.
    const pipe = join(tmp, "profile.icc");
    execFileSync("mkfifo", [pipe]);
    const zone = join(tmp, "editions", "zone-2");
    const refused: [string[], string][] = [
      [["--press", "--ink-limit", "abc"], '--ink-limit needs a number (percent), not "abc"'],
      [["--press", "--page-pattern", "../<page>.pdf"], "is not plain ASCII"],
      [["--press", "--profile", "/etc/passwd"], "/etc/passwd is not an ICC profile"],
      [["--press", "--profile", pipe], "a named pipe, not a file"],
      [["--send", join(tmp, "no-hot-folder")], "no-hot-folder: no such folder"],
    ];
    for (const [options, said] of refused) {
      const r = await newsprint(["queue", "add", zone, "-o", out, ...options]);
      expect([r.code, r.stderr], options.join(" ")).toEqual([2, expect.stringContaining(said)]);
      expect(r.stderr).not.toContain("root:");
    }
    expect(await queue.getJobCountByTypes("completed", "failed", "waiting", "active")).toBe(7);
  });

  it("finish the job of a worker killed mid-job on the other, leaving no partial file", async () => {
    const killOut = join(tmp, "out-kill");
    const dir = edition("kill-me", "东昌府新闻", "2024-04-01", 1);
    const added = await newsprint(["queue", "add", dir, "-o", killOut, "--json"]);
    const id = (JSON.parse(added.stdout) as { id: string }[])[0]!.id;
    // Killed while Chromium is measuring or rendering, deep inside the build.
    const stage = await until("the job to reach measure", async () => {
      const p = (await queue.getJob(id))?.progress as { stage?: string } | undefined;
      return p?.stage && ["measure", "makeup", "images", "render"].includes(p.stage) ? p.stage : undefined;
    });
    const victim = starts(first, id) ? first : second;
    const survivor = victim === first ? second : first;
    victim.child.kill("SIGKILL");
    await victim.exited;
    // Nothing under a final name, only the job's staging folder.
    expect(existsSync(join(killOut, "kill-me.pdf")), `killed at ${stage}`).toBe(false);
    expect(existsSync(join(killOut, "kill-me"))).toBe(false);
    expect(readdirSync(join(killOut, ".jobs")).every((f) => f.startsWith(`${id}.`))).toBe(true);

    const job = await finished(id);
    expect(job.state).toBe("completed");
    expect(job.worker).toBe(survivor.log[0]?.split(" ")[1]);
    expect([job.started, job.stalled, job.failures]).toEqual([2, 1, 0]);
    expect(survivor.log.some((l) => l.startsWith(`started ${id} `))).toBe(true);
    expect(await pdfPages(join(killOut, "kill-me.pdf"))).toBe(1);
    expect(existsSync(join(killOut, "kill-me", "layout.json"))).toBe(true);
    expect(unfinished(killOut)).toEqual([]);
  });

  it("make the press files and deliver them to a hot folder", async () => {
    const dir = edition("press-zone", "东昌府新闻", "2024-04-02", 1);
    const hot = join(tmp, "hot");
    mkdirSync(hot);
    const pressOut = join(tmp, "out-press");
    const added = await newsprint(["queue", "add", dir, "-o", pressOut, "--press", "--send", hot, "--json"]);
    const id = (JSON.parse(added.stdout) as { id: string }[])[0]!.id;
    const job = await finished(id);
    expect(job.error).toBeUndefined();
    const press = job.files.filter((f) => f.includes("/press/")).map((f) => relative(pressOut, f));
    expect(press).toEqual([
      "press-zone/press/press-zone_20240402_01.pdf",
      "press-zone/press/press-zone_20240402_press.pdf",
    ]);
    const { stdout } = await run("pdfinfo", [join(pressOut, press[0]!)]);
    expect(stdout).toMatch(/PDF version:\s+1\.3/);
    // The hot folder got the same files, the checksum manifest last.
    const delivered = readdirSync(hot).sort();
    expect(delivered.filter((f) => f.endsWith(".pdf"))).toEqual(press.map((f) => f.split("/").pop()));
    expect(delivered.filter((f) => f.endsWith(".sha256"))).toHaveLength(1);
  });

  it("send nothing that fails preflight: a proof without --press fails the job for good", async () => {
    const dir = edition("proof-zone", "东昌府新闻", "2024-04-03", 1);
    const hot = join(tmp, "hot-proof");
    mkdirSync(hot);
    const added = await newsprint(["queue", "add", dir, "-o", join(tmp, "out-proof"), "--send", hot, "--json"]);
    const id = (JSON.parse(added.stdout) as { id: string }[])[0]!.id;
    const job = await finished(id);
    expect(job.error).toMatch(/^invalid input \(exit 2\): .*proof-zone\.pdf/);
    expect(job.error).toMatch(/no TrimBox/);
    expect(readdirSync(hot)).toEqual([]);
  });

  it("fail, untried, a job queued for another set-up", async () => {
    const foreign = foreignSetup();
    const dir = edition("old-setup", "东昌府新闻", "2024-05-01", 1);
    const job = await queue.add(
      "old-setup",
      { issueFile: join(dir, "issue.json"), outDir: join(tmp, "out"), setup: foreign },
      { jobId: "old-setup-1", attempts: 3 },
    );
    const failed = await until("the job to fail", async () =>
      (await job.getState()) === "failed" ? queue.getJob("old-setup-1") : undefined,
    );
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(
      /queued for set-up \w+, but this worker's is \w+ \(chromium: .* here, HeadlessChrome\/1\.0 when queued/,
    );
  });

  it("fail once, naming no file, a job outside the workers' --root folders (issue 27.2)", async () => {
    // Whoever can write to Redis can queue this: the sample outside tmp, a symlink out of it, /etc.
    const linked = join(tmp, "editions", "linked-out");
    symlinkSync(SAMPLE, linked);
    const cases = [
      { id: "outside-issue", data: { issueFile: join(SAMPLE, "issue.json"), outDir: out } },
      { id: "symlinked-issue", data: { issueFile: join(linked, "issue.json"), outDir: out } },
      { id: "passwd", data: { issueFile: "/etc/passwd", outDir: "/etc" } },
      {
        id: "outside-send",
        data: {
          issueFile: join(tmp, "editions", "zone-1", "issue.json"),
          outDir: join(tmp, "o2"),
          send: [{ folder: "/root" }],
        },
      },
    ];
    for (const c of cases) await queue.add(c.id, c.data, { jobId: c.id, attempts: 3 });
    const reasons: Record<string, string | undefined> = {};
    for (const c of cases) {
      const job = await until(`${c.id} to fail`, async () => {
        const j = await queue.getJob(c.id);
        // The failed state and the count of attempts are read in two calls: wait for both.
        return j && (await j.getState()) === "failed" && j.attemptsMade > 0 ? j : undefined;
      });
      expect(job.attemptsMade, c.id).toBe(1);
      reasons[c.id] = job.failedReason;
    }
    expect(reasons).toEqual({
      "outside-issue": "refused: the job's issue folder, issue file are outside this worker's --root folders",
      "symlinked-issue": "refused: the job's issue folder, issue file are outside this worker's --root folders",
      passwd: "refused: the job's issue folder, issue file, output folder are outside this worker's --root folders",
      "outside-send": "refused: the job's send folder is outside this worker's --root folders",
    });
    expect(existsSync(join(tmp, "o2"))).toBe(false);
  });

  it("fail once, with a clear reason, a job whose data is not what queue add writes (issue 26.10)", async () => {
    await queue.add("junk", { issueFile: 42, press: { bleed: 3 } } as unknown as EditionJob, {
      jobId: "junk",
      attempts: 3,
    });
    const job = await until("junk to fail", async () => {
      const j = await queue.getJob("junk");
      // The failed state and the count of attempts are read in two calls: wait for both.
      return j && (await j.getState()) === "failed" && j.attemptsMade > 0 ? j : undefined;
    });
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe(
      "job data is not what `newsprint queue add` writes (issueFile, outDir, press.bleed): add the edition again with queue add",
    );
  });

  it("stop on SIGTERM once the job under way is done", async () => {
    const survivor = [first, second].find((w) => w.child.exitCode === null && w.child.signalCode === null)!;
    survivor.child.kill("SIGTERM");
    expect(await survivor.exited).toBe(0);
  });
});

function foreignSetup(): Setup {
  return setupOf({
    chromium: "HeadlessChrome/1.0",
    newsprint: "0.0.1",
    fonts: "none",
    pagedjs: "0.4.3",
    templates: "x",
    styles: "y",
  });
}

describe("a worker whose set-up differs from the queue's", () => {
  it("takes no jobs and says what differs", async () => {
    // As if the queue's running workers had another Chromium.
    await client.set(setupKey("zoned"), JSON.stringify(foreignSetup()), "PX", 60_000);
    const worker = startWorker(["--queue", "zoned"]);
    expect(await worker.exited).toBe(1);
    const said = worker.log.join("\n");
    expect(said).toMatch(/set-up \w+ differs from the one of the queue's running workers/);
    expect(said).toMatch(/chromium: \S+ here, HeadlessChrome\/1\.0 in the queue/);
    expect(said).toMatch(/newsprint: [\d.]+ here, 0\.0\.1 in the queue/);
    expect(said).toContain("takes no jobs");
  });
});
