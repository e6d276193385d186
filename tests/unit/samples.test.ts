import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bodyText, issueSchema } from "../../src/load/schema";
import { CORPUS_DIR, corpusFiles } from "../helpers/paths";

// The sample issues in issues/*/issue.json: valid against the schema, self-consistent, and together
// a lossless conversion of the corpus of real newspaper pages.

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const issuesDir = join(root, "issues");

const issueNames = readdirSync(issuesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(issuesDir, d.name, "issue.json")))
  .map((d) => d.name)
  .sort();

function readIssue(name: string): unknown {
  return JSON.parse(readFileSync(join(issuesDir, name, "issue.json"), "utf8"));
}

/** Comparable form of a text: no whitespace, ASCII and full-width parentheses alike. */
function normalise(text: string): string {
  return text.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");
}

/** Corpus line without markup (`#` headings, `**` bold). */
function stripMarkup(line: string): string {
  return line.replace(/^\s*#+\s*/, "").replace(/\*\*/g, "");
}

/** Every printed text of an issue, in runs: pieces printed together (kicker + headline + subhead,
 *  dateline + first paragraph) are joined, runs are separated so no match spans two of them. */
function issueTexts(data: unknown): string[] {
  const issue = issueSchema.parse(data);
  const runs: string[] = [];
  for (const page of issue.pages) {
    for (const a of page.articles) {
      if (a.label) runs.push(a.label);
      runs.push([a.kicker, a.headline, a.subhead].filter(Boolean).join(""));
      a.body.forEach((item, i) => {
        const text = bodyText(item);
        runs.push(i === 0 && a.dateline ? a.dateline + text : text);
      });
      if (a.body.length === 0 && a.dateline) runs.push(a.dateline);
      if (a.byline) runs.push(`（${a.byline}）`);
      for (const img of a.images) {
        if (img.caption) runs.push(img.caption);
        if (img.credit) runs.push(`（${img.credit}）`);
      }
    }
  }
  return runs;
}

describe("sample issues", () => {
  it("exist", () => {
    expect(issueNames).toEqual(expect.arrayContaining(["dongchangfu", "broadsheet", "overflow"]));
  });

  describe.each(issueNames)("issues/%s/issue.json", (name) => {
    it("parses as JSON and validates against the issue schema", () => {
      const result = issueSchema.safeParse(readIssue(name));
      expect(result.success, result.success ? "" : JSON.stringify(result.error.issues, null, 2)).toBe(true);
    });

    it("has article ids unique in the issue", () => {
      const issue = issueSchema.parse(readIssue(name));
      const ids = issue.pages.flatMap((p) => p.articles.map((a) => a.id));
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(dupes).toEqual([]);
    });

    it("references only photos that exist", () => {
      const issue = issueSchema.parse(readIssue(name));
      const srcs = issue.pages.flatMap((p) => p.articles.flatMap((a) => a.images.map((img) => img.src)));
      const missing = srcs.filter((src) => !existsSync(join(issuesDir, name, src)));
      expect(missing).toEqual([]);
    });
  });
});

// Without the corpus (a developer's machine) these skip; under CI corpusFiles() throws instead.
const corpus = corpusFiles();
describe.skipIf(corpus.length === 0)("corpus coverage", () => {
  const haystack = issueNames
    .flatMap((name) => issueTexts(readIssue(name)))
    .map(normalise)
    .join("\u0000");

  it.each(corpus)("every line of %s is in some sample issue", (file) => {
    const lines = readFileSync(join(CORPUS_DIR, file), "utf8")
      .split(/\r?\n/)
      .map((line) => normalise(stripMarkup(line)))
      .filter((line) => line.length > 0);
    const lost = lines.filter((line) => !haystack.includes(line));
    expect(lost).toEqual([]);
  });
});
