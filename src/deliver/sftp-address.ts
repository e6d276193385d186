// Parses the --sftp destination: user@host[:port]/path (or sftp://user@host[:port]/path).
// "/~/dir" means "dir" under the login folder, since a leading slash always starts the path.

import { DeliveryUsageError } from "./errors";

export interface SftpAddress {
  username: string;
  host: string;
  port: number;
  remoteDir: string;
}

const PATTERN = /^(?:sftp:\/\/)?([^@/\s]+)@(\[[0-9a-fA-F:.]+\]|[^:/\s[\]]+)(?::(\d+))?(\/.*)$/;

export function parseSftpAddress(address: string): SftpAddress {
  const match = PATTERN.exec(address);
  if (!match) {
    throw new DeliveryUsageError(`not an SFTP destination: "${address}" (expected user@host[:port]/path)`);
  }
  const [, username = "", rawHost = "", rawPort, rawPath = "/"] = match;
  const port = rawPort === undefined ? 22 : Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new DeliveryUsageError(`SFTP port must be 1–65535, not ${rawPort}`);
  }
  const host = rawHost.startsWith("[") ? rawHost.slice(1, -1) : rawHost;
  let remoteDir = rawPath.length > 1 ? rawPath.replace(/\/+$/, "") : "/";
  if (remoteDir === "/~") remoteDir = ".";
  else if (remoteDir.startsWith("/~/")) remoteDir = remoteDir.slice(3);
  return { username: decodeURIComponent(username), host, port, remoteDir };
}
