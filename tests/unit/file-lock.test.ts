import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileLockTimeoutError, withFileLock } from "../../src/file-lock";

// One writer at a time for a file that is read, changed and written back (issue.json): a lost
// update without the lock, none with it; a crashed holder's lock broken, a live one waited for.

const dir = mkdtempSync(join(tmpdir(), "newsprint-file-lock-"));
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Read, wait, write back one more: the read-modify-write the import does. */
async function increment(file: string): Promise<void> {
  const n = Number(readFileSync(file, "utf8"));
  await pause(5);
  writeFileSync(file, String(n + 1));
}

describe("withFileLock", () => {
  it("loses updates without it and none with it", async () => {
    const bare = join(dir, "bare.txt");
    writeFileSync(bare, "0");
    await Promise.all(Array.from({ length: 10 }, () => increment(bare)));
    expect(Number(readFileSync(bare, "utf8"))).toBeLessThan(10);

    const locked = join(dir, "locked.txt");
    writeFileSync(locked, "0");
    await Promise.all(Array.from({ length: 10 }, () => withFileLock(locked, () => increment(locked))));
    expect(Number(readFileSync(locked, "utf8"))).toBe(10);
    expect(existsSync(`${locked}.lock`)).toBe(false);
  });

  it("releases the lock when the work fails", async () => {
    const file = join(dir, "fails.txt");
    await expect(withFileLock(file, async () => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("breaks the lock of a process that is gone", async () => {
    const file = join(dir, "stale.txt");
    const gone = spawnSync(process.execPath, ["-e", ""]).pid as number;
    writeFileSync(`${file}.lock`, JSON.stringify({ token: "old", pid: gone, host: hostname(), since: Date.now() }));
    const started = Date.now();
    expect(await withFileLock(file, async () => "got it", { timeoutMs: 5_000 })).toBe("got it");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("waits for a live holder, then names it", async () => {
    const file = join(dir, "held.txt");
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ token: "other", pid: process.pid, host: hostname(), since: Date.now() }),
    );
    const error = await withFileLock(file, async () => "never", { timeoutMs: 300 }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(FileLockTimeoutError);
    expect((error as Error).message).toMatch(new RegExp(`being changed by process ${process.pid} on `));
    // The holder's lock is left as it was.
    expect(JSON.parse(readFileSync(`${file}.lock`, "utf8")).token).toBe("other");
  });

  it("takes over a lock held past its time", async () => {
    const file = join(dir, "old.txt");
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ token: "slow", pid: process.pid, host: hostname(), since: Date.now() - 120_000 }),
    );
    expect(await withFileLock(file, async () => "mine", { timeoutMs: 2_000 })).toBe("mine");
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
