import { accessSync, constants, existsSync, statSync } from "node:fs";
import type { Browser, Page } from "puppeteer-core";
import type { BrowserConfig } from "../config/resolve";
import { FailureError } from "../errors";

// The one module that talks to Chromium. Stages ask it for a page; none of them imports
// puppeteer itself, so a remote browser or a pool later changes this file only.

/** The resolved configuration's binary and launch timeout (resolveConfig(…).browser). */
export interface BrowserOptions extends BrowserConfig {
  /** Stops a launch still under way (the caller no longer needs the browser). */
  signal?: AbortSignal;
}

export class BrowserError extends FailureError {
  override name = "BrowserError";
}

/** The binary, checked: there, a file, executable. */
export function findChromium(path: string): string {
  if (!existsSync(path)) {
    throw new BrowserError([
      {
        severity: "error",
        message: `Chromium not found at ${path}`,
        hint: "install it (apt-get install chromium) or set NEWSPRINT_CHROMIUM",
      },
    ]);
  }
  // Spawning a folder or a file without the execute bit fails with an error event puppeteer
  // leaves unhandled: say what is wrong instead.
  if (!statSync(path).isFile()) throw new BrowserError(`${path} is a folder, not a Chromium binary`);
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new BrowserError(`${path} is not executable: it should be the Chromium binary`);
  }
  return path;
}

// Flags: the machine has no GPU and no network beyond loopback; background services would only
// try to phone home. Root needs --no-sandbox. No host name resolves but the loopback address the
// pages come from, so nothing leaves the machine, not even a DNS query: sign-in, network time and
// component updates, which still start in headless Chromium, fail at once.
const ARGS = [
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  "--disable-features=NetworkTimeServiceQuerying",
  "--headless=new",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  "--no-default-browser-check",
  "--font-render-hinting=none",
  "--disable-dev-shm-usage",
];

export async function launchBrowser(opts: BrowserOptions): Promise<Browser> {
  const executablePath = findChromium(opts.executablePath);
  const args = process.getuid?.() === 0 ? [...ARGS, "--no-sandbox"] : ARGS;
  // puppeteer's own timeout does not cover a browser that never answers on its pipe.
  const timeoutMs = opts.launchTimeoutMs;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout.signal]) : timeout.signal;
  try {
    // Loaded on use (a fifth of a second): a plan from cached measurements starts no browser.
    const { default: puppeteer } = await import("puppeteer-core");
    return await puppeteer.launch({ executablePath, args, headless: true, pipe: true, signal });
  } catch (err) {
    if (timeout.signal.aborted) {
      throw new BrowserError(
        `Chromium (${executablePath}) did not start within ${timeoutMs / 1000} s; NEWSPRINT_LAUNCH_TIMEOUT_MS sets the limit`,
      );
    }
    throw new BrowserError(`could not start Chromium (${executablePath}): ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

export interface OpenedPage {
  page: Page;
  errors: string[];
}

/** A fresh page whose console errors and page errors are collected for the caller's report. */
export async function openPage(browser: Browser): Promise<OpenedPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(String((err as Error).message ?? err)));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  return { page, errors };
}

export interface PdfOptions {
  widthMm: number;
  heightMm: number;
}

/** Prints the page to PDF at the CSS page size. Returns the bytes; the caller writes them atomically. */
export async function printPdf(page: Page, opts: PdfOptions): Promise<Uint8Array> {
  return page.pdf({
    width: `${opts.widthMm}mm`,
    height: `${opts.heightMm}mm`,
    printBackground: true,
    preferCSSPageSize: true,
    margin: { top: 0, right: 0, bottom: 0, left: 0 },
    timeout: 0,
  });
}

export type { Browser, Page };
