import { existsSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CONCURRENCY } from "../concurrency";
import { InputError } from "../errors";
import type { PdfxVersion } from "../pdf/pdfx";
import { DEFAULTS } from "./defaults";

// One resolved configuration per command, as Vite resolves its config once: the defaults, then
// what the issue says (its target photo resolution), then the environment, then the command line.
// The stages read this object, a section each; none of them looks at flags, the environment or a
// default itself. The environment is read here and by the CLI, nowhere else.

/** What a command line or a caller may set; anything left out is the environment's or the default. */
export interface InlineConfig {
  outDir?: string;
  chromium?: string;
  /** Photos below the resolution threshold are errors, not warnings. */
  strict?: boolean;
  preflight?: Partial<Pick<PreflightConfig, "minPpi" | "maxInk" | "bleedMm">>;
  deliver?: { tries?: number; printTimeoutMs?: number; sftpKey?: string; sftpHostKey?: string };
  queue?: Partial<
    Pick<
      QueueConfig,
      "redisUrl" | "queueName" | "attempts" | "concurrency" | "lockDurationMs" | "stalledIntervalMs" | "roots"
    >
  >;
  preview?: Partial<PreviewConfig>;
}

export interface BrowserConfig {
  /** The Chromium binary: --chromium, NEWSPRINT_CHROMIUM, PUPPETEER_EXECUTABLE_PATH, else the first
   *  of DEFAULTS.chromiumPaths on this machine (the first of them when none is there). */
  executablePath: string;
  launchTimeoutMs: number;
  /** The environment Chromium starts with: the command's (its TMPDIR replaced, src/browser/profile.ts). */
  environment: NodeJS.ProcessEnv;
}

export interface ImagesConfig {
  targetPpi: number;
  minPpi: number;
  /** Photos with more pixels are refused unread. */
  maxPixels: number;
  strict: boolean;
}

/** What the press step does where the issue and the press options say nothing. */
export interface PressConfig {
  /** The bleed of a proof whose options name none (an issue's is its format's). */
  bleedMm: number;
  inkLimit: number;
  pdfx: PdfxVersion;
  pagePattern: string;
  issuePattern: string;
  /** Pages converted at once. */
  concurrency: number;
  gsCommand: string;
  /** Ghostscript's own ICC profiles, linked beside the press profile. */
  gsIccDir: string;
  /** The package (or path of the gs.js) of Ghostscript in WebAssembly, for PDF/X-4. */
  gsWasmModule: string;
  gsTimeoutMs: number;
}

export interface PreflightConfig {
  /** Effective image resolution below this warns. */
  minPpi: number;
  /** Highest total ink C+M+Y+K, percent. */
  maxInk: number;
  /** Bleed required beyond the TrimBox on every side, mm. */
  bleedMm: number;
  gsCommand: string;
  gsTimeoutMs: number;
}

/** SFTP credentials as the command line and the environment give them; never from the issue. */
export interface SftpSecrets {
  /** A private key file, and what named it (messages say that, never the path). */
  keyPath?: string;
  keySource: "the --key option" | "NEWSPRINT_SFTP_KEY";
  keyPassphrase?: string;
  password?: string;
  /** The ssh-agent's socket. */
  agent?: string;
  /** The host key expected, SHA256:…; without one any is accepted and its fingerprint reported. */
  hostKey?: string;
}

export interface DeliverConfig {
  /** Tries per file of a hot-folder delivery, the first included, and the wait before the second. */
  tries: number;
  backoffMs: number;
  /** How long to wait for a printer job to complete, and how often to ask. */
  printTimeoutMs: number;
  printPollMs: number;
  sftpConnectTimeoutMs: number;
  sftp: SftpSecrets;
}

export interface QueueConfig {
  /** redis://[user:password@]host:port[/db] (checked by the queue: queueAddress). */
  redisUrl: string;
  queueName: string;
  /** Tries of an edition whose failure is not its input's fault, and the first wait between them. */
  attempts: number;
  backoffMs: number;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  setupTtlMs: number;
  /** The folders a worker may read and write (--root): a job naming anything else is refused. */
  roots: string[];
}

export interface PreviewConfig {
  /** 0: any free port. */
  port: number;
  host: string;
}

export interface ResolvedConfig {
  outDir: string;
  /** Kept between builds into the same output folder: prepared photos, measurements, the last proof. */
  cache: { images: string; measure: string; pages: string; browser: string };
  browser: BrowserConfig;
  images: ImagesConfig;
  press: PressConfig;
  preflight: PreflightConfig;
  deliver: DeliverConfig;
  queue: QueueConfig;
  preview: PreviewConfig;
}

export function resolveConfig(
  inline: InlineConfig = {},
  issue?: { data: { ppi?: number } },
  env: NodeJS.ProcessEnv = process.env,
): ResolvedConfig {
  const outDir = inline.outDir ?? DEFAULTS.outDir;
  const set = (name: string) => nonEmpty(env[name]);
  const gsTimeoutMs = DEFAULTS.gsTimeoutMs;
  return {
    outDir,
    cache: {
      images: join(outDir, ".cache", "images"),
      measure: join(outDir, ".cache", "measure"),
      pages: join(outDir, ".cache", "pages"),
      /** Which Chromium each binary is (src/browser/version-note.ts). */
      browser: join(outDir, ".cache", "chromium.json"),
    },
    browser: {
      executablePath:
        inline.chromium ?? set("NEWSPRINT_CHROMIUM") ?? set("PUPPETEER_EXECUTABLE_PATH") ?? chromiumHere(),
      launchTimeoutMs: launchTimeoutMs(env.NEWSPRINT_LAUNCH_TIMEOUT_MS),
      environment: env,
    },
    images: withIssue(
      { targetPpi: DEFAULTS.targetPpi, minPpi: DEFAULTS.minPpi, maxPixels: DEFAULTS.maxPhotoPixels },
      inline.strict ?? false,
      issue,
    ),
    press: {
      bleedMm: DEFAULTS.bleedMm,
      inkLimit: DEFAULTS.inkLimit,
      pdfx: DEFAULTS.pdfx,
      pagePattern: DEFAULTS.pressPagePattern,
      issuePattern: DEFAULTS.pressIssuePattern,
      concurrency: Math.min(DEFAULTS.pressConcurrency, DEFAULT_CONCURRENCY),
      gsCommand: DEFAULTS.gsCommand,
      gsIccDir: set("NEWSPRINT_GS_ICC_DIR") ?? DEFAULTS.gsIccDir,
      gsWasmModule: set("NEWSPRINT_GS_WASM") ?? DEFAULTS.gsWasmModule,
      gsTimeoutMs,
    },
    preflight: {
      minPpi: inline.preflight?.minPpi ?? DEFAULTS.minPpi,
      maxInk: inline.preflight?.maxInk ?? DEFAULTS.inkLimit,
      bleedMm: inline.preflight?.bleedMm ?? DEFAULTS.bleedMm,
      gsCommand: DEFAULTS.gsCommand,
      gsTimeoutMs,
    },
    deliver: {
      tries: inline.deliver?.tries ?? DEFAULTS.deliverTries,
      backoffMs: DEFAULTS.deliverBackoffMs,
      printTimeoutMs: inline.deliver?.printTimeoutMs ?? DEFAULTS.printTimeoutMs,
      printPollMs: DEFAULTS.printPollMs,
      sftpConnectTimeoutMs: DEFAULTS.sftpConnectTimeoutMs,
      sftp: sftpSecrets(inline.deliver ?? {}, set),
    },
    queue: {
      redisUrl: inline.queue?.redisUrl ?? set("NEWSPRINT_REDIS_URL") ?? DEFAULTS.redisUrl,
      queueName: inline.queue?.queueName ?? DEFAULTS.queueName,
      attempts: inline.queue?.attempts ?? DEFAULTS.queueAttempts,
      backoffMs: DEFAULTS.queueBackoffMs,
      concurrency: inline.queue?.concurrency ?? DEFAULTS.queueConcurrency,
      lockDurationMs: inline.queue?.lockDurationMs ?? DEFAULTS.queueLockDurationMs,
      stalledIntervalMs: inline.queue?.stalledIntervalMs ?? DEFAULTS.queueStalledIntervalMs,
      roots: inline.queue?.roots ?? [],
      setupTtlMs: DEFAULTS.queueSetupTtlMs,
    },
    preview: {
      port: inline.preview?.port ?? DEFAULTS.previewPort,
      host: inline.preview?.host ?? DEFAULTS.previewHost,
    },
  };
}

/**
 * The configuration of a command that serves several issues or one that changes (the preview),
 * for one issue as it is now: what the issue says layered over what the command resolved.
 */
export function forIssue(config: ResolvedConfig, issue: { data: { ppi?: number } }): ResolvedConfig {
  return { ...config, images: withIssue(config.images, config.images.strict, issue) };
}

function withIssue(
  images: Omit<ImagesConfig, "strict">,
  strict: boolean,
  issue: { data: { ppi?: number } } | undefined,
): ImagesConfig {
  return { ...images, targetPpi: issue?.data.ppi ?? images.targetPpi, strict };
}

function sftpSecrets(
  inline: NonNullable<InlineConfig["deliver"]>,
  set: (name: string) => string | undefined,
): SftpSecrets {
  const keyPath = inline.sftpKey ?? set("NEWSPRINT_SFTP_KEY");
  const optional = {
    keyPath,
    keyPassphrase: set("NEWSPRINT_SFTP_KEY_PASSPHRASE"),
    password: set("NEWSPRINT_SFTP_PASSWORD"),
    agent: set("SSH_AUTH_SOCK"),
    hostKey: inline.sftpHostKey ?? set("NEWSPRINT_SFTP_HOST_KEY"),
  };
  const given = Object.entries(optional).filter(([, value]) => value !== undefined);
  return {
    keySource: inline.sftpKey !== undefined ? "the --key option" : "NEWSPRINT_SFTP_KEY",
    ...(Object.fromEntries(given) as Omit<SftpSecrets, "keySource">),
  };
}

/** The first of the usual places that holds a Chromium; the first of them when none does. */
function chromiumHere(): string {
  return DEFAULTS.chromiumPaths.find((p) => existsSync(p)) ?? DEFAULTS.chromiumPaths[0];
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/** NEWSPRINT_LAUNCH_TIMEOUT_MS, a positive number of milliseconds, else the default. */
function launchTimeoutMs(set: string | undefined): number {
  if (set === undefined || set === "") return DEFAULTS.launchTimeoutMs;
  const ms = Number(set);
  if (!(ms > 0))
    throw new InputError(`NEWSPRINT_LAUNCH_TIMEOUT_MS must be a positive number of milliseconds, not "${set}"`);
  return ms;
}
