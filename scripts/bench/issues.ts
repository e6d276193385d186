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

/** A copy edit of one article (page 4's second story): two words of its first paragraph change
 *  places, so its text and its measurement key change and its length does not (the pages stay
 *  as full as they are: an added sentence may make a full issue overflow). */
export function copyEdit(issueDir: string): void {
  const file = join(issueDir, "issue.json");
  const data = JSON.parse(readFileSync(file, "utf8"));
  const body: (string | { text: string })[] = data.pages[3].articles[1].body;
  const first = body[0];
  const text = typeof first === "string" ? first : (first?.text ?? "");
  const edited = text.replace("优化营商环境", "营商环境优化");
  if (edited === text) throw new Error("the benchmark's copy edit found nothing to change");
  body[0] = typeof first === "string" ? edited : { ...first, text: edited };
  writeFileSync(file, JSON.stringify(data, null, 2));
}
