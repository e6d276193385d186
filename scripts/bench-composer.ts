import { composeParagraph } from "../src/measure/composer/compose";
import { loadComposer, openedSubsets } from "../src/measure/composer/fonts";
import { randomSamples, setting } from "../tests/helpers/composer-corpus";

// How long composing takes: HarfBuzz and font start-up (cold), then every sample paragraph at its
// column, then a 64-page-sized load (~400 articles of ~8 paragraphs), warm. Prints ms and memory.

const t0 = performance.now();
await loadComposer();
const wasm = performance.now() - t0;
const samples = randomSamples(3200, 64);
const jobs = samples.map(setting);
let t = performance.now();
let lines = 0;
for (const j of jobs.slice(0, 200)) lines += composeParagraph(j.runs, j.options).lines.length;
const cold = performance.now() - t;
t = performance.now();
lines = 0;
for (const j of jobs) lines += composeParagraph(j.runs, j.options).lines.length;
const warm = performance.now() - t;
const mem = process.memoryUsage();
console.log(
  `HarfBuzz load ${wasm.toFixed(0)} ms; first 200 paragraphs (fonts opening, ${openedSubsets()} subsets) ${cold.toFixed(0)} ms`,
);
console.log(
  `64-page load: ${jobs.length} paragraphs, ${lines} lines in ${warm.toFixed(0)} ms warm (${((warm / jobs.length) * 1000).toFixed(0)} µs a paragraph)`,
);
console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
