import { existsSync } from "node:fs";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

// The one module that talks to Chromium. Stages ask it for a page; none of them imports
// puppeteer itself, so a remote browser or a pool later changes this file only.

export interface BrowserOptions {
  /** Path of the Chromium binary; else NEWSPRINT_CHROMIUM, PUPPETEER_EXECUTABLE_PATH, /usr/bin/chromium. */
  executablePath?: string;
}

export class BrowserError extends Error {
  override name = "BrowserError";
}

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findChromium(explicit?: string): string {
  const path =
    explicit ??
    process.env.NEWSPRINT_CHROMIUM ??
    process.env.PUPPETEER_EXECUTABLE_PATH ??
    CANDIDATES.find((p) => existsSync(p));
  if (!path || !existsSync(path)) {
    throw new BrowserError(
      `Chromium not found${path ? ` at ${path}` : ""}: install it (apt-get install chromium) or set NEWSPRINT_CHROMIUM`,
    );
  }
  return path;
}

// Flags: the machine has no GPU and no network beyond loopback; background services would only
// try to phone home. Root needs --no-sandbox.
const ARGS = [
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

export async function launchBrowser(opts: BrowserOptions = {}): Promise<Browser> {
  const executablePath = findChromium(opts.executablePath);
  const args = process.getuid?.() === 0 ? [...ARGS, "--no-sandbox"] : ARGS;
  try {
    return await puppeteer.launch({ executablePath, args, headless: true, pipe: true });
  } catch (err) {
    throw new BrowserError(`could not start Chromium (${executablePath}): ${(err as Error).message}`);
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
