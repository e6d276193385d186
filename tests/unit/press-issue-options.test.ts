import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve";
import { type Issue, loadIssue } from "../../src/load";
import { checkPressOptions, PressOptionsError, pressOptionsForIssue } from "../../src/press/index";
import { resolvePressOptions } from "../../src/press/options";
import { planFiles } from "../../src/press/plan";

/** The press settings of a command without options. */
const PRESS = resolveConfig({}, undefined, {}).press;

// The press options of an issue, checked before any stage runs (build --press).

const SAMPLE = join(import.meta.dirname, "../../issues/dongchangfu/issue.json");
let root: string;
let sample: Issue;

/** The sample issue in a folder of the given name, with its paper changed as given. */
async function issueIn(folder: string, paper: Record<string, unknown> = {}): Promise<Issue> {
  const dir = join(root, folder);
  mkdirSync(dir, { recursive: true });
  const data = JSON.parse(readFileSync(SAMPLE, "utf8"));
  data.$schema = undefined;
  data.paper = { ...data.paper, ...paper };
  writeFileSync(join(dir, "issue.json"), JSON.stringify(data));
  return loadIssue(dir);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "newsprint-press-options-"));
  sample = await issueIn("dongchangfu");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function problemsOf(flags: Parameters<typeof checkPressOptions>[0], issue = sample): Promise<string[]> {
  const error = await checkPressOptions(flags, issue, join(root, "out"), PRESS).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PressOptionsError);
  return (error as PressOptionsError).problems;
}

describe("checkPressOptions", () => {
  it("accepts the defaults and gives the options makePressFiles takes", async () => {
    const { options, warnings } = await checkPressOptions({ inkLimit: "220" }, sample, "/tmp/o", PRESS);
    expect(warnings).toEqual([]);
    expect(options.outDir).toBe("/tmp/o/dongchangfu/press");
    expect(options.metadata).toMatchObject({ paperSlug: "dongchangfu", publisher: "中共聊城市东昌府区委宣传部" });
    expect(options.metadata.issueNumber).toBe(1234);
    expect(planFiles(resolvePressOptions(options, PRESS), 8).pages[0]?.fileName).toBe("dongchangfu_20221230_01.pdf");
  });

  it("lists every bad option at once: pattern, numbers, PDF/X, profile", async () => {
    const notIcc = join(root, "not-a-profile.icc");
    writeFileSync(notIcc, "hello");
    const problems = await problemsOf({
      pagePattern: "<paper>_<bogus>.pdf",
      inkLimit: "abc",
      bleed: "99",
      pdfx: "PDF/X-5",
      profile: notIcc,
    });
    expect(problems).toEqual([
      '--ink-limit needs a number (percent), not "abc"',
      '--pdfx must be PDF/X-1a:2001 or PDF/X-3:2002 or PDF/X-4, not "PDF/X-5"',
      "bleed must be between 0 and 20 mm, not 99",
      `${notIcc} is not an ICC profile`,
      'unknown token <bogus> in file name pattern "<paper>_<bogus>.pdf"',
    ]);
  });

  it("names an unreadable profile and an ink limit no shipped profile has", async () => {
    const problems = await problemsOf({ profile: join(root, "missing.icc") });
    expect(problems).toEqual([expect.stringMatching(/^cannot read ICC profile .*missing\.icc: not found$/)]);
    expect(await problemsOf({ inkLimit: "180" })).toEqual([expect.stringMatching(/no shipped profile .* 180%/)]);
  });

  it("rejects a date the press file names cannot carry", async () => {
    const badDate: Issue = { ...sample, data: { ...sample.data, issue: { ...sample.data.issue, date: "2022-02-30" } } };
    expect(await problemsOf({}, badDate)).toEqual(['issue date "2022-02-30" is not a valid YYYY-MM-DD date']);
  });

  it("rejects a pattern that is not plain ASCII or gives one name twice", async () => {
    expect(await problemsOf({ pagePattern: "报_<page>.pdf" })).toEqual([expect.stringMatching(/not plain ASCII/)]);
    expect(await problemsOf({ pagePattern: "<paper>.pdf" })).toEqual([expect.stringMatching(/twice/)]);
  });
});

describe("press file names of an issue", () => {
  it("warn, naming paper.slug, when a Chinese folder name gives no ASCII name", async () => {
    const issue = await issueIn("东昌府新闻");
    const { options, warnings } = pressOptionsForIssue(issue, "/tmp/o", {});
    expect(options.metadata.paperSlug).toBe("issue");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/press files are named "issue_…"/);
    expect(warnings[0]).toMatch(/folder name "东昌府新闻"/);
    expect(warnings[0]).toContain("paper.slug");
    expect(planFiles(resolvePressOptions(options, PRESS), 8).pages[0]?.fileName).toBe("issue_20221230_01.pdf");
  });

  it("do not warn when paper.slug is set or the folder name is ASCII", async () => {
    const withSlug = await issueIn("东昌府新闻-2", { slug: "dcf" });
    expect(pressOptionsForIssue(withSlug, "/tmp/o", {})).toMatchObject({ warnings: [] });
    expect(pressOptionsForIssue(withSlug, "/tmp/o", {}).options.metadata.paperSlug).toBe("dcf");
    expect(pressOptionsForIssue(await issueIn("Süd Ausgabe"), "/tmp/o", {}).options.metadata.paperSlug).toBe(
      "sud-ausgabe",
    );
  });
});

// The shipped profile used by the defaults is a real ICC profile, so the check above reads one.
it("reads a real profile when one is given", async () => {
  const copy = join(root, "tac240.icc");
  copyFileSync(join(import.meta.dirname, "../../profiles/newsprint-tr002-tac240.icc"), copy);
  await expect(checkPressOptions({ profile: copy }, sample, "/tmp/o", PRESS)).resolves.toMatchObject({ warnings: [] });
});
