// Throughput of the edition queue: the same N editions (copies of a sample issue, each under its
// own name and paper) built by one worker, by two, and by one worker with two jobs at once, on a
// Redis of its own on loopback. Workers are started and ready (Chromium up) before the editions
// are queued, so the figure is the steady rate at deadline, not start-up. Measured from the first
// job's arrival in Redis to the last one's completion. Writes bench/queue.json. Not a test.
//   node --import tsx scripts/bench-queue.ts [issue-dir]     (BENCH_QUEUE_ISSUES=6)
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { EditionJob, EditionResult } from "../src/queue/index";
import { startRedis } from "../tests/e2e/helpers/redis";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..");
const CLI = join(root, "bin", "newsprint.js");
const source = resolve(root, process.argv[2] ?? "issues/broadsheet");
const N = Number(process.env.BENCH_QUEUE_ISSUES ?? 6);
const CONFIGS = [
  { label: "1 worker", workers: 1, concurrency: 1 },
  { label: "2 workers", workers: 2, concurrency: 1 },
  { label: "1 worker, 2 jobs at once", workers: 1, concurrency: 2 },
];

// Other processes on the machine change the figures (and favour more workers): recorded beside them.
const loadBefore = loadavg()[0];
const work = mkdtempSync(join(tmpdir(), "newsprint-bench-queue-"));
const sample = JSON.parse(readFileSync(join(source, "issue.json"), "utf8"));
const editions = Array.from({ length: N }, (_, i) => {
  const dir = join(work, "editions", `${basename(source)}-${i + 1}`);
  mkdirSync(dir, { recursive: true });
  const data = { ...sample, $schema: undefined, paper: { ...sample.paper, name: `${sample.paper.name}${i + 1}` } };
  writeFileSync(join(dir, "issue.json"), JSON.stringify(data, null, 2));
  cpSync(join(source, "photos"), join(dir, "photos"), { recursive: true });
  return dir;
});

function startWorker(redisUrl: string, queue: string, concurrency: number): Promise<ChildProcess> {
  const args = [
    CLI,
    "worker",
    "--redis",
    redisUrl,
    "--queue",
    queue,
    "--concurrency",
    String(concurrency),
    "--root",
    work,
  ];
  const child = spawn("node", args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((ok, fail) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (/^worker .* ready/m.test(out)) ok(child);
    });
    child.once("exit", (code) => fail(new Error(`worker exited ${code} before it was ready:\n${out}`)));
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const redis = await startRedis();
const client = new Redis(redis.url, { maxRetriesPerRequest: null });
const results = [];
try {
  for (const [i, config] of CONFIGS.entries()) {
    const queueName = `bench-${i}`;
    const queue = new Queue<EditionJob, EditionResult>(queueName, { connection: client });
    const children = await Promise.all(
      Array.from({ length: config.workers }, () => startWorker(redis.url, queueName, config.concurrency)),
    );
    const out = join(work, `out-${i}`);
    await run("node", [CLI, "queue", "add", ...editions, "-o", out, "--redis", redis.url, "--queue", queueName]);
    while ((await queue.getJobCountByTypes("completed", "failed")) < N) await sleep(100);
    const jobs = (await queue.getJobs(["completed", "failed"])).filter((j) => j !== undefined);
    const failed = jobs.filter((j) => j.failedReason);
    if (failed.length) throw new Error(`${failed.length} editions failed: ${failed[0]?.failedReason}`);
    const first = Math.min(...jobs.map((j) => j.timestamp));
    const last = Math.max(...jobs.map((j) => j.finishedOn ?? 0));
    const seconds = (last - first) / 1000;
    const perWorker: Record<string, number> = {};
    for (const j of jobs) perWorker[j.returnvalue.worker] = (perWorker[j.returnvalue.worker] ?? 0) + 1;
    const result = {
      ...config,
      seconds: Math.round(seconds * 10) / 10,
      editionsPerMinute: Math.round((N / seconds) * 60 * 10) / 10,
      medianJobSeconds: median(jobs.map((j) => j.returnvalue.seconds)),
      editionsPerWorker: Object.values(perWorker),
    };
    results.push(result);
    process.stderr.write(`${config.label}: ${N} editions in ${result.seconds} s, ${result.editionsPerMinute}/min\n`);
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((c) => new Promise((ok) => (c.exitCode === null ? c.once("exit", ok) : ok(0)))));
    await queue.close();
  }
} finally {
  client.disconnect();
  await redis.stop();
  rmSync(work, { recursive: true, force: true });
}

const one = results[0]?.editionsPerMinute ?? 0;
const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  loadAverage: { before: loadBefore, after: loadavg()[0] },
  issue: `${basename(source)} (${sample.pages.length} pages) ×${N}`,
  configs: results,
  speedupTwoWorkers: one ? Math.round(((results[1]?.editionsPerMinute ?? 0) / one) * 100) / 100 : undefined,
};
mkdirSync(join(root, "bench"), { recursive: true });
writeFileSync(join(root, "bench", "queue.json"), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
