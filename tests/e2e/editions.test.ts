import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Zoned editions built as a person builds them: the sample issue with a north edition that replaces
// page 6 (its stories under ids of their own, one headline changed). The edition's page is printed
// and pressed once, named with its id; its shared pages are the base's files, not made again; the
// make-up jumps no story between a shared page and a replaced one, and refuses an editor's jumpTo
// across them naming both pages.

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const CLI = join(ROOT, "bin", "newsprint.js");
const SAMPLE = join(ROOT, "issues", "dongchangfu");
/** The sample page the edition replaces. */
const REPLACED = 6;
const MARK = "北部专稿";
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "newsprint-editions-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function newsprint(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  try {
    const { stdout, stderr } = await run("node", [CLI, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface Article {
  id: string;
  headline?: string;
}
interface Page {
  articles: Article[];
}

/** The sample with a north edition whose page `page` holds the base page's stories (`edit`ed). */
function sampleWithEdition(name: string, page: number, edit: (articles: Article[]) => Article[]): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const data = JSON.parse(readFileSync(join(SAMPLE, "issue.json"), "utf8"));
  data.$schema = undefined;
  data.paper.slug = "dcf";
  const own = structuredClone(data.pages[page - 1]) as Page;
  own.articles = edit(own.articles.map((a) => ({ ...a, id: `north-${a.id}` })));
  data.editions = [{ id: "north", name: "北部版", pages: { [String(page)]: own } }];
  writeFileSync(join(dir, "issue.json"), JSON.stringify(data, null, 2));
  // Copied: a photo behind a symlink out of the issue folder is refused.
  cpSync(join(SAMPLE, "photos"), join(dir, "photos"), { recursive: true });
  return dir;
}

const pdfText = (file: string) => execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);

describe("zoned editions", () => {
  it("prints and presses the replaced page once, named with the edition, and lists what each edition prints", async () => {
    // Same length as the headline it replaces: the page keeps its fill, and no story jumps.
    const issue = sampleWithEdition("north", REPLACED, (articles) =>
      articles.map((a, i) => (i === 0 && a.headline ? { ...a, headline: MARK + a.headline.slice(MARK.length) } : a)),
    );
    const out = join(tmp, "out");
    const built = await newsprint(["build", issue, "-o", out, "--press", "--deterministic"]);
    expect(built.stderr).not.toMatch(/newsprint: /);
    expect(built.code).toBe(0);
    expect(built.stdout).toContain(
      `edition north (北部版): pages ${REPLACED} its own, 1 printed, the others the base's`,
    );

    const press = join(out, "north", "press");
    const files = readdirSync(press).sort();
    const own = `dcf_20221230_north_0${REPLACED}.pdf`;
    // The base's 8 pages and its whole-issue proof, and the edition's one page: nothing twice.
    expect(files).toEqual(
      [...Array.from({ length: 8 }, (_, i) => `dcf_20221230_0${i + 1}.pdf`), own, "dcf_20221230_press.pdf"].sort(),
    );
    expect(pdfPages(join(press, own))).toBe(1);
    expect(pdfText(join(press, own))).toContain(MARK);
    expect(pdfText(join(press, `dcf_20221230_0${REPLACED}.pdf`))).not.toContain(MARK);

    // The edition's proof: the base's pages with its own in place; its page proof alone.
    const proofs = join(out, "north", "editions");
    expect(readdirSync(proofs).sort()).toEqual(["north.pdf", `north_0${REPLACED}.pdf`]);
    expect(pdfPages(join(proofs, "north.pdf"))).toBe(8);
    const pages = pdfText(join(proofs, "north.pdf")).split("\f");
    expect(pages[REPLACED - 1]).toContain(MARK);
    expect(pages.filter((p) => p.includes(MARK))).toHaveLength(1);

    const report = JSON.parse(readFileSync(join(out, "north", "editions.json"), "utf8"));
    const north = report.editions[0];
    expect(north).toMatchObject({ id: "north", name: "北部版", proof: "editions/north.pdf", replaced: [REPLACED] });
    expect(north.pages).toHaveLength(8);
    expect(north.pages[REPLACED - 1]).toEqual({
      page: REPLACED,
      from: "edition",
      proof: `editions/north_0${REPLACED}.pdf`,
      proofPage: 1,
      press: `press/${own}`,
    });
    expect(north.pages[0]).toEqual({
      page: 1,
      from: "base",
      proof: "../north.pdf",
      proofPage: 1,
      press: "press/dcf_20221230_01.pdf",
    });
  }, 120_000);

  it("keeps the shared pages' stories off the replaced page, and refuses a jumpTo onto it naming both pages", async () => {
    // Page 8 replaced: in the base, page 7's stories jumped onto it.
    const issue = sampleWithEdition("jump", 8, (articles) => articles);
    const out = join(tmp, "out-jump");
    const built = await newsprint(["build", issue, "-o", out]);
    expect(built.code, built.stderr).toBe(0);
    const layout = JSON.parse(readFileSync(join(out, "jump", "layout.json"), "utf8")) as {
      jumps: { articleId: string; fromPage: number; toPage: number }[];
    };
    // Every jump stays within the pages every edition prints (1–7): none lands on page 8.
    expect(layout.jumps.length).toBeGreaterThan(0);
    expect(layout.jumps.filter((j) => j.toPage === 8)).toEqual([]);

    // The editor's own jumpTo across the zones is refused, naming both pages, nothing written.
    const data = JSON.parse(readFileSync(join(issue, "issue.json"), "utf8"));
    data.pages[6].articles[0].jumpTo = 8;
    writeFileSync(join(issue, "issue.json"), JSON.stringify(data, null, 2));
    const forced = join(tmp, "out-forced");
    const refused = await newsprint(["build", issue, "-o", forced]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/jumps from page 7 to page 8 \(edition north replaces page 8, shares page 7\)/);
    expect(existsSync(join(forced, "jump.pdf"))).toBe(false);
  }, 90_000);
});
