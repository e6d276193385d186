// npm run bench: newsprint beside the floor and pagedjs-cli, side by side in one run, at 8, 16 and
// 64 pages; incremental rebuilds; plan of a never-built issue; the press step, the make-up, the
// preview and the queue. Writes bench/results.json and prints a summary. Not a test: figures vary
// with the machine.
//
//  - build: `newsprint build` as a user runs it, a fresh process into a fresh output folder (photos
//    already prepared, as on any rebuild; nothing measured before).
//  - floor: headless Chromium loading the build's own --html copy with its scripts removed (each
//    page is a page-sized box, so it prints as it is) and printing it (scripts/bench/floor.mjs).
//  - pagedjs-cli: the same HTML paginated by pagedjs-cli (its own Paged.js run over the content)
//    driving the same Chromium.
// Each round runs the three one after the other; the medians of BENCH_RUNS rounds (default 5).
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyEdit, repeatedIssue } from "./bench/issues";

const root = join(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? "8,16,64").split(",").map(Number);
const sample = join(root, "issues/dongchangfu");
const chromium = process.env.NEWSPRINT_CHROMIUM ?? "/usr/bin/chromium";

/**
 * Memory of a process and all its descendants, in KiB: the sum of their proportional set sizes
 * (each shared page counted once across the processes that share it, from smaps_rollup), which is
 * what the tree takes from the machine. Summing resident sizes would count Chromium's shared
 * libraries once per process.
 */
function treePssKiB(pid: number): number {
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
      total += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, "utf8"))?.[1] ?? 0);
    } catch {}
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

interface Run {
  wallMs: number;
  /** Peak of the process tree's proportional set size. */
  peakTreeKiB: number;
}

/** A fresh process, timed as a whole; with `memory`, its process tree's memory polled. Polling
 *  reads every process's smaps_rollup, which takes half a core on this 2-core machine: timed
 *  rounds run without it and one more round per command measures the memory. */
async function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, memory = false): Promise<Run> {
  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env },
  });
  let peak = 0;
  const poll = memory
    ? setInterval(() => {
        if (child.pid) peak = Math.max(peak, treePssKiB(child.pid));
      }, 50)
    : undefined;
  const code = await new Promise<number>((ok) => child.on("exit", (c) => ok(c ?? 1)));
  clearInterval(poll);
  if (code !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${code}`);
  return { wallMs: performance.now() - started, peakTreeKiB: peak };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const newsprint = (...args: string[]) => timed("node", ["bin/newsprint.js", ...args]);
const newsprintMemory = (...args: string[]) => timed("node", ["bin/newsprint.js", ...args], {}, true);
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));

const work = mkdtempSync(join(tmpdir(), "newsprint-bench-"));
// pagedjs-cli is the benchmark's own dependency (bench/pagedjs-cli), installed on first use with its
// Chrome download skipped: it drives the same Chromium as newsprint.
const pagedjsDir = join(root, "bench", "pagedjs-cli");
const pagedjsCli = join(pagedjsDir, "node_modules", "pagedjs-cli", "src", "cli.js");
if (!existsSync(pagedjsCli)) {
  await timed("npm", ["ci", "--prefix", pagedjsDir, "--no-audit", "--no-fund"], { PUPPETEER_SKIP_DOWNLOAD: "1" });
}

/** The HTML both the floor and pagedjs-cli take: the --html copy without its scripts and CSP. */
function plainHtml(htmlDir: string): string {
  const html = readFileSync(join(htmlDir, "index.html"), "utf8")
    .replace(/<script[^>]*><\/script>\n?/g, "")
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
  const file = join(htmlDir, "plain.html");
  writeFileSync(file, html);
  return file;
}

async function sizeBench(pages: number) {
  const name = `dongchangfu${pages}`;
  const issue = pages === 8 ? sample : repeatedIssue(sample, pages / 8, join(work, name));
  const base = join(work, `${name}-base`);
  // Once: photos prepared (every later build starts with them, as rebuilds do) and the HTML copy.
  await newsprint("build", issue, "-o", base, "-q", "--html");
  const issueName = pages === 8 ? "dongchangfu" : name;
  const plain = plainHtml(join(base, issueName, "html"));
  const rounds: { build: Run; floor: Run; pagedjs?: Run; stages: Record<string, number> }[] = [];
  let memory: { build: Run; floor: Run; pagedjs?: Run } | undefined;
  // RUNS timed rounds, then one that measures memory.
  for (let i = 0; i <= RUNS; i++) {
    const watch = i === RUNS;
    const out = join(work, `${name}-run${i}`);
    mkdirSync(join(out, ".cache"), { recursive: true });
    cpSync(join(base, ".cache", "images"), join(out, ".cache", "images"), { recursive: true });
    const timings = join(work, `${name}-t${i}.json`);
    const build = await (watch ? newsprintMemory : newsprint)("build", issue, "-o", out, "-q", "--timings", timings);
    const floor = await timed(
      "node",
      ["scripts/bench/floor.mjs", plain, join(work, "floor.pdf"), "275", "390"],
      {},
      watch,
    );
    const pagedjs = existsSync(pagedjsCli)
      ? await timed(
          "node",
          [
            pagedjsCli,
            plain,
            "-o",
            join(work, "pagedjs.pdf"),
            "--browserArgs",
            "--no-sandbox,--disable-gpu,--headless=new",
          ],
          { PUPPETEER_EXECUTABLE_PATH: chromium },
          watch,
        )
      : undefined;
    rmSync(out, { recursive: true, force: true });
    if (watch) {
      memory = { build, floor, pagedjs };
      continue;
    }
    rounds.push({ build, floor, pagedjs, stages: readJson(timings) });
    process.stderr.write(
      `${pages} pages, round ${i + 1}/${RUNS}: build ${(build.wallMs / 1000).toFixed(2)} s, floor ${(floor.wallMs / 1000).toFixed(2)} s` +
        `${pagedjs ? `, pagedjs-cli ${(pagedjs.wallMs / 1000).toFixed(2)} s` : ""}\n`,
    );
  }
  const med = (pick: (r: (typeof rounds)[number]) => number | undefined) => {
    const xs = rounds.map(pick).filter((x): x is number => x !== undefined);
    return xs.length ? Math.round(median(xs)) : undefined;
  };
  const build = med((r) => r.build.wallMs) as number;
  const floor = med((r) => r.floor.wallMs) as number;
  const pagedjs = med((r) => r.pagedjs?.wallMs);
  const stageNames = Object.keys(rounds[0]?.stages ?? {}).filter((k) => k !== "maxRssKiB");
  return {
    pages,
    buildMs: build,
    floorMs: floor,
    pagedjsCliMs: pagedjs,
    buildToFloor: Number((build / floor).toFixed(2)),
    buildToPagedjsCli: pagedjs ? Number((build / pagedjs).toFixed(2)) : undefined,
    // Measuring (composer and the browser's heads) and the composer alone, as shares of the build.
    measureShare: Number(((med((r) => r.stages.measure) ?? 0) / build).toFixed(3)),
    composeShare: Number(((med((r) => r.stages["measure.compose"]) ?? 0) / build).toFixed(3)),
    stagesMedianMs: Object.fromEntries(stageNames.map((k) => [k, med((r) => r.stages[k])])),
    peakTreeMiB: {
      build: Math.round((memory?.build.peakTreeKiB ?? 0) / 1024),
      floor: Math.round((memory?.floor.peakTreeKiB ?? 0) / 1024),
      pagedjsCli: Math.round((memory?.pagedjs?.peakTreeKiB ?? 0) / 1024),
    },
  };
}

/** A rebuild of the 16-page issue into the same output folder: unchanged, and with one article changed. */
async function incrementalBench() {
  const issue = repeatedIssue(sample, 2, join(work, "incremental"));
  const out = join(work, "incremental-out");
  const t = (label: string) => join(work, `inc-${label}.json`);
  const full = await newsprint("build", issue, "-o", out, "-q", "--timings", t("full"));
  const unchanged = await newsprint("build", issue, "-o", out, "-q", "--timings", t("unchanged"));
  copyEdit(issue);
  const changed = await newsprint("build", issue, "-o", out, "-q", "--timings", t("changed"));
  return {
    pages: 16,
    fullMs: Math.round(full.wallMs),
    unchangedMs: Math.round(unchanged.wallMs),
    unchangedMeasured: readJson(t("unchanged"))["measure.boxes"],
    oneArticleChangedMs: Math.round(changed.wallMs),
    oneArticleChangedMeasured: readJson(t("changed"))["measure.boxes"],
    changedToFull: Number((changed.wallMs / full.wallMs).toFixed(2)),
  };
}

/** `newsprint plan` of the 8-page sample never built (a new output folder each round): wall time, and
 *  how many boxes it still set in Chromium (0: no Chromium started). */
async function planColdBench() {
  const rounds: { wallMs: number; inBrowser: number; measureMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = join(work, `plan-${i}`);
    const started = performance.now();
    const child = spawn("node", ["bin/newsprint.js", "plan", sample, "--json", "-o", out], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    await new Promise((ok) => child.on("exit", ok));
    const wallMs = performance.now() - started;
    const timings = JSON.parse(stdout).timings as { inBrowser: number; measure: number };
    rounds.push({ wallMs, inBrowser: timings.inBrowser, measureMs: timings.measure });
    rmSync(out, { recursive: true, force: true });
  }
  return {
    pages: 8,
    wallMs: Math.round(median(rounds.map((r) => r.wallMs))),
    measureMs: Math.round(median(rounds.map((r) => r.measureMs))),
    boxesSetInChromium: rounds[0]?.inBrowser,
  };
}

/** Runs a script of its own and returns the lines of its output that match. */
async function script(file: string, pattern: RegExp): Promise<string | undefined> {
  if (!existsSync(join(root, file))) return undefined;
  const child = spawn("node", ["--import", "tsx", file], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  await new Promise((ok) => child.on("exit", ok));
  return out.split("\n").find((l) => pattern.test(l));
}

/** The queue's throughput with one and two workers (scripts/bench-queue.ts writes bench/queue.json). */
async function queueBench() {
  await script("scripts/bench-queue.ts", /^$/);
  const file = join(root, "bench", "queue.json");
  if (!existsSync(file)) return undefined;
  const q = readJson(file);
  return {
    issue: q.issue,
    editionsPerMinute: Object.fromEntries(
      (q.configs as { label: string; editionsPerMinute: number }[]).map((c) => [c.label, c.editionsPerMinute]),
    ),
    speedupTwoWorkers: q.speedupTwoWorkers,
  };
}

/** The parts of the benchmark; BENCH_PARTS=sizes,incremental,… runs some of them and keeps the
 *  others' figures from the last results.json (each part carries its own date). */
const PARTS = {
  sizes: async () => {
    const sizes: Awaited<ReturnType<typeof sizeBench>>[] = [];
    for (const pages of SIZES) sizes.push(await sizeBench(pages));
    const perPage = (a: number, b: number) => {
      const x = sizes.find((s) => s.pages === a);
      const y = sizes.find((s) => s.pages === b);
      return x && y ? Math.round((y.buildMs - x.buildMs) / (b - a)) : undefined;
    };
    return { sizes, buildMsPerAddedPage: { "8→16": perPage(8, 16), "16→64": perPage(16, 64) } };
  },
  incremental: incrementalBench,
  planCold: planColdBench,
  incrementalWarm: async () => {
    const warm = await script("scripts/bench/incremental-warm.ts", /^\{/);
    return warm ? JSON.parse(warm) : undefined;
  },
  press: async () => {
    const pressTimings = join(work, "press.json");
    await newsprint("build", sample, "-o", join(work, "press"), "-q", "--press", "--timings", pressTimings);
    return { msPerPage: Math.round(readJson(pressTimings).press / 8) };
  },
  makeup16Pages: () => script("scripts/bench-makeup.ts", /median/),
  previewUpdate: () => script("scripts/bench-preview.ts", /^median/),
  queue: queueBench,
} satisfies Record<string, () => Promise<unknown>>;

const chosen = (process.env.BENCH_PARTS ?? Object.keys(PARTS).join(",")).split(",");
const resultsFile = join(root, "bench", "results.json");
const result: Record<string, unknown> = existsSync(resultsFile) && process.env.BENCH_PARTS ? readJson(resultsFile) : {};
result.machine = { cpus: (await import("node:os")).cpus().length, node: process.version };
result.runs = RUNS;
try {
  for (const name of chosen) {
    const part = PARTS[name as keyof typeof PARTS];
    if (!part) throw new Error(`no part ${name} in the benchmark; its parts: ${Object.keys(PARTS).join(", ")}`);
    const started = new Date().toISOString();
    try {
      result[name] = { date: started, ...(await wrap(part())) };
    } catch (err) {
      // One part failing leaves the others' figures.
      result[name] = { date: started, error: err instanceof Error ? err.message : String(err) };
      process.stderr.write(`bench part ${name} failed: ${String(err)}\n`);
    }
    mkdirSync(join(root, "bench"), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(result, null, 2)}\n`);
  }
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** A part's figures as an object (a script's line of output becomes { line }). */
async function wrap(figures: Promise<unknown>): Promise<Record<string, unknown>> {
  const value = await figures;
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : { line: value };
}
