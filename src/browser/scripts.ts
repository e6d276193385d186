import { createRequire } from "node:module";
import { join } from "node:path";
import { APP_ROOT, appFile } from "../app-root";

// Code that runs inside Chromium is TypeScript like the rest (src/**/*.browser.ts, the preview's
// client), type-checked with the DOM library by `npm run typecheck` and bundled by esbuild into one
// classic script each, in memory, on first use (tens of ms, while Chromium starts).

/** A bundled browser script. `Api` is the type of the entry module's exports, for typed calls. */
export interface BrowserScript<Api = unknown> {
  /** Path from the app root of the entry module, e.g. "src/measure/measure.browser.ts". */
  entry: string;
  /** The global (window[global]) the bundle assigns the module's exports to. */
  global: string;
  /** The bundle's JavaScript. */
  readonly source: string;
  /** Phantom field carrying the exports' type; never set. */
  readonly api?: Api;
}

const cache = new Map<string, string>();

/** The bundle of `entry`, its exports assigned to window[global]; bundled when its source is
 *  first read, so that importing a stage costs nothing (a plan from cached measurements runs no
 *  browser code). */
export function browserScript<Api = unknown>(entry: string, global: string): BrowserScript<Api> {
  const key = `${entry}\0${global}`;
  return {
    entry,
    global,
    get source() {
      let source = cache.get(key);
      if (source === undefined) {
        source = bundle(entry, global);
        cache.set(key, source);
      }
      return source;
    },
  };
}

function bundle(entry: string, global: string): string {
  // Required on use: commands that run no browser code never load esbuild.
  const esbuild = createRequire(join(APP_ROOT, "package.json"))("esbuild") as typeof import("esbuild");
  const result = esbuild.buildSync({
    entryPoints: [appFile(entry)],
    bundle: true,
    format: "iife",
    globalName: global,
    target: "chrome120",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild produced nothing for ${entry}`);
  return out.text;
}
