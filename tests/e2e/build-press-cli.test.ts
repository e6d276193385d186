import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `newsprint build --press` as a person runs it: every option and the output folder checked before
// any stage runs (exit 2, nothing written), and Ctrl-C at any moment leaving neither staging
// folders nor Ghostscript behind.

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const CLI = join(ROOT, "bin", "newsprint.js");
const SAMPLE = join(ROOT, "issues", "dongchangfu");
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "newsprint-build-press-cli-"));
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

/** A copy of the sample issue with `edit` applied to its data (photos stay where they are). */
function sampleCopy(name: string, edit: (data: Record<string, unknown>) => void): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const data = JSON.parse(readFileSync(join(SAMPLE, "issue.json"), "utf8"));
  data.$schema = undefined;
  edit(data);
  writeFileSync(join(dir, "issue.json"), JSON.stringify(data, null, 2));
  if (!existsSync(join(dir, "photos"))) symlinkSync(join(SAMPLE, "photos"), join(dir, "photos"));
  return dir;
}

describe("build --press checks every press option before any stage runs", () => {
  const cases: [string, () => string[]][] = [
    ["a bad --page-pattern", () => [SAMPLE, "--page-pattern", "<paper>_<bogus>.pdf"]],
    ["--ink-limit abc", () => [SAMPLE, "--ink-limit", "abc"]],
    ["an unreadable --profile", () => [SAMPLE, "--profile", join(tmp, "no-such.icc")]],
    [
      "a date the press file names reject",
      () => [sampleCopy("bad-date", (d) => Object.assign(d.issue as object, { date: "2022-02-30" }))],
    ],
  ];
  it.each(cases)("%s: exit 2 and the output folder stays empty", async (_, args) => {
    const out = join(tmp, `out-${Math.random().toString(36).slice(2)}`);
    const { code, stderr } = await newsprint(["build", ...args(), "--press", "-o", out]);
    expect(code, stderr).toBe(2);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it("lists all bad options in one report", async () => {
    const out = join(tmp, "out-all");
    const { code, stderr } = await newsprint([
      "build",
      SAMPLE,
      "--press",
      "--ink-limit",
      "abc",
      "--page-pattern",
      "报_<page>.pdf",
      "-o",
      out,
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/press options \(2 problems\)/);
    expect(stderr).toMatch(/--ink-limit needs a number/);
    expect(stderr).toMatch(/not plain ASCII/);
    expect(existsSync(out)).toBe(false);
  });

  it("--pdfx takes only the versions it can write", async () => {
    const { code, stderr } = await newsprint(["build", SAMPLE, "--press", "--pdfx", "PDF/X-5", "-o", join(tmp, "x")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Allowed choices are PDF\/X-1a:2001, PDF\/X-3:2002, PDF\/X-4/);
  });

  it("--pdfx PDF/X-4 without Ghostscript in WebAssembly: exit 2 naming the package, nothing written", async () => {
    const out = join(tmp, "x4");
    const env = { ...process.env, NEWSPRINT_GS_WASM: join(tmp, "no-such-gs.js") };
    const result = await run("node", [CLI, "build", SAMPLE, "--press", "--pdfx", "PDF/X-4", "-o", out], {
      cwd: ROOT,
      env,
    }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /--pdfx PDF\/X-4 needs Ghostscript 10\.06 in WebAssembly, which is not installed \(.*no-such-gs\.js\): npm install @okathira\/ghostpdl-wasm/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe("an unwritable output folder is one input error naming it", () => {
  const noPhotos = () =>
    sampleCopy("no-photos", (d) => {
      const pages = d.pages as { articles: Record<string, unknown>[] }[];
      d.pages = [{ articles: (pages[0]?.articles ?? []).filter((a) => a.headline).map((a) => ({ ...a, images: [] })) }];
    });
  const file = () => {
    const f = join(tmp, "a-file");
    writeFileSync(f, "not a folder");
    return f;
  };
  const outputs: [string, () => string, RegExp][] = [
    ["a file in place of the folder", file, /is a file, not a folder/],
    ["a folder under a file", () => join(file(), "sub", "out"), /a part of the path is a file/],
  ];
  for (const [what, out, message] of outputs) {
    it.each([
      ["with photos", () => SAMPLE],
      ["without photos", noPhotos],
    ])(`${what}, %s: exit 2, one message, no photo problems`, async (_, issue) => {
      const target = out();
      const { code, stderr } = await newsprint(["build", issue(), "-o", target]);
      expect(code, stderr).toBe(2);
      expect(stderr).toContain(`output folder ${target}`);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/photo|\.cache|EPERM/);
      expect(stderr.trim().split("\n")).toHaveLength(2);
    });
  }

  // Root writes through permission bits; a read-only mount stops it. Private to one process.
  const canMount = (() => {
    try {
      execFileSync("unshare", ["-m", "sh", "-c", "mount -t tmpfs -o ro tmpfs /mnt"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!canMount)("a read-only file system: exit 2 naming the folder", async () => {
    const mountPoint = join(tmp, "ro");
    mkdirSync(mountPoint, { recursive: true });
    for (const target of [mountPoint, join(mountPoint, "out")]) {
      const script = `mount -t tmpfs -o ro tmpfs "$1" && exec node "$2" build "$3" -o "$4"`;
      const result = await run("unshare", ["-m", "sh", "-c", script, "sh", mountPoint, CLI, SAMPLE, target], {
        cwd: ROOT,
      }).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`output folder ${target}`);
      expect(result.stderr).toMatch(/EROFS/);
    }
  });
});

/** Ghostscript processes whose parent is `pid`, from /proc. */
function gsChildren(pid: number, name = "gs"): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "latin1");
      const [, comm, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      if (comm === name && Number(rest?.split(" ")[1]) === pid) found.push(Number(entry));
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

/** Alive: not gone and not a zombie waiting for its (new) parent to reap it. */
function alive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, "latin1").replace(/^.*\) /s, "")[0];
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}

describe("Ctrl-C during build --press", () => {
  type Moment = "chromium" | "staging" | "ghostscript" | "first-file";
  /** Runs the build and sends `signal` at `moment`; returns the exit code and what was left. */
  async function interrupt(moment: Moment, signal: "SIGINT" | "SIGTERM" = "SIGINT") {
    const out = join(tmp, `interrupted-${moment}-${signal}`);
    const ownTmp = join(tmp, `tmp-${moment}-${signal}`);
    mkdirSync(ownTmp, { recursive: true });
    const child: ChildProcess = spawn("node", [CLI, "build", SAMPLE, "--press", "-q", "-o", out], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: ownTmp },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const pressDir = join(out, "dongchangfu", "press");
    const staging = () => (existsSync(pressDir) ? readdirSync(pressDir).filter((n) => n.startsWith(".press-")) : []);
    const seenGs = new Set<number>();
    const started = Date.now();
    let sent = false;
    while (!sent && child.exitCode === null && Date.now() - started < 60_000) {
      for (const pid of gsChildren(child.pid as number)) seenGs.add(pid);
      const stage = staging()[0];
      const ready =
        moment === "chromium"
          ? gsChildren(child.pid as number, "chromium").length > 0
          : moment === "staging"
            ? stage !== undefined
            : moment === "ghostscript"
              ? seenGs.size > 0
              : stage !== undefined && readdirSync(join(pressDir, stage)).some((n) => n.endsWith(".pdf"));
      if (ready) {
        child.kill(signal);
        sent = true;
      } else await sleep(20);
    }
    expect(sent, `the build ended before the moment "${moment}": ${stderr}`).toBe(true);
    const code = await exited;
    // A killed process is gone a moment after the kill; give it that moment.
    for (let i = 0; i < 50 && [...seenGs].some(alive); i++) await sleep(20);
    return { code, staging: staging(), seenGs: [...seenGs], ownTmp: readdirSync(ownTmp), stderr };
  }

  it.each<Moment>([
    "chromium",
    "staging",
    "ghostscript",
    "first-file",
  ])("at the moment %s: exit 130, no staging folder, no Ghostscript left running", async (moment) => {
    const left = await interrupt(moment);
    expect(left.code, left.stderr).toBe(130);
    expect(left.staging).toEqual([]);
    expect(left.seenGs.filter(alive)).toEqual([]);
    expect(left.ownTmp.filter((n) => n.startsWith("newsprint-"))).toEqual([]);
    if (moment === "ghostscript") expect(left.seenGs.length).toBeGreaterThan(0);
  }, 90_000);

  it("SIGTERM while Ghostscript runs: exit 143 and the same cleanup", async () => {
    const left = await interrupt("ghostscript", "SIGTERM");
    expect(left.code, left.stderr).toBe(143);
    expect(left.staging).toEqual([]);
    expect(left.seenGs.filter(alive)).toEqual([]);
  }, 90_000);
});
