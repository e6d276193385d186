import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/paths";
import { newsprint } from "./helpers/newsprint-cli";
import { type RedisServer, startRedis } from "./helpers/redis";

// Issue 27.1: Chromium, and newsprint around it, connect to nothing but loopback — judged by the
// address each connect() and sendto() names, not by host names. Chromium's host resolver used to
// connect a UDP socket to 2001:4860:4860::8888 before any resolution; a connect() with no packet
// still shows in a newsroom's firewall log. Each command runs under `strace -f`, as a user runs it.

const CLI = join(REPO_ROOT, "bin", "newsprint.js");
const SAMPLE = join(REPO_ROOT, "issues", "broadsheet");
const work = mkdtempSync(join(tmpdir(), "newsprint-network-"));
let redis: RedisServer;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
  rmSync(work, { recursive: true, force: true });
});

interface Traced {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  trace: () => string;
}

/** `node bin/newsprint.js <args>` under strace; the trace names each socket's peer (-yy). Only the
 *  traced calls stop the process (--seccomp-bpf): Chromium's IPC over sendmsg would slow it tenfold. */
function traced(name: string, args: string[]): Traced {
  const file = join(work, `${name}.strace`);
  const child = spawn(
    "strace",
    [
      ...["-f", "--seccomp-bpf", "-qq", "-yy", "-s", "64", "-e", "trace=connect,sendto,sendmmsg", "-o", file],
      ...["node", CLI, ...args],
    ],
    { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  return { child, output: () => output, exited, trace: () => readFileSync(file, "utf8") };
}

/** The traced newsprint process (strace's child), to stop it as a user would. */
function tracee(strace: ChildProcess): number {
  return Number(
    execFileSync("pgrep", ["-P", String(strace.pid)], { encoding: "utf8" })
      .trim()
      .split("\n")[0],
  );
}

async function until(what: string, probe: () => boolean | Promise<boolean>, ms = 150_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const loopback = (address: string) => /^(127\.|::1$|::ffff:127\.)/.test(address);

/** Every connect() or send of the trace to an address that is not loopback, and every name lookup. */
function networkFaults(trace: string): string[] {
  const faults: string[] = [];
  for (const line of trace.split("\n")) {
    const call = /^\d+ +(connect|sendto|sendmmsg)\((\d+)(<[^>]*>)?, (.*)$/.exec(line);
    if (!call) continue;
    const [, , , socket = "", args = ""] = call;
    const target = /inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6?, "([^"]+)"/.exec(args);
    const address = target?.[1] ?? target?.[2];
    const peer = /->\[?([0-9a-fA-F:.]+?)\]?:(\d+)\]>$/.exec(socket);
    if (/sun_path="[^"]*(resolve|nscd)/.test(args)) faults.push(`name service: ${line}`);
    else if (address && !loopback(address)) faults.push(line);
    else if (peer?.[1] && !loopback(peer[1])) faults.push(line);
  }
  return faults;
}

/** Lines of Chromium's network service and renderers: the trace saw Chromium at work. */
const chromiumProcesses = (trace: string) => new Set(trace.split("\n").map((l) => /^(\d+) /.exec(l)?.[1])).size;

describe("nothing but loopback, by address (issue 27.1)", () => {
  it("the faults' parser sees the probe Chromium used to make", () => {
    const probe =
      '4277  connect(25<UDPv6:[1097958]>, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = 0';
    const local =
      '4277  connect(27<TCP:[1097971]>, {sa_family=AF_INET, sin_port=htons(45427), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS';
    expect(networkFaults(`${probe}\n${local}\n`)).toEqual([probe]);
  });

  it("build", { timeout: 300_000 }, async () => {
    const run = traced("build", ["build", SAMPLE, "-o", join(work, "build-out"), "-q"]);
    expect(await run.exited, run.output()).toBe(0);
    expect(chromiumProcesses(run.trace())).toBeGreaterThan(2);
    expect(networkFaults(run.trace())).toEqual([]);
  });

  it("plan, measuring afresh", { timeout: 300_000 }, async () => {
    const run = traced("plan", ["plan", SAMPLE, "-o", join(work, "plan-out")]);
    expect(await run.exited, run.output()).toBe(0);
    // Heads, captions and body are measured in Node: no Chromium starts, Node's process alone.
    expect(chromiumProcesses(run.trace())).toBeLessThanOrEqual(1);
    expect(networkFaults(run.trace())).toEqual([]);
  });

  it("preview, its pages fetched by a browser of the user's", { timeout: 300_000 }, async () => {
    const run = traced("preview", ["preview", SAMPLE, "--port", "0", "-o", join(work, "preview-out")]);
    try {
      await until("the preview's first version", () => /version 1:/.test(run.output()));
      const url = /at (http:\/\/\S+)/.exec(run.output())?.[1];
      expect(url).toBeDefined();
      expect((await fetch(String(url))).status).toBe(200);
    } finally {
      process.kill(tracee(run.child), "SIGINT");
    }
    expect(await run.exited).toBe(130);
    expect(chromiumProcesses(run.trace())).toBeGreaterThan(2);
    expect(networkFaults(run.trace())).toEqual([]);
  });

  it("the worker, building a queued edition", { timeout: 300_000 }, async () => {
    const out = join(work, "worker-out");
    mkdirSync(out);
    const run = traced("worker", ["worker", "--redis", redis.url, "--root", SAMPLE, "--root", out]);
    try {
      await until("the worker to start", () => /^worker /m.test(run.output()));
      const added = await newsprint(["queue", "add", SAMPLE, "-o", out, "--redis", redis.url]);
      expect(added.code, added.stderr).toBe(0);
      await until("the edition", () => /^(completed|failed) /m.test(run.output()));
      expect(run.output()).toMatch(/^completed /m);
    } finally {
      process.kill(tracee(run.child), "SIGTERM");
    }
    expect(await run.exited).toBe(0);
    // The worker's own connections to Redis are in the trace, on loopback.
    expect(run.trace()).toMatch(new RegExp(`connect\\(\\d+<TCP[^>]*>, .*htons\\(${redis.port}\\)`));
    expect(networkFaults(run.trace())).toEqual([]);
  });
});
