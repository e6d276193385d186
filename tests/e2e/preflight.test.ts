import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, printPdf } from "../../src/browser/browser";
import { LANG_DEFAULTS } from "../../src/config/langs";
import { resolveConfig } from "../../src/config/resolve";
import type { PreflightReport } from "../../src/preflight/index";
import { makePressFiles } from "../../src/press/index";
import { NOTO_SERIF_SC_CSS, samplePhoto } from "../helpers/paths";

// `newsprint preflight` as a process, on a raw Chromium proof (RGB, no boxes: must fail with the
// right named checks) and on the press file made from it (must pass), with its exit codes.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// The command as the CLI registers it, run in its own Node process.
const CLI = `import { Command } from "commander";
import { registerPreflight } from "./src/cli/commands/preflight.ts";
const program = new Command("newsprint");
registerPreflight(program);
await program.parseAsync(process.argv.slice(1), { from: "user" });`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", CLI, "preflight", ...args],
      { cwd: ROOT, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? Number((err as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let dir: string;
let proof: string;
let press: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "newsprint-preflight-e2e-"));
  await writeFile(
    join(dir, "proof.html"),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${NOTO_SERIF_SC_CSS}">
<style>@page { size: 275mm 390mm; margin: 0 } body { margin: 20mm; font-family: 'Noto Serif SC' }
p { font-size: 11pt } hr { border: 0; border-top: 1pt solid #999 } img { width: 150mm }</style></head>
<body><p>黑色正文，这是检查用的校样。</p><hr><img src="${pathToFileURL(samplePhoto("chelsea.png")).href}"></body></html>`,
  );
  const browser = await launchBrowser(resolveConfig().browser);
  try {
    const { page } = await openPage(browser);
    await page.goto(`file://${join(dir, "proof.html")}`, { waitUntil: "networkidle0" });
    await page.evaluate(() => document.fonts.ready);
    proof = join(dir, "proof.pdf");
    await writeFile(proof, await printPdf(page, { widthMm: 275, heightMm: 390 }));
  } finally {
    await browser.close();
  }
  const options = {
    trim: { widthMm: 275, heightMm: 390 },
    outDir: join(dir, "press"),
    metadata: { title: "Test", words: LANG_DEFAULTS.en.words, paperName: "Test Zeitung", issueDate: "2024-03-01" },
  };
  const result = await makePressFiles(proof, options, resolveConfig().press);
  press = result.pages[0]?.file as string;
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("newsprint preflight", () => {
  it("fails the raw Chromium proof with the named checks, exit 4", async () => {
    const run = await cli("--json", proof);
    expect(run.code).toBe(4);
    const report = JSON.parse(run.stdout) as PreflightReport;
    const status = Object.fromEntries(report.files[0]?.checks.map((c) => [c.name, c.status]) ?? []);
    expect(status).toEqual({
      "page-boxes": "fail", // no TrimBox
      bleed: "fail", // no BleedBox
      fonts: "pass", // CID TrueType from the npm font
      "colour-spaces": "fail", // rg operators and an RGB image
      "image-resolution": "warn", // 451 px over 150 mm ≈ 76 ppi
      "ink-limit": "fail", // Ghostscript's RGB → CMYK gives ~295% black
      "black-on-k": "fail", // that black is four-colour
      pdfx: "fail", // no version, no output intent
    });
  });

  it("passes the press file made from it, exit 0, with a readable text report", async () => {
    const run = await cli("--min-ppi", "50", press);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/ok {3}pdfx +PDF\/X-1a:2001, output intent "CGATS TR 002"/);
    expect(run.stdout).toMatch(/ok {3}colour-spaces/);
    expect(run.stdout).toMatch(/preflight passed/);
  });

  it("warns (not fails) on low image resolution and takes --max-ink and --bleed", async () => {
    const strict = await cli("--json", "--max-ink", "150", "--bleed", "5", press);
    expect(strict.code).toBe(4);
    const report = JSON.parse(strict.stdout) as PreflightReport;
    const byName = new Map(report.files[0]?.checks.map((c) => [c.name, c]));
    expect(byName.get("image-resolution")?.status).toBe("warn");
    expect(byName.get("bleed")?.findings[0]?.message).toBe("bleed 3.0 mm, 5 mm needed");
    expect(byName.get("ink-limit")?.status).toBe("fail");
  });

  it("exits 2 on an unreadable file and on bad usage", async () => {
    const missing = await cli(join(dir, "nope.pdf"));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(/unreadable/);
    await writeFile(join(dir, "junk.pdf"), "not a pdf at all");
    expect((await cli(join(dir, "junk.pdf"))).code).toBe(2);
    expect((await cli("--max-ink", "lots", press)).code).toBe(2);
    expect((await cli()).code).toBe(2);
  });
});
