import { execFile } from "node:child_process";
import { FailureError } from "../errors";
import { onExit } from "../exit-cleanup";

// Every external program (Ghostscript, poppler's pdffonts/pdfimages) runs through here: no shell,
// a timeout, bounded output, failures turned into one readable error — and no program outlives
// us: an abort signal kills it, and so does the process ending (Ctrl-C included).

export class ToolError extends FailureError {
  override name = "ToolError";
  constructor(
    message: string,
    readonly tool: string,
    readonly stderr: string,
    /** missing: not installed; timeout: killed after the time limit; failed: it ran and gave up. */
    readonly kind: "missing" | "timeout" | "failed" = "failed",
  ) {
    super(message);
  }
}

export interface RunOptions {
  timeoutMs?: number;
  /** Output bigger than this is an error; default 64 MiB. */
  maxBuffer?: number;
  /** Return stdout as bytes instead of text. */
  binary?: boolean;
  /** Kills the program; the call rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface RunResult<T> {
  stdout: T;
  stderr: string;
}

export function runTool(
  cmd: string,
  args: string[],
  opts?: RunOptions & { binary?: false },
): Promise<RunResult<string>>;
export function runTool(cmd: string, args: string[], opts: RunOptions & { binary: true }): Promise<RunResult<Buffer>>;
export function runTool(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult<string | Buffer>> {
  const timeout = opts.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(opts.signal.reason);
      return;
    }
    const child = execFile(
      cmd,
      args,
      {
        timeout,
        maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024,
        encoding: opts.binary ? "buffer" : "utf8",
        killSignal: "SIGKILL",
        signal: opts.signal,
      },
      (err, stdout, stderr) => {
        forget();
        const errText = String(stderr ?? "");
        if (!err) {
          resolve({ stdout, stderr: errText });
          return;
        }
        if (opts.signal?.aborted) {
          reject(opts.signal.reason);
          return;
        }
        const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
        const kind = e.code === "ENOENT" ? "missing" : e.killed ? "timeout" : "failed";
        const why =
          kind === "missing"
            ? `${cmd} is not installed (not found on PATH)`
            : kind === "timeout"
              ? `${cmd} did not finish within ${timeout / 1000} s`
              : `${cmd} failed (exit ${e.code ?? "?"})`;
        const detail = lastLines(errText || String(stdout ?? ""), 8);
        reject(new ToolError(detail ? `${why}: ${detail}` : why, cmd, errText, kind));
      },
    );
    const forget = onExit(() => child.kill("SIGKILL"));
  });
}

function lastLines(text: string, n: number): string {
  return text.trim().split(/\r?\n/).slice(-n).join("\n");
}
