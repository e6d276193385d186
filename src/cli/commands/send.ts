// `newsprint send`: delivers print-ready PDFs to an IPP printer, a hot folder or an SFTP hot folder,
// each preflighted first (a file that fails is refused and nothing is sent, unless --no-preflight).
// Exit codes: 0 delivered, 1 delivery failed, 2 bad usage or a file refused. Progress goes to stderr.

import { basename } from "node:path";
import { type Command, type CommanderError, InvalidArgumentError, Option } from "commander";
import { DEFAULTS } from "../../config/defaults";
import { type DeliverConfig, resolveConfig } from "../../config/resolve";
import type { PageDeliveryOptions, Sides } from "../../deliver/index";
import { printableLines } from "../../diagnostics";
import { EXIT, exitCodeOf } from "../../errors";
import { PreflightRefusalError, refuseFailing } from "../../preflight/refuse";

// The delivery code (ssh2, IPP) loads on use, so other commands start without it.
const deliver = () => import("../../deliver/index");

export interface SendOptions {
  printer?: string;
  folder?: string;
  sftp?: string;
  copies?: number;
  media?: string;
  duplex?: "long" | "short";
  jobName?: string;
  timeout?: number;
  key?: string;
  hostKey?: string;
  retries?: number;
  manifest?: string;
  /** False with --no-preflight: the files go as they are. */
  preflight: boolean;
  /** The issue whose signed-off pages to send, instead of files. */
  issue?: string;
  /** The build's output folder, with --issue. */
  out?: string;
}

const PRINTER_ONLY = ["copies", "media", "duplex", "jobName", "timeout"] as const;
const SFTP_ONLY = ["key", "hostKey"] as const;
const HOT_FOLDER_ONLY = ["retries", "manifest"] as const;
const ISSUE_ONLY = ["out"] as const;

export function registerSend(program: Command): Command {
  return program
    .command("send")
    .description(
      "deliver print-ready PDFs to an IPP printer, a hot folder, or a hot folder over SFTP; or an e-paper's site folder to a web server's folder",
    )
    .argument("[pdf...]", "PDF files to deliver, or one folder (an e-paper site) to deliver whole")
    .option("--issue <dir>", "send the issue's signed-off pages not sent yet (see newsprint approve), not files")
    .option("-o, --out <dir>", `with --issue: the build's output folder (default ${DEFAULTS.outDir})`)
    .option("--printer <uri>", "IPP printer, e.g. ipp://host:631/ipp/print")
    .option("--folder <dir>", "local or mounted hot folder")
    .option("--sftp <user@host[:port]/path>", "hot folder on an SFTP server")
    .option("--copies <n>", "printer: number of copies", positiveInteger)
    .option("--media <name>", "printer: PWG media name, e.g. iso_a3_297x420mm")
    .addOption(
      new Option("--duplex <edge>", "printer: print both sides, bound on the long or short edge").choices([
        "long",
        "short",
      ]),
    )
    .option("--job-name <name>", "printer: job name (default: the file name)")
    .option(
      "--timeout <seconds>",
      `printer: how long to wait for each job to complete (default ${DEFAULTS.printTimeoutMs / 1000})`,
      positiveInteger,
    )
    .option(
      "--key <path>",
      "SFTP: private key file (default: $NEWSPRINT_SFTP_KEY, else ssh-agent or $NEWSPRINT_SFTP_PASSWORD)",
    )
    .option("--host-key <fingerprint>", "SFTP: expected host key, SHA256:… (default: $NEWSPRINT_SFTP_HOST_KEY)")
    .option("--retries <n>", `hot folders: tries per file (default ${DEFAULTS.deliverTries})`, positiveInteger)
    .option("--manifest <name>", "hot folders: checksum manifest name (default: <common stem>.sha256)")
    .option("--no-preflight", "send the files without preflighting them first (on purpose: the plant may reject them)")
    .exitOverride(exitWithUsageCode)
    .action(async (pdfs: string[], options: SendOptions, command: Command) => {
      checkOptionCombination(pdfs, options, command);
      try {
        const settings = resolveConfig({
          deliver: {
            tries: options.retries,
            printTimeoutMs: options.timeout === undefined ? undefined : options.timeout * 1000,
            sftpKey: options.key,
            sftpHostKey: options.hostKey,
          },
        }).deliver;
        if (options.issue !== undefined) {
          await checkDestination(options);
          await (await import("./send-issue")).sendIssue(
            options.issue,
            options.out ?? DEFAULTS.outDir,
            options,
            settings,
          );
          return;
        }
        const [first] = pdfs;
        if (first !== undefined && pdfs.length === 1 && (await (await deliver()).isSiteFolder(first))) {
          await sendFolder(first, options, settings);
          return;
        }
        for (const pdf of pdfs) await (await deliver()).assertPdfFile(pdf);
        await checkDestination(options);
        if (options.preflight) await refuseFailing(pdfs, resolveConfig().preflight);
        await send(pdfs, options, settings);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const heading = error instanceof PreflightRefusalError ? `${error.title}:\n` : "";
        const text = `newsprint send: ${heading}${heading ? message.replace(/^/gm, "  ") : message}`;
        process.stderr.write(`${printableLines(text)}\n`);
        process.exitCode = exitCodeOf(error);
      }
    });
}

async function send(pdfs: string[], options: SendOptions, settings: DeliverConfig): Promise<void> {
  if (options.printer) {
    for (const pdf of pdfs) await printOne(pdf, options.jobName ?? basename(pdf), options, settings);
    return;
  }
  await deliverToHotFolder(pdfs, options, settings);
}

/** Prints one file and follows its job until it completes. */
export async function printOne(pdf: string, jobName: string, options: SendOptions, settings: DeliverConfig) {
  const printer = options.printer ?? "";
  const { jobId } = await (await deliver()).submitPrintJob(pdf, {
    printer,
    ...(options.copies !== undefined ? { copies: options.copies } : {}),
    ...(options.media !== undefined ? { media: options.media } : {}),
    ...(options.duplex ? { sides: duplexSides(options.duplex) } : {}),
    jobName,
    timeoutMs: settings.printTimeoutMs,
    pollMs: settings.printPollMs,
    onState: (state, detail) => {
      const why = detail.reasons.length ? ` (${detail.reasons.join(", ")})` : "";
      progress(`${jobName}: job ${detail.jobId} ${state}${why}`);
    },
  });
  progress(`${jobName}: printed as job ${jobId} on ${printer}`);
}

/** Delivers files to the --folder or --sftp hot folder; `pages` names and versions an issue's pages. */
export async function deliverToHotFolder(
  pdfs: readonly string[],
  options: SendOptions,
  settings: DeliverConfig,
  pages: PageDeliveryOptions = {},
): Promise<void> {
  const hotFolder = {
    onProgress: progress,
    tries: settings.tries,
    backoffMs: settings.backoffMs,
    ...(options.manifest !== undefined ? { manifestName: options.manifest } : {}),
    ...pages,
  };
  if (options.folder) {
    await (await deliver()).deliverToFolder(pdfs, options.folder, hotFolder);
    return;
  }
  if (options.sftp) {
    const { deliverSftp, parseSftpAddress } = await deliver();
    await deliverSftp(pdfs, {
      ...parseSftpAddress(options.sftp),
      ...hotFolder,
      secrets: settings.sftp,
      connectTimeoutMs: settings.sftpConnectTimeoutMs,
    });
  }
}

const progress = (line: string) => process.stderr.write(`${line}\n`);

/** A folder (an e-paper's site) goes whole, in its folders, to a folder or an SFTP folder. */
async function sendFolder(folder: string, options: SendOptions, settings: DeliverConfig): Promise<void> {
  const { DeliveryUsageError, deliverTreeSftp, deliverTreeToFolder, parseSftpAddress } = await deliver();
  if (options.printer) throw new DeliveryUsageError(`${folder} is a folder: a printer takes PDF files`);
  const hotFolder = {
    onProgress: (line: string) => process.stderr.write(`${line}\n`),
    tries: settings.tries,
    backoffMs: settings.backoffMs,
    ...(options.manifest !== undefined ? { manifestName: options.manifest } : {}),
  };
  if (options.folder) await deliverTreeToFolder(folder, options.folder, hotFolder);
  else if (options.sftp)
    await deliverTreeSftp(folder, {
      ...parseSftpAddress(options.sftp),
      ...hotFolder,
      secrets: settings.sftp,
      connectTimeoutMs: settings.sftpConnectTimeoutMs,
    });
}

/** A malformed destination is reported before the files are preflighted. */
async function checkDestination(options: SendOptions): Promise<void> {
  const { parsePrinterUri, parseSftpAddress } = await deliver();
  if (options.printer !== undefined) parsePrinterUri(options.printer);
  if (options.sftp !== undefined) parseSftpAddress(options.sftp);
}

function duplexSides(edge: "long" | "short"): Sides {
  return edge === "long" ? "two-sided-long-edge" : "two-sided-short-edge";
}

/** Files or --issue, exactly one destination, and only the options that apply to it. */
function checkOptionCombination(pdfs: readonly string[], options: SendOptions, command: Command): void {
  if (pdfs.length > 0 === (options.issue !== undefined)) {
    command.error("error: give the PDF files to send or --issue <dir>, not both or neither", {
      exitCode: EXIT.invalid,
    });
  }
  const destinations = (["printer", "folder", "sftp"] as const).filter((d) => options[d] !== undefined);
  if (destinations.length !== 1) {
    command.error(
      "error: give exactly one destination: --printer <uri>, --folder <dir> or --sftp <user@host[:port]/path>",
      {
        exitCode: EXIT.invalid,
      },
    );
  }
  const misplaced = (names: readonly (keyof SendOptions)[], allowed: boolean, where: string) => {
    const wrong = names.filter((name) => options[name] !== undefined);
    if (!allowed && wrong.length > 0) {
      const flags = wrong.map((name) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
      command.error(`error: ${flags.join(", ")} only ${wrong.length === 1 ? "applies" : "apply"} to ${where}`, {
        exitCode: EXIT.invalid,
      });
    }
  };
  misplaced(PRINTER_ONLY, options.printer !== undefined, "--printer");
  misplaced(SFTP_ONLY, options.sftp !== undefined, "--sftp");
  misplaced(HOT_FOLDER_ONLY, options.printer === undefined, "--folder and --sftp");
  misplaced(ISSUE_ONLY, options.issue !== undefined, "--issue");
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
    throw new InvalidArgumentError("expected a whole number of at least 1");
  }
  return number;
}

/** Commander reports usage errors with exit code 1; ours is 2, so 1 can mean "delivery failed". */
function exitWithUsageCode(error: CommanderError): never {
  process.exit(error.exitCode === 0 ? 0 : EXIT.invalid);
}
