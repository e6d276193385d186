// `newsprint send <folder>`: an e-paper's site folder delivered whole, in its folders, to a real
// local folder and to a real OpenSSH server on loopback, checked with coreutils' sha256sum.

import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SftpServer, startSftpServer } from "./helpers/servers";

const run = promisify(execFile);
const CLI = join(import.meta.dirname, "..", "..", "bin", "newsprint.js");
let sftp: SftpServer;
let root: string;
let site: string;

/** A site's shape: an issue folder with pictures, story pages and an index, the front door. */
const FILES: Record<string, string> = {
  "index.html": "<a href='2022-12-30/index.html'>",
  "site.json": "{}",
  "feed.xml": "<feed/>",
  "assets/epaper.css": "body{}",
  "2022-12-30/index.html": "<a href='page-01.html'>",
  "2022-12-30/page-01.html": "<a href='story/a.html'>",
  "2022-12-30/images/page-01-abc-800.webp": "RIFF….WEBP",
  "2022-12-30/story/a.html": "<h1>标题</h1>",
};

async function newsprint(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run("node", [CLI, "send", ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every file under a folder, hidden ones included, as paths from it. */
async function tree(dir: string): Promise<string[]> {
  return (
    (await readdir(dir, { recursive: true, withFileTypes: true })) as {
      isFile(): boolean;
      parentPath: string;
      name: string;
    }[]
  )
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

beforeAll(async () => {
  sftp = await startSftpServer();
  root = await mkdtemp(join(tmpdir(), "newsprint-send-site-"));
  site = join(root, "site");
  for (const [name, text] of Object.entries(FILES)) {
    await mkdir(join(site, dirname(name)), { recursive: true });
    await writeFile(join(site, name), text);
  }
}, 60_000);
afterAll(async () => {
  await sftp?.stop();
  await rm(root, { recursive: true, force: true });
});

describe("newsprint send <site folder>", () => {
  it("delivers the tree into a folder, the front door last and a manifest of paths after it", async () => {
    const dest = join(root, "www");
    await mkdir(dest);
    const { code, stderr } = await newsprint([site, "--folder", dest]);
    expect(code, stderr).toBe(0);
    expect(await tree(dest)).toEqual([...Object.keys(FILES), "site.sha256"].sort());
    for (const [name, text] of Object.entries(FILES)) expect(await readFile(join(dest, name), "utf8")).toBe(text);
    const { stdout } = await run("sha256sum", ["-c", "site.sha256"], { cwd: dest });
    expect(stdout.trim().split("\n")).toHaveLength(Object.keys(FILES).length);
    const sent = [...stderr.matchAll(/sending (\S+) \(/g)].map((m) => m[1]);
    // Pages before what links to them: the story before its page, the page before the issue's
    // index, the issue before the front door, which comes last.
    expect(sent.indexOf("2022-12-30/story/a.html")).toBeLessThan(sent.indexOf("2022-12-30/page-01.html"));
    expect(sent.indexOf("2022-12-30/page-01.html")).toBeLessThan(sent.indexOf("2022-12-30/index.html"));
    expect(sent.at(-1)).toBe("index.html");
  });

  it("delivers the tree over SFTP, making the folders it needs", async () => {
    const remote = join(sftp.hotDir, "www");
    await mkdir(remote);
    const { code, stderr } = await newsprint(
      [site, "--sftp", `${sftp.username}@127.0.0.1:${sftp.port}${remote}`, "--key", sftp.clientKeyPath],
      { NEWSPRINT_SFTP_HOST_KEY: sftp.hostKeyFingerprint },
    );
    expect(code, stderr).toBe(0);
    expect(await tree(remote)).toEqual([...Object.keys(FILES), "site.sha256"].sort());
    await run("sha256sum", ["-c", "site.sha256"], { cwd: remote });
  });

  it("refuses to print a folder (exit 2)", async () => {
    const { code, stderr } = await newsprint([site, "--printer", "ipp://127.0.0.1:9/ipp/print"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is a folder: a printer takes PDF files/);
  });
});
