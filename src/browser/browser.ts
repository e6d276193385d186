import { accessSync, constants, existsSync, statSync } from "node:fs";
import type { Browser, Page } from "puppeteer-core";
import type { BrowserConfig } from "../config/resolve";
import { FailureError } from "../errors";
import { openProfile } from "./profile";

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
// try to phone home. Root needs --no-sandbox. Nothing may leave the machine, not even a connect()
// that sends no packet: Chromium's host resolver connects a UDP socket to Google's public DNS
// (2001:4860:4860::8888, port 443) to learn whether IPv6 is routable before every resolution —
// of any name or address, 127.0.0.1 included — and no switch turns that probe off. So nothing
// Chromium does may resolve anything: our pages come over the DevTools pipe (serve-pages.ts), and
// every background request is turned away before it reaches the network stack — network time off,
// the component updater and the sign-in's account listing pointed at a file URL the network
// service refuses at once, link prediction off in the profile's preferences (profile.ts). Any
// name that is still asked for maps to nothing.
const ARGS = [
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  "--disable-features=NetworkTimeServiceQuerying",
  "--component-updater=url-source=file:///dev/null/",
  "--headless=new",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-domain-reliability",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  "--no-default-browser-check",
  "--no-pings",
  "--font-render-hinting=none",
  "--disable-dev-shm-usage",
];

export async function launchBrowser(opts: BrowserOptions): Promise<Browser> {
  const executablePath = findChromium(opts.executablePath);
  // A profile and a temp folder of Chromium's own, removed when it closes or the command exits.
  const profile = await openProfile();
  const args = [...ARGS, ...profile.args, ...(process.getuid?.() === 0 ? ["--no-sandbox"] : [])];
  // puppeteer's own timeout does not cover a browser that never answers on its pipe.
  const timeoutMs = opts.launchTimeoutMs;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout.signal]) : timeout.signal;
  try {
    // Loaded on use (a fifth of a second): a plan from cached measurements starts no browser.
    const { default: puppeteer } = await import("puppeteer-core");
    const browser = await puppeteer.launch({
      executablePath,
      args,
      headless: true,
      pipe: true,
      signal,
      userDataDir: profile.userDataDir,
      env: { ...opts.environment, TMPDIR: profile.tmpDir },
      // Each command decides what a signal does (exit-cleanup.ts): puppeteer's handlers would exit
      // at once on SIGINT and SIGTERM, and close the browser on SIGHUP under a running preview.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    profile.own(browser);
    return browser;
  } catch (err) {
    profile.remove();
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
