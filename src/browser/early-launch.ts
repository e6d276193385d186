import type { Browser } from "puppeteer-core";
import { type BrowserOptions, launchBrowser } from "./browser";

// A command starts Chromium before it loads the pipeline's modules, so the two overlap; when the
// command ends early (bad input) a launch still under way is stopped rather than awaited.

export interface EarlyBrowser {
  starting: Promise<Browser>;
  close(): Promise<void>;
}

export function launchEarly(options: BrowserOptions): EarlyBrowser {
  const launching = new AbortController();
  let launched = false;
  const starting = launchBrowser({ ...options, signal: launching.signal });
  starting.then(
    () => {
      launched = true;
    },
    () => undefined,
  );
  return {
    starting,
    async close() {
      if (!launched) launching.abort();
      const browser = await starting.catch(() => undefined);
      await browser?.close().catch(() => undefined);
    },
  };
}
