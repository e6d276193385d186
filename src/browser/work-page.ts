import type { Page } from "puppeteer-core";
import { FailureError } from "../errors";
import { type PdfOptions, printPdf } from "./browser";
import type { BrowserScript } from "./scripts";

// One Chromium page that a build works in: the measure stage loads its document, the render stage
// swaps the made-up pages into the same document and prints it. Its renderer keeps the decoded
// fonts between the two (that is most of a build's time), so stages hand this object on instead of
// opening pages. It remembers which stylesheets its document holds, so a later pass (the preview's
// rebuilds) only swaps the body while they are unchanged.

type Fn = (...args: never[]) => unknown;
type ArgsOf<F> = F extends (...args: infer A) => unknown ? A : never;
type ResultOf<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

export class BrowserPageError extends FailureError {
  override name = "BrowserPageError";
}

export class WorkPage {
  /** Console and page errors since the last `clearErrors()`. */
  readonly errors: string[] = [];
  /** What the current document's head holds (stylesheets, format); undefined before the first load. */
  private documentKey: string | undefined;

  constructor(readonly page: Page) {
    page.on("pageerror", (err) => this.errors.push(String((err as Error).message ?? err)));
    page.on("console", (msg) => {
      if (msg.type() === "error") this.errors.push(msg.text());
    });
  }

  clearErrors(): void {
    this.errors.length = 0;
  }

  /**
   * Shows a document: loads `url` unless the page already holds a document with the same
   * `key` (same head), in which case only its body is replaced by `body`.
   */
  async show(url: string, key: string, body: string): Promise<"loaded" | "swapped"> {
    if (this.documentKey === key && this.page.url() !== "about:blank") {
      await this.swapBody(body, key);
      return "swapped";
    }
    this.documentKey = undefined;
    await this.page.goto(url, { waitUntil: "load" });
    this.documentKey = key;
    return "loaded";
  }

  /** Whether the page holds a document whose head has `key`. */
  holds(key: string): boolean {
    return this.documentKey === key;
  }

  /**
   * Replaces the document's body; its head, stylesheets and decoded fonts stay. The document is
   * then known by `key`, or by none (what ran on it may have changed its head: Paged.js does).
   */
  async swapBody(body: string, key?: string): Promise<void> {
    this.documentKey = undefined;
    await this.page.evaluate((html: string) => {
      document.body.className = "";
      document.body.innerHTML = html;
    }, body);
    this.documentKey = key;
  }

  async setTitle(title: string): Promise<void> {
    await this.page.evaluate((text: string) => {
      document.title = text;
    }, title);
  }

  /** Loads a classic script by URL unless `global` is already defined (vendor code, e.g. Paged.js). */
  async ensureScript(url: string, global: string): Promise<void> {
    await this.page.evaluate(
      (src: string, name: string) =>
        name in window
          ? undefined
          : new Promise<void>((resolve, reject) => {
              const s = document.createElement("script");
              s.src = src;
              s.onload = () => resolve();
              s.onerror = () => reject(new Error(`could not load ${src}`));
              document.head.append(s);
            }),
      url,
      global,
    );
  }

  /** Calls an exported function of a browser script in the page, installing the script first. */
  async call<Api, K extends keyof Api & string>(
    script: BrowserScript<Api>,
    fn: K,
    ...args: Api[K] extends Fn ? ArgsOf<Api[K]> : never
  ): Promise<Api[K] extends Fn ? ResultOf<Api[K]> : never> {
    const g = JSON.stringify(script.global);
    const expression = `(async () => {
      if (!(${g} in window)) { ${script.source}\n window[${g}] = ${script.global}; }
      return window[${g}][${JSON.stringify(fn)}](...${JSON.stringify(args)});
    })()`;
    try {
      return (await this.page.evaluate(expression)) as Api[K] extends Fn ? ResultOf<Api[K]> : never;
    } catch (err) {
      throw new BrowserPageError(`${script.entry}: ${fn} failed in the page: ${(err as Error).message}`);
    }
  }

  /** Chromium's version, e.g. "HeadlessChrome/156.0.8078.73": part of what decides a line break. */
  browserVersion(): Promise<string> {
    return this.page.browser().version();
  }

  pdf(opts: PdfOptions): Promise<Uint8Array> {
    return printPdf(this.page, opts);
  }

  close(): Promise<void> {
    return this.page.close().catch(() => undefined);
  }
}
