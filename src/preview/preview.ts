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
import { EditService, type RebuildOutcome, sha256 } from "./edit-service";
import { shownPath } from "./error-report";
import { eventHub } from "./events";
import { ExposedFiles } from "./exposed";
import { clientBundles, previewMounts } from "./mounts";
import { rebuildPages, rebuildSummary } from "./rebuild";
import { RebuildQueue } from "./rebuild-queue";
import { hostGuard, PageVersions, shellRoute } from "./routes";
import type { PreviewState } from "./state";
import { type Effect, initialMachine, type PreviewEvent, step } from "./state-machine";
import { watchFolders } from "./watch";

// `newsprint preview`: the issue's pages in the editor's browser, made by the build's own stages
// and rebuilt whenever the issue, a photo, a template or a stylesheet is saved. A headless Chromium
// (for the measure stage) stays open for the server's lifetime; the editor's browser paginates
// with Paged.js itself. Rebuilds never overlap; a failed one leaves the last pages on screen. What
// each file event, rebuild, edit and close means is decided in state-machine.ts; this file wires
// the watcher, the rebuild queue, the edit service and the server to it.

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
  /** Show this zoned edition (the base with its pages in place), read-only: the editor's edits are
   *  written to the base's pages of issue.json. */
  edition?: string;
  /** Reuse a running browser for the measure stage (tests). */
  browser?: Browser;
  /** Quiet time after the last file event before rebuilding. */
  quietMs?: number;
  log?: (line: string) => void;
  /** Stops the start (Chromium's launch) when aborted: the preview is no longer wanted. */
  signal?: AbortSignal;
}

export interface Preview {
  url: string;
  state(): PreviewState;
  /** Resolves when no rebuild is due or running. */
  idle(): Promise<void>;
  /** Stops watching and serving and closes the browser; a rebuild under way is cut short. */
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
    signal: opts.signal,
  });
  let server: LoopbackServer;
  try {
    server = await listen(previewMounts(issueDir, cacheDir), config.preview, opts.port !== undefined);
  } catch (err) {
    await session.close();
    throw err;
  }

  let machine = initialMachine(randomUUID(), {
    name: issueDir.split(/[\\/]/).pop() || "issue",
    file: shownPath(issueFile),
  });
  const hub = eventHub("/events", () => ({ event: "state", data: machine.view }));
  const versions = new PageVersions();

  const host = config.preview.host;
  const port = Number(new URL(server.url).port);
  // Edits only on loopback: with --host, whoever reaches the page would get its token. None for an
  // edition: an edit is written to the base's pages.
  const editToken = isLoopback(host) && opts.edition === undefined ? randomBytes(24).toString("base64url") : "";
  if (isLoopback(host)) server.addHandler(hostGuard(port, host), ["GET", "HEAD", "POST"]);
  const exposed = isLoopback(host) ? undefined : new ExposedFiles();
  if (exposed) server.addHandler(exposed.handler());
  server.addHandler(hub.handler);
  server.addHandler(versions.route());
  server.addHandler(shellRoute(editToken));
  for (const bundle of clientBundles()) server.setDocument(bundle.url, bundle.source, "text/javascript; charset=utf-8");

  const fileHash = () => {
    try {
      return sha256(readFileSync(issueFile));
    } catch {
      return undefined;
    }
  };
  /** Edits waiting for the pages made from their bytes, oldest first (the machine answers in order). */
  const editAnswers: ((outcome: RebuildOutcome) => void)[] = [];
  const perform = (effect: Effect) => {
    switch (effect.type) {
      case "rebuild":
        if (effect.when === "now") queue.now();
        else queue.request();
        return;
      case "serve-version":
        server.setDocument("/format.css", effect.pages.formatCss, "text/css; charset=utf-8");
        versions.add(effect.version, effect.pages.html, JSON.stringify(layoutReport(effect.pages.layout)));
        exposed?.add(effect.version, effect.pages.assets);
        return;
      case "publish":
        hub.send("state", effect.view);
        return;
      case "log-rebuild":
        log(rebuildSummary(effect.result, effect.version));
        return;
      case "answer-edit":
        editAnswers.shift()?.(effect.outcome);
        return;
    }
  };
  // Events are handled one at a time, to the end: one that an effect causes (a rebuild started at
  // once) waits until the event before it is done.
  const waiting: PreviewEvent[] = [];
  let stepping = false;
  const dispatch = (event: PreviewEvent) => {
    waiting.push(event);
    if (stepping) return;
    stepping = true;
    try {
      for (let next = waiting.shift(); next; next = waiting.shift()) {
        const stepped = step(machine, next);
        machine = stepped.machine;
        for (const effect of stepped.effects) perform(effect);
      }
    } finally {
      stepping = false;
    }
  };

  const queue = new RebuildQueue(async () => {
    dispatch({ type: "rebuild-started" });
    const before = fileHash();
    const result = await rebuildPages(issueFile, session, config, measureCache, makeupMemo, opts.edition);
    dispatch({ type: "rebuild-finished", source: before === fileHash() ? before : undefined, result });
  }, opts.quietMs);
  const watcher = watchFolders(
    [issueDir, TEMPLATES_DIR, STYLES_DIR],
    (file) => dispatch(file === issueFile ? { type: "issue-changed", source: fileHash() } : { type: "other-changed" }),
    { ignore: [cacheDir], onError: (err) => log(`watching files failed: ${err.message}`) },
  );

  if (editToken) {
    const service = new EditService({
      issueFile,
      shownFile: machine.view.issue.file,
      built: () => machine.built,
      rebuildForEdit: (source) =>
        new Promise<RebuildOutcome>((answer) => {
          editAnswers.push(answer);
          dispatch({ type: "edit-written", source });
        }),
      requestRebuild: () => dispatch({ type: "issue-changed", source: fileHash() }),
      // An edit's write needs no mark of its own: its file event, after edit-written, is the
      // edit's (no rebuild); before it, it asks for the rebuild the edit then starts at once.
      writing: () => undefined,
      log,
    });
    const route = editRoute({
      token: editToken,
      port,
      boundHost: host,
      issue: machine.view.issue.file,
      apply: (request) => service.apply(request),
    });
    server.addHandler(route, ["POST"]);
  }
  dispatch({ type: "opened" });

  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    state: () => machine.view,
    idle: () => queue.idle(),
    close() {
      closing ??= (async () => {
        dispatch({ type: "close" });
        watcher.close();
        const rebuilds = queue.close();
        hub.close();
        await server.close();
        // Without its browser, a rebuild under way fails at once instead of running to its end.
        await closeSession(session);
        await rebuilds;
        dispatch({ type: "closed" });
      })();
      return closing;
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
