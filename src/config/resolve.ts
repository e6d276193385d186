import { join } from "node:path";
import { InputError } from "../errors";
import { DEFAULTS } from "./defaults";

// One resolved configuration per command, as Vite resolves its config once: the defaults, then
// what the issue says (its target photo resolution), then the command line and the environment.
// The stages read this object; none of them looks at flags, the environment or a default itself.

/** What a command line or a caller may set. */
export interface InlineConfig {
  outDir?: string;
  chromium?: string;
  /** Photos below the resolution threshold are errors, not warnings. */
  strict?: boolean;
}

export interface NewsprintConfig {
  outDir: string;
  /** Kept between builds into the same output folder: prepared photos, measurements, the last proof. */
  cache: { images: string; measure: string; pages: string; browser: string };
  browser: { executablePath?: string; launchTimeoutMs: number };
  images: { targetPpi: number; minPpi: number; maxPixels: number; strict: boolean };
}

export function resolveConfig(
  inline: InlineConfig = {},
  issue?: { data: { ppi?: number } },
  env: NodeJS.ProcessEnv = process.env,
): NewsprintConfig {
  const outDir = inline.outDir ?? DEFAULTS.outDir;
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
      executablePath: inline.chromium ?? env.NEWSPRINT_CHROMIUM ?? env.PUPPETEER_EXECUTABLE_PATH,
      launchTimeoutMs: launchTimeoutMs(env.NEWSPRINT_LAUNCH_TIMEOUT_MS),
    },
    images: {
      targetPpi: issue?.data.ppi ?? DEFAULTS.targetPpi,
      minPpi: DEFAULTS.minPpi,
      maxPixels: DEFAULTS.maxPhotoPixels,
      strict: inline.strict ?? false,
    },
  };
}

/** NEWSPRINT_LAUNCH_TIMEOUT_MS, a positive number of milliseconds, else the default. */
function launchTimeoutMs(set: string | undefined): number {
  if (set === undefined || set === "") return DEFAULTS.launchTimeoutMs;
  const ms = Number(set);
  if (!(ms > 0))
    throw new InputError(`NEWSPRINT_LAUNCH_TIMEOUT_MS must be a positive number of milliseconds, not "${set}"`);
  return ms;
}
