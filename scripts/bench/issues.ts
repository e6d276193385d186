import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Issues of the benchmark: the 8-page sample as it is, and repeated to 16 or 64 pages with every
// article id made unique (as a real issue of that size would have).

export function repeatedIssue(sample: string, times: number, dir: string): string {
  mkdirSync(dir, { recursive: true });
  cpSync(join(sample, "photos"), join(dir, "photos"), { recursive: true });
  const issue = JSON.parse(readFileSync(join(sample, "issue.json"), "utf8"));
  const pages = [];
  for (let k = 0; k < times; k++) {
    for (const page of issue.pages) {
      const copy = structuredClone(page);
      const suffix = k === 0 ? "" : `-${k + 1}`;
      for (const a of copy.articles) a.id = `${a.id}${suffix}`;
      if (Array.isArray(copy.layout)) for (const pl of copy.layout) pl.article = `${pl.article}${suffix}`;
      pages.push(copy);
    }
  }
  writeFileSync(join(dir, "issue.json"), JSON.stringify({ ...issue, $schema: undefined, pages }, null, 2));
  return dir;
}
