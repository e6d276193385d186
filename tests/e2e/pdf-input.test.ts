import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreflightReport } from "../../src/preflight/index";

// What the checking commands (preflight, check-type) say about input that is not a usable PDF:
// our own words and exit 2, each file on its own — never a TypeError or poppler's raw lines.

const run = promisify(execFile);
const CLI = join(import.meta.dirname, "..", "..", "bin", "newsprint.js");
let dir: string;
const file = (name: string) => join(dir, name);

async function newsprint(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "newsprint-pdf-input-"));
  // "%PDF-1.7" and then noise: pdf-lib "loads" it, poppler cannot.
  const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256));
  await writeFile(file("damaged.pdf"), Buffer.concat([Buffer.from("%PDF-1.7\n"), noise]));
  await writeFile(file("empty.pdf"), await (await PDFDocument.create()).save({ addDefaultPage: false }));
  const good = await PDFDocument.create();
  good.addPage([595, 842]).drawText("page", { x: 50, y: 780, size: 30 });
  await writeFile(file("good.pdf"), await good.save());
  await mkdir(file("folder.pdf"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const RAW = /TypeError|Syntax Error|Command Line Error|Cannot read properties/;

describe("preflight on files that are not usable PDFs", () => {
  it("reports the damaged file as unreadable and still checks the others (exit 2)", async () => {
    const r = await newsprint("preflight", "--json", file("damaged.pdf"), file("good.pdf"));
    expect(r.code, r.stderr).toBe(2);
    const report = JSON.parse(r.stdout) as PreflightReport;
    expect(report.files.map((f) => [f.readable, f.error])).toEqual([
      [false, "is damaged: it has no readable page tree"],
      [true, undefined],
    ]);
    expect(report.files[1]?.checks.length).toBeGreaterThan(5);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
  });

  it.each([
    ["folder.pdf", "is a folder, not a PDF"],
    ["empty.pdf", "has no pages"],
    ["missing.pdf", "does not exist"],
  ])("%s: %s, exit 2", async (name, words) => {
    const r = await newsprint("preflight", file(name));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`FAIL ${file(name)} ${words} (unreadable)`);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
  });
});

describe("check-type on files that are not usable PDFs", () => {
  it.each([
    ["folder.pdf", "is a folder, not a PDF"],
    ["empty.pdf", "has no pages"],
    ["damaged.pdf", "is damaged: pdfinfo cannot read it"],
  ])("%s: %s, exit 2", async (name, words) => {
    const r = await newsprint("check-type", file(name));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`check-type: ${file(name)} ${words}`);
    expect(r.stderr).not.toMatch(/TypeError|Command Line Error|Syntax Error:/);
  });

  it("still reports the readable files of the same run", async () => {
    const r = await newsprint("check-type", file("folder.pdf"), file("good.pdf"));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(file("good.pdf"));
  });
});
