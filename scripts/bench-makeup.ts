// Solve time of the make-up stage on a random 16-page issue of 110 articles.
// Run: npx tsx scripts/bench-makeup.ts [seed] [runs]
import { performance } from "node:perf_hooks";
import { makeUp } from "../src/makeup/index";
import { randomIssue } from "../tests/unit/makeup-fixtures";

const seed = Number(process.argv[2] ?? 1);
const runs = Number(process.argv[3] ?? 7);
const input = randomIssue(seed, 16, 110);

const times: number[] = [];
let result = makeUp(input);
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  result = makeUp(input);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;

const { pages, jumps } = result.layout;
const empty = pages.reduce((sum, p) => sum + p.emptyCells, 0);
const total = pages.reduce((sum, p) => sum + p.totalCells, 0);
console.log(`16 pages, 110 articles (seed ${seed}): median ${median.toFixed(1)} ms over ${runs} runs`);
console.log(
  `modules ${pages.reduce((s, p) => s + p.modules.length, 0)}, jumps ${jumps.length}, ` +
    `empty ${((100 * empty) / total).toFixed(2)}% of ${total} cells, ok ${result.ok}`,
);
for (const p of pages) {
  const share = ((100 * p.emptyCells) / p.totalCells).toFixed(1);
  console.log(
    `  page ${p.number}: ${p.modules.length} modules, empty ${share}% ${p.warnings.map((w) => w.message).join("; ")}`,
  );
}
