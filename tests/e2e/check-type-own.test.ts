import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Issue 22, 6: `check-type` passes newsprint's own pages, as a person runs it: a fresh `init` issue
// (its 副题 led by the template's ——, its centred 小标题), the same in Traditional Chinese, and the
// samples no other e2e file checks (dongchangfu: build.test.ts; hongkong, weekly: house-style.test.ts).

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const CLI = join(ROOT, "bin", "newsprint.js");
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "newsprint-check-type-own-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function newsprint(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", [CLI, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Builds the issue folder and checks its PDF; the check's report as JSON. */
async function buildAndCheck(dir: string, name: string) {
  const out = join(tmp, "out");
  const build = await newsprint("build", dir, "-o", out);
  expect(build.code, build.stderr).toBe(0);
  const check = await newsprint("check-type", join(out, `${name}.pdf`), "--json");
  const [report] = JSON.parse(check.stdout) as { findings: unknown[]; totals: { lines: number } }[];
  return { code: check.code, findings: report?.findings, lines: report?.totals.lines ?? 0 };
}

describe("check-type on newsprint's own pages", () => {
  it("passes a fresh init issue: the subhead's dash lead and the centred 小标题 are no faults", async () => {
    const dir = join(tmp, "today");
    expect((await newsprint("init", dir)).code).toBe(0);
    const issue = JSON.parse(readFileSync(join(dir, "issue.json"), "utf8"));
    // What the check would otherwise report is on the page.
    const lead = issue.pages[0].articles[0];
    expect(lead.subhead).toBeTruthy();
    expect(lead.body.some((item: unknown) => typeof item === "object" && item && "subhead" in item)).toBe(true);
    const result = await buildAndCheck(dir, "today");
    expect(result.findings).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.lines).toBeGreaterThan(20);
  });

  it("passes the init issue set in Traditional Chinese", async () => {
    const dir = join(tmp, "tc");
    expect((await newsprint("init", dir)).code).toBe(0);
    const file = join(dir, "issue.json");
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), lang: "zh-Hant" }));
    const result = await buildAndCheck(dir, "tc");
    expect(result.findings).toEqual([]);
    expect(result.code).toBe(0);
  });

  it("counts half-width punctuation between Chinese characters, after the build warned of it per article", async () => {
    const dir = join(tmp, "marks");
    expect((await newsprint("init", dir)).code).toBe(0);
    const file = join(dir, "issue.json");
    const issue = JSON.parse(readFileSync(file, "utf8"));
    const lead = issue.pages[0].articles[0];
    // As a reporter types with the keyboard in ASCII mode: 3 marks in the lead, 1 in a second story.
    lead.body[0] = "东昌府区,今天召开会议(见第三版)。";
    lead.subhead = "副题写在这里;还有";
    issue.pages[0].articles.push({ id: "second", headline: "第二条 新闻", body: ["第二条正文:今天开会。"] });
    writeFileSync(file, JSON.stringify(issue));
    const out = join(tmp, "out");
    const build = await newsprint("build", dir, "-o", out);
    expect(build.code, build.stderr).toBe(0);
    const warnings = build.stderr.split("\n").filter((l) => /half-width/.test(l));
    expect(warnings).toEqual([
      "warning: article lead: 4 half-width punctuation marks between Chinese characters (first: “写在这里;还有”): set them full-width: ，（）；：？！",
      "warning: article second: 1 half-width punctuation mark between Chinese characters (first: “二条正文:今天开会”): set them full-width: ，（）；：？！",
    ]);
    const check = await newsprint("check-type", join(out, "marks.pdf"), "--json");
    expect(check.code).toBe(4);
    const [report] = JSON.parse(check.stdout) as {
      findings: { kind: string; page: number; snippet?: string }[];
      totals: { halfWidth: number };
    }[];
    const found = report?.findings.filter((f) => f.kind === "half-width") ?? [];
    expect(report?.totals.halfWidth).toBe(5);
    expect(found.every((f) => f.page === 1 && /[,(:;)]/.test(f.snippet ?? ""))).toBe(true);
    expect(report?.findings.filter((f) => f.kind !== "half-width")).toEqual([]);
  });

  it.each(["broadsheet", "ads", "overflow"])("passes the %s sample", async (sample) => {
    const result = await buildAndCheck(join(ROOT, "issues", sample), sample);
    expect(result.findings).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.lines).toBeGreaterThan(300);
  });
});
