import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { must } from "../helpers/must";
import { REPO_ROOT } from "../helpers/paths";

// `newsprint preview` as a service manager or a container runs it: SIGTERM at any moment stops it
// promptly with 143 (Ctrl-C with 130), as `build` does, and leaves no Chromium process behind; a
// start that fails exits with its code at once.

const CLI = join(REPO_ROOT, "bin", "newsprint.js");
const SAMPLE = join(REPO_ROOT, "issues", "broadsheet");
/** Long enough for an orderly close on a loaded 2-core machine; far below a service manager's wait. */
const PROMPT_MS = 10_000;
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "newsprint-preview-cli-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Parent of every process, from /proc. */
function parents(): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const rest = readFileSync(`/proc/${entry}/stat`, "latin1").replace(/^.*\) /s, "");
      found.set(Number(entry), Number(rest.split(" ")[1]));
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

/** Every process below `pid`, with its command name. */
function descendants(pid: number): { pid: number; name: string }[] {
  const parentOf = parents();
  const below = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of parentOf) {
      if (below.has(parent) && !below.has(child)) {
        below.add(child);
        grew = true;
      }
    }
  }
  below.delete(pid);
  return [...below].map((p) => ({ pid: p, name: commandName(p) }));
}

function commandName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "latin1").trim();
  } catch {
    return "";
  }
}

function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return [];
  }
}

/** Processes whose command line holds `arg`: all of one Chromium's, by its profile folder, even
 *  those it started after the signal, which no longer hang below the preview once it is gone. */
function processesWith(arg: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry) && commandLine(Number(entry)).includes(arg))
    .map(Number);
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

function status(url: string): Promise<number> {
  return new Promise((ok, fail) => {
    get(url, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    }).on("error", fail);
  });
}

type Moment = "chromium starting" | "pages shown";

/** Starts a preview of a temp copy of the sample, sends `signal` at `moment`, and reports how it ended. */
async function stopPreview(moment: Moment, signal: "SIGTERM" | "SIGINT") {
  const name = `${moment.replace(" ", "-")}-${signal}`;
  const issueDir = join(tmp, name, "broadsheet");
  cpSync(SAMPLE, issueDir, { recursive: true });
  const child = spawn("node", [CLI, "preview", issueDir, "--port", "0", "-o", join(tmp, name, "out")], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const pid = child.pid as number;
  const url = () => /at (http:\/\/\S+)/.exec(stdout)?.[1];

  /** Every process below the preview when the signal went: Chromium's own ones included. */
  let below: { pid: number; name: string }[] = [];
  /** The --user-data-dir argument of each Chromium it started. */
  let profiles: string[] = [];
  let sentAt = 0;
  for (const started = Date.now(); child.exitCode === null && Date.now() - started < 120_000; await sleep(20)) {
    below = descendants(pid);
    const chromium = below.some((p) => p.name === "chromium");
    const ready = moment === "chromium starting" ? chromium && !url() : /version 1:/.test(stderr);
    if (ready) {
      profiles = below
        .filter((p) => p.name === "chromium")
        .flatMap((p) => commandLine(p.pid).filter((a) => a.startsWith("--user-data-dir=")));
      if (moment === "pages shown") expect(await status(must(url(), "the URL the preview printed"))).toBe(200);
      child.kill(signal);
      sentAt = Date.now();
      break;
    }
  }
  expect(sentAt, `the preview did not reach "${moment}": ${stdout}${stderr}`).toBeGreaterThan(0);
  const timeout = sleep(PROMPT_MS + 20_000, "still running" as const, { ref: false });
  const code = await Promise.race([exited, timeout]);
  const tookMs = Date.now() - sentAt;
  if (code === "still running") child.kill("SIGKILL");
  const left = () => [...new Set([...below.map((p) => p.pid), ...profiles.flatMap(processesWith)].filter(alive))];
  // A killed process is gone a moment after the kill; give it that moment.
  for (let i = 0; i < 100 && left().length > 0; i++) await sleep(20);
  return {
    code,
    tookMs,
    chromiumRan: profiles.length > 0,
    left: left().map((p) => `${p} ${commandName(p)}`),
    output: stdout + stderr,
  };
}

describe("newsprint preview stops on a signal", () => {
  it.each<Moment>([
    "chromium starting",
    "pages shown",
  ])("SIGTERM while %s: exit 143 at once, no Chromium left", async (moment) => {
    const ended = await stopPreview(moment, "SIGTERM");
    expect(ended.code, ended.output).toBe(143);
    expect(ended.tookMs).toBeLessThan(PROMPT_MS);
    expect(ended.chromiumRan).toBe(true);
    expect(ended.left).toEqual([]);
    // A stop is not a failure of the pages.
    expect(ended.output).not.toMatch(/could not/);
  }, 180_000);

  it("Ctrl-C once the pages are shown: exit 130, no Chromium left", async () => {
    const ended = await stopPreview("pages shown", "SIGINT");
    expect(ended.code, ended.output).toBe(130);
    expect(ended.tookMs).toBeLessThan(PROMPT_MS);
    expect(ended.chromiumRan).toBe(true);
    expect(ended.left).toEqual([]);
  }, 180_000);

  it("exits with the failure's code when it cannot start, nothing left open keeping it alive", async () => {
    const out = join(tmp, "no-chromium");
    const started = Date.now();
    const ended = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        "node",
        [CLI, "preview", SAMPLE, "--port", "0", "--chromium", join(tmp, "no-such"), "-o", out],
        {
          cwd: REPO_ROOT,
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
      let stderr = "";
      child.stderr.on("data", (c: Buffer) => {
        stderr += c.toString();
      });
      const killer = setTimeout(() => child.kill("SIGKILL"), PROMPT_MS + 20_000);
      child.once("exit", (code) => {
        clearTimeout(killer);
        resolve({ code, stderr });
      });
    });
    expect(ended.code, ended.stderr).toBe(1);
    expect(ended.stderr).toMatch(/Chromium not found/);
    expect(Date.now() - started).toBeLessThan(PROMPT_MS);
  }, 60_000);
});
