import { execFile } from "node:child_process";

// Every external program (Ghostscript, poppler's pdffonts/pdfimages) runs through here: no shell,
// a timeout, bounded output, and failures turned into one readable error.

export class ToolError extends Error {
  override name = "ToolError";
  constructor(
    message: string,
    readonly tool: string,
    readonly stderr: string,
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
    execFile(
      cmd,
      args,
      {
        timeout,
        maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024,
        encoding: opts.binary ? "buffer" : "utf8",
        killSignal: "SIGKILL",
      },
      (err, stdout, stderr) => {
        const errText = String(stderr ?? "");
        if (!err) {
          resolve({ stdout, stderr: errText });
          return;
        }
        const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
        let why: string;
        if (e.code === "ENOENT") why = `${cmd} is not installed (not found on PATH)`;
        else if (e.killed) why = `${cmd} did not finish within ${timeout / 1000} s`;
        else why = `${cmd} failed (exit ${e.code ?? "?"})`;
        const detail = lastLines(errText || String(stdout ?? ""), 8);
        reject(new ToolError(detail ? `${why}: ${detail}` : why, cmd, errText));
      },
    );
  });
}

function lastLines(text: string, n: number): string {
  return text.trim().split(/\r?\n/).slice(-n).join("\n");
}
