import type { Browser } from "puppeteer-core";
import { type LoopbackServer, type Mount, pageServer } from "../server/server";
import { type BrowserOptions, findChromium, launchBrowser } from "./browser";
import { servePages } from "./serve-pages";
import { notedVersion, noteVersion } from "./version-note";
import { WorkPage } from "./work-page";

// A browser plus the server of its pages (answered over the DevTools pipe, serve-pages.ts): what
// the measure and render stages share during one build. Launching Chromium is the slowest single step, so it starts once — or, for a
// session opened `lazy`, only when a page is first asked for (a plan whose measurements are all
// cached needs no browser).

export interface Session {
  server: LoopbackServer;
  /** The session's working page, opened once and reused: navigating an open page is much
   *  faster than opening one (its renderer keeps decoded fonts). Errors are cleared per call. */
  workPage(): Promise<WorkPage>;
  /** Chromium's version, e.g. "HeadlessChrome/156.0.8078.73": part of what decides a line break.
   *  Read from the note a run before left for the same binary, else asked of the browser. */
  browserVersion(): Promise<string>;
  /** Writes the version note (with the caches, once a build succeeded: a failed one writes nothing). */
  saveNotes(): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions extends BrowserOptions {
  browser?: Browser;
  /** Launch Chromium only when a page is needed. */
  lazy?: boolean;
  /** Where the version of each Chromium binary is noted (a cache folder's file). */
  versionNote?: string;
}

export async function openSession(mounts: Mount[], opts: SessionOptions): Promise<Session> {
  let starting: Promise<Browser> | undefined = opts.browser ? Promise.resolve(opts.browser) : undefined;
  const browser = () => {
    starting ??= launchBrowser(opts);
    return starting;
  };
  const server = pageServer(mounts);
  if (!opts.lazy) await browser();
  const owned = !opts.browser;
  let work: Promise<WorkPage> | undefined;
  const binary = () => opts.browser?.process()?.spawnfile ?? findChromium(opts.executablePath);
  let unnoted: string | undefined;
  return {
    server,
    async workPage() {
      // A browser handed in is shared (a preview's editor tab, a worker's other jobs): the work
      // page gets a context, and so a window, of its own, where it is never a background tab
      // (those get no frames and may stall layout).
      work ??= browser().then(async (b) => {
        const page = await (owned ? b : await b.createBrowserContext()).newPage();
        await servePages(page, server.url, server.answer);
        return new WorkPage(page);
      });
      const opened = await work;
      opened.clearErrors();
      return opened;
    },
    async browserVersion() {
      const noted = opts.versionNote ? notedVersion(opts.versionNote, binary()) : undefined;
      if (noted) return noted;
      const version = await (await browser()).version();
      unnoted = version;
      return version;
    },
    async saveNotes() {
      if (opts.versionNote && unnoted) await noteVersion(opts.versionNote, binary(), unnoted);
    },
    async close() {
      const opened = await work?.catch(() => undefined);
      await opened?.close();
      if (!owned)
        await opened?.page
          .browserContext()
          .close()
          .catch(() => undefined);
      await server.close();
      const launched = await starting?.catch(() => undefined);
      if (owned) await launched?.close();
    },
  };
}
