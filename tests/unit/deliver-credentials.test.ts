import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ssh2 from "ssh2";
import { afterAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve";
import { DeliveryUsageError, redactSecrets } from "../../src/deliver/errors";
import { resolveSftpCredentials } from "../../src/deliver/sftp-credentials";

/** The credentials a command resolves from its --key option and the environment. */
const credentialsOf = (env: NodeJS.ProcessEnv, key?: string) =>
  resolveSftpCredentials(resolveConfig({ deliver: { sftpKey: key } }, undefined, env).deliver.sftp);

const SECRET_DIR = "secret-folder-name-7f3a";
const keyDirs: string[] = [];
afterAll(() => Promise.all(keyDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function writeKey(passphrase?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${SECRET_DIR}-`));
  keyDirs.push(dir);
  const pair = ssh2.utils.generateKeyPairSync(
    "ed25519",
    passphrase ? { passphrase, cipher: "aes256-ctr", rounds: 4 } : {},
  );
  const path = join(dir, "id_ed25519");
  await writeFile(path, pair.private);
  return path;
}

describe("SFTP credentials", () => {
  it("come from NEWSPRINT_SFTP_KEY, and the key path is a secret", async () => {
    const path = await writeKey();
    const credentials = await credentialsOf({ NEWSPRINT_SFTP_KEY: path });
    expect(credentials.privateKey?.toString()).toContain("PRIVATE KEY");
    expect(credentials.secrets).toContain(path);
  });

  it("prefer the key option to the environment", async () => {
    const path = await writeKey();
    const credentials = await credentialsOf({ NEWSPRINT_SFTP_KEY: "/nope" }, path);
    expect(credentials.secrets).toEqual([path]);
  });

  it("unlock an encrypted key with NEWSPRINT_SFTP_KEY_PASSPHRASE", async () => {
    const path = await writeKey("open sesame");
    const env = { NEWSPRINT_SFTP_KEY: path, NEWSPRINT_SFTP_KEY_PASSPHRASE: "open sesame" };
    await expect(credentialsOf(env)).resolves.toMatchObject({ passphrase: "open sesame" });
    const wrong = credentialsOf({ ...env, NEWSPRINT_SFTP_KEY_PASSPHRASE: "wrong guess" });
    await expect(wrong).rejects.toThrow(/passphrase/i);
    await expect(wrong).rejects.not.toThrow(/wrong guess|secret-folder/);
  });

  it("name neither the key path nor its folder when the key cannot be read", async () => {
    const missing = `/tmp/${SECRET_DIR}/id_rsa`;
    const attempt = credentialsOf({ NEWSPRINT_SFTP_KEY: missing });
    await expect(attempt).rejects.toBeInstanceOf(DeliveryUsageError);
    await expect(attempt).rejects.toThrow(/NEWSPRINT_SFTP_KEY \(ENOENT\)/);
    await expect(attempt).rejects.not.toThrow(SECRET_DIR);
  });

  it("take a password and an agent socket from the environment", async () => {
    const credentials = await credentialsOf({
      NEWSPRINT_SFTP_PASSWORD: "correct horse",
      SSH_AUTH_SOCK: "/run/agent.sock",
    });
    expect(credentials).toMatchObject({ password: "correct horse", agent: "/run/agent.sock" });
    expect(credentials.secrets).toContain("correct horse");
  });

  it("are required", async () => {
    await expect(credentialsOf({})).rejects.toThrow(/no SFTP credentials/);
  });
});

describe("redactSecrets", () => {
  it("replaces every occurrence of each secret", () => {
    expect(redactSecrets("key /k/id at /k/id, pw hunter22", ["/k/id", "hunter22", undefined])).toBe(
      "key *** at ***, pw ***",
    );
  });
});
