import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { DEFAULTS } from "../config/defaults";
import { ToolError } from "../pdf/run-tool";
import { type ConvertOptions, pressWriterArgs } from "./ghostscript-convert";
import { pdfxDefinition } from "./pdfx-def";

// PDF/X-4 through Ghostscript 10.06 built to WebAssembly (the npm package @okathira/ghostpdl-wasm,
// AGPL-3.0 as Ghostscript is): Debian's Ghostscript 10.0 writes X-1a and X-3 only, and the WASM
// build needs nothing but Node on a fresh machine. The same pdfwrite settings as the native run
// (ghostscript-convert.ts), with -dPDFX=4 and PDF 1.6 so transparency stays live. Each page runs
// in a worker thread with its own in-memory file system: callMain blocks its thread, and a worker
// can be stopped at once (Ctrl-C, the time limit), as the native gs process is killed.

/** The file URL of the module's gs.js, or undefined when it is not installed. */
export function resolveGsWasm(module: string): string | undefined {
  try {
    const path =
      isAbsolute(module) || module.startsWith(".") ? resolve(module) : createRequire(import.meta.url).resolve(module);
    return existsSync(path) ? pathToFileURL(path).href : undefined;
  } catch {
    return undefined;
  }
}

/** The problem of --pdfx PDF/X-4 without Ghostscript in WebAssembly installed. */
export function gsWasmMissing(module: string): string {
  return `--pdfx PDF/X-4 needs Ghostscript 10.06 in WebAssembly, which is not installed (${module}): npm install ${DEFAULTS.gsWasmModule} (AGPL-3.0)`;
}

// Runs in the worker (plain JavaScript): loads the module, copies the files into its file system,
// runs Ghostscript once, posts back the exit code, what it printed and the output's bytes.
const WORKER = `
const { workerData: w, parentPort } = require("node:worker_threads");
(async () => {
  const log = [];
  const { default: load } = await import(w.moduleUrl);
  const gs = await load({ print: (s) => log.push(s), printErr: (s) => log.push(s) });
  gs.FS.mkdir("/icc");
  for (const [name, bytes] of w.files) gs.FS.writeFile(name, bytes);
  const code = gs.callMain(w.args);
  const output = code === 0 ? gs.FS.readFile("/out.pdf") : undefined;
  parentPort.postMessage({ code, log: log.join("\\n"), output });
})().catch((e) => parentPort.postMessage({ code: -1, log: String((e && e.stack) || e) }));
`;

interface WorkerResult {
  code: number;
  log: string;
  output?: Uint8Array;
}

/** Converts one imposed page to a PDF/X-4 CMYK or grey file (PDF 1.6, transparency kept). */
export async function convertWithGhostscriptWasm(
  input: string,
  output: string,
  iccDir: string,
  opts: ConvertOptions & { moduleUrl: string },
): Promise<void> {
  const gray = opts.colour === "gray";
  // Ghostscript converts to the profile it loads as default_cmyk.icc: the press profile, under that
  // name, among Ghostscript's own (the run's ICC folder holds both, see prepareIccDir).
  const iccNames = (await readdir(iccDir)).filter((n) => n.endsWith(".icc"));
  const files: [string, Uint8Array][] = [
    ["/in.pdf", await readFile(input)],
    ["/press.icc", await readFile(opts.profilePath)],
    ["/def.ps", Buffer.from(pdfxDefinition("/press.icc", opts.intent, 4, "PDF/X-4"), "latin1")],
    ...(await Promise.all(
      iccNames.map(async (n): Promise<[string, Uint8Array]> => [`/icc/${n}`, await readFile(`${iccDir}${n}`)]),
    )),
  ];
  const args = [
    "-q",
    "-dNOPAUSE",
    "-dBATCH",
    "-dSAFER",
    "--permit-file-read=/press.icc",
    "--permit-file-read=/icc/",
    "-sDEVICE=pdfwrite",
    "-dPDFX=4",
    "-dCompatibilityLevel=1.6",
    "-sICCProfilesDir=/icc/",
    ...pressWriterArgs(gray),
    "-sOutputFile=/out.pdf",
    "/def.ps",
    "/in.pdf",
  ];
  const result = await runWorker({ moduleUrl: opts.moduleUrl, files, args }, opts);
  if (result.code !== 0 || !result.output || /error/i.test(result.log)) {
    const said = result.log.trim().slice(0, 2000);
    throw new ToolError(`Ghostscript (WebAssembly) could not convert ${input}: ${said}`, "gs-wasm", result.log);
  }
  await writeFile(output, result.output);
}

function runWorker(workerData: unknown, opts: Pick<ConvertOptions, "timeoutMs" | "signal">): Promise<WorkerResult> {
  opts.signal?.throwIfAborted();
  return new Promise((done, fail) => {
    const worker = new Worker(WORKER, { eval: true, workerData });
    const stop = (error: Error) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      fail(error);
    };
    const onAbort = () => stop(opts.signal?.reason instanceof Error ? opts.signal.reason : new Error("aborted"));
    const timer = setTimeout(
      () =>
        stop(
          new ToolError(`Ghostscript (WebAssembly) took longer than ${opts.timeoutMs} ms`, "gs-wasm", "", "timeout"),
        ),
      opts.timeoutMs,
    );
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    worker.once("message", (result: WorkerResult) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      done(result);
    });
    worker.once("error", (error) => stop(error));
  });
}
