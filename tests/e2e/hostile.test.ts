import { spawn } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { resolveConfig } from "../../src/config/resolve";
import { startPreview } from "../../src/preview/preview";

// Issue 11, hostile input, through the command line as a user runs it (node bin/newsprint.js) and
// with the real Chromium: input errors exit 2 with every problem and nothing written, whatever
// the browser does; Chromium talks to nothing but loopback; a broken Chromium fails promptly.

const root = join(import.meta.dirname, "..", "..");
const cliPath = join(root, "bin", "newsprint.js");
const work = mkdtempSync(join(tmpdir(), "newsprint-hostile-"));
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser(resolveConfig().browser);
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command to its end (or kills it after `timeoutMs`); never rejects. */
function run(command: string, args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<Ran> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

const newsprint = (args: string[], env?: Record<string, string>, timeoutMs?: number) =>
  run(process.execPath, [cliPath, ...args], env, timeoutMs);

let copies = 0;
/** A copy of issues/broadsheet, edited, or with issue.json replaced by `bytes`. */
// biome-ignore lint/suspicious/noExplicitAny: the edits reach anywhere into the free-form JSON
function issueCopy(edit: (issue: Record<string, any>) => void, bytes?: Uint8Array): string {
  const dir = join(work, `issue-${++copies}`);
  cpSync(join(root, "issues/broadsheet"), dir, { recursive: true });
  const issue = JSON.parse(readFileSync(join(dir, "issue.json"), "utf8"));
  edit(issue);
  writeFileSync(join(dir, "issue.json"), bytes ?? JSON.stringify(issue, null, 2));
  return dir;
}

/** The problems listed under the heading, and the count the heading gives. */
function listed(stderr: string): { count: number; lines: string[] } {
  const count = Number(/\((\d+) problems?\)/.exec(stderr)?.[1] ?? 0);
  return { count, lines: stderr.split("\n").filter((l) => l.startsWith("  ")) };
}

describe("hostile input through the command line (issue 11)", () => {
  it("1: absurd geometry exits 2 at once, before measuring, nothing written", async () => {
    const dir = issueCopy((i) => {
      i.format = { width: 10_000_000, height: 390, columns: 12 };
    });
    const out = join(work, "out-geometry");
    const r = await newsprint(["build", dir, "-o", out], {}, 60_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("format.width: expected at most 2000, found number 10000000");
    expect(r.ms).toBeLessThan(30_000);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ["missing.png", "file not found"],
    ["../../../../etc/passwd", "path leaves the issue folder"],
    ["https://example.com/logo.png", "URLs are not allowed"],
    ["issue.json", "not a readable image"],
  ])("13: paper.logo %s is an input error of validate and build, naming the field and the file", async (logo, why) => {
    const dir = issueCopy((i) => {
      i.paper.logo = logo;
    });
    const checked = await newsprint(["validate", dir]);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain(`paper.logo: expected a logo file in the issue folder, found ${logo}: ${why}`);
    const out = join(work, `out-logo-${copies}`);
    const built = await newsprint(["build", dir, "-o", out]);
    expect(built.code).toBe(2);
    expect(built.stderr).toContain(`paper.logo: expected a logo file in the issue folder, found ${logo}`);
    expect(existsSync(out)).toBe(false);
  });

  it("issue 22, 7: a truncated JPEG (its first 60 %) fails validate as it fails build, naming the field", async () => {
    const dir = issueCopy(() => undefined);
    // pages[0].articles[5] shows photos/hubble_deep_field.jpg; pages[1].articles[0] too.
    const photo = join(dir, "photos/hubble_deep_field.jpg");
    const jpeg = readFileSync(photo);
    writeFileSync(photo, jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
    const expected =
      /images\[0\]\.src \(article [a-z-]+\): expected a photo file in the issue folder, found photos\/hubble_deep_field\.jpg: unreadable or truncated image data \((VipsJpeg: premature end of JPEG|the decoder gave no detail)/;
    const checked = await newsprint(["validate", dir]);
    expect(checked.code).toBe(2);
    expect(listed(checked.stderr).lines.map((l) => l.split(": ")[1])).toEqual([
      "pages[0].articles[5].images[0].src (article liuyuan-wenming-dashi)",
      "pages[1].articles[0].images[0].src (article kangyi-jiceng-fangxian)",
    ]);
    expect(checked.stderr).toMatch(expected);
    const out = join(work, "out-truncated");
    const built = await newsprint(["build", dir, "-o", out]);
    expect(built.code).toBe(2);
    expect(built.stderr).toMatch(expected);
    expect(existsSync(out)).toBe(false);
  });

  it("15, 16: validate and build list the same problems, all of them, 1-based with paths; nothing written", async () => {
    const ids: string[] = [];
    const dir = issueCopy((i) => {
      i.issue.date = "2022-02-30";
      const page = i.pages[0];
      page.articles = page.articles.slice(0, 3);
      const [a, b, c] = page.articles;
      ids.push(a.id, b.id, c.id);
      a.headline = "张𠀀";
      a.images = [{ src: "photos/none.jpg" }, { src: "notes.jpg" }, { src: "../outside.jpg" }];
      delete b.images;
      delete c.images;
      page.layout = [
        { article: a.id, column: 1, line: 1, span: 4, height: 40 },
        { article: b.id, column: 3, line: 20, span: 4, height: 30 },
        { article: c.id, column: 7, line: 95, span: 3, height: 20 },
      ];
    });
    writeFileSync(join(dir, "notes.jpg"), "not a photo");
    // Every problem of an article names its id beside the JSON path.
    const [a, b, c] = ids;
    const expected = [
      "issue.date: expected a real calendar date",
      `pages[0].articles[0].headline (article ${a}): expected characters the bundled fonts`,
      `pages[0].layout[1] (article ${b}): expected a module clear of the page's other modules`,
      `pages[0].layout[2] (article ${c}): expected a module inside the grid of 8 columns × 103 lines, found columns 7–9, lines 95–114`,
      `pages[0].articles[0].images[0].src (article ${a}): expected a photo file in the issue folder, found photos/none.jpg: file not found`,
      `pages[0].articles[0].images[1].src (article ${a}): expected a photo file in the issue folder, found notes.jpg: not a readable image`,
      `pages[0].articles[0].images[2].src (article ${a}): expected a photo file in the issue folder, found ../outside.jpg: path leaves the issue folder`,
    ];
    const checked = await newsprint(["validate", dir]);
    expect(checked.code).toBe(2);
    const out = join(work, "out-all");
    const built = await newsprint(["build", dir, "-o", out]);
    expect(built.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    for (const r of [checked, built]) {
      const { count, lines } = listed(r.stderr);
      expect(count).toBe(expected.length);
      expect(lines).toHaveLength(expected.length);
      for (const [n, line] of lines.entries()) expect(line).toContain(expected[n]);
    }
  });

  it("issue 26, 6: validate refuses an ad over the masthead as build does, in the same words", async () => {
    const dir = issueCopy((i) => {
      const ad = {
        id: "over-masthead",
        file: "photos/coffee.png",
        span: 2,
        height: 30,
        position: { column: 1, line: 1 },
      };
      i.pages[0].ads = [...(i.pages[0].ads ?? []), ad];
    });
    const checked = await newsprint(["validate", dir]);
    const out = join(work, "out-ad-geometry");
    const built = await newsprint(["build", dir, "-o", out]);
    expect([checked.code, built.code]).toEqual([2, 2]);
    expect(existsSync(out)).toBe(false);
    const problem =
      /pages\[0\]\.ads\[\d+\] \(ad over-masthead\): expected an ad clear of the masthead, found columns 1–2, lines 1–\d+, over the masthead/;
    expect(listed(checked.stderr).lines).toEqual([expect.stringMatching(problem)]);
    expect(listed(built.stderr).lines).toEqual(listed(checked.stderr).lines);
  });

  it("issue 26, 7: a terminal escape in a file name reaches stderr escaped", async () => {
    const hostile = join(work, "red\u001b[31m");
    for (const args of [
      ["check-type", `${hostile}.pdf`],
      ["validate", hostile],
    ]) {
      const ran = await newsprint(args);
      expect(ran.code, ran.stderr).toBe(2);
      expect(ran.stderr).not.toContain("\u001b");
      expect(ran.stderr).toContain("red\\u{1B}[31m");
    }
  });

  it("16, 19: a GBK-encoded issue is named as such by validate and build", async () => {
    // Written by hand: Node has no GB18030 encoder. 东昌府新闻 and 要闻 in GBK.
    const json = Buffer.from(
      JSON.stringify({ paper: { name: "@1" }, issue: { date: "2022-12-30" }, pages: [{ section: "@2" }] }),
    );
    const bytes = Buffer.concat(
      json
        .toString("latin1")
        .split(/(@1|@2)/)
        .map((part) =>
          part === "@1"
            ? Buffer.from([0xb6, 0xab, 0xb2, 0xfd, 0xb8, 0xae, 0xd0, 0xc2, 0xce, 0xc5])
            : part === "@2"
              ? Buffer.from([0xd2, 0xaa, 0xce, 0xc5])
              : Buffer.from(part, "latin1"),
        ),
    );
    const dir = issueCopy(() => undefined, bytes);
    for (const args of [
      ["validate", dir],
      ["build", dir, "-o", join(work, "out-gbk")],
    ]) {
      const r = await newsprint(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        "issue.json: (file): expected a file saved as UTF-8, found GBK (GB18030) text; save it as UTF-8",
      );
      expect(listed(r.stderr)).toEqual({ count: 1, lines: [expect.any(String)] });
    }
  });

  it("10: a Chromium that never answers fails after the launch timeout, exit 1, nothing left running", async () => {
    const marker = String(600_000 + Math.floor(Math.random() * 1000));
    const sleeper = join(work, "chromium-that-sleeps");
    writeFileSync(sleeper, `#!/bin/sh\nsleep ${marker}\n`);
    chmodSync(sleeper, 0o755);
    const out = join(work, "out-sleep");
    const r = await newsprint(
      ["build", join(root, "issues/broadsheet"), "-o", out, "-q"],
      { NEWSPRINT_CHROMIUM: sleeper, NEWSPRINT_LAUNCH_TIMEOUT_MS: "2000" },
      60_000,
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `newsprint: Chromium (${sleeper}) did not start within 2 s; NEWSPRINT_LAUNCH_TIMEOUT_MS sets the limit`,
    );
    expect(r.ms).toBeLessThan(20_000);
    expect(existsSync(out)).toBe(false);
    const left = await run("pgrep", ["-f", `sleep ${marker}`]);
    expect(left.stdout).toBe("");
  });

  it("11: a folder or a file that cannot run as Chromium is a clear error, exit 1, no stack trace", async () => {
    const plain = join(work, "not-executable");
    writeFileSync(plain, "#!/bin/sh\n");
    chmodSync(plain, 0o644);
    for (const [chromium, message] of [
      ["/tmp", "newsprint: /tmp is a folder, not a Chromium binary"],
      [plain, `newsprint: ${plain} is not executable: it should be the Chromium binary`],
    ]) {
      const r = await newsprint(["build", join(root, "issues/broadsheet"), "-o", join(work, "out-x"), "-q"], {
        NEWSPRINT_CHROMIUM: chromium as string,
      });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(message);
    }
    // Input is judged first: invalid input is exit 2 even when Chromium cannot start.
    const invalid = issueCopy((i) => {
      i.issue.date = "2022-13-01";
    });
    const r = await newsprint(["build", invalid, "-o", join(work, "out-x")], { NEWSPRINT_CHROMIUM: "/tmp" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("issue.date: expected a real calendar date");
  });
});

describe("a build's --html copy (issue 11, case 8; the network trace is tests/e2e/network.test.ts)", () => {
  let html: string;

  beforeAll(async () => {
    const out = join(work, "out-html");
    const r = await run(process.execPath, [
      cliPath,
      "build",
      join(root, "issues/broadsheet"),
      "-o",
      out,
      "--html",
      "-q",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    html = join(out, "broadsheet", "html", "index.html");
  });

  it("build --html keeps the Content-Security-Policy, and the copy still paginates from disk", async () => {
    expect(readFileSync(html, "utf8")).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;/,
    );
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    try {
      await page.goto(`file://${html}`, { waitUntil: "load" });
      await page.waitForFunction(() => document.documentElement.dataset.paginated === "true", { timeout: 60_000 });
      const shown = await page.evaluate(() => ({
        pages: document.querySelectorAll(".pagedjs_page").length,
        images: [...document.images].every((img) => img.naturalWidth > 0),
        fonts: [...document.fonts].some((f) => f.status === "loaded" && f.family.includes("Noto Serif SC")),
      }));
      expect(shown).toEqual({ pages: 2, images: true, fonts: true });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("the preview exposed with --host (issue 11, also noticed)", () => {
  it("serves what the pages use, not issue.json nor the original photos", async () => {
    const dir = issueCopy((i) => {
      i.paper.logo = "logo.png";
    });
    await sharp({ create: { width: 300, height: 60, channels: 3, background: "#c00" } })
      .png()
      .toFile(join(dir, "logo.png"));
    const preview = await startPreview({
      target: dir,
      host: "0.0.0.0",
      port: 0,
      outDir: join(work, "out-preview"),
      browser,
    });
    try {
      await preview.idle();
      expect(preview.state().status).toBe("ready");
      const { port } = new URL(preview.url);
      const status = (path: string) =>
        new Promise<number>((ok, fail) => {
          const req = request({ host: "127.0.0.1", port, path }, (res) => {
            res.resume();
            ok(res.statusCode ?? 0);
          });
          req.on("error", fail);
          req.end();
        });
      const pages = await new Promise<string>((ok, fail) => {
        request({ host: "127.0.0.1", port, path: `/pages/${preview.state().version}.html` }, (res) => {
          let body = "";
          res.on("data", (d) => {
            body += d;
          });
          res.on("end", () => ok(body));
        })
          .on("error", fail)
          .end();
      });
      const photo = /src="(\/images\/[^"]+)"/.exec(pages)?.[1];
      expect(photo).toBeDefined();
      expect(await status("/issue/logo.png")).toBe(200);
      expect(await status(photo as string)).toBe(200);
      expect(await status("/issue/issue.json")).toBe(404);
      expect(await status("/issue/photos/coffee.png")).toBe(404);
      expect(await status("/images/../issue.json")).toBe(404);
    } finally {
      await preview.close();
    }
  });
});
