import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/paths";

// Issue 26.7: `plan` keeps its measurements in -o, so an -o that cannot be a folder is said first,
// as build says it, before any stage and before Chromium (a Chromium that cannot start shows it).

const work = mkdtempSync(join(tmpdir(), "newsprint-plan-output-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function plan(out: string): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    execFile(
      "node",
      [join(REPO_ROOT, "bin/newsprint.js"), "plan", join(REPO_ROOT, "issues/broadsheet"), "-o", out],
      { cwd: REPO_ROOT, env: { ...process.env, NEWSPRINT_CHROMIUM: join(work, "no-chromium") }, timeout: 120_000 },
      (err, _stdout, stderr) => done({ code: err ? Number(err.code) : 0, stderr: String(stderr) }),
    );
  });
}

describe("plan -o", () => {
  it("a file: exit 2 naming it, before Chromium", async () => {
    const file = join(work, "a-file");
    writeFileSync(file, "x");
    const r = await plan(file);
    expect(r).toEqual({ code: 2, stderr: expect.stringContaining(`output folder ${file}: is a file, not a folder`) });
    expect(r.stderr).not.toMatch(/Chromium|ENOTDIR|EPERM/);
  });

  it("under a file: exit 2, the path named", async () => {
    const r = await plan(join(work, "a-file", "out"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("a part of the path is a file, not a folder");
  });
});
