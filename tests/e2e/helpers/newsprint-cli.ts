import { execFile } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../../helpers/paths";

// newsprint as an editor runs it: the CLI in a child process, its exit code, output and how long it took.

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export function newsprint(args: string[], o: { cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      "node",
      [join(REPO_ROOT, "bin/newsprint.js"), ...args],
      { cwd: o.cwd ?? REPO_ROOT, timeout: o.timeoutMs ?? 170_000, maxBuffer: 64 * 1024 * 1024, killSignal: "SIGKILL" },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr), ms: Date.now() - started });
      },
    );
  });
}
