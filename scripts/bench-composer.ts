import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { composeWidths } from "../src/measure/composer/compose";
import { loadComposer, openedSubsets } from "../src/measure/composer/fonts";
import type { Lang } from "../tests/helpers/composer-corpus";
import { issueLoad } from "../tests/helpers/composer-load";

// How long composing an issue takes (tests/helpers/composer-load.ts: body paragraphs at the column,
// heads, subheads and captions at every span). Each load runs in a process of its own: "cold" is
// HarfBuzz's start, the fonts opened and the caches filled while composing it once; "warm" composes
// the same load again in that process (best of 5). Wall and CPU time: the machine is shared, and wall
// time counts the waits for other work. "start" is the process's start to its first line (node and
// the modules; tsx transpiles here, the bundled CLI does not).
//   node --import tsx scripts/bench-composer.ts            all loads, a table
//   node --import tsx scripts/bench-composer.ts 64 zh-Hans broadsheet   one load, JSON

interface Figures {
  load: string;
  paragraphs: number;
  chars: number;
  lines: number;
  /** From the process's start to its first line of code: node, the modules (tsx transpiles here). */
  startMs: number;
  harfBuzzMs: number;
  coldMs: number;
  coldCpuMs: number;
  warmMs: number;
  /** CPU time of the best warm round: the machine is shared, wall time waits for other work. */
  warmCpuMs: number;
  subsets: number;
  rssMiB: number;
}

async function runOne(pages: number, lang: Lang, format: "tabloid" | "broadsheet"): Promise<Figures> {
  const jobs = issueLoad(pages, lang, format);
  const compose = () => {
    let lines = 0;
    for (const j of jobs) for (const c of composeWidths(j.runs, j.options, j.widths)) lines += c.lines.length;
    return lines;
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await loadComposer();
  const t1 = performance.now();
  const lines = compose();
  const t2 = performance.now();
  const coldCpu = process.cpuUsage(cpu0);
  let warm = Number.POSITIVE_INFINITY;
  let warmCpu = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    compose();
    warm = Math.min(warm, performance.now() - t);
    const used = process.cpuUsage(cpu);
    warmCpu = Math.min(warmCpu, (used.user + used.system) / 1000);
  }
  return {
    load: `${pages} p ${lang} ${format}`,
    paragraphs: jobs.reduce((n, j) => n + j.widths.length, 0),
    chars: jobs.reduce((n, j) => n + j.widths.length * j.runs.reduce((m, r) => m + r.text.length, 0), 0),
    lines,
    startMs: started,
    harfBuzzMs: t1 - t0,
    coldMs: t2 - t0,
    coldCpuMs: (coldCpu.user + coldCpu.system) / 1000,
    warmMs: warm,
    warmCpuMs: warmCpu,
    subsets: openedSubsets(),
    rssMiB: process.memoryUsage().rss / 2 ** 20,
  };
}

const started = performance.now();
const [pages, lang, format] = process.argv.slice(2);
if (pages) {
  console.log(JSON.stringify(await runOne(Number(pages), lang as Lang, format as "tabloid" | "broadsheet")));
} else {
  const loads: [number, Lang, "tabloid" | "broadsheet"][] = [
    [8, "zh-Hans", "tabloid"],
    [64, "zh-Hans", "broadsheet"],
    [64, "zh-Hant", "broadsheet"],
    [64, "en", "tabloid"],
  ];
  const self = fileURLToPath(import.meta.url);
  console.log(
    "load                     paragraphs   chars   lines   start  HarfBuzz  cold (cpu)      warm (cpu)   subsets  rss",
  );
  for (const [p, l, f] of loads) {
    const out = execFileSync(process.execPath, ["--import", "tsx", self, String(p), l, f], {
      encoding: "utf8",
      env: process.env,
    });
    const r = JSON.parse(out.trim().split("\n").at(-1) as string) as Figures;
    console.log(
      `${r.load.padEnd(24)} ${String(r.paragraphs).padStart(10)} ${String(r.chars).padStart(7)} ${String(r.lines).padStart(7)}` +
        ` ${r.startMs.toFixed(0).padStart(4)} ms ${r.harfBuzzMs.toFixed(0).padStart(5)} ms` +
        ` ${r.coldMs.toFixed(0).padStart(5)} (${r.coldCpuMs.toFixed(0).padStart(4)}) ms` +
        ` ${r.warmMs.toFixed(0).padStart(5)} (${r.warmCpuMs.toFixed(0).padStart(4)}) ms` +
        ` ${String(r.subsets).padStart(7)} ${r.rssMiB.toFixed(0).padStart(4)} MiB`,
    );
  }
}
