import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseIssue } from "../../src/load";
import {
  docxOf,
  HeadingLevel,
  ImageRun,
  Paragraph,
  PHOTO,
  pngDeclaring,
  TextRun,
  zipBombDocx,
  zipWithoutDocument,
} from "./helpers/import-fixtures";
import { newsprint } from "./helpers/newsprint-cli";

// What a file from outside the newsroom may try on `newsprint import`: run code from its front
// matter, read or copy files outside its folder, hang the command on a pipe or a device, exhaust
// memory with a zip bomb, a picture of 10 gigapixels or thousands of headings, print terminal
// escapes. Each is refused with exit 2 within seconds, naming the file (and line or paragraph),
// quoting no content of a file that is not what it should be, and writing nothing. None of these
// starts Chromium.

const tmp = mkdtempSync(join(tmpdir(), "newsprint-import-hostile-"));
const SECONDS = 20_000;
const STORY = "# 珍爱生命 谨防溺水\n\n**东昌府讯** 为普及防溺水及急救知识，梁水镇开展了志愿服务活动。\n";
const SECRET = "root:x:0:0:secret-content-7f3a:/root:/bin/bash\n";

/** An import that must fail as bad input, fast, with nothing written. */
async function refused(args: string[], out: string, cwd?: string) {
  const r = await newsprint(["import", ...args, "-o", out], { cwd, timeoutMs: 60_000 });
  expect(r.code, r.stderr).toBe(2);
  expect(r.ms).toBeLessThan(SECONDS);
  expect(existsSync(out)).toBe(false);
  return r;
}

describe("front matter is YAML only: no code runs", () => {
  it.each(["js", "javascript", " js"])("refuses ---%s front matter and runs nothing", async (engine) => {
    const dir = mkdtempSync(join(tmp, "fm-"));
    const marker = join(dir, "ran.txt");
    const md = join(dir, "story.md");
    writeFileSync(
      md,
      `---${engine}\n{ headline: (require("child_process").execSync("touch ${marker}"), "标题") }\n---\n${STORY}`,
    );
    const r = await refused([md], join(dir, "out"));
    expect(r.stderr).toMatch(
      /story\.md: line 1: the front matter is marked "(js|javascript)": only YAML front matter is read/,
    );
    expect(existsSync(marker)).toBe(false);
  });

  it("refuses YAML tags that would build objects", async () => {
    const md = join(tmp, "tagged.md");
    writeFileSync(md, `---\nheadline: !!js/function "function () { return 1 }"\n---\n${STORY}`);
    const r = await refused([md], join(tmp, "tagged-out"));
    expect(r.stderr).toMatch(
      /tagged\.md: line 1: the front matter has an unknown tag at line 2: tag:yaml\.org,2002:js\/function/,
    );
  });
});

describe("a Markdown file's pictures come from its folder only", () => {
  const desk = join(tmp, "desk");
  const outside = join(tmp, "outside.png");

  beforeAll(() => {
    mkdirSync(join(desk, "web", "photos"), { recursive: true });
    writeFileSync(outside, SECRET);
    cpSync(PHOTO, join(tmp, "outside.jpg"));
    symlinkSync(join(tmp, "outside.jpg"), join(desk, "web", "photos", "link-out.jpg"));
    execFileSync("mkfifo", [join(desk, "web", "photos", "pipe.jpg")]);
    symlinkSync("/dev/zero", join(desk, "web", "photos", "zero.jpg"));
  });

  it.each([
    ["../../outside.jpg", /picture \.\.\/\.\.\/outside\.jpg: outside the folder of the file that names it/],
    ["/etc/passwd", /picture \/etc\/passwd: an absolute path/],
    ["photos/link-out.jpg", /picture photos\/link-out\.jpg: a symlink to outside the folder/],
    ["photos/zero.jpg", /picture photos\/zero\.jpg: a symlink to outside the folder/],
    ["photos/pipe.jpg", /picture photos\/pipe\.jpg: a named pipe, not a file/],
    ["photos/missing%zz.jpg", /picture photos\/missing%zz\.jpg: not a valid link/],
    ["file:///etc/passwd", /picture file:\/\/\/etc\/passwd: not a local file/],
  ])("refuses ![](%s)", async (href, message) => {
    const md = join(desk, "web", "story.md");
    writeFileSync(md, `${STORY}\n![水边的警示牌](${href})\n`);
    const r = await refused([md], join(tmp, "pictures-out"));
    expect(r.stderr).toMatch(/story\.md: line 5: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain("secret-content");
  });

  it("refuses a picture that is not a picture without quoting it", async () => {
    const md = join(desk, "web", "passwd.md");
    cpSync(outside, join(desk, "web", "photos", "passwd.png"));
    writeFileSync(md, `${STORY}\n![图](photos/passwd.png)\n`);
    const r = await refused([md], join(tmp, "passwd-out"));
    expect(r.stderr).toMatch(/passwd\.md: line 5: the picture \(photos\/passwd\.png\) cannot be read as an image/);
    expect(r.stderr).not.toContain("secret-content");
  });
});

describe("source files: regular files only, within limits", () => {
  it("refuses a named pipe and a device at once", async () => {
    const pipe = join(tmp, "pipe.txt");
    execFileSync("mkfifo", [pipe]);
    const zero = join(tmp, "zero.md");
    symlinkSync("/dev/zero", zero);
    expect((await refused([pipe], join(tmp, "pipe-out"))).stderr).toMatch(/pipe\.txt: cannot be read: a named pipe/);
    expect((await refused([zero], join(tmp, "zero-out"))).stderr).toMatch(/zero\.md: cannot be read: a device/);
  });

  it("refuses a zip bomb .docx (1 MB inflating to 270 MB) by its inflated size", async () => {
    const bomb = join(tmp, "bomb.docx");
    writeFileSync(bomb, await zipBombDocx(270));
    expect(readFileSync(bomb).length).toBeLessThan(2 * 1024 * 1024);
    const r = await refused([bomb], join(tmp, "bomb-out"));
    expect(r.stderr).toMatch(/bomb\.docx: the document's text inflates to more than 40 MB/);
  });

  it("refuses a picture declaring 100000×100000 pixels before decoding it", async () => {
    const file = join(tmp, "gigapixel.docx");
    writeFileSync(
      file,
      await docxOf([
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("珍爱生命 谨防溺水")] }),
        new Paragraph({
          children: [
            new ImageRun({
              type: "png",
              data: pngDeclaring(100_000, 100_000),
              transformation: { width: 40, height: 40 },
            }),
          ],
        }),
      ]),
    );
    const r = await refused([file], join(tmp, "gigapixel-out"));
    expect(r.stderr).toMatch(
      /gigapixel\.docx: paragraph 2: the picture \(picture in paragraph 2\) cannot be read as an image: 100000×100000 pixels exceeds the limit of 100 megapixels/,
    );
  });

  it("refuses 5000 headings: more stories than an issue", async () => {
    const file = join(tmp, "headings.md");
    writeFileSync(file, Array.from({ length: 5000 }, (_, i) => `# 标题${i}\n\n正文${i}。\n`).join("\n"));
    const r = await refused([file], join(tmp, "headings-out"));
    expect(r.stderr).toMatch(/5000 stories in 1 file\(s\): more than the 1000 one import takes/);
  });

  it("says what is wrong with a ZIP that is not a Word document, not the library's words", async () => {
    const file = join(tmp, "sheet.docx");
    writeFileSync(file, zipWithoutDocument());
    const r = await refused([file], join(tmp, "sheet-out"));
    expect(r.stderr).toMatch(
      /sheet\.docx: not a readable Word \.docx file \(a ZIP archive without a Word document in it: no word\/document\.xml\)/,
    );
    expect(r.stderr).not.toMatch(/Cannot read properties/);
  });

  it("refuses text that mixes UTF-8 and GB 18030, naming the line", async () => {
    const gb = execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], {
      input: "韩集镇开展人居环境整治活动，受到群众好评。\n",
    });
    const file = join(tmp, "mixed.txt");
    writeFileSync(
      file,
      Buffer.concat([Buffer.from("珍爱生命 谨防溺水\n\n东昌府讯 为普及防溺水及急救知识，梁水镇开展活动。\n\n"), gb]),
    );
    const r = await refused([file], join(tmp, "mixed-out"));
    expect(r.stderr).toMatch(
      /mixed\.txt: line 5: this line is not UTF-8 while line 1 is: the file mixes two encodings/,
    );
  });
});

describe("problems are said of the source and the option, never raw to the terminal", () => {
  it("names the Word file, paragraph and field of a character no font has", async () => {
    const file = join(tmp, "glyph.docx");
    writeFileSync(
      file,
      await docxOf([
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("珍爱生命 谨防溺水")] }),
        new Paragraph({ children: [new TextRun("为普及防溺水及急救知识，梁水镇开展了志愿服务活动。")] }),
        new Paragraph({ children: [new TextRun("活动中，志愿者讲解了溺水的危害\u{13000}。")] }),
      ]),
    );
    const r = await refused([file], join(tmp, "glyph-out"));
    expect(r.stderr).toMatch(/glyph\.docx: paragraph 3: body\[1\]: expected characters the bundled fonts/);
    expect(r.stderr).not.toMatch(/issue\.json/);
  });

  it("names --paper for a paper name that cannot be printed, its escape shown, not sent", async () => {
    const md = join(tmp, "paper.md");
    writeFileSync(md, STORY);
    const r = await refused([md, "--paper", "东昌府\u001b[31m新闻"], join(tmp, "paper-out"));
    expect(r.stderr).toMatch(/--paper: expected text without control characters/);
    expect(r.stderr).not.toContain("\u001b");
    const out = join(tmp, "paper-init");
    const init = await newsprint(["init", out, "--paper", "东昌府\u{13000}新闻"]);
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/--paper: expected characters the bundled fonts .* have, found no glyph for/);
    expect(init.stderr).not.toMatch(/issue\.json/);
    expect(existsSync(out)).toBe(false);
  });

  it("shows terminal escapes in a file's name as text", async () => {
    const dir = join(tmp, "escapes");
    mkdirSync(dir);
    writeFileSync(join(dir, "evil\u001b]0;pwned\u0007.md"), "正文而已，没有标题。\n");
    const r = await refused(["evil\u001b]0;pwned\u0007.md"], join(dir, "out"), dir);
    expect(r.stderr).toMatch(/evil\\u\{1B\}\]0;pwned\\u\{7\}\.md: no headline found/);
    expect(r.stderr).not.toContain("\u0007");
    expect(r.stderr).not.toContain("\u001b");
  });

  it("says which option is wrong, for init and import alike", async () => {
    const md = join(tmp, "options.md");
    writeFileSync(md, STORY);
    for (const [option, value, message] of [
      ["--date", "2023-02-30", /--date: expected a day written YYYY-MM-DD/],
      ["--number", "twelve", /--number: expected the issue's number/],
      ["--lang", "fr", /--lang: expected zh-Hans, zh-Hant, en, found "fr"/],
      ["--slug", "Dong Chang", /--slug: expected lower-case ASCII letters/],
      ["--format", "a4", /--format: expected tabloid or broadsheet, found "a4"/],
    ] as const) {
      const out = join(tmp, `option${option}`);
      const imported = await refused([md, option, value], out);
      expect(imported.stderr).toMatch(message);
      const init = await newsprint(["init", out, option, value]);
      expect([init.code, init.stderr]).toEqual([2, expect.stringMatching(message)]);
      expect(existsSync(out)).toBe(false);
    }
  });

  it("tells init a file from a folder", async () => {
    const file = join(tmp, "not-a-folder");
    writeFileSync(file, "x");
    const r = await newsprint(["init", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not-a-folder: a file, not a folder/);
  });
});

describe("the issue folder's own files", () => {
  it("does not echo an issue.json that is not JSON", async () => {
    const dir = join(tmp, "not-json");
    mkdirSync(dir);
    writeFileSync(join(dir, "issue.json"), SECRET);
    const md = join(tmp, "append.md");
    writeFileSync(md, STORY);
    const r = await newsprint(["import", md, "-o", dir, "--append"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/issue\.json: \(file\): expected valid JSON/);
    expect(r.stderr).not.toContain("secret-content");
    expect(readdirSync(dir)).toEqual(["issue.json"]);
  });

  it("writes no photo through a photos/ symlink leading out of the issue", async () => {
    const dir = join(tmp, "photos-out-issue");
    const elsewhere = join(tmp, "elsewhere");
    mkdirSync(elsewhere);
    expect((await newsprint(["init", dir])).code).toBe(0);
    execFileSync("rm", ["-r", join(dir, "photos")]);
    symlinkSync(elsewhere, join(dir, "photos"));
    const web = join(tmp, "web-photo");
    mkdirSync(web);
    cpSync(PHOTO, join(web, "p.jpg"));
    writeFileSync(join(web, "s.md"), `${STORY}\n![图](p.jpg)\n`);
    const before = readFileSync(join(dir, "issue.json"), "utf8");
    const r = await newsprint(["import", join(web, "s.md"), "-o", dir, "--append"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/photos leads outside the issue folder/);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readFileSync(join(dir, "issue.json"), "utf8")).toBe(before);
    expect(() => parseIssue(before, join(dir, "issue.json"))).not.toThrow();
  });
});
