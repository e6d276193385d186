import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../../src/config/defaults";
import { cssString } from "../../src/config/house-style";
import { fillWords } from "../../src/config/langs";
import { ImageError, probeArtwork } from "../../src/images";
import { inspectIssue } from "../../src/inspect/inspect";
import { IssueError, parseIssue } from "../../src/load";
import { loadPdf } from "../../src/pdf/open-pdf";
import { isEncryptedPdf } from "../../src/pdf/unlock";
import { expandPattern } from "../../src/press/naming";

// Issue 26.2 and 26.4: every file an issue names — the style file, the fonts and logo it names,
// ads.json — follows the rule photos follow: inside the issue folder (or the app's styles/),
// through symlinks; a regular file (a named pipe is refused at once, never read); and a file that
// is not what it should be is never quoted. Real files, symlinks and pipes, built here.

const SECRET = "root:x:0:0:secret-first-line";
const minimal = {
  paper: { name: "Weekly" },
  issue: { date: "2026-11-30" },
  pages: [{ articles: [{ id: "a", headline: "Head" }] }],
};

const work = mkdtempSync(join(tmpdir(), "newsprint-hostile-files-"));
const outside = join(work, "outside");
mkdirSync(outside);
writeFileSync(join(outside, "secret.json"), SECRET);
writeFileSync(join(outside, "style.json"), JSON.stringify({ words: { folio: "X{n}" } }));
writeFileSync(join(outside, "ads.json"), JSON.stringify({ "1": [] }));

let count = 0;
/** An issue folder with issue.json (`issue` over the minimal one) and what `make` puts in it. */
function issueDir(issue: Record<string, unknown>, make: (dir: string) => void = () => undefined): string {
  const dir = join(work, `issue-${++count}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "issue.json"), JSON.stringify({ ...minimal, ...issue }));
  make(dir);
  return dir;
}

/** The problems of loading the issue, one per line; how long it took. */
function problemsOf(dir: string): { lines: string[]; ms: number } {
  const started = performance.now();
  try {
    parseIssue(readFileSync(join(dir, "issue.json")), join(dir, "issue.json"), "issue.json");
  } catch (err) {
    expect(err).toBeInstanceOf(IssueError);
    return { lines: (err as IssueError).message.split("\n"), ms: performance.now() - started };
  }
  throw new Error("expected the issue to be refused");
}

const fifo = (path: string) => execFileSync("mkfifo", [path]);

describe("the style file", () => {
  it.each([
    ["an absolute path", "/etc/passwd", /style: .*\/etc\/passwd: outside the issue folder$/],
    ["a path out of the folder", "../outside/secret.json", /style: .*secret\.json: outside the issue folder$/],
  ])("%s is refused unread", (_what, style, message) => {
    const { lines } = problemsOf(issueDir({ style }));
    expect(lines).toEqual([expect.stringMatching(message)]);
    expect(lines.join("\n")).not.toContain("root:");
  });

  it("a style.json beside the issue that is a symlink out is refused unread", () => {
    const dir = issueDir({}, (d) => symlinkSync(join(outside, "secret.json"), join(d, "style.json")));
    const { lines } = problemsOf(dir);
    expect(lines).toEqual([expect.stringMatching(/style: .*: a symlink to outside the issue folder$/)]);
    expect(lines.join("\n")).not.toContain("secret-first-line");
  });

  it("a named pipe as style.json is refused within a second, not waited on", () => {
    const dir = issueDir({}, (d) => fifo(join(d, "style.json")));
    const { lines, ms } = problemsOf(dir);
    expect(lines).toEqual([expect.stringMatching(/style: .*style\.json: a named pipe, not a file$/)]);
    expect(ms).toBeLessThan(1000);
  });

  it("a style inside the folder that is not JSON is named, its content not shown", () => {
    const dir = issueDir({ style: "house.json" }, (d) => writeFileSync(join(d, "house.json"), SECRET));
    const { lines } = problemsOf(dir);
    expect(lines).toEqual([
      expect.stringMatching(
        /house\.json: \(file\): expected valid JSON: an object in \{ \}, found a file that does not start with \{$/,
      ),
    ]);
  });

  it("fonts and the logo it names must be inside the issue folder or styles/, through symlinks", () => {
    const dir = issueDir({}, (d) => {
      symlinkSync(join(outside, "secret.json"), join(d, "face.otf"));
      fifo(join(d, "logo.png"));
      writeFileSync(
        join(d, "style.json"),
        JSON.stringify({
          faces: [
            { family: "House Serif", weight: 400, src: "face.otf" },
            { family: "House Sans", weight: 400, src: "/etc/passwd" },
          ],
          masthead: { logo: "logo.png" },
        }),
      );
    });
    const { lines } = problemsOf(dir);
    expect(lines).toEqual([
      expect.stringMatching(
        /faces\[0\]\.src: .*"face\.otf": a symlink to outside the issue folder or the app's styles\/ folder$/,
      ),
      expect.stringMatching(
        /faces\[1\]\.src: .*"\/etc\/passwd": outside the issue folder or the app's styles\/ folder$/,
      ),
      expect.stringMatching(/masthead\.logo: .*"logo\.png": a named pipe, not a file$/),
    ]);
  });
});

describe("ads.json", () => {
  it("symlinked out of the issue folder is refused, not booked", () => {
    const dir = issueDir({ ads: "ads.json" }, (d) => symlinkSync(join(outside, "ads.json"), join(d, "ads.json")));
    expect(problemsOf(dir).lines).toEqual([
      expect.stringMatching(/ads: .*"ads\.json": a symlink to outside the issue folder$/),
    ]);
  });

  it("a named pipe is refused within a second", () => {
    const dir = issueDir({ ads: "ads.json" }, (d) => fifo(join(d, "ads.json")));
    const { lines, ms } = problemsOf(dir);
    expect(lines).toEqual([expect.stringMatching(/ads: .*"ads\.json": a named pipe, not a file$/)]);
    expect(ms).toBeLessThan(1000);
  });

  it("a file that is not JSON is not quoted", () => {
    const dir = issueDir({ ads: "ads.json" }, (d) => writeFileSync(join(d, "ads.json"), SECRET));
    const { lines } = problemsOf(dir);
    expect(lines.join("\n")).toContain("expected valid JSON");
    expect(lines.join("\n")).not.toContain("secret-first-line");
  });

  it('ads under a "__proto__" key are refused, not lost without a word', () => {
    const dir = issueDir({ ads: "ads.json" }, (d) =>
      writeFileSync(join(d, "ads.json"), '{ "__proto__": [ { "id": "x", "file": "x.png", "size": "1x1" } ] }'),
    );
    expect(problemsOf(dir).lines).toEqual([expect.stringMatching(/ads\.json: __proto__: expected a page number/)]);
  });
});

describe("style values that reach CSS (issue 26.3)", () => {
  const injection = 'House Sans"; } body * { color: #fff !important } /*';

  it("a family name that would close the CSS string is refused, in fonts and in faces", () => {
    const dir = issueDir({}, (d) =>
      writeFileSync(
        join(d, "style.json"),
        JSON.stringify({
          fonts: { body: { family: injection } },
          faces: [{ family: injection, weight: 400, src: "x.otf" }],
        }),
      ),
    );
    const { lines } = problemsOf(dir);
    expect(lines).toEqual([
      expect.stringMatching(/fonts\.body\.family: expected a font family name: letters, digits/),
      expect.stringMatching(/faces\[0\]\.family: expected a font family name: letters, digits/),
    ]);
  });

  it("a CSS string is escaped whatever it holds", () => {
    const css = cssString(injection);
    expect(css.slice(1, -1)).not.toMatch(/["{};<>]/);
    expect(css).toBe('"House Sans\\22 \\3b  \\7d  body \\2a  \\7b  color: \\23 fff \\21 important \\7d  /\\2a "');
    expect(cssString("Noto Serif SC")).toBe('"Noto Serif SC"');
  });
});

describe("logos within the photos' pixel limit, pictures only (issues 26.4, 26.6)", () => {
  const huge =
    '<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"><rect width="9" height="9"/></svg>';

  async function inspectProblems(dir: string): Promise<string[]> {
    const error = await inspectIssue(dir, { maxPixels: DEFAULTS.maxPhotoPixels }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(IssueError);
    return (error as IssueError).message.split("\n");
  }

  it("an SVG logo declaring 100000×100000 pixels is refused, quickly", async () => {
    const dir = issueDir({ paper: { name: "Weekly", logo: "logo.svg" } }, (d) =>
      writeFileSync(join(d, "logo.svg"), huge),
    );
    const started = performance.now();
    expect(await inspectProblems(dir)).toEqual([expect.stringMatching(/paper\.logo: .*logo\.svg: too many pixels/)]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("the style's logo is probed too: a text file or a huge SVG is refused", async () => {
    const dir = issueDir({}, (d) => {
      writeFileSync(join(d, "logo.png"), SECRET);
      writeFileSync(join(d, "style.json"), JSON.stringify({ masthead: { logo: "logo.png" } }));
    });
    const [problem] = await inspectProblems(dir);
    expect(problem).toMatch(
      /style: expected the style's masthead\.logo, a picture a browser shows, .*not a readable image/,
    );
    expect(problem).not.toContain("secret-first-line");
    writeFileSync(join(dir, "logo.png"), huge);
    expect(await inspectProblems(dir)).toEqual([expect.stringMatching(/masthead\.logo.*too many pixels/)]);
  });
});

describe("an agency's PDF ad with an owner password only (issue 26.9)", () => {
  /** A PDF as Ghostscript writes it encrypted: an owner password against edits, and `open`, a
   *  password to open it, when given. */
  const encryptedPdf = (file: string, open?: string) =>
    execFileSync("gs", [
      ...["-q", "-o", file, "-sDEVICE=pdfwrite", "-sOwnerPassword=agency", ...(open ? [`-sUserPassword=${open}`] : [])],
      ...["-dEncryptionR=3", "-dKeyLength=128", "-dPermissions=-3904"],
      ...["-c", "<</PageSize [200 100]>> setpagedevice showpage"],
    ]);

  it("is placed from a copy Ghostscript writes without encryption; validate's probe keeps none", async () => {
    const dir = issueDir({});
    encryptedPdf(join(dir, "ad.pdf"));
    expect(await isEncryptedPdf(join(dir, "ad.pdf"))).toBe(true);
    const probed = await probeArtwork(dir, "ad.pdf", "agency-ad");
    expect(probed).toMatchObject({ kind: "pdf", width: 200, height: 100, file: realpathSync(join(dir, "ad.pdf")) });
    const cacheDir = join(dir, "cache");
    const placed = await probeArtwork(dir, "ad.pdf", "agency-ad", { cacheDir });
    expect(placed).toMatchObject({ kind: "pdf", width: 200, height: 100 });
    expect(dirname(placed.file)).toBe(cacheDir);
    expect(await isEncryptedPdf(placed.file)).toBe(false);
    expect((await loadPdf(placed.file)).getPageCount()).toBe(1);
  });

  it("is refused in plain words when it needs a password to open, in no library's words", async () => {
    const dir = issueDir({});
    encryptedPdf(join(dir, "ad.pdf"), "secret");
    const error = await probeArtwork(dir, "ad.pdf", "agency-ad").then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ImageError);
    const reason = (error as ImageError).problems[0]?.reason;
    expect(reason).toMatch(/^PDF artwork that is encrypted with a password to open it, so it cannot be placed: ask/);
    expect(reason).not.toMatch(/PDFDocument|ignoreEncryption|damaged/);
  });
});

describe("placeholders are the words' own keys, never an object's inherited ones (issue 26.6)", () => {
  it("{constructor} in a style word stays as written", () => {
    expect(fillWords("第{n}版 {constructor} {toString}", { n: 3 })).toBe("第3版 {constructor} {toString}");
  });

  it("<constructor> in a press file name pattern is an unknown token", () => {
    const fields = { paper: "weekly", date: "2026-11-30", page: "01" };
    expect(() => expandPattern("<constructor>_<page>.pdf", fields)).toThrow(/unknown token <constructor>/);
  });
});

describe("sizes that must be above 0 (issue 26.7)", () => {
  it("say so, not 'at least 0, found 0'", () => {
    const dir = issueDir({ issue: { date: "2026-11-30", number: 0 } });
    expect(problemsOf(dir).lines).toEqual([
      expect.stringMatching(/issue\.number: expected more than 0, found number 0$/),
    ]);
  });

  it("a style size of 1e-300 is refused: it would print nothing", () => {
    const dir = issueDir({}, (d) => writeFileSync(join(d, "style.json"), '{ "sizes": { "caption": 1e-300 } }'));
    expect(problemsOf(dir).lines).toEqual([expect.stringMatching(/sizes\.caption: expected at least 0\.1, found/)]);
  });
});
