import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { BrowserError } from "../../src/browser/browser";
import { reportError } from "../../src/cli/report-error";
import { resolveConfig } from "../../src/config/resolve";
import { DeliveryError, DeliveryUsageError } from "../../src/deliver/errors";
import { renderDiagnostic } from "../../src/diagnostics";
import { EXIT, exitCodeOf, FailureError, PdfFaultError } from "../../src/errors";
import { ImageError } from "../../src/images";
import { inspectIssue } from "../../src/inspect/inspect";
import { IssueError } from "../../src/load";
import { MakeupError } from "../../src/makeup";
import { UnreadablePdfError } from "../../src/pdf/open-pdf";
import { ToolError } from "../../src/pdf/run-tool";
import { LayoutError } from "../../src/pipeline/compose";
import { RenderError } from "../../src/render/render";

// Diagnostics: typed fields rendered to text in one place; one exit code per kind of error.

const work = mkdtempSync(join(tmpdir(), "newsprint-diagnostics-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What reportError prints, and the code it returns. */
function reported(err: unknown): { text: string; code: number } {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  const code = reportError(err, stream);
  return { text, code };
}

describe("renderDiagnostic", () => {
  it("puts the file and the JSON path first, with the article beside the path", () => {
    const text = renderDiagnostic({
      severity: "error",
      file: "issues/x/issue.json",
      path: "pages[0].articles[5].images[0].src",
      articleId: "lead",
      message: "expected a photo file in the issue folder, found a.jpg: file not found",
    });
    expect(text).toBe(
      "issues/x/issue.json: pages[0].articles[5].images[0].src (article lead): expected a photo file in the issue folder, found a.jpg: file not found",
    );
  });

  it("names the whole file, a page without a path, and adds the hint and the items", () => {
    expect(renderDiagnostic({ severity: "error", file: "f.json", path: "", message: "expected JSON" })).toBe(
      "f.json: (file): expected JSON",
    );
    expect(renderDiagnostic({ severity: "warning", page: 3, articleId: "x", message: 'no room for article "x"' })).toBe(
      'page 3: no room for article "x"',
    );
    expect(
      renderDiagnostic({
        severity: "error",
        message: "page 2 is 9 lines over; any one of these makes the issue fit:",
        problems: ["move a to page 1", "or move b to page 1"],
      }),
    ).toBe("page 2 is 9 lines over; any one of these makes the issue fit:\n  move a to page 1\n  or move b to page 1");
    expect(renderDiagnostic({ severity: "error", message: "Chromium not found", hint: "install it" })).toBe(
      "Chromium not found: install it",
    );
  });
});

describe("exitCodeOf", () => {
  it("gives 2 for the input's faults, 3 for material that does not fit, 4 for PDF faults, else 1", () => {
    const cases: [unknown, number][] = [
      [new IssueError([{ file: "f", path: "issue", expected: "object", found: "nothing" }]), EXIT.invalid],
      [ImageError.of("a", "a.jpg", "file not found"), EXIT.invalid],
      [new MakeupError("grid of 0 columns × 0 lines is not usable"), EXIT.invalid],
      [new UnreadablePdfError("x.pdf", "is empty"), EXIT.invalid],
      [new DeliveryUsageError("no files to deliver"), EXIT.invalid],
      [new LayoutError([{ articleId: "a", lines: 4, reason: "no room" }]), EXIT.layout],
      [new RenderError([{ kind: "overflow", detail: "text column overflows by 3 px", article: "a" }]), EXIT.layout],
      [new PdfFaultError([{ severity: "error", file: "x.pdf", page: 1, message: "ink-limit: 260%" }]), EXIT.pdfFaults],
      [new BrowserError("could not start Chromium"), EXIT.failed],
      [new ToolError("gs timed out", "gs", "", "timeout"), EXIT.failed],
      [new DeliveryError("printer refused the job"), EXIT.failed],
      [new FailureError("anything"), EXIT.failed],
      [new TypeError("a bug"), EXIT.failed],
      ["a string", EXIT.failed],
    ];
    for (const [err, code] of cases) expect(exitCodeOf(err), String(err)).toBe(code);
  });
});

describe("reportError", () => {
  it("heads a list of input problems with their count, indented below", () => {
    const err = new IssueError([
      { file: "i.json", path: "issue.date", expected: "a date", found: "nothing" },
      { file: "i.json", path: "pages[0].articles[0].headline", articleId: "a", expected: "string", found: "number 3" },
    ]);
    expect(reported(err)).toEqual({
      code: 2,
      text:
        "newsprint: the issue is invalid (2 problems):\n" +
        "  i.json: issue.date: expected a date, found nothing\n" +
        "  i.json: pages[0].articles[0].headline (article a): expected string, found number 3\n",
    });
  });

  it("renders the make-up's page from its field, and a failure on one line", () => {
    const err = new MakeupError('article "x" pinned at columns 1–2, line 61 overlaps ad "ad"', {
      page: 1,
      articleId: "x",
    });
    expect(reported(err)).toEqual({
      code: 2,
      text:
        "newsprint: the make-up the issue asks for is impossible:\n" +
        '  page 1: article "x" pinned at columns 1–2, line 61 overlaps ad "ad"\n',
    });
    expect(reported(new BrowserError("/tmp is a folder, not a Chromium binary"))).toEqual({
      code: 1,
      text: "newsprint: /tmp is a folder, not a Chromium binary\n",
    });
    expect(reported(new Error("a bug"))).toEqual({ code: 1, text: "newsprint: a bug\n" });
  });

  it("lists what would make an issue fit under the article that did not", () => {
    const err = new LayoutError(
      [{ articleId: "a", lines: 40, reason: "page 3: no later page can take the rest of the article" }],
      [{ severity: "error", message: "page 3 is 40 lines over; this makes the issue fit:", problems: ["move a"] }],
    );
    expect(reported(err).text).toBe(
      "newsprint: the pages cannot be made up:\n" +
        "  article a: 40 lines did not fit (page 3: no later page can take the rest of the article)\n" +
        "  page 3 is 40 lines over; this makes the issue fit:\n" +
        "    move a\n",
    );
  });
});

describe("the photo path error", () => {
  it("names the article's id as well as the JSON path", async () => {
    const dir = mkdtempSync(join(work, "photo-"));
    const issue = {
      paper: { name: "东昌府新闻" },
      issue: { date: "2022-11-14" },
      pages: [{ articles: [{ id: "lead", headline: "标题", body: ["正文。"], images: [{ src: "photos/none.jpg" }] }] }],
    };
    writeFileSync(join(dir, "issue.json"), JSON.stringify(issue));
    const err = await inspectIssue(dir, resolveConfig({}, undefined, {}).images).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IssueError);
    const [problem] = (err as IssueError).diagnostics;
    expect(problem).toMatchObject({ path: "pages[0].articles[0].images[0].src", articleId: "lead" });
    expect((err as IssueError).message).toMatch(
      /issue\.json: pages\[0\]\.articles\[0\]\.images\[0\]\.src \(article lead\): expected a photo file in the issue folder, found photos\/none\.jpg: file not found/,
    );
  });
});

// Issue 26, 7: a file name with a terminal escape in it reaches the terminal escaped, whichever
// command's message quotes it (renderDiagnostic, reportError, check-type's own lines).
describe("terminal escapes in file names", () => {
  const hostile = join(work, "red\u001b[31m.pdf");
  const shown = `${join(work, "red")}\\u{1B}[31m.pdf`;

  it("are escaped in every diagnostic, whoever built it, keeping its line breaks", () => {
    const text = renderDiagnostic({ severity: "error", file: hostile, message: "a\u202eb", problems: ["one"] });
    expect(text).toBe(`${shown}: a\\u{202E}b\n  one`);
  });

  it("are escaped in an error that is not one of newsprint's", () => {
    const { text } = reported(new Error(`ENOENT: no such file or directory, open '${hostile}'`));
    expect(text).not.toContain("\u001b");
    expect(text).toContain(shown);
  });

  it("are escaped on check-type's stderr for a PDF that is not there", async () => {
    const { runCheckType } = await import("../../src/cli/commands/check-type");
    const err: string[] = [];
    const code = await runCheckType(
      [hostile],
      {},
      () => {},
      (t) => err.push(t),
    );
    expect(code).toBe(EXIT.invalid);
    expect(err.join("\n")).not.toContain("\u001b");
    expect(err.join("\n")).toContain(shown);
  });
});
