import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import mammoth from "mammoth";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { type ArticleData, type IssueData, loadIssue } from "../../src/load";
import { fullWidthPunctuation } from "../../src/typography/punctuation";
import { CORPUS_DIR, corpusFiles } from "../helpers/paths";
import {
  agreement,
  allArticles,
  characterCounts,
  formatAgreement,
  missingCharacters,
  printedTexts,
} from "./helpers/anatomy-agreement";
import {
  corpusPageDocx,
  HeadingLevel,
  ImageRun,
  Paragraph,
  PHOTO,
  plainDocx,
  REPORTER_TEXT,
  reporterDocx,
  storiesOf,
  TextRun,
  twoLineSubhead,
  typedHalfWidth,
} from "./helpers/import-fixtures";
import { compact } from "./helpers/pdf";

// `newsprint import` and `newsprint init` as an editor runs them: a reporter's Word file to a PDF page
// in two commands, a page of copy in Word planned onto pages with no hand edit, Markdown from the
// web desk, the corpus pages built and compared with the samples made by hand, appends at once.
// Hostile input is in import-hostile.test.ts.

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

const articlesOf = (issue: IssueData): ArticleData[] => allArticles(issue);

/** A build of an imported issue: exit 0, and the PDF written. */
async function builds(dir: string, out: string): Promise<void> {
  const built = await newsprint("build", dir, "-o", out, "-q");
  expect(built.stderr.split("\n").filter((l) => /newsprint: /.test(l))).toEqual([]);
  expect(built.code).toBe(0);
}

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
      priority: 1,
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
    expect(imported.stdout).toMatch(
      /wrote new issue .*issue\.json: 3 article\(s\) in the story pool \(1 tabloid page\(s\) for the make-up to fill\), 1 photo file/,
    );
    expect(issue.pages).toEqual([expect.objectContaining({ section: "要闻", articles: [] })]);
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

describe("a page of copy in Word: planned onto pages, built with no hand edit", () => {
  const docx = join(tmp, "page.docx");
  const dir = join(tmp, "page-issue");
  let stories: ArticleData[];
  let imported: { code: number; stdout: string; stderr: string };
  let issue: IssueData;

  beforeAll(async () => {
    stories = storiesOf((await loadIssue(join(root, "issues/dongchangfu"))).data, 8);
    writeFileSync(docx, await corpusPageDocx(stories));
    imported = await newsprint(
      "import",
      docx,
      "-o",
      dir,
      "--paper",
      "东昌府新闻",
      "--date",
      "2023-07-20",
      "--number",
      "1234",
    );
    issue = JSON.parse(readFileSync(join(dir, "issue.json"), "utf8")) as IssueData;
  });

  it("puts every story into the pool, the first the lead, with pages for them", () => {
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(stories).toHaveLength(8);
    expect(issue.articles.map((a) => a.headline)).toEqual(
      stories.map((a) => fullWidthPunctuation(a.headline ?? "").text),
    );
    expect(issue.articles.map((a) => a.priority)).toEqual([1, ...stories.slice(1).map(() => undefined)]);
    expect(issue.pages.length).toBeGreaterThan(1);
    expect(issue.pages.every((p) => p.section === "要闻" && (p.articles ?? []).length === 0)).toBe(true);
    expect(issue.issue).toEqual({ date: "2023-07-20", number: 1234 });
  });

  it("keeps a subhead's line break and splits nothing else", () => {
    stories.forEach((a, i) => {
      const got = issue.articles[i] as ArticleData;
      expect(got.subhead).toBe(i % 2 === 0 ? twoLineSubhead(a).join("\n") : undefined);
      expect([got.kicker, got.dateline, got.byline]).toEqual([a.kicker, a.dateline, a.byline]);
      // The reporter's half-width punctuation comes back full width wherever it sits in Chinese text.
      expect(got.body).toEqual(
        a.body.map((b) => (typeof b === "string" ? fullWidthPunctuation(typedHalfWidth(b)).text : b)),
      );
    });
  });

  it("reports the punctuation it set full width, per story", () => {
    // The first story's caption has one comma typed half width too.
    const retyped = stories.map(
      (a, i) =>
        a.body.reduce((n, b) => n + (typeof b === "string" ? fullWidthPunctuation(typedHalfWidth(b)).changed : 0), 0) +
        (i === 0 ? 1 : 0),
    );
    expect(retyped.every((n) => n > 0)).toBe(true);
    expect(imported.stdout).toMatch(
      new RegExp(`page-1 [^]*?note: ${retyped[0]} half-width punctuation mark\\(s\\) set full width`),
    );
    expect(imported.stdout).toMatch(
      /wrote new issue .*: 8 article\(s\) in the story pool .* punctuation mark\(s\) set full width/,
    );
  });

  it("keeps the marks as typed with --keep-punctuation", async () => {
    const out = join(tmp, "page-kept");
    const r = await newsprint("import", docx, "-o", out, "--keep-punctuation");
    expect(r.code).toBe(0);
    const kept = JSON.parse(readFileSync(join(out, "issue.json"), "utf8")) as IssueData;
    expect(kept.articles[1]?.body[0]).toBe(typedHalfWidth(stories[1]?.body[0] as string));
  });

  // Needs the load stage to accept "\n" in heads (issue 22, another branch): exit 2 until then.
  it("builds as imported", async () => {
    await builds(dir, join(tmp, "page-out"));
  });

  it("builds with no hand edit to its pages, the subheads' breaks aside", async () => {
    const flat = join(tmp, "page-flat");
    cpSync(dir, flat, { recursive: true });
    const text = readFileSync(join(flat, "issue.json"), "utf8");
    writeFileSync(join(flat, "issue.json"), text.replace(/("subhead": "[^"]*)\\n/g, "$1 "));
    await builds(flat, join(tmp, "page-flat-out"));
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

  it("imports stories without pictures into a new folder, and they build", async () => {
    const web = join(tmp, "web-plain");
    mkdirSync(web, { recursive: true });
    const file = join(web, "notes.md");
    writeFileSync(
      file,
      `---
section: 民生
subhead: ——党建引领基层治理
---
# 古楼街道开展“双推进”

**东昌府讯** 近年来,古楼街道党工委大力加强居民小区党建工作,实施居民小区党组织覆盖与物业服务覆盖“双推进”。全面下沉服务重心,延伸服务触角,不断巩固党在基层执政的根基。

## 强化“工作链”

全面加强党的领导,为小区党建工作架梁立柱。各小区党支部积极响应,一级抓一级,上下联动。

（融媒体 郭龙君 通讯员 管荣晶）

---

# 践行垃圾分类 争做环保先锋

为提高少先队员们的垃圾分类意识,近日,风貌街小学的少先队员走进东昌府区垃圾分类教育基地。

（团区委宣）
`,
    );
    const out = join(tmp, "md-plain");
    const r = await newsprint("import", file, "-o", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const issue = (await loadIssue(out)).data;
    expect(issue.pages.map((p) => p.section)).toEqual(["民生"]);
    expect(issue.articles).toMatchObject([
      { id: "notes-1", section: "民生", priority: 1, subhead: "党建引领基层治理", dateline: "东昌府讯" },
      { id: "notes-2", section: "民生", byline: "团区委宣" },
    ]);
    // Typed half width in the Markdown, full width in the issue.
    expect(issue.articles[0]?.body[0]).toMatch(/^近年来，古楼街道党工委大力加强居民小区党建工作，实施/);
    expect(existsSync(join(out, "issue.schema.json"))).toBe(true);
    await builds(out, join(tmp, "md-plain-out"));
  });

  it("takes a `## ——` heading under the headline as the subhead, without its dash", async () => {
    const file = join(tmp, "dash.md");
    writeFileSync(
      file,
      "# 开展见义勇为专题宣传活动\n\n## ——倡导见义勇为 弘扬社会正气\n\n**东昌府讯** 12月26日，柳园街道开展专题宣传活动。\n",
    );
    const out = join(tmp, "md-dash");
    expect((await newsprint("import", file, "-o", out)).code).toBe(0);
    const [a] = articlesOf((await loadIssue(out)).data);
    expect(a).toMatchObject({ subhead: "倡导见义勇为 弘扬社会正气", body: ["12月26日，柳园街道开展专题宣传活动。"] });
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

describe("--append into the story pool", () => {
  const story = (n: number) =>
    `# 第${n}篇稿件的标题\n\n**东昌府讯** 近日，梁水镇开展了第${n}次志愿服务活动，受到群众好评。\n\n（融媒体 郭龙君）\n`;

  it("adds to the pool without --page, a section the issue has no page of left out with a note", async () => {
    const dir = join(tmp, "pool-append");
    expect((await newsprint("init", dir)).code).toBe(0);
    const md = join(tmp, "pool-story.md");
    writeFileSync(md, `---\nsection: 体育\n---\n${story(1)}`);
    const r = await newsprint("import", md, "-o", dir, "--append");
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/note: pool-story-1: the issue has no page of section 体育; it may go on any page/);
    expect(r.stdout).toMatch(/added to .*issue\.json: 1 article\(s\) in the story pool/);
    const issue = (await loadIssue(dir)).data;
    expect(issue.articles.map((a) => [a.id, a.section, a.priority])).toEqual([["pool-story-1", undefined, undefined]]);
    expect(issue.pages[0]?.articles.map((a) => a.id)).toEqual(["lead"]);
  });

  it("refuses a new issue's options with --append", async () => {
    const dir = join(tmp, "pool-append");
    const r = await newsprint("import", join(tmp, "pool-story.md"), "-o", dir, "--append", "--date", "2023-01-02");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--date: sets up a new issue; with --append the issue keeps its own/);
  });

  it.each([
    [
      "a byte order mark",
      (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]),
      [0xef, 0xbb, 0xbf],
    ],
    ["UTF-16", (t: string) => Buffer.from(`\ufeff${t}`, "utf16le"), [0xff, 0xfe]],
  ] as const)("appends to an issue.json with %s and keeps its encoding", async (name, encode, head) => {
    const dir = join(tmp, `encoded-${head.length}`);
    expect((await newsprint("init", dir)).code).toBe(0);
    writeFileSync(join(dir, "issue.json"), encode(readFileSync(join(dir, "issue.json"), "utf8")));
    const md = join(tmp, `encoded-${head.length}.md`);
    writeFileSync(md, story(2));
    const r = await newsprint("import", md, "-o", dir, "--append");
    expect(r.stderr, name).toBe("");
    expect(r.code).toBe(0);
    const bytes = readFileSync(join(dir, "issue.json"));
    expect([...bytes.subarray(0, head.length)]).toEqual([...head]);
    const text = new TextDecoder(head.length === 2 ? "utf-16le" : "utf-8").decode(bytes.subarray(head.length));
    expect((JSON.parse(text) as IssueData).articles.map((a) => a.id)).toEqual([`encoded-${head.length}-1`]);
  });

  it("loses no story when several imports append at once", async () => {
    const dir = join(tmp, "concurrent");
    expect((await newsprint("init", dir)).code).toBe(0);
    const expected: string[] = [];
    for (let round = 0; round < 3; round++) {
      const files = [0, 1, 2].map((k) => {
        const file = join(tmp, `desk-${round}-${k}.md`);
        writeFileSync(file, story(round * 10 + k));
        return file;
      });
      const runs = await Promise.all(files.map((f) => newsprint("import", f, "-o", dir, "--append")));
      for (const r of runs) {
        expect(r.stderr).toBe("");
        expect(r.stdout).toMatch(/added to .*: 1 article\(s\) in the story pool/);
      }
      expected.push(...files.map((f) => `${f.replace(/^.*\//, "").replace(/\.md$/, "")}-1`));
      const ids = (await loadIssue(dir)).data.articles.map((a) => a.id);
      expect([...ids].sort()).toEqual([...expected].sort());
    }
    expect(existsSync(join(dir, "issue.json.lock"))).toBe(false);
  });
});

describe("newsprint init", () => {
  it("scaffolds an issue that builds", async () => {
    const dir = join(tmp, "new-issue");
    const r = await newsprint(
      "init",
      dir,
      "--format",
      "broadsheet",
      "--paper",
      "東昌府新聞",
      "--lang",
      "zh-Hant",
      "--date",
      "2023-07-20",
      "--number",
      "1234",
      "--slug",
      "dongchangfu",
    );
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["README.md", "issue.json", "issue.schema.json", "photos"]);
    const issue = (await loadIssue(dir)).data;
    expect(issue.format).toBe("broadsheet");
    expect(issue.paper).toEqual({ name: "東昌府新聞", slug: "dongchangfu" });
    expect([issue.lang, issue.issue.date, issue.issue.number, issue.pages[0]?.section]).toEqual([
      "zh-Hant",
      "2023-07-20",
      1234,
      "要聞",
    ]);
    expect(issue.pages[0]?.articles[0]?.headline).toBeTruthy();
    const built = await newsprint("build", dir, "-o", join(tmp, "init-out"), "-q");
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    expect(existsSync(join(tmp, "init-out/dongchangfu.pdf")) || existsSync(join(tmp, "init-out/new-issue.pdf"))).toBe(
      true,
    );
  });

  it("writes an English issue that validates (its placeholder in English fonts)", async () => {
    const dir = join(tmp, "new-english");
    expect((await newsprint("init", dir, "--lang", "en")).code).toBe(0);
    const r = await newsprint("validate", dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect((await loadIssue(dir)).data.pages[0]?.section).toBe("Front Page");
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

  it("sets the pages' half-width brackets full width, and says how many", async () => {
    const page = files.findIndex((f) => f.startsWith("003_"));
    const issue = (await loadIssue(join(tmp, `corpus-${page}`))).data;
    const text = printedTexts(issue).join("");
    expect(text).toContain("侯营镇举办村（社区）党组织书记");
    expect(text).not.toMatch(/[\p{Script=Han}][(),;:?!]|[(),;:?!][\p{Script=Han}]/u);
  });

  it.each(corpus.map((f, i) => [f, i] as const))("builds %s as imported, planned onto pages", async (f, i) => {
    const issue = (await loadIssue(join(tmp, `corpus-${i}`))).data;
    expect(issue.pages.length, f).toBeGreaterThanOrEqual(2);
    expect(issue.articles[0]?.priority).toBe(1);
    await builds(join(tmp, `corpus-${i}`), join(tmp, `corpus-${i}-out`));
  });

  it("builds all four pages imported in one command", async () => {
    const dir = join(tmp, "corpus-four");
    const r = await newsprint("import", ...files.map((f) => join(corpusDir, f)), "-o", dir, "--date", "2023-07-20");
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/49 article\(s\) in the story pool \(\d+ tabloid page\(s\)/);
    await builds(dir, join(tmp, "corpus-four-out"));
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
