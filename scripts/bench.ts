// npm run bench: times the whole build of the sample issue (median of several runs, each a fresh
// process, as a user runs it), splits it into stages, and records peak memory of the process tree
// (Node + Chromium). Writes bench/results.json and prints a summary. Not a test: figures vary.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const issue = process.argv[2] ?? "issues/dongchangfu";

/** Resident memory of a process and all its descendants, in KiB, from /proc. */
function treeRssKiB(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop() as number;
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {}
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

async function buildOnce(out: string, timings: string): Promise<{ wallMs: number; peakTreeKiB: number }> {
  const started = performance.now();
  const child = spawn("node", ["bin/newsprint.js", "build", issue, "-o", out, "-q", "--timings", timings], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
  });
  let peak = 0;
  const poll = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssKiB(child.pid));
  }, 100);
  const code = await new Promise<number>((ok) => child.on("exit", (c) => ok(c ?? 1)));
  clearInterval(poll);
  if (code !== 0) throw new Error(`build exited ${code}`);
  return { wallMs: performance.now() - started, peakTreeKiB: peak };
}

function pageCount(): number {
  const data = JSON.parse(readFileSync(join(root, issue, "issue.json"), "utf8"));
  return data.pages.length;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

const work = mkdtempSync(join(tmpdir(), "newsprint-bench-"));
const runs: { wallMs: number; peakTreeKiB: number; stages: Record<string, number> }[] = [];
for (let i = 0; i < RUNS; i++) {
  // The first run starts with an empty image cache (cold); later runs reuse it, as rebuilds do.
  const t = join(work, `t${i}.json`);
  const r = await buildOnce(join(work, "out"), t);
  runs.push({ ...r, stages: JSON.parse(readFileSync(t, "utf8")) });
  process.stderr.write(`run ${i + 1}/${RUNS}: ${(r.wallMs / 1000).toFixed(2)} s\n`);
}
// The press step once (per page), on the same issue.
const pressTimings = join(work, "press.json");
await new Promise<void>((ok, fail) =>
  spawn(
    "node",
    ["bin/newsprint.js", "build", issue, "-o", join(work, "out"), "-q", "--press", "--timings", pressTimings],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
    },
  ).on("exit", (c) => (c === 0 ? ok() : fail(new Error(`press build exited ${c}`)))),
);
const pressMs = JSON.parse(readFileSync(pressTimings, "utf8")).press as number;
rmSync(work, { recursive: true, force: true });

/** Runs one of the stage benchmarks and returns the line of its output that matches. */
async function stageBench(script: string, pattern: RegExp): Promise<string | undefined> {
  const child = spawn("node", ["--import", "tsx", script], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  await new Promise((ok) => child.on("exit", ok));
  return out.split("\n").find((l) => pattern.test(l));
}
const makeupLine = await stageBench("scripts/bench-makeup.ts", /median/);
const previewLine = await stageBench("scripts/bench-preview.ts", /^median/);

const stageNames = Object.keys(runs[0]?.stages ?? {}).filter((k) => k !== "maxRssKiB");
const result = {
  date: new Date().toISOString(),
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
  issue,
  runs: RUNS,
  wholeProcessMs: {
    median: Math.round(median(runs.map((r) => r.wallMs))),
    min: Math.round(Math.min(...runs.map((r) => r.wallMs))),
  },
  stagesMedianMs: Object.fromEntries(stageNames.map((k) => [k, median(runs.map((r) => r.stages[k] ?? 0))])),
  imagesColdMs: runs[0]?.stages.images,
  imagesCachedMs: median(runs.slice(1).map((r) => r.stages.images ?? 0)),
  pressMsPerPage: Math.round(pressMs / pageCount()),
  makeup16Pages: makeupLine,
  previewUpdate: previewLine,
  peakMemoryMiB: {
    processTree: Math.round(Math.max(...runs.map((r) => r.peakTreeKiB)) / 1024),
    node: Math.round(Math.max(...runs.map((r) => r.stages.maxRssKiB ?? 0)) / 1024),
  },
};
mkdirSync(join(root, "bench"), { recursive: true });
writeFileSync(join(root, "bench", "results.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
