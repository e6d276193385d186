import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newIssue, newIssueWarnings } from "../../src/import/scaffold";
import { REPO_ROOT } from "../helpers/paths";

// A new issue's paper.slug, which names its press files: --slug, else the ASCII form of the paper's
// name; a name with none (Chinese) is warned about at init, naming the file names the folder gives.

const base = { schemaFile: join(REPO_ROOT, "schema/issue.schema.json"), appRoot: REPO_ROOT, date: "2026-12-08" };
const dir = join(REPO_ROOT, "issues", "tomorrow");

describe("init's paper.slug", () => {
  it("comes from --slug first", () => {
    const issue = newIssue(dir, { ...base, paper: "东昌府新闻", slug: "dcf" });
    expect(issue.paper).toEqual({ name: "东昌府新闻", slug: "dcf" });
    expect(newIssueWarnings(dir, issue)).toEqual([]);
  });

  it("else from a Latin paper name, diacritics dropped", () => {
    expect(newIssue(dir, { ...base, paper: "Le Petit Journal — Édition" }).paper.slug).toBe("le-petit-journal-edition");
  });

  it("a Chinese name gives none: a warning naming paper.slug, --slug and the folder's file names", () => {
    const issue = newIssue(dir, { ...base, paper: "东昌府新闻" });
    expect(issue.paper.slug).toBeUndefined();
    const [w] = newIssueWarnings(dir, issue);
    expect(w).toMatchObject({ severity: "warning", path: "paper.slug" });
    expect(w?.message).toContain('"东昌府新闻" gives no ASCII file name');
    expect(w?.message).toContain('"tomorrow_20261208_01.pdf"');
    expect(w?.hint).toContain("--slug");
  });

  it("the stand-in name never becomes a slug", () => {
    expect(newIssue(dir, { ...base, lang: "en" }).paper.slug).toBeUndefined();
  });
});
