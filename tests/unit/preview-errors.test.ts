import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImageError } from "../../src/images";
import { parseIssue } from "../../src/load";
import { LayoutError } from "../../src/pipeline/compose";
import { errorReport } from "../../src/preview/error-report";

// The error overlay's content: every problem with its file and the JSON path to go to.

const root = join(import.meta.dirname, "..", "..");
const issueFile = join(root, "issues/broadsheet/issue.json");
const text = readFileSync(issueFile, "utf8");
const data = parseIssue(text, issueFile).data;

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (err) {
    return err;
  }
  throw new Error("expected an error");
}

describe("errorReport", () => {
  it("names the file of invalid JSON", () => {
    const err = thrown(() => parseIssue(`${text.slice(0, 50)},,`, issueFile, "issues/broadsheet/issue.json"));
    const report = errorReport(err, { issueFile });
    expect(report.title).toBe("The issue file is invalid");
    expect(report.problems[0]?.file).toBe("issues/broadsheet/issue.json");
    expect(report.problems[0]?.message).toMatch(/^expected valid JSON: .*, found "," at line 3/);
  });

  it("gives the JSON path of a schema error", () => {
    const broken = JSON.parse(text);
    broken.pages[1].articles[2].headline = 42;
    const err = thrown(() => parseIssue(JSON.stringify(broken), issueFile, "issues/broadsheet/issue.json"));
    const report = errorReport(err, { issueFile });
    expect(report.problems).toContainEqual({
      file: "issues/broadsheet/issue.json",
      path: "pages[1].articles[2].headline",
      message: "expected string, found number 42",
      article: "kangyi-houying-zhiyuan",
    });
  });

  it("locates a photo problem in the issue file", () => {
    const err = ImageError.of("yansi-tudi-tuoguan", "photos/coffee.png", "cannot read the file");
    const report = errorReport(err, { issueFile, data });
    expect(report.problems).toEqual([
      {
        file: "issues/broadsheet/issue.json",
        path: "pages[0].articles[1].images[0].src",
        message: "photos/coffee.png: cannot read the file",
        article: "yansi-tudi-tuoguan",
      },
    ]);
  });

  it("names the article that does not fit", () => {
    const layout = errorReport(
      new LayoutError([{ articleId: "aiguo-weisheng-yundong", lines: 43, reason: "no room" }]),
      {
        issueFile,
        data,
      },
    );
    expect(layout.problems[0]).toMatchObject({ path: "pages[0].articles[0]", article: "aiguo-weisheng-yundong" });
  });

  it("finds the template that does not compile", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsprint-templates-"));
    mkdirSync(join(dir, "partials"));
    writeFileSync(join(dir, "issue.hbs"), "<p>{{title}}</p>");
    writeFileSync(join(dir, "partials", "head.hbs"), "<h2>{{#if a}}x</h2>");
    try {
      const report = errorReport(new Error("Parse error on line 1"), { issueFile, templatesDir: dir });
      expect(report.title).toBe("A template does not compile");
      expect(report.problems[0]?.file).toBe(join(dir, "partials", "head.hbs"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("passes any other failure on as it is", () => {
    const report = errorReport(new Error("Chromium went away"), { issueFile, templatesDir: join(root, "templates") });
    expect(report.problems).toEqual([{ file: "", path: "", message: "Chromium went away" }]);
  });
});
