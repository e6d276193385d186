import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileSlug, ID_PATTERN, IdPool } from "../../src/import/ids";
import { schemaReference } from "../../src/import/scaffold";
import { appendToIssueText, appendToPoolText, encodeIssueText } from "../../src/import/write";
import { type IssueInput, parseIssue } from "../../src/load";

// Where imported articles go: the existing issue text keeps its formatting, ids stay unique and
// ASCII, `$schema` points at the repository's schema from inside it.

const root = join(import.meta.dirname, "..", "..");
const sampleFile = join(root, "issues/overflow/issue.json");
const sample = readFileSync(sampleFile, "utf8");
const data = JSON.parse(sample) as IssueInput;
const article = { id: "new-1", headline: "新闻标题", body: ["正文。"] };

describe("appending to an issue file", () => {
  it("adds the article at the end of the page and changes nothing else", () => {
    const out = appendToIssueText(sample, data, 1, [article]);
    const parsed = parseIssue(out, sampleFile).data;
    expect(parsed.pages[1]?.articles.at(-1)).toMatchObject(article);
    expect(parsed.pages[1]?.articles.length).toBe((data.pages[1]?.articles?.length ?? 0) + 1);
    // Everything before the insertion is byte for byte the same, indentation continues.
    const lastOld = sample.lastIndexOf("}", sample.lastIndexOf("]", sample.lastIndexOf("]") - 1));
    expect(out.slice(0, lastOld + 1)).toBe(sample.slice(0, lastOld + 1));
    expect(out).toMatch(/\n {10}"id": "new-1"/);
  });

  it("adds a page after the last one", () => {
    const out = appendToIssueText(sample, data, data.pages.length, [article]);
    const parsed = parseIssue(out, sampleFile).data;
    expect(parsed.pages).toHaveLength(data.pages.length + 1);
    expect(parsed.pages.at(-1)?.articles[0]?.id).toBe("new-1");
  });

  it("keeps tab indentation", () => {
    const text =
      '{\n\t"paper": { "name": "报" },\n\t"issue": { "date": "2024-01-02" },\n\t"pages": [\n\t\t{ "articles": [] }\n\t]\n}\n';
    const out = appendToIssueText(text, JSON.parse(text), 0, [article]);
    expect(out).toContain('\n\t\t\t\t\t"id": "new-1"');
    expect(parseIssue(out, "x.json").data.pages[0]?.articles).toHaveLength(1);
  });
});

describe("appending to the story pool", () => {
  it("makes the pool when the issue has none, then adds at its end", () => {
    const story = { id: "pool-1", headline: "新闻标题", body: ["正文。"], section: "要闻" };
    const once = appendToPoolText(sample, data, [story]);
    const parsed = parseIssue(once, sampleFile).data;
    expect(parsed.articles.map((a) => a.id)).toEqual(["pool-1"]);
    const twice = appendToPoolText(once, JSON.parse(once), [{ ...story, id: "pool-2" }]);
    expect(parseIssue(twice, sampleFile).data.articles.map((a) => a.id)).toEqual(["pool-1", "pool-2"]);
    // Everything of the pages is as it was.
    expect(JSON.parse(twice).pages).toEqual(data.pages);
  });
});

describe("an issue file's encoding", () => {
  it("is written back as it was read", () => {
    const text = '{ "a": "东昌府" }';
    expect(encodeIssueText(text)).toEqual(Buffer.from(text));
    expect([...encodeIssueText(text, "utf-8-bom").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-16le", { ignoreBOM: true }).decode(encodeIssueText(text, "utf-16le"))).toBe(
      `\ufeff${text}`,
    );
    expect(new TextDecoder("utf-16be", { ignoreBOM: true }).decode(encodeIssueText(text, "utf-16be"))).toBe(
      `\ufeff${text}`,
    );
  });
});

describe("ids", () => {
  it("are ASCII slugs of the file name", () => {
    expect(fileSlug("/a/Reporter Story.docx")).toBe("reporter-story");
    expect(fileSlug("稿件.docx")).toBe("article");
    expect(fileSlug("002_030373752a937f64.txt")).toMatch(ID_PATTERN);
  });

  it("are unique in the issue", () => {
    const pool = new IdPool(["story-1"]);
    expect([pool.claim("story-1"), pool.claim("story-1"), pool.claim("story-2")]).toEqual([
      "story-1-2",
      "story-1-3",
      "story-2",
    ]);
  });
});

describe("$schema of a new issue", () => {
  const o = { appRoot: root, schemaFile: join(root, "schema/issue.schema.json") };
  it("is relative inside the repository", () => {
    expect(schemaReference(join(root, "issues/today"), o)).toEqual({
      ref: "../../schema/issue.schema.json",
      copy: false,
    });
  });
  it("is a copy beside the issue elsewhere", () => {
    expect(schemaReference("/tmp/today", o)).toEqual({ ref: "issue.schema.json", copy: true });
  });
});
