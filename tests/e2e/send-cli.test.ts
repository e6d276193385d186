// `newsprint send` as a user runs it: a separate process, real destinations, exit codes 0/1/2.

import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type IppPrinter, type SftpServer, startIppPrinter, startSftpServer } from "./helpers/servers";

// The CLI entry is not ours to run: a minimal program with just this command.
const SEND_MODULE = resolve(import.meta.dirname, "../../src/cli/commands/send.ts");
const PROGRAM = `
import { Command } from "commander";
import { registerSend } from ${JSON.stringify(SEND_MODULE)};
const program = new Command("newsprint");
registerSend(program);
await program.parseAsync(process.argv.slice(1), { from: "user" });
`;

let printer: IppPrinter;
let sftp: SftpServer;
let root: string;
let pdf: string;

function newsprint(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", PROGRAM, ...args],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  [printer, sftp] = await Promise.all([startIppPrinter(), startSftpServer()]);
  root = await mkdtemp(join(tmpdir(), "newsprint-cli-"));
  const doc = await PDFDocument.create();
  doc.addPage([842, 1191]).drawText("front page", { x: 50, y: 1100, size: 24 });
  pdf = join(root, "daily-0501-p01.pdf");
  await writeFile(pdf, await doc.save());
});
afterAll(async () => {
  await Promise.all([printer?.stop(), sftp?.stop()]);
  await rm(root, { recursive: true, force: true });
});

describe("newsprint send", () => {
  it("prints to an IPP printer and reports the job's states on stderr", async () => {
    const result = await newsprint([
      "send",
      pdf,
      "--printer",
      printer.uri,
      "--copies",
      "2",
      "--media",
      "iso_a4_210x297mm",
      "--duplex",
      "short",
      "--no-preflight",
    ]);
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(result.stderr).toMatch(/daily-0501-p01\.pdf: job \d+ completed/);
    expect(result.stderr).toMatch(/printed as job \d+ on ipp:\/\/127\.0\.0\.1/);
  });

  it("exits 1 when the printer cannot be reached", async () => {
    const result = await newsprint([
      "send",
      pdf,
      "--printer",
      `ipp://127.0.0.1:${await freePort()}/ipp/print`,
      "--no-preflight",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^newsprint send: cannot reach printer .*connection refused/m);
  });

  it("refuses a file that fails preflight: exit 2 naming it and its failed checks, nothing delivered", async () => {
    const hot = join(root, "hot-refused");
    await mkdir(hot);
    const result = await newsprint(["send", pdf, "--folder", hot]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not sent: preflight failed/);
    expect(result.stderr).toContain(`${pdf}: page-boxes:`);
    expect(result.stderr).toContain(`${pdf}: pdfx:`);
    expect(await readdir(hot)).toEqual([]);
  });

  it("delivers into a hot folder with --no-preflight", async () => {
    const hot = join(root, "hot");
    await mkdir(hot);
    const result = await newsprint(["send", pdf, "--folder", hot, "--no-preflight"]);
    expect(result.code).toBe(0);
    expect((await readdir(hot)).sort()).toEqual(["daily-0501-p01.pdf", "daily-0501-p01.sha256"]);
    expect(result.stderr).toContain("wrote manifest daily-0501-p01.sha256");
  });

  it("delivers over SFTP with the key from NEWSPRINT_SFTP_KEY", async () => {
    const target = `${sftp.username}@127.0.0.1:${sftp.port}${sftp.hotDir}`;
    const env = { NEWSPRINT_SFTP_KEY: sftp.clientKeyPath, NEWSPRINT_SFTP_HOST_KEY: sftp.hostKeyFingerprint };
    const result = await newsprint(["send", pdf, "--sftp", target, "--no-preflight"], env);
    expect(result.code).toBe(0);
    expect(await readdir(sftp.hotDir)).toContain("daily-0501-p01.sha256");
  });

  it("exits 1 without showing secrets when the SFTP upload fails", async () => {
    const target = `${sftp.username}@127.0.0.1:${sftp.failingWritePort}${sftp.hotDir}`;
    const env = { NEWSPRINT_SFTP_KEY: sftp.clientKeyPath, NEWSPRINT_SFTP_PASSWORD: "cli-secret-4b1d" };
    const result = await newsprint(["send", pdf, "--sftp", target, "--retries", "2", "--no-preflight"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/could not deliver daily-0501-p01\.pdf .*\(2 tries\)/);
    expect(result.stderr).not.toContain(sftp.clientKeyPath);
    expect(result.stderr).not.toContain("cli-secret-4b1d");
  });

  it.each([
    ["no destination", ["send", "PDF"]],
    ["two destinations", ["send", "PDF", "--folder", "/tmp", "--printer", "ipp://127.0.0.1/ipp/print"]],
    ["a printer option for a folder", ["send", "PDF", "--folder", "/tmp", "--copies", "2"]],
    ["an unknown duplex edge", ["send", "PDF", "--printer", "ipp://127.0.0.1/ipp/print", "--duplex", "both"]],
    ["zero copies", ["send", "PDF", "--printer", "ipp://127.0.0.1/ipp/print", "--copies", "0"]],
    ["a missing file", ["send", "/nonexistent/page.pdf", "--folder", "/tmp"]],
    ["a malformed SFTP destination", ["send", "PDF", "--sftp", "press.example/in"]],
    ["an unknown option", ["send", "PDF", "--folder", "/tmp", "--colour"]],
  ])("exits 2 for %s", async (_case, args) => {
    const result = await newsprint(args.map((arg) => (arg === "PDF" ? pdf : arg)));
    expect(result.code).toBe(2);
    expect(result.stderr).not.toBe("");
    expect(result.stderr).not.toMatch(/preflight failed/);
  });
});
