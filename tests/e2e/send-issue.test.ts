// The plant's side as an editor works it, with the real CLI: build --press, approve, status,
// send --issue to a real hot folder, sshd and an IPP printer; corrections as new versions; the
// plant record kept true when a delivery fails halfway.

import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/paths";
import { newsprint } from "./helpers/newsprint-cli";
import { type IppPrinter, type SftpServer, startIppPrinter, startSftpServer } from "./helpers/servers";

const run = promisify(execFile);
let root: string;
let issue: string;
let out: string;
let printer: IppPrinter;
let sftp: SftpServer;
const PAGE_1 = "dcf_20261208_01.pdf";
const PAGE_2 = "dcf_20261208_02.pdf";

const record = async () => JSON.parse(await readFile(join(out, "today", "signoff.json"), "utf8"));
const pressFile = (name: string) => join(out, "today", "press", name);

beforeAll(async () => {
  [printer, sftp] = await Promise.all([startIppPrinter(), startSftpServer()]);
  root = await mkdtemp(join(tmpdir(), "newsprint-send-issue-"));
  issue = join(root, "today");
  out = join(root, "out");
  const init = await newsprint(["init", issue, "--paper", "东昌府新闻", "--date", "2026-12-08", "--slug", "dcf"]);
  expect(init.code, init.stderr).toBe(0);
  const data = JSON.parse(await readFile(join(issue, "issue.json"), "utf8"));
  const second = structuredClone(data.pages[0]);
  second.section = "本地";
  second.articles[0].id = "local-lead";
  data.pages.push(second);
  await writeFile(join(issue, "issue.json"), JSON.stringify(data, null, 2));
  const build = await newsprint(["build", issue, "--press", "--deterministic", "-o", out, "-q"]);
  expect(build.code, build.stderr).toBe(0);
});
afterAll(async () => {
  await Promise.all([printer?.stop(), sftp?.stop()]);
  await rm(root, { recursive: true, force: true });
});

describe("approve and status", () => {
  it("nothing signed off: send says so with each page's state, exit 0, nothing delivered", async () => {
    const hot = join(root, "hot-empty");
    await mkdir(hot);
    const result = await newsprint(["send", "--issue", issue, "-o", out, "--folder", hot]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("nothing to send");
    expect(result.stdout).toContain(`page 1: press file ready (${PAGE_1})`);
    expect(result.stdout).toContain(`page 2: press file ready (${PAGE_2})`);
    expect(await readdir(hot)).toEqual([]);
  });

  it("a page not in the issue, or one with no press file yet: exit 2, nothing recorded", async () => {
    const missing = await newsprint(["approve", issue, "-o", out, "--page", "1,9", "--by", "王编辑"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("page 9 is not in the issue (pages 1–2)");
    const unbuilt = await newsprint(["approve", issue, "-o", join(root, "no-build"), "--page", "1", "--by", "王编辑"]);
    expect(unbuilt.code).toBe(2);
    expect(unbuilt.stderr).toContain("page 1 has no press file yet: build the issue with --press first");
    const status = await newsprint(["status", issue, "-o", out, "--json"]);
    expect(JSON.parse(status.stdout).pages.map((p: { state: string }) => p.state)).toEqual([
      "press file ready",
      "press file ready",
    ]);
  });
});

describe("send --issue", () => {
  const hot = () => join(root, "hot");

  it("sends only the signed-off page, preflighted, and records it", async () => {
    await mkdir(hot());
    const approve = await newsprint(["approve", issue, "-o", out, "--page", "1", "--by", "王编辑"]);
    expect(approve.code, approve.stderr).toBe(0);
    const sent = await newsprint(["send", "--issue", issue, "-o", out, "--folder", hot()]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toContain(`sent page 1 as ${PAGE_1} (version 1)`);
    expect((await readdir(hot())).sort()).toEqual(["dcf_20261208.json", "dcf_20261208.sha256", PAGE_1]);
    expect(await readFile(join(hot(), PAGE_1))).toEqual(await readFile(pressFile(PAGE_1)));
    const status = await newsprint(["status", issue, "-o", out]);
    expect(status.stdout).toMatch(/page 1: sent \(signed off by 王编辑 at .*; sent v1 as dcf_20261208_01\.pdf/);
    expect(status.stdout).toContain("page 2: press file ready");
    const again = await newsprint(["send", "--issue", issue, "-o", out, "--folder", hot()]);
    expect(again.stdout).toContain("nothing to send");
  });

  it("holds back a page changed since sign-off; signed off again it arrives as _v2 beside the first", async () => {
    const firstBytes = await readFile(join(hot(), PAGE_1));
    // A correction: the same page saved anew, so its bytes and hash change and it still passes preflight.
    const doc = await PDFDocument.load(await readFile(pressFile(PAGE_1)), { updateMetadata: false });
    doc.setSubject("印刷文件 第1版 改正");
    await writeFile(pressFile(PAGE_1), await doc.save());
    const status = await newsprint(["status", issue, "-o", out]);
    expect(status.stdout).toMatch(/page 1: changed since sign-off .*sign it off again/);
    const held = await newsprint(["send", "--issue", issue, "-o", out, "--folder", hot()]);
    expect(held.code).toBe(0);
    expect(held.stderr).toMatch(/held back: page 1: changed since sign-off/);
    expect(held.stdout).toContain("nothing to send");

    expect((await newsprint(["approve", issue, "-o", out, "--page", "1", "--page", "2", "--by", "李"])).code).toBe(0);
    const sent = await newsprint(["send", "--issue", issue, "-o", out, "--folder", hot()]);
    expect(sent.code, sent.stderr).toBe(0);
    expect((await readdir(hot())).sort()).toEqual([
      "dcf_20261208.json",
      "dcf_20261208.sha256",
      PAGE_1,
      "dcf_20261208_01_v2.pdf",
      PAGE_2,
    ]);
    expect(await readFile(join(hot(), PAGE_1))).toEqual(firstBytes);
    const manifest = JSON.parse(await readFile(join(hot(), "dcf_20261208.json"), "utf8"));
    expect(manifest.pages[0]).toMatchObject({ page: 1, current: "dcf_20261208_01_v2.pdf" });
    expect(manifest.pages[0].versions.map((v: { name: string; current: boolean }) => [v.name, v.current])).toEqual([
      [PAGE_1, false],
      ["dcf_20261208_01_v2.pdf", true],
    ]);
    // The plant checks every version it holds against the manifest.
    const check = await run("sha256sum", ["-c", "dcf_20261208.sha256"], { cwd: hot() });
    expect(check.stdout.trim().split("\n")).toHaveLength(3);
    expect((await record()).deliveries.map((d: { name: string }) => d.name)).toEqual([
      PAGE_1,
      "dcf_20261208_01_v2.pdf",
      PAGE_2,
    ]);
  });

  it("a destination counts its own versions: over SFTP the pages go as their first", async () => {
    const target = `${sftp.username}@127.0.0.1:${sftp.port}${sftp.hotDir}`;
    const keys = ["--key", sftp.clientKeyPath, "--host-key", sftp.hostKeyFingerprint];
    const sent = await newsprint(["send", "--issue", issue, "-o", out, "--sftp", target, ...keys]);
    expect(sent.code, sent.stderr).toBe(0);
    expect((await readdir(sftp.hotDir)).sort()).toEqual(["dcf_20261208.json", "dcf_20261208.sha256", PAGE_1, PAGE_2]);
  });

  it("prints the signed-off pages on an IPP printer and records each job", async () => {
    const sent = await newsprint(["send", "--issue", issue, "-o", out, "--printer", printer.uri]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stderr).toMatch(/dcf_20261208_01\.pdf: printed as job \d+/);
    const printed = (await record()).deliveries.filter((d: { to: string }) => d.to === printer.uri);
    expect(printed.map((d: { page: number }) => d.page)).toEqual([1, 2]);
  });
});

describe("a delivery that fails halfway", () => {
  it("records the pages that arrived and only those; the next send sends the rest", async () => {
    const hot = join(root, "hot-broken");
    // A folder where the second page's name should go: renaming the page onto it fails.
    await mkdir(join(hot, PAGE_2, "in-the-way"), { recursive: true });
    const failed = await newsprint(["send", "--issue", issue, "-o", out, "--folder", hot, "--retries", "1"]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/could not deliver dcf_20261208_02\.pdf/);
    const delivered = (await record()).deliveries.filter((d: { to: string }) => d.to === hot);
    expect(delivered.map((d: { page: number }) => d.page)).toEqual([1]);

    await rm(join(hot, PAGE_2), { recursive: true });
    const rest = await newsprint(["send", "--issue", issue, "-o", out, "--folder", hot]);
    expect(rest.code, rest.stderr).toBe(0);
    expect(rest.stdout).toContain(`sent page 2 as ${PAGE_2} (version 1)`);
    expect(rest.stdout).not.toContain("sent page 1");
  });

  it("a printer that jams: exit 1 and no page recorded as sent there", async () => {
    const before = (await record()).deliveries.length;
    const other = printer.uri.replace("127.0.0.1", "localhost");
    const jammed = await newsprint(["send", "--issue", issue, "-o", out, "--printer", other, "--job-name", "jam"]);
    expect(jammed.code).toBe(1);
    expect((await record()).deliveries).toHaveLength(before);
  });
});

describe("a send killed half-way", () => {
  it("leaves recorded the page that was printed, not the one still printing, and a readable record", async () => {
    const to = printer.uri.replace("127.0.0.1", "localhost");
    // Jobs named "slow" take 3 s on the test printer: time to kill the send during the second.
    const child = spawn(
      "node",
      [join(REPO_ROOT, "bin/newsprint.js"), "send", "--issue", issue, "-o", out, "--printer", to, "--job-name", "slow"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    const exited = new Promise<NodeJS.Signals | null>((done) => child.once("exit", (_code, signal) => done(signal)));
    const sentThere = async () =>
      (await record()).deliveries.filter((d: { to: string }) => d.to === to).map((d: { page: number }) => d.page);
    const deadline = Date.now() + 60_000;
    while ((await sentThere()).length === 0 && Date.now() < deadline) await sleep(100);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(await sentThere()).toEqual([1]);
    const status = await newsprint(["status", issue, "-o", out]);
    expect(status.code, status.stderr).toBe(0);
  });
});

describe("the plant record edited by hand into nonsense", () => {
  it("is refused by status, approve and send, naming the file and the place", async () => {
    const file = join(out, "today", "signoff.json");
    const good = await readFile(file, "utf8");
    await writeFile(file, good.replace(/"by": "李"/, '"by": 42'));
    try {
      for (const args of [
        ["status", issue, "-o", out],
        ["approve", issue, "-o", out, "--page", "2", "--by", "王"],
        ["send", "--issue", issue, "-o", out, "--folder", root],
      ]) {
        const result = await newsprint(args);
        expect(result.code, args[0]).toBe(2);
        expect(result.stderr).toMatch(new RegExp(`${file}: signoffs\\[\\d\\]\\.by: `));
      }
    } finally {
      await writeFile(file, good);
    }
  });
});
