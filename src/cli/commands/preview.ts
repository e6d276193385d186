import { type Command, InvalidArgumentError } from "commander";
import { DEFAULTS } from "../../config/defaults";
import { EXIT } from "../exit-codes";
import { reportError } from "../report-error";

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
    .option("-o, --out <dir>", "output folder whose .cache/images keeps the prepared photos", DEFAULTS.outDir)
    .option(
      "--chromium <path>",
      `Chromium binary for measuring (default: $NEWSPRINT_CHROMIUM or ${DEFAULTS.chromiumPaths[0]})`,
    )
    .addHelpText(
      "after",
      `
Saving issue.json, a photo, a template or a stylesheet updates the open pages. Errors show over the
pages, naming the file and the JSON path; the preview recovers once the file is fixed.

Examples:
  newsprint preview issues/dongchangfu --open
  newsprint preview issues/dongchangfu --port 8080`,
    )
    .action(
      async (
        target: string,
        opts: { port?: number; host?: string; open?: boolean; out: string; chromium?: string },
      ) => {
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
            log: (line) => console.error(`[${new Date().toLocaleTimeString()}] ${line}`),
          });
        } catch (err) {
          process.exitCode = reportError(err);
          return;
        }
        const url = `${preview.url}/`;
        console.log(`preview of ${preview.state().issue.file} at ${url}  (Ctrl-C stops it)`);
        if (opts.host && !isLoopback(opts.host)) {
          console.warn(
            `warning: listening on ${opts.host}: anyone who can reach it sees the pages (and the photos and logo they show)`,
          );
        }
        if (opts.open) openInBrowser(url, (problem) => console.warn(problem));
        await new Promise<void>((stop) => {
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
        await preview.close();
        process.exitCode = EXIT.ok;
      },
    );
}
