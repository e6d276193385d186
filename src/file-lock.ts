import { randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { link, mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { onExit } from "./exit-cleanup";

// One writer at a time for a file that several commands read, change and write back (issue.json:
// `import --append`, the preview's edits). The lock is a file beside it, `<file>.lock`, made with
// O_EXCL so exactly one process gets it, holding who took it and when. A lock whose process is
// gone (same machine) or that is older than `staleMs` is broken; anything else is waited for, up
// to `timeoutMs`, then the caller is told who holds it. Shared: it imports no stage.

export interface FileLockOptions {
  /** How long to wait for another holder, ms (default 15 s). */
  timeoutMs?: number;
  /** A lock older than this is a crashed holder's, ms (default 60 s: holders keep it for a write). */
  staleMs?: number;
}

/** The file stayed locked by another process for the whole wait. Not the input's fault: exit 1. */
export class FileLockTimeoutError extends Error {
  override name = "FileLockTimeoutError";
}

interface Holder {
  token: string;
  pid: number;
  host: string;
  since: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function readHolder(text: string): Holder | undefined {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    return typeof h.token === "string" && typeof h.pid === "number" && typeof h.since === "number"
      ? { token: h.token, pid: h.pid, host: String(h.host ?? ""), since: h.since }
      : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the lock as read is a dead holder's: its process gone, or held past `staleMs`. */
async function isStale(lockPath: string, text: string, staleMs: number): Promise<boolean> {
  const holder = readHolder(text);
  if (holder) {
    if (holder.host === hostname() && !isAlive(holder.pid)) return true;
    return Date.now() - holder.since > staleMs;
  }
  // Unreadable (a holder killed between creating and writing it): judge by its age.
  const info = await stat(lockPath).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > Math.min(staleMs, 5_000);
}

/** Removes a stale lock unless another process replaced it meanwhile. */
async function breakStale(lockPath: string, seen: string): Promise<void> {
  const aside = `${lockPath}.${randomUUID()}.stale`;
  if (
    !(await rename(lockPath, aside).then(
      () => true,
      () => false,
    ))
  )
    return;
  const moved = await readFile(aside, "utf8").catch(() => "");
  // A fresh lock taken between our read and the rename goes back (unless yet another one took its place).
  if (moved !== seen) await link(aside, lockPath).catch(() => undefined);
  await rm(aside, { force: true });
}

/** Runs `work` while holding the lock of `file`; the lock goes when it ends, however it ends. */
export async function withFileLock<T>(file: string, work: () => Promise<T>, o: FileLockOptions = {}): Promise<T> {
  const lockPath = `${file}.lock`;
  const timeoutMs = o.timeoutMs ?? 15_000;
  const staleMs = o.staleMs ?? 60_000;
  const me: Holder = { token: randomUUID(), pid: process.pid, host: hostname(), since: Date.now() };
  const deadline = Date.now() + timeoutMs;
  let wait = 10;
  for (;;) {
    const handle = await open(lockPath, "wx").catch((err: NodeJS.ErrnoException) => err);
    if (!(handle instanceof Error)) {
      me.since = Date.now();
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      break;
    }
    if (handle.code === "ENOENT") {
      await mkdir(dirname(lockPath), { recursive: true });
      continue;
    }
    if (handle.code !== "EEXIST") throw handle;
    const seen = await readFile(lockPath, "utf8").catch(() => undefined);
    if (seen !== undefined && (await isStale(lockPath, seen, staleMs))) {
      await breakStale(lockPath, seen);
      continue;
    }
    if (Date.now() > deadline) {
      const holder = seen === undefined ? undefined : readHolder(seen);
      const who = holder
        ? `process ${holder.pid} on ${holder.host} since ${new Date(holder.since).toISOString()}`
        : "another process";
      throw new FileLockTimeoutError(
        `${file} is being changed by ${who}; waited ${Math.round(timeoutMs / 1000)} s. Try again; if no newsprint command runs, remove ${lockPath}`,
      );
    }
    await sleep(wait + Math.random() * wait);
    wait = Math.min(wait * 2, 200);
  }
  // A command ended by a signal still removes its lock (synchronously, at exit).
  const release = () => {
    try {
      if (readHolder(readFileSync(lockPath, "utf8"))?.token === me.token) rmSync(lockPath, { force: true });
    } catch {
      // Gone already.
    }
  };
  const cancel = onExit(release);
  try {
    return await work();
  } finally {
    cancel();
    release();
  }
}
