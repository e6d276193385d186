// One-off: an English tabloid (issues/tabloid-en) to hold the composer's English spacing to the
// issue's numbers at the tabloid's narrow column (6 columns of 110 pt) in the weekly's house style:
// prose of the Mozilla Public License 2.0, the Apache License 2.0 and the SIL Open Font License as
// they ship in node_modules, cut into articles. Its output is committed:
//   node --import tsx scripts/make-sample-tabloid-en.ts
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const modules = join(root, "node_modules");

/** The prose paragraphs of a plain-text licence: lines rejoined; headings, rules, addresses,
 *  numbering and short items dropped. */
function prose(file: string): string[] {
  return readFileSync(join(modules, file), "utf8")
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .replace(/\s*\n\s*/g, " ")
        .replace(/^(\d+(\.\d+)*\.|\([a-z]\))\s+/, "")
        .replace(/^"([^"]+)" means /, "“$1” means ")
        .trim(),
    )
    .filter((p) => p.split(" ").length >= 20 && !/https?:|www\.|[=*_]{3}|^[A-Z0-9 .,:-]+$/.test(p));
}

const texts = [
  { name: "Mozilla Public License", paragraphs: prose("lightningcss/LICENSE") },
  { name: "Apache License", paragraphs: prose("typescript/LICENSE.txt") },
  { name: "Open Font License", paragraphs: prose("@fontsource/libre-caslon-text/LICENSE") },
];

const HEADS = [
  "What the licence grants",
  "Who may use the work",
  "The conditions that come with it",
  "Where the warranty ends",
  "When the grant is lost",
  "How changes must be marked",
  "What a contributor promises",
  "The small print, read aloud",
];

const PER_ARTICLE = 4;
const articles = texts.flatMap((t, k) =>
  Array.from({ length: Math.ceil(t.paragraphs.length / PER_ARTICLE) }, (_, i) => ({
    id: `${t.name.toLowerCase().replaceAll(" ", "-")}-${i + 1}`,
    kicker: t.name,
    headline: HEADS[(i + k * 3) % HEADS.length] as string,
    body: t.paragraphs.slice(i * PER_ARTICLE, (i + 1) * PER_ARTICLE),
    priority: i === 0 ? 1 : 3,
  })),
);

const PER_PAGE = 5;
const sections = ["Front Page", "Notices", "Terms", "Conditions", "Warranty", "Back Page"];
const pages = Array.from({ length: Math.ceil(articles.length / PER_PAGE) }, (_, i) => ({
  section: sections[Math.min(i, sections.length - 1)],
  editor: "Margaret Hale",
  articles: articles.slice(i * PER_PAGE, (i + 1) * PER_PAGE),
}));

const issue = {
  $schema: "../../schema/issue.schema.json",
  paper: { name: "The Riverside Tabloid", publisher: "Riverside Press Cooperative", slug: "tabloid-en" },
  issue: { date: "2026-12-07", number: 1 },
  lang: "en",
  style: "../weekly/style.json",
  format: "tabloid",
  pages,
};

mkdirSync(join(root, "issues/tabloid-en"), { recursive: true });
writeFileSync(join(root, "issues/tabloid-en/issue.json"), `${JSON.stringify(issue, null, 2)}\n`);
console.log(`wrote issues/tabloid-en/issue.json: ${pages.length} pages, ${articles.length} articles`);
