// Delivery into a hot folder on an SFTP server (ssh2-sftp-client over ssh2).

import { createHash } from "node:crypto";
import { connect as connectTcp, type Socket } from "node:net";
import { posix } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ConnectConfig } from "ssh2";
import SftpClient from "ssh2-sftp-client";
import type { SftpSecrets } from "../config/resolve";
import { DeliveryError, messageOf, redactSecrets } from "./errors";
import { resolveSftpCredentials, type SftpCredentials } from "./sftp-credentials";
import {
  type DeliveryResult,
  deliverStaged,
  type PageDeliveryOptions,
  type StagedDeliveryOptions,
  type StagingTarget,
} from "./staged-delivery";
import { deliverTree } from "./tree-delivery";

export interface SftpDeliveryOptions extends StagedDeliveryOptions {
  host: string;
  port?: number;
  username: string;
  /** Absolute, or relative to the login folder. Must exist. */
  remoteDir: string;
  /** Key, agent, password and the expected host key fingerprint as `ssh-keygen -lf` prints it
   *  ("SHA256:…"); without one, any host key is accepted and its fingerprint reported. */
  secrets: SftpSecrets;
  /** Give up connecting after this long. */
  connectTimeoutMs: number;
}

export async function deliverSftp(
  files: readonly string[],
  options: SftpDeliveryOptions & PageDeliveryOptions,
): Promise<DeliveryResult> {
  return deliverStaged(files, await connectedTarget(options), options);
}

/** Every file under the folder `root` (a site), into the same folders under the remote folder. */
export async function deliverTreeSftp(root: string, options: SftpDeliveryOptions): Promise<DeliveryResult> {
  return deliverTree(root, await connectedTarget(options), options);
}

async function connectedTarget(options: SftpDeliveryOptions): Promise<StagingTarget> {
  const credentials = await resolveSftpCredentials(options.secrets);
  return sftpTarget(options, credentials, options.secrets.hostKey);
}

function sftpTarget(options: SftpDeliveryOptions, credentials: SftpCredentials, expectedKey?: string): StagingTarget {
  const port = options.port ?? 22;
  const label = `sftp://${options.username}@${options.host}:${port}/${options.remoteDir.replace(/^\//, "")}`;
  const path = (name: string) => posix.join(options.remoteDir, name);
  // Our own socket under the client: a server that stops answering is dropped by destroying it.
  let connection: { client: SftpClient; socket: Socket } | undefined;
  let reportedKey = false;
  let rejectedKey: string | undefined;

  const config: ConnectConfig = {
    host: options.host,
    port,
    username: options.username,
    readyTimeout: options.connectTimeoutMs,
    // Notice a server that stops answering mid-upload instead of waiting forever.
    keepaliveInterval: 5_000,
    keepaliveCountMax: 3,
    hostVerifier: (key: Buffer) => {
      const fingerprint = `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
      if (expectedKey) {
        rejectedKey = fingerprint === expectedKey ? undefined : fingerprint;
        return rejectedKey === undefined;
      }
      if (!reportedKey) {
        options.onProgress?.(
          `warning: host key of ${options.host} not checked (${fingerprint}); set NEWSPRINT_SFTP_HOST_KEY`,
        );
        reportedKey = true;
      }
      return true;
    },
    ...(credentials.privateKey ? { privateKey: credentials.privateKey } : {}),
    ...(credentials.passphrase ? { passphrase: credentials.passphrase } : {}),
    ...(credentials.agent ? { agent: credentials.agent } : {}),
    ...(credentials.password ? { password: credentials.password } : {}),
  };

  const connected = (): SftpClient => {
    if (!connection) throw new DeliveryError("not connected");
    return connection.client;
  };
  const disconnect = async () => {
    const old = connection;
    connection = undefined;
    if (old) await endWithin(old.client, old.socket, 5_000);
  };

  return {
    label,
    async open() {
      if (connection) return;
      // The package's default listeners print to stdout; errors reach us through its promises.
      const fresh = new SftpClient("newsprint", { error: () => {}, end: () => {}, close: () => {} });
      // ssh2 reports the socket's errors (refused, reset) through the client's promise.
      const socket = connectTcp({ host: options.host, port });
      try {
        await fresh.connect({ ...config, sock: socket });
        const kind = await fresh.exists(options.remoteDir);
        if (kind !== "d") throw new DeliveryError(`remote folder ${options.remoteDir} does not exist`);
      } catch (error) {
        await endWithin(fresh, socket, 5_000);
        if (rejectedKey) {
          throw new DeliveryError(`host key of ${options.host} is ${rejectedKey}, not the expected ${expectedKey}`);
        }
        throw error;
      }
      connection = { client: fresh, socket };
    },
    async makeFolder(name: string) {
      await connected().mkdir(path(name), true);
    },
    async write(source: Readable, name: string) {
      // Not client.put(): it can resolve on an aborted write; pipeline() rejects on any error.
      await pipeline(source, connected().createWriteStream(path(name)));
    },
    async size(name: string) {
      return (await connected().stat(path(name))).size;
    },
    async publish(from: string, to: string) {
      // posix-rename@openssh.com replaces an existing file atomically; plain SFTP rename refuses to.
      await connected().posixRename(path(from), path(to));
    },
    async discard(name: string) {
      await connected().delete(path(name), true);
    },
    reset: disconnect,
    close: disconnect,
    isPermanent: (error: unknown) => /authentication methods failed|host key of|does not exist/i.test(messageOf(error)),
    redact: (message: string) => redactSecrets(message, credentials.secrets),
  };
}

/** Ends the connection, or drops the socket if the server does not answer. */
async function endWithin(client: SftpClient, socket: Socket, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  const outcome = await Promise.race([client.end().catch(() => "failed"), timedOut]);
  clearTimeout(timer);
  if (outcome !== true) socket.destroy();
}
