import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Browser } from "puppeteer-core";
import { openSession, type Session } from "../browser/session";
import { type PreviewConfig, resolveConfig } from "../config/resolve";
import { resolveIssuePath } from "../load";
import { PageMemo } from "../makeup";
import { folderCache } from "../measure/cache";
import { layoutReport } from "../pipeline/summary";
import { type LoopbackServer, startServer } from "../server/server";
import { issueMounts, STYLES_DIR, TEMPLATES_DIR } from "../typeset/assets";
import { editRoute } from "./edit-route";
import { type BuiltVersion, EditService, type RebuildOutcome, sha256 } from "./edit-service";
import { shownPath } from "./error-report";
import { eventHub } from "./events";
import { ExposedFiles } from "./exposed";
import { clientBundles, previewMounts } from "./mounts";
import { rebuildPages, rebuildSummary } from "./rebuild";
import { RebuildQueue } from "./rebuild-queue";
import { hostGuard, PageVersions, shellRoute } from "./routes";
import type { PreviewState } from "./state";
import { changedPages, pageListing } from "./version-info";
import { watchFolders } from "./watch";

// `newsprint preview`: the issue's pages in the editor's browser, made by the build's own stages
// and rebuilt whenever the issue, a photo, a template or a stylesheet is saved. A headless Chromium
// (for the measure stage) stays open for the server's lifetime; the editor's browser paginates
// with Paged.js itself. Rebuilds never overlap; a failed one leaves the last pages on screen.

export interface PreviewOptions {
  /** Issue folder or issue.json. */
  target: string;
  /** Listen address; default 127.0.0.1 (this machine only). */
  host?: string;
  /** Default the configuration's (4321), or any free port if that one is taken; 0 for any free port. */
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
  const preview = { port: opts.port, host: opts.host };
  const config = resolveConfig({ outDir: opts.outDir, chromium: opts.chromium, preview });
  const cacheDir = resolve(config.cache.images);
  // Only what a save changed is measured again: the rest comes from this cache (shared with build).
  const measureCache = folderCache(resolve(config.cache.measure));
  const makeupMemo = new PageMemo();
  const session = await openSession(issueMounts(issueDir, cacheDir), {
    browser: opts.browser,
    ...config.browser,
  });
  let server: LoopbackServer;
  try {
    server = await listen(previewMounts(issueDir, cacheDir), config.preview, opts.port !== undefined);
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

  const host = config.preview.host;
  const port = Number(new URL(server.url).port);
  // Edits only on loopback: with --host, whoever reaches the page would get its token.
  const editToken = isLoopback(host) ? randomBytes(24).toString("base64url") : "";
  if (isLoopback(host)) server.addHandler(hostGuard(port, host), ["GET", "HEAD", "POST"]);
  const exposed = isLoopback(host) ? undefined : new ExposedFiles();
  if (exposed) server.addHandler(exposed.handler());
  server.addHandler(hub.handler);
  server.addHandler(versions.route());
  server.addHandler(shellRoute(editToken));
  for (const bundle of clientBundles()) server.setDocument(bundle.url, bundle.source, "text/javascript; charset=utf-8");

  // What edits are checked against: the newest version built and the bytes it was built from.
  let built: BuiltVersion | undefined;
  let lastHtml: { html: string; formatCss: string } | undefined;
  let outcome: RebuildOutcome | undefined;
  /** Bytes an edit wrote and is being made up from: their failure is the edit's, not the pages'. */
  let editSource: string | undefined;
  /** The newest bytes built or written by the editor: a file event with these needs no rebuild. */
  let knownSource: string | undefined;
  /** A file other than issue.json changed since the last version (a template, a photo). */
  let othersChanged = false;
  const fileHash = () => {
    try {
      return sha256(readFileSync(issueFile));
    } catch {
      return undefined;
    }
  };

  const rebuild = async () => {
    publish({ status: "building" });
    const others = othersChanged;
    othersChanged = false;
    const before = fileHash();
    const result = await rebuildPages(issueFile, session, config, measureCache, makeupMemo);
    const source = before === fileHash() ? before : undefined;
    if (result.ok) {
      const version = state.version + 1;
      const same = lastHtml && !others && lastHtml.formatCss === result.formatCss;
      const changed = same && lastHtml ? changedPages(lastHtml.html, result.html) : undefined;
      lastHtml = { html: result.html, formatCss: result.formatCss };
      server.setDocument("/format.css", result.formatCss, "text/css; charset=utf-8");
      versions.add(version, result.html, JSON.stringify(layoutReport(result.layout)));
      exposed?.add(version, result.assets);
      const { pages, bleedMm, marks, plan, buildMs, stageMs, model, layout, measurements } = result;
      built = source ? { version, source, model, layout, measurements } : undefined;
      if (source) knownSource = source;
      publish({
        status: "ready",
        version,
        error: undefined,
        pages,
        bleedMm,
        marks,
        plan,
        buildMs,
        stageMs,
        source,
        changes: changed && { since: state.version, pages: changed },
        listing: pageListing(model.issue),
      });
    } else if (editSource !== undefined && source === editSource) {
      // The edit puts the file back; the pages on screen stay right.
      publish({ status: state.error ? "error" : "ready" });
    } else {
      publish({ status: "error", error: result.error });
    }
    outcome = { source, ok: result.ok, version: state.version, error: result.ok ? undefined : result.error };
    log(rebuildSummary(result, state.version));
  };
  const queue = new RebuildQueue(rebuild, opts.quietMs);
  const onFileChange = (file: string) => {
    if (file !== issueFile) othersChanged = true;
    else if (knownSource !== undefined && fileHash() === knownSource) return;
    queue.request();
  };
  const watcher = watchFolders([issueDir, TEMPLATES_DIR, STYLES_DIR], onFileChange, {
    ignore: [cacheDir],
    onError: (err) => log(`watching files failed: ${err.message}`),
  });

  if (editToken) {
    const service = new EditService({
      issueFile,
      shownFile: state.issue.file,
      built: () => built,
      async rebuildForEdit(source) {
        editSource = source;
        try {
          queue.now();
          await queue.idle();
        } finally {
          editSource = undefined;
        }
        return outcome ?? { ok: false, version: state.version };
      },
      requestRebuild: () => queue.request(),
      writing(source) {
        knownSource = source;
      },
      log,
    });
    const route = editRoute({
      token: editToken,
      port,
      boundHost: host,
      issue: state.issue.file,
      apply: (request) => service.apply(request),
    });
    server.addHandler(route, ["POST"]);
  }
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

async function listen(
  mounts: ReturnType<typeof previewMounts>,
  { host, port }: PreviewConfig,
  portAsked: boolean,
): Promise<LoopbackServer> {
  try {
    return await startServer(mounts, { host, port });
  } catch (err) {
    // The usual port is taken (another preview?): any free one will do unless a port was asked for.
    if (!portAsked && (err as NodeJS.ErrnoException).code === "EADDRINUSE") {
      return startServer(mounts, { host, port: 0 });
    }
    throw err;
  }
}

async function closeSession(session: Session): Promise<void> {
  await session.close().catch(() => undefined);
}
