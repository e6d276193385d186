// A random issue from the corpus, by seed, to build and look at:
//   node --import tsx scripts/generate-issue.ts <seed> <dir> [--lang zh-Hans|zh-Hant|en] [--head-breaks] [--reporter-punctuation]
import { generateIssue } from "../tests/generator/issue-generator";
import type { Lang } from "../tests/generator/story-bank";

const [seed, dir, ...rest] = process.argv.slice(2);
if (!seed || !dir) {
  console.error("usage: generate-issue.ts <seed> <dir> [--lang L] [--head-breaks] [--reporter-punctuation]");
  process.exit(2);
}
const langAt = rest.indexOf("--lang");
const made = await generateIssue(Number(seed), dir, {
  lang: langAt >= 0 ? (rest[langAt + 1] as Lang) : undefined,
  headBreaks: rest.includes("--head-breaks"),
  reporterPunctuation: rest.includes("--reporter-punctuation"),
});
console.log(JSON.stringify(made));
