// The SFTP credentials the resolved configuration names (src/config/resolve.ts: --key or
// NEWSPRINT_SFTP_KEY with NEWSPRINT_SFTP_KEY_PASSPHRASE, SSH_AUTH_SOCK, NEWSPRINT_SFTP_PASSWORD),
// read and checked. Never from the issue file, and never in a message: the key path, passphrase
// and password are listed as secrets so that every message can be scrubbed of them.

import { readFile } from "node:fs/promises";
import ssh2 from "ssh2";
import type { SftpSecrets } from "../config/resolve";
import { DeliveryUsageError } from "./errors";

export interface SftpCredentials {
  privateKey?: Buffer;
  passphrase?: string;
  agent?: string;
  password?: string;
  /** Strings that must never appear in output. */
  secrets: string[];
}

export async function resolveSftpCredentials(secrets: SftpSecrets): Promise<SftpCredentials> {
  const { keyPath, keySource, keyPassphrase: passphrase, password, agent } = secrets;
  const credentials: SftpCredentials = {
    secrets: [keyPath, passphrase, password].filter((s): s is string => s !== undefined),
  };
  if (keyPath) {
    // Only the error code: the message of a failed read contains the path.
    const key = await readFile(keyPath).catch((error: NodeJS.ErrnoException) => {
      throw new DeliveryUsageError(`cannot read the SFTP private key named by ${keySource} (${error.code ?? "error"})`);
    });
    const parsed = ssh2.utils.parseKey(key, passphrase);
    if (parsed instanceof Error) {
      const why = /passphrase/i.test(parsed.message)
        ? "wrong or missing NEWSPRINT_SFTP_KEY_PASSPHRASE"
        : "not a supported private key";
      throw new DeliveryUsageError(`cannot use the SFTP private key named by ${keySource}: ${why}`);
    }
    credentials.privateKey = key;
    if (passphrase) credentials.passphrase = passphrase;
  }
  if (agent) credentials.agent = agent;
  if (password) credentials.password = password;
  if (!credentials.privateKey && !credentials.agent && !credentials.password) {
    throw new DeliveryUsageError([
      {
        severity: "error",
        message: "no SFTP credentials",
        hint: "give --key, or set NEWSPRINT_SFTP_KEY, NEWSPRINT_SFTP_PASSWORD or SSH_AUTH_SOCK",
      },
    ]);
  }
  return credentials;
}
