import type { Browser } from "puppeteer-core";
import { type LoopbackServer, type Mount, startServer } from "../server/server";
import { type BrowserOptions, launchBrowser } from "./browser";
import { WorkPage } from "./work-page";

// A browser plus the loopback server that feeds it: what the measure and render stages share
// during one build. Launching Chromium is the slowest single step, so it starts once.

export interface Session {
  browser: Browser;
  server: LoopbackServer;
  /** The session's working page, opened once and reused: navigating an open page is much
   *  faster than opening one (its renderer keeps decoded fonts). Errors are cleared per call. */
  workPage(): Promise<WorkPage>;
  close(): Promise<void>;
}

export async function openSession(
  mounts: Mount[],
  opts: BrowserOptions & { browser?: Browser } = {},
): Promise<Session> {
  const [browser, server] = await Promise.all([
    opts.browser ? Promise.resolve(opts.browser) : launchBrowser(opts),
    startServer(mounts),
  ]);
  const owned = !opts.browser;
  let work: Promise<WorkPage> | undefined;
  return {
    browser,
    server,
    async workPage() {
      work ??= browser.newPage().then((page) => new WorkPage(page));
      const opened = await work;
      opened.clearErrors();
      return opened;
    },
    async close() {
      const opened = await work?.catch(() => undefined);
      await opened?.close();
      await server.close();
      if (owned) await browser.close();
    },
  };
}
