// Random story pools made from the sample's articles, built end to end: the figure of issue 17.
// Run: npx tsx scripts/plan-pools.ts [seed] [count]   (defaults 17 and 20)
//
// Each issue: 3–8 tabloid pages, page 1 要闻 and the others sections of the sample in runs of
// one or two pages; the sample's articles shuffled and taken into the pool until its material
// reaches a load drawn from 0.85–1.10, each keeping its sample section when the issue has that
// section (70 %) or going without one, with a priority drawn from 1–5 (the first of each section
// 1). Load is material measured against the sample itself, whose 45 articles fill its 8 pages:
// a story weighs its body's characters, 350 per photo and 200 for its head, and a load of 1 is
// as much per page as the sample has. "Fits" = the issue and each of its sections have a load of
// at most 1: no denser than the editors' own issue. The issues are written to a temp folder,
// each is built to PDF (<issue>/out/<issue>.pdf and layout.json), and the fill and jump
// figures printed.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser } from "../src/browser/browser";
import { resolveConfig } from "../src/config/resolve";
import { type ArticleData, bodyText } from "../src/load";
import { buildIssue, LayoutError } from "../src/pipeline/build";
import { writeBuild } from "../src/pipeline/write-build";
import { random } from "../tests/unit/makeup-fixtures";

const seed = Number(process.argv[2] ?? 17);
const count = Number(process.argv[3] ?? 20);
const root = join(import.meta.dirname, "..");
const sample = JSON.parse(readFileSync(join(root, "issues/dongchangfu/issue.json"), "utf8"));
const sections: string[] = sample.pages.map((p: { section: string }) => p.section);
const stories = sample.pages.flatMap((p: { section: string; articles: ArticleData[] }) =>
  p.articles.map((a) => ({ article: a, section: p.section })),
) as { article: ArticleData; section: string }[];

const weight = (a: ArticleData) => (a.body ?? []).map(bodyText).join("").length + 350 * (a.images ?? []).length + 200;
const perPage = stories.reduce((n, s) => n + weight(s.article), 0) / sample.pages.length;

interface Generated {
  issue: unknown;
  pages: number;
  load: number;
  /** The highest load of one section's stories on that section's pages. */
  sectionLoad: number;
  stories: number;
}

function generate(rand: () => number): Generated {
  const pages = 3 + Math.floor(rand() * 6);
  const pageSections = ["要闻"];
  while (pageSections.length < pages) {
    const section = sections[1 + Math.floor(rand() * (sections.length - 1))] as string;
    const run = 1 + Math.floor(rand() * 2);
    for (let i = 0; i < run && pageSections.length < pages; i++) pageSections.push(section);
  }
  const target = (0.85 + rand() * 0.25) * pages * perPage;
  const shuffled = stories
    .map((s) => ({ s, key: rand() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.s);
  const pool: (ArticleData & { section?: string })[] = [];
  const leads = new Set<string>();
  let material = 0;
  for (const { article, section } of shuffled) {
    if (material >= target) break;
    const { priority: _, place: _p, jumpTo: _j, ...rest } = article;
    const sectioned = pageSections.includes(section) && rand() < 0.7;
    const lead = sectioned && !leads.has(section);
    if (lead) leads.add(section);
    pool.push({
      ...rest,
      priority: lead ? 1 : 1 + Math.floor(rand() * 5),
      ...(sectioned ? { section } : {}),
    });
    material += weight(article);
  }
  let sectionLoad = 0;
  for (const section of new Set(pageSections)) {
    const own = pool.filter((a) => a.section === section).reduce((n, a) => n + weight(a), 0);
    sectionLoad = Math.max(sectionLoad, own / (pageSections.filter((s) => s === section).length * perPage));
  }
  const { $schema: _, ...base } = sample;
  const issue = {
    ...base,
    pages: pageSections.map((section) => ({ section, articles: [] })),
    articles: pool,
  };
  return { issue, pages, load: material / (pages * perPage), sectionLoad, stories: pool.length };
}

const dir = mkdtempSync(join(tmpdir(), `newsprint-pools-${seed}-`));
const rand = random(seed);
const browser = await launchBrowser(resolveConfig().browser);
const rows: string[] = [];
let fitting = 0;
let fittingBuilt = 0;
let pagesFull = 0;
let pagesAll = 0;
let jumpsAll = 0;
const makeupMs: number[] = [];
try {
  for (let i = 1; i <= count; i++) {
    const generated = generate(rand);
    const folder = join(dir, `pool-${String(i).padStart(2, "0")}`);
    cpSync(join(root, "issues/dongchangfu/photos"), join(folder, "photos"), { recursive: true });
    writeFileSync(join(folder, "issue.json"), `${JSON.stringify(generated.issue, null, 1)}\n`);
    const fits = generated.load <= 1 && generated.sectionLoad <= 1;
    if (fits) fitting++;
    const head = `${String(i).padStart(2)}  ${generated.pages} pages  ${String(generated.stories).padStart(2)} stories  load ${generated.load.toFixed(2)} (section ${generated.sectionLoad.toFixed(2)})  ${fits ? "fits " : "over "}`;
    try {
      const result = await buildIssue(folder, { outDir: join(folder, "out"), browser });
      await writeBuild(result, join(folder, "out"));
      if (fits) fittingBuilt++;
      const empty = result.layout.pages.map((p) => p.emptyCells / p.totalCells);
      // The last page may be short when the material runs out before it.
      const full = empty.filter((e) => e < 0.03).length;
      pagesFull += full;
      pagesAll += empty.length;
      jumpsAll += result.layout.jumps.length;
      makeupMs.push(result.timings.makeup ?? 0);
      const shares = empty.map((e) => (100 * e).toFixed(1)).join(" ");
      rows.push(
        `${head} built: ${full}/${empty.length} pages full, ${result.layout.jumps.length} jumps, empty % ${shares}, make-up ${result.timings.makeup} ms`,
      );
    } catch (err) {
      if (!(err instanceof LayoutError)) throw err;
      const lost = err.unplaced.map((u) => `${u.articleId} (${u.lines} lines)`).join(", ");
      rows.push(`${head} did not fit: ${lost}`);
    }
    console.log(rows.at(-1));
  }
} finally {
  await browser.close();
}
const median = [...makeupMs].sort((a, b) => a - b)[Math.floor(makeupMs.length / 2)] ?? 0;
console.log(`\nissues in ${dir}`);
console.log(
  `${fitting} of ${count} pools fit (load ≤ 1): ${fittingBuilt} of them built. Over all built issues: ` +
    `${pagesFull} of ${pagesAll} pages under 3 % empty, ${jumpsAll} jumps (${(jumpsAll / Math.max(1, pagesAll)).toFixed(2)} a page), make-up median ${median} ms.`,
);
