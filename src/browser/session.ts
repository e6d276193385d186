import type { Browser } from "puppeteer-core";
import { type LoopbackServer, type Mount, startServer } from "../server/server";
import { type BrowserOptions, launchBrowser } from "./browser";

// A browser plus the loopback server that feeds it: what the measure and render stages share
// during one build. Launching Chromium is the slowest single step, so it starts once.

export interface Session {
  browser: Browser;
  server: LoopbackServer;
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
  return {
    browser,
    server,
    async close() {
      await server.close();
      if (owned) await browser.close();
    },
  };
}
