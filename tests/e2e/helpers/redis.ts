// A real Redis on loopback for the queue tests and benchmark (Debian's redis-server): its own
// port and temp folder, nothing saved to disk, stopped by the caller.

import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, type RunningServer, started } from "./servers";

export interface RedisServer extends RunningServer {
  url: string;
  port: number;
}

export async function startRedis(): Promise<RedisServer> {
  const root = await mkdtemp(join(tmpdir(), "newsprint-redis-"));
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", root];
  const child = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
  const stop = await started(child, port, "redis-server", root, () => answersPing(port));
  return { url: `redis://127.0.0.1:${port}`, port, stop };
}

/** Redis answers an inline PING with +PONG once it accepts commands. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
  });
}
