// The make-up's editorial rules over many random issues in seconds, without Chromium (lines
// estimated from the text, as in tests/unit/random-issues.test.ts): a quick read of what a change
// to the make-up does before the slow property test (tests/e2e/random-issues.test.ts) runs.
//   node --import tsx scripts/makeup-sweep.ts [from-to]          rules broken per seed, and a tally
//   node --import tsx scripts/makeup-sweep.ts <seed> --page N    that page's modules
//   --lang zh-Hans|zh-Hant|en                                     one language for every seed
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadIssue } from "../src/load";
import { makeUp } from "../src/makeup";
import { aspectsOf, makeupInput, probePhotos } from "../src/pipeline/stage-inputs";
import { typesetIssue } from "../src/typeset/model";
import { estimatedMeasure } from "../tests/generator/estimated-measure";
import { generateIssue } from "../tests/generator/issue-generator";
import type { Lang } from "../tests/generator/story-bank";

/** The languages tests/e2e/random-issues.test.ts gives its seeds. */
const langOf = (seed: number): Lang => (seed % 7 === 3 ? "zh-Hant" : seed % 8 === 5 ? "en" : "zh-Hans");

const [range = "1-52", ...rest] = process.argv.slice(2);
const pageAt = rest.indexOf("--page");
const onlyPage = pageAt >= 0 ? Number(rest[pageAt + 1]) : undefined;
const langAt = rest.indexOf("--lang");
const lang = langAt >= 0 ? (rest[langAt + 1] as Lang) : undefined;
const [from = 1, to = from] = range.split("-").map(Number);
const dir = mkdtempSync(join(tmpdir(), "newsprint-sweep-"));
const tally = new Map<string, number>();
let breaking = 0;
let over = 0;
let unplacedLines = 0;
try {
  for (let seed = from; seed <= to; seed++) {
    const folder = join(dir, `${seed}`);
    await generateIssue(seed, folder, { lang: lang ?? langOf(seed), headBreaks: true, reporterPunctuation: true });
    const issue = await loadIssue(folder);
    const model = typesetIssue(issue);
    const sizes = await probePhotos(issue);
    const input = makeupInput(model, estimatedMeasure(model, aspectsOf(sizes)), { sizes, minPpi: 150 });
    const result = makeUp(input);
    const { pages } = result.layout;
    if (onlyPage !== undefined) {
      const page = pages.find((p) => p.number === onlyPage);
      const articles = new Map(
        [...input.pages.flatMap((p) => p.articles), ...(input.pool ?? [])].map((a) => [a.id, a]),
      );
      console.log(`page ${onlyPage}: ${page?.emptyCells}/${page?.totalCells} empty`, page?.rules);
      for (const m of page?.modules ?? []) {
        const a = articles.get(m.articleId);
        const where = `row ${m.row} col ${m.col}, ${m.span}×${m.rows}`;
        console.log(
          `  ${m.articleId} (priority ${a?.priority}, ${a?.lines.length} lines, ${a?.images.length} photos): ${where}`,
        );
      }
      continue;
    }
    const broken = pages.flatMap((p) =>
      p.rules.map((b) => `p${p.number} ${b.rule} ${b.article ?? ""} ${b.measure}/${b.limit}`),
    );
    for (const b of pages.flatMap((p) => p.rules)) tally.set(b.rule, (tally.get(b.rule) ?? 0) + 1);
    if (!result.ok) over++;
    const lost = result.ok ? 0 : result.unplaced.reduce((n, u) => n + u.lines, 0);
    unplacedLines += lost;
    if (broken.length > 0) breaking++;
    console.log(seed, result.ok ? "fits" : `over by ${lost} lines`, `${pages.length} pages`, broken.join("; "));
  }
  if (onlyPage === undefined)
    console.log(
      `seeds breaking a rule: ${breaking}; over: ${over} (${unplacedLines} lines);`,
      Object.fromEntries(tally),
    );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
