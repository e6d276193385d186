import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import mammoth from "mammoth";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { type ArticleData, type IssueData, loadIssue } from "../../src/load";
import { CORPUS_DIR, corpusFiles } from "../helpers/paths";
import {
  agreement,
  characterCounts,
  formatAgreement,
  missingCharacters,
  printedTexts,
} from "./helpers/anatomy-agreement";
import {
  HeadingLevel,
  ImageRun,
  Paragraph,
  PHOTO,
  plainDocx,
  REPORTER_TEXT,
  reporterDocx,
  TextRun,
} from "./helpers/import-fixtures";
import { compact } from "./helpers/pdf";

// `newsprint import` and `newsprint init` as an editor runs them: a reporter's Word file to a PDF page
// in two commands, Markdown from the web desk, the corpus pages against the samples made by hand.

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const corpusDir = CORPUS_DIR;
const tmp = mkdtempSync(join(tmpdir(), "newsprint-import-"));

async function newsprint(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", [join(root, "bin/newsprint.js"), ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const articlesOf = (issue: IssueData): ArticleData[] => issue.pages.flatMap((p) => p.articles);

describe("a reporter's Word file to a PDF page in two commands", () => {
  const docx = join(tmp, "reporter.docx");
  const dir = join(tmp, "word-issue");
  let imported: { code: number; stdout: string; stderr: string };
  let built: { code: number; stdout: string; stderr: string };
  let issue: IssueData;

  beforeAll(async () => {
    writeFileSync(docx, await reporterDocx());
    imported = await newsprint("import", docx, "-o", dir, "--paper", "东昌府新闻");
    built = await newsprint("build", dir, "-o", join(tmp, "word-out"), "-q");
    issue = (await loadIssue(dir)).data;
  });

  it("imports and builds (exit 0 both)", () => {
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
  });

  it("recognises kicker, headline, subtitle, dateline, subheads and credit", () => {
    const t = REPORTER_TEXT;
    const [first, second, third] = articlesOf(issue);
    expect(first).toMatchObject({
      id: "reporter-1",
      kicker: t.kicker,
      headline: t.headline,
      subhead: t.subhead,
      dateline: t.dateline,
      body: [t.lead, { subhead: t.sub1 }, t.p2a + t.p2bold + t.p2b, { subhead: t.sub2 }, t.p3],
      byline: "融媒体 郭龙君 通讯员 管荣晶",
    });
    expect(second).toMatchObject({
      id: "reporter-2",
      headline: t.headline2,
      body: [t.p4, t.p5],
      byline: t.office,
      images: [
        {
          src: "photos/reporter-2-1.jpg",
          caption: t.caption.replace(/（.*）$/, ""),
          credit: "融媒体 郭龙君 通讯员 米会 尹芬芳 摄",
        },
      ],
    });
    // After the page break: a story without heading styles.
    expect(third).toMatchObject({
      id: "reporter-3",
      headline: t.headline3,
      dateline: "东昌府讯",
      byline: "融媒体 裴崇旭",
    });
    expect(issue.issue.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.parse(readFileSync(join(dir, "issue.json"), "utf8")).$schema).toBe("issue.schema.json");
    expect(existsSync(join(dir, "issue.schema.json"))).toBe(true);
  });

  it("writes the embedded picture into photos/, readable", async () => {
    const meta = await sharp(join(dir, "photos/reporter-2-1.jpg")).metadata();
    const original = await sharp(PHOTO).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", original.width, original.height]);
  });

  it("reports per article what it recognised and guessed, and the bold it dropped", () => {
    expect(imported.stdout).toContain("reporter-1  (");
    expect(imported.stdout).toMatch(/recognised: kicker 古楼街道 · headline 固本聚力/);
    expect(imported.stdout).toMatch(/guessed: kicker 古楼街道 \(the short paragraph above the headline\)/);
    expect(imported.stdout).toMatch(/bold or italics dropped in paragraph\(s\) 6/);
    expect(imported.stdout).toMatch(/1 photo\(s\), 1 caption\(s\), 1 credit\(s\)/);
    expect(imported.stdout).toMatch(/wrote new issue .*issue\.json: 3 article\(s\) on page 1, 1 photo file/);
  });

  it("keeps every character of the document in the issue", async () => {
    const source = (await mammoth.extractRawText({ path: docx })).value;
    const printed = printedTexts(issue).join("");
    expect(characterCounts(printed)).toEqual(characterCounts(source));
  });

  it("prints every character of the document in the PDF", async () => {
    const source = (await mammoth.extractRawText({ path: docx })).value;
    const { stdout } = await run("pdftotext", ["-raw", "-enc", "UTF-8", join(tmp, "word-out/word-issue.pdf"), "-"]);
    expect(missingCharacters(source, compact(stdout))).toEqual([]);
    for (const line of Object.values(REPORTER_TEXT).filter((l) => l.length < 30))
      expect(compact(stdout)).toContain(
        compact(line)
          .replace(/[（）]/g, "")
          .slice(0, 8),
      );
  });
});

describe("Markdown with front matter", () => {
  const dir = join(tmp, "md-issue");
  const md = join(tmp, "web", "desk.md");
  const text = `---
kicker: 柳园街道
label: 基层动态
priority: 2
---
# 开展关爱新业态新就业群体义诊活动

**东昌府讯** 近日，柳园街道新业态新就业群体党建联盟联合和平社区党委、聊城市退役军人医院，开展了一场爱心义诊活动。

## 暖心服务

医务人员为快递小哥们测量血压，按摩理疗，提供**健康咨询**，普及热射病症状表现。

![“驿家人小哥驿站”投入使用，为快递小哥们免费提供临时休息、应急充电等服务。（通讯员 李凤国 摄）](photos/station.jpg)

（融媒体 徐振鑫 通讯员 杨晓翠）
`;

  it("imports fields, subheads, the picture and its caption", async () => {
    mkdirSync(join(tmp, "web", "photos"), { recursive: true });
    cpSync(PHOTO, join(tmp, "web", "photos", "station.jpg"));
    writeFileSync(md, text);
    const r = await newsprint("import", md, "-o", dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [a] = articlesOf((await loadIssue(dir)).data);
    expect(a).toMatchObject({
      id: "desk-1",
      label: "基层动态",
      kicker: "柳园街道",
      headline: "开展关爱新业态新就业群体义诊活动",
      dateline: "东昌府讯",
      priority: 2,
      body: [
        "近日，柳园街道新业态新就业群体党建联盟联合和平社区党委、聊城市退役军人医院，开展了一场爱心义诊活动。",
        { subhead: "暖心服务" },
        "医务人员为快递小哥们测量血压，按摩理疗，提供健康咨询，普及热射病症状表现。",
      ],
      byline: "融媒体 徐振鑫 通讯员 杨晓翠",
      images: [
        {
          src: "photos/desk-1-1.jpg",
          caption: "“驿家人小哥驿站”投入使用，为快递小哥们免费提供临时休息、应急充电等服务。",
          credit: "通讯员 李凤国 摄",
        },
      ],
    });
    expect(r.stdout).toMatch(/bold or italics dropped in line\(s\) 12/);
  });
});

describe("bad input: exit 2, the file named, nothing written", () => {
  const cases: [string, () => Promise<Buffer> | Buffer, RegExp][] = [
    ["not-word.docx", () => Buffer.from("plain text, not a zip"), /not-word\.docx: not a readable Word \.docx file/],
    ["empty.docx", () => plainDocx([]), /empty\.docx: the document is empty/],
    [
      "no-head.docx",
      () =>
        plainDocx([new Paragraph({ children: [new TextRun("近日，韩集镇开展了人居环境整治活动，受到群众好评。")] })]),
      /no-head\.docx: no headline found/,
    ],
    [
      "bad-picture.docx",
      () =>
        plainDocx([
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("珍爱生命 谨防溺水")] }),
          new Paragraph({ children: [new TextRun("为普及防溺水及急救知识，梁水镇开展了志愿服务活动。")] }),
          new Paragraph({
            children: [
              new ImageRun({
                type: "png",
                data: Buffer.from("not a picture"),
                transformation: { width: 10, height: 10 },
              }),
            ],
          }),
        ]),
      /bad-picture\.docx: paragraph 3: the picture \(picture in paragraph 3\) cannot be read as an image/,
    ],
  ];

  it.each(cases)("%s", async (name, make, message) => {
    const file = join(tmp, name);
    writeFileSync(file, await make());
    const out = join(tmp, `bad-${name}`);
    const r = await newsprint("import", file, "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it("writes nothing when one of several files is bad", async () => {
    const good = join(tmp, "good.docx");
    writeFileSync(good, await reporterDocx());
    const bad = join(tmp, "second.docx");
    writeFileSync(bad, "not a zip");
    const out = join(tmp, "bad-mixed");
    const r = await newsprint("import", good, bad, "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/second\.docx: not a readable Word \.docx file/);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses to replace an existing issue without --append", async () => {
    const dir = join(tmp, "existing");
    cpSync(join(root, "issues/overflow"), dir, { recursive: true });
    const before = readFileSync(join(dir, "issue.json"), "utf8");
    const r = await newsprint("import", join(corpusDir, "003_81135249b05b3d38.txt"), "-o", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists: add --append/);
    expect(readFileSync(join(dir, "issue.json"), "utf8")).toBe(before);
  });
});

describe("--append to a page of an existing issue", () => {
  it("adds the articles, keeps the rest of the file as it was", async () => {
    const dir = join(tmp, "append");
    cpSync(join(root, "issues/overflow"), dir, { recursive: true });
    const before = readFileSync(join(dir, "issue.json"), "utf8");
    const docx = join(tmp, "append-story.docx");
    writeFileSync(docx, await reporterDocx());
    const r = await newsprint("import", docx, "-o", dir, "--append", "--page", "2");
    expect(r.stderr).toBe("");
    const after = readFileSync(join(dir, "issue.json"), "utf8");
    // The text up to the end of page 2's last article is unchanged; only articles follow it.
    const cut = before.lastIndexOf("}", before.lastIndexOf("]", before.lastIndexOf("]") - 1));
    expect(after.slice(0, cut + 1)).toBe(before.slice(0, cut + 1));
    const issue = (await loadIssue(dir)).data;
    expect(issue.pages[1]?.articles.slice(-3).map((a) => a.id)).toEqual([
      "append-story-1",
      "append-story-2",
      "append-story-3",
    ]);
    expect(issue.pages[0]?.articles.length).toBe(JSON.parse(before).pages[0].articles.length);
    expect(readdirSync(join(dir, "photos"))).toContain("append-story-2-1.jpg");
  });
});

describe("newsprint init", () => {
  it("scaffolds an issue that builds", async () => {
    const dir = join(tmp, "new-issue");
    const r = await newsprint("init", dir, "--format", "broadsheet", "--paper", "东昌府新闻");
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["README.md", "issue.json", "issue.schema.json", "photos"]);
    const issue = (await loadIssue(dir)).data;
    expect(issue.format).toBe("broadsheet");
    expect(issue.paper.name).toBe("东昌府新闻");
    expect(issue.pages[0]?.articles[0]?.headline).toBeTruthy();
    const built = await newsprint("build", dir, "-o", join(tmp, "init-out"), "-q");
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    expect(existsSync(join(tmp, "init-out/new-issue.pdf"))).toBe(true);
  });

  it("refuses a folder that is not empty", async () => {
    const dir = join(tmp, "occupied");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "x");
    const r = await newsprint("init", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not empty/);
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });
});

// Without the corpus (a developer's machine) these skip; under CI corpusFiles() throws instead.
const corpus = corpusFiles();
describe.skipIf(corpus.length === 0)("corpus pages against the samples made by hand", () => {
  const files = corpus;
  const samples = new Map<string, ArticleData>();
  const imported: ArticleData[] = [];

  beforeAll(async () => {
    for (const name of ["dongchangfu", "broadsheet", "overflow"])
      for (const a of articlesOf((await loadIssue(join(root, "issues", name))).data))
        if (!samples.has(a.id)) samples.set(a.id, a);
    for (const [i, f] of files.entries()) {
      const dir = join(tmp, `corpus-${i}`);
      const r = await newsprint("import", join(corpusDir, f), "-o", dir);
      expect(r.stderr).toBe("");
      imported.push(...articlesOf((await loadIssue(dir)).data));
    }
  });

  it("keeps every character of each page in its issue", async () => {
    for (const [i, f] of files.entries()) {
      const source = readFileSync(join(corpusDir, f), "utf8")
        .split(/\r?\n/)
        .map((l) => l.replace(/^\s*#+\s*/, "").replace(/\*\*/g, ""))
        .join("\n");
      const issue = (await loadIssue(join(tmp, `corpus-${i}`))).data;
      expect(characterCounts(printedTexts(issue).join("")), f).toEqual(characterCounts(source));
    }
  });

  it("takes all pages in one command, ids unique, and GB 18030 text alike", async () => {
    const dir = join(tmp, "corpus-all");
    const gbk = join(tmp, "page-gbk.txt");
    const { stdout: encoded } = await run("iconv", ["-f", "UTF-8", "-t", "GB18030", join(corpusDir, files[0] ?? "")], {
      encoding: "buffer",
    });
    writeFileSync(gbk, encoded);
    const r = await newsprint("import", ...files.map((f) => join(corpusDir, f)), gbk, "-o", dir);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/page-gbk\.txt: note: read as GB 18030 text/);
    const all = articlesOf((await loadIssue(dir)).data);
    const first = imported.filter((a) => a.id.startsWith(`${files[0]?.replace(/\.txt$/, "")}-`));
    expect(all).toHaveLength(imported.length + first.length);
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    expect(all.slice(-first.length).map((a) => [a.headline, a.byline])).toEqual(
      first.map((a) => [a.headline, a.byline]),
    );
  });

  it("agrees with the hand-made articles field by field", () => {
    const result = agreement([...samples.values()], imported);
    console.log(
      `import of ${files.length} corpus pages vs ${result.total} hand-made articles: ${formatAgreement(result)}`,
    );
    for (const d of result.differences)
      console.log(`  ${d.id} ${d.field}: sample ${JSON.stringify(d.sample)} imported ${JSON.stringify(d.imported)}`);
    expect(result.unmatched).toEqual([]);
    expect(imported).toHaveLength(result.total);
    for (const f of ["headline", "kicker", "subhead", "dateline", "byline", "label", "captions"] as const)
      expect(result.agree[f], f).toBe(result.total);
    expect(result.agree.body).toBeGreaterThanOrEqual(result.total - 2);
  });
});
