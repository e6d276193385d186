// Cleanups that must run however the process ends: a finished command, process.exit() from a
// signal handler (ours, or puppeteer's on Ctrl-C), an uncaught error. They run synchronously in
// Node's 'exit' event — the one moment every ending passes through — so each must be synchronous
// and quick: kill a child process, remove a staging folder.

import { existsSync, rmSync } from "node:fs";

const cleanups = new Set<() => void>();
let installed = false;

/** Runs `cleanup` at exit unless the returned function is called first (the work ended normally). */
export function onExit(cleanup: () => void): () => void {
  if (!installed) {
    installed = true;
    process.on("exit", runExitCleanups);
  }
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

/** Runs and forgets every registered cleanup, newest first; one failing does not stop the rest. */
export function runExitCleanups(): void {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Exiting anyway: nothing better to do with the error.
    }
  }
}

export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * For commands: SIGINT and SIGTERM end the process with 130 / 143 at once, which runs the exit
 * cleanups (Ghostscript killed, staging folders removed). At once rather than after an orderly
 * unwinding: puppeteer's own SIGINT handler exits the process just as abruptly while Chromium
 * runs, so the cleanups are made to hold at any moment instead.
 */
export function exitOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => process.exit(SIGNAL_EXIT_CODES[signal]));
  }
}

const REMOVE_PATIENCE_MS = 3000;

/**
 * Removes a folder from an exit cleanup, synchronously. A child process killed a moment ago (SIGKILL
 * takes effect only once the kernel next schedules it, later under load) may still add a file as
 * the folder goes: keep removing, pausing briefly, until it is gone or the patience runs out.
 */
export function removeFolderAtExit(dir: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const until = Date.now() + REMOVE_PATIENCE_MS;
  for (;;) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 2, retryDelay: 10 });
    } catch {
      // A file added during the removal: try again below.
    }
    if (!existsSync(dir) || Date.now() > until) return;
    Atomics.wait(pause, 0, 0, 25);
  }
}
