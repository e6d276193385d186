// Hot-folder delivery over SFTP to a real OpenSSH server on loopback.

import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve";
import { DeliveryError, deliverSftp, type SftpDeliveryOptions } from "../../src/deliver/index";
import { freePort, type SftpServer, type SshAgent, startSftpServer, startSshAgent } from "./helpers/servers";

const run = promisify(execFile);
const PASSWORD = "pw-that-must-never-show-9c1e";
let server: SftpServer;
let agent: SshAgent;
let root: string;
let pages: string[];
let remoteDir: string;

beforeAll(async () => {
  server = await startSftpServer();
  agent = await startSshAgent(server.clientKeyPath);
  root = await mkdtemp(join(tmpdir(), "newsprint-sftp-pages-"));
  pages = [];
  for (const n of ["01", "02"]) {
    const doc = await PDFDocument.create();
    doc.addPage([842, 1191]).drawText(`page ${n}`, { x: 50, y: 1100, size: 24 });
    pages.push(join(root, `daily-0501-p${n}.pdf`));
    await writeFile(pages.at(-1) as string, await doc.save());
  }
});
afterAll(async () => {
  await agent?.stop();
  await server?.stop();
  await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  remoteDir = join(server.hotDir, Math.random().toString(36).slice(2));
  await mkdir(remoteDir);
});

/** The --key and --host-key options and the environment a delivery's credentials come from. */
interface Credentials {
  key?: string;
  hostKey?: string;
  env?: NodeJS.ProcessEnv;
}

const ourKey = (): Credentials => ({ key: server.clientKeyPath, hostKey: server.hostKeyFingerprint });

/** The options `newsprint send --sftp` would give, with the credentials resolved as it resolves them. */
function options(extra: Partial<SftpDeliveryOptions> = {}, credentials = ourKey()): SftpDeliveryOptions {
  const flags = { sftpKey: credentials.key, sftpHostKey: credentials.hostKey };
  const deliver = resolveConfig({ deliver: flags }, undefined, credentials.env ?? {}).deliver;
  return {
    host: "127.0.0.1",
    port: server.port,
    username: server.username,
    remoteDir,
    secrets: deliver.sftp,
    connectTimeoutMs: deliver.sftpConnectTimeoutMs,
    tries: deliver.tries,
    backoffMs: 20,
    ...extra,
  };
}

/** Runs a delivery that must fail; returns its error and everything it reported. */
async function failedDelivery(
  extra: Partial<SftpDeliveryOptions>,
  credentials = ourKey(),
): Promise<{ error: Error; lines: string[] }> {
  const lines: string[] = [];
  const error = await deliverSftp(
    pages,
    options({ onProgress: (line) => lines.push(line), ...extra }, credentials),
  ).then(
    () => new Error("delivery unexpectedly succeeded"),
    (e: Error) => e,
  );
  return { error, lines };
}

describe("deliverSftp", () => {
  it("uploads complete files and the manifest last, leaving no temporary files", async () => {
    const lines: string[] = [];
    const result = await deliverSftp(pages, options({ onProgress: (line) => lines.push(line) }));

    expect(result.manifest).toBe("daily-0501.sha256");
    expect((await readdir(remoteDir)).sort()).toEqual([
      "daily-0501-p01.pdf",
      "daily-0501-p02.pdf",
      "daily-0501.sha256",
    ]);
    for (const page of pages) {
      expect(await readFile(join(remoteDir, page.split("/").pop() as string))).toEqual(await readFile(page));
    }
    const { stdout } = await run("sha256sum", ["-c", "daily-0501.sha256"], { cwd: remoteDir });
    expect(stdout).toBe("daily-0501-p01.pdf: OK\ndaily-0501-p02.pdf: OK\n");
    expect(lines.at(-1)).toBe("wrote manifest daily-0501.sha256");
  });

  it("authenticates with the key named by NEWSPRINT_SFTP_KEY, replacing an earlier delivery", async () => {
    await deliverSftp(pages, options());
    const env = { NEWSPRINT_SFTP_KEY: server.clientKeyPath, NEWSPRINT_SFTP_HOST_KEY: server.hostKeyFingerprint };
    await deliverSftp(pages, options({}, { env }));
    expect(await readdir(remoteDir)).toHaveLength(3);
    await run("sha256sum", ["-c", "daily-0501.sha256"], { cwd: remoteDir });
  });

  it("authenticates through an ssh-agent (SSH_AUTH_SOCK)", async () => {
    const viaAgent = { hostKey: server.hostKeyFingerprint, env: { SSH_AUTH_SOCK: agent.socket } };
    await deliverSftp(pages, options({}, viaAgent));
    await run("sha256sum", ["-c", "daily-0501.sha256"], { cwd: remoteDir });
  });

  it("retries a refused upload, then reports it without partial files, manifest or secrets", async () => {
    // The server's second port refuses every write (internal-sftp -P write), after open succeeded.
    const { error, lines } = await failedDelivery(
      { port: server.failingWritePort },
      { ...ourKey(), env: { NEWSPRINT_SFTP_PASSWORD: PASSWORD } },
    );

    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.message).toMatch(
      /could not deliver daily-0501-p01\.pdf to sftp:\/\/.* \(3 tries\): .*Permission denied/,
    );
    expect(lines.filter((line) => line.includes("retrying"))).toHaveLength(2);
    expect(await readdir(remoteDir)).toEqual([]);
    for (const text of [error.message, ...lines]) {
      expect(text).not.toContain(server.clientKeyPath);
      expect(text).not.toContain(PASSWORD);
    }
  });

  it("retries when the server is down, then reports it", async () => {
    const { error, lines } = await failedDelivery({ port: await freePort() });
    expect(error.message).toMatch(/could not prepare sftp:\/\/.* \(3 tries\): .*ECONNREFUSED/);
    expect(lines.filter((line) => line.includes("retrying"))).toHaveLength(2);
    expect(error.message).not.toContain(server.clientKeyPath);
  });

  it("does not retry rejected credentials, and never shows the password", async () => {
    const { error, lines } = await failedDelivery(
      {},
      { hostKey: server.hostKeyFingerprint, env: { NEWSPRINT_SFTP_PASSWORD: PASSWORD } },
    );
    expect(error.message).toMatch(/\(1 try\): .*authentication methods failed/);
    expect([error.message, ...lines].join("\n")).not.toContain(PASSWORD);
  });

  it("refuses a server whose host key is not the expected one", async () => {
    const { error } = await failedDelivery(
      {},
      { key: server.clientKeyPath, hostKey: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    );
    expect(error.message).toContain(
      `host key of 127.0.0.1 is ${server.hostKeyFingerprint}, not the expected SHA256:AAAA`,
    );
    expect(error.message).toMatch(/\(1 try\)/);
  });

  it("never shows a key path it could not read", async () => {
    const secretPath = join(root, "very-private-dir", "id_ed25519");
    const { error } = await failedDelivery({}, { ...ourKey(), key: secretPath });
    expect(error.message).toBe("cannot read the SFTP private key named by the --key option (ENOENT)");
  });
});
