import { setTimeout as sleep } from "node:timers/promises";
import { type Command, InvalidArgumentError } from "commander";
import { DEFAULTS } from "../../config/defaults";
import { SIGNAL_EXIT_CODES } from "../../exit-cleanup";
import { reportError } from "../report-error";

type StopSignal = keyof typeof SIGNAL_EXIT_CODES;

/** How long the preview may take to close in order; then the process exits anyway. */
const CLOSE_WITHIN_MS = 5_000;

/**
 * SIGINT and SIGTERM stop the preview: the first closes it in order (a service manager's or a
 * container's stop is SIGTERM), a second one exits at once. Listening from the start matters:
 * while Chromium launches, puppeteer's own SIGTERM handler would otherwise swallow the signal.
 */
function stopOnSignals(): { signal: AbortSignal; received: Promise<StopSignal> } {
  const stopping = new AbortController();
  const received = new Promise<StopSignal>((resolve) => {
    for (const signal of Object.keys(SIGNAL_EXIT_CODES) as StopSignal[]) {
      process.on(signal, () => {
        if (stopping.signal.aborted) process.exit(SIGNAL_EXIT_CODES[signal]);
        stopping.abort();
        resolve(signal);
      });
    }
  });
  return { signal: stopping.signal, received };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError("not a port number");
  return port;
}

export function registerPreview(program: Command): void {
  program
    .command("preview")
    .description("show the issue's pages in a browser, exactly as the PDF will be, updated on every save")
    .argument("<issue>", "issue folder or issue.json")
    .option("-p, --port <n>", `port (default ${DEFAULTS.previewPort}, or a free one if that is taken)`, parsePort)
    .option("--host <host>", `address to listen on (default ${DEFAULTS.previewHost}: this machine only)`)
    .option("--open", "open the preview in the default browser")
    .option("--edition <id>", "show that zoned edition's pages (read-only)")
    .option("-o, --out <dir>", "output folder whose .cache/images keeps the prepared photos", DEFAULTS.outDir)
    .option(
      "--chromium <path>",
      `Chromium binary for measuring (default: $NEWSPRINT_CHROMIUM or ${DEFAULTS.chromiumPaths[0]})`,
    )
    .addHelpText(
      "after",
      `
Saving issue.json, a photo, a template or a stylesheet updates the open pages. Errors show over the
pages, naming the file and the JSON path; the preview recovers once the file is fixed. It runs
until Ctrl-C or SIGTERM (exit 130 / 143, Chromium closed; a second signal stops it at once).

Examples:
  newsprint preview issues/dongchangfu --open
  newsprint preview issues/dongchangfu --port 8080`,
    )
    .action(
      async (
        target: string,
        opts: { port?: number; host?: string; open?: boolean; out: string; chromium?: string; edition?: string },
      ) => {
        const stop = stopOnSignals();
        const [{ startPreview, isLoopback }, { openInBrowser }] = await Promise.all([
          import("../../preview/preview"),
          import("../../preview/open-browser"),
        ]);
        let preview: Awaited<ReturnType<typeof startPreview>>;
        try {
          preview = await startPreview({
            target,
            host: opts.host,
            port: opts.port,
            outDir: opts.out,
            chromium: opts.chromium,
            edition: opts.edition,
            log: (line) => console.error(`[${new Date().toLocaleTimeString()}] ${line}`),
            signal: stop.signal,
          });
        } catch (err) {
          // Stopped while starting: the failure is the cut-short launch, not worth a report.
          if (stop.signal.aborted) process.exit(SIGNAL_EXIT_CODES[await stop.received]);
          // Exit now: what a failed start left open must not keep the process (whose signals are
          // taken by stopOnSignals) alive.
          process.exit(reportError(err));
        }
        if (!stop.signal.aborted) {
          const url = `${preview.url}/`;
          console.log(`preview of ${preview.state().issue.file} at ${url}  (Ctrl-C stops it)`);
          if (opts.host && !isLoopback(opts.host)) {
            console.warn(
              `warning: listening on ${opts.host}: anyone who can reach it sees the pages (and the photos and logo they show)`,
            );
          }
          if (opts.open) openInBrowser(url, (problem) => console.warn(problem));
        }
        const signal = await stop.received;
        console.error(`${signal}: stopping the preview`);
        await Promise.race([preview.close().catch(() => undefined), sleep(CLOSE_WITHIN_MS, undefined, { ref: false })]);
        // Exit rather than wait for the event loop to empty: nothing left open (an editor's
        // keep-alive socket, a stuck Chromium, which the exit kills) may keep a stopped preview alive.
        process.exit(SIGNAL_EXIT_CODES[signal]);
      },
    );
}
