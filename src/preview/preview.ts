import { randomUUID } from "node:crypto";
import { dirname, resolve } from "node:path";
import type { Browser } from "puppeteer-core";
import { openSession, type Session } from "../browser/session";
import { DEFAULTS } from "../config/defaults";
import { resolveIssuePath } from "../load";
import { imageCacheDir } from "../pipeline/compose";
import { type LoopbackServer, startServer } from "../server/server";
import { issueMounts, STYLES_DIR, TEMPLATES_DIR } from "../typeset/assets";
import { shownPath } from "./error-report";
import { eventHub } from "./events";
import { ExposedFiles } from "./exposed";
import { clientBundles, previewMounts } from "./mounts";
import { rebuildPages, rebuildSummary } from "./rebuild";
import { RebuildQueue } from "./rebuild-queue";
import { hostGuard, PageVersions, shellRoute } from "./routes";
import type { PreviewState } from "./state";
import { watchFolders } from "./watch";

// `newsprint preview`: the issue's pages in the editor's browser, made by the build's own stages
// and rebuilt whenever the issue, a photo, a template or a stylesheet is saved. A headless Chromium
// (for the measure stage) stays open for the server's lifetime; the editor's browser paginates
// with Paged.js itself. Rebuilds never overlap; a failed one leaves the last pages on screen.

export const DEFAULT_PORT = DEFAULTS.previewPort;

export interface PreviewOptions {
  /** Issue folder or issue.json. */
  target: string;
  /** Listen address; default 127.0.0.1 (this machine only). */
  host?: string;
  /** Default DEFAULT_PORT, or any free port if that one is taken; 0 for any free port. */
  port?: number;
  /** Output folder whose .cache/images holds the prepared photos (shared with build). */
  outDir?: string;
  chromium?: string;
  /** Reuse a running browser for the measure stage (tests). */
  browser?: Browser;
  /** Quiet time after the last file event before rebuilding. */
  quietMs?: number;
  log?: (line: string) => void;
}

export interface Preview {
  url: string;
  state(): PreviewState;
  /** Resolves when no rebuild is due or running. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  const log = opts.log ?? (() => undefined);
  const issueFile = await resolveIssuePath(opts.target);
  const issueDir = dirname(issueFile);
  const cacheDir = resolve(imageCacheDir(opts.outDir ?? DEFAULTS.outDir));
  const session = await openSession(issueMounts(issueDir, cacheDir), {
    browser: opts.browser,
    executablePath: opts.chromium,
  });
  let server: LoopbackServer;
  try {
    server = await listen(previewMounts(issueDir, cacheDir), opts);
  } catch (err) {
    await session.close();
    throw err;
  }

  let state: PreviewState = {
    server: randomUUID(),
    status: "building",
    version: 0,
    issue: { name: issueDir.split(/[\\/]/).pop() || "issue", file: shownPath(issueFile) },
    pages: 0,
    bleedMm: 0,
    marks: [],
  };
  const hub = eventHub("/events", () => ({ event: "state", data: state }));
  const publish = (patch: Partial<PreviewState>) => {
    state = { ...state, ...patch };
    hub.send("state", state);
  };
  const versions = new PageVersions();

  const host = opts.host ?? "127.0.0.1";
  const port = Number(new URL(server.url).port);
  if (isLoopback(host)) server.addHandler(hostGuard(port, host));
  const exposed = isLoopback(host) ? undefined : new ExposedFiles();
  if (exposed) server.addHandler(exposed.handler());
  server.addHandler(hub.handler);
  server.addHandler(versions.route());
  server.addHandler(shellRoute());
  for (const bundle of clientBundles()) server.setDocument(bundle.url, bundle.source, "text/javascript; charset=utf-8");

  const rebuild = async () => {
    publish({ status: "building" });
    const result = await rebuildPages(issueFile, session, cacheDir);
    if (result.ok) {
      const version = state.version + 1;
      server.setDocument("/format.css", result.formatCss, "text/css; charset=utf-8");
      versions.add(version, result.html);
      exposed?.add(version, result.assets);
      const { pages, bleedMm, marks, plan, buildMs, stageMs } = result;
      publish({ status: "ready", version, error: undefined, pages, bleedMm, marks, plan, buildMs, stageMs });
    } else {
      publish({ status: "error", error: result.error });
    }
    log(rebuildSummary(result, state.version));
  };
  const queue = new RebuildQueue(rebuild, opts.quietMs);
  const watcher = watchFolders([issueDir, TEMPLATES_DIR, STYLES_DIR], () => queue.request(), {
    ignore: [cacheDir],
    onError: (err) => log(`watching files failed: ${err.message}`),
  });
  queue.now();

  return {
    url: server.url,
    state: () => state,
    idle: () => queue.idle(),
    async close() {
      watcher.close();
      await queue.close();
      hub.close();
      await server.close();
      await closeSession(session);
    },
  };
}

async function listen(mounts: ReturnType<typeof previewMounts>, opts: PreviewOptions): Promise<LoopbackServer> {
  const host = opts.host ?? "127.0.0.1";
  try {
    return await startServer(mounts, { host, port: opts.port ?? DEFAULT_PORT });
  } catch (err) {
    // The usual port is taken (another preview?): any free one will do unless a port was asked for.
    if (opts.port === undefined && (err as NodeJS.ErrnoException).code === "EADDRINUSE") {
      return startServer(mounts, { host, port: 0 });
    }
    throw err;
  }
}

async function closeSession(session: Session): Promise<void> {
  await session.close().catch(() => undefined);
}
