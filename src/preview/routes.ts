import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import Handlebars from "handlebars";
import { CSP } from "../render/render";
import type { Handler } from "../server/server";
import { CLIENT_DIR } from "./mounts";
import { languageOfHeader, wordsOf } from "./words";

// The preview's own routes, tried before the server's mounts: a guard against other sites
// reaching the loopback server through DNS rebinding, the editor's page, and the pages
// by version.

const BASE_HEADERS = { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" };

/** The editor's page: its scripts and styles come from 'self' only, never inline. */
export const SHELL_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const pathOf = (req: IncomingMessage) => new URL(req.url ?? "/", "http://localhost").pathname;

const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether a Host header names this server by one of its own names (and its port). */
export function isOwnHost(hostHeader: string | undefined, port: number, boundHost = "127.0.0.1"): boolean {
  const names = new Set([...LOOPBACK_NAMES, boundHost.includes(":") ? `[${boundHost}]` : boundHost]);
  const host = (hostHeader ?? "").toLowerCase();
  const colon = host.lastIndexOf(":");
  const name = colon > host.lastIndexOf("]") ? host.slice(0, colon) : host;
  const hostPort = colon > host.lastIndexOf("]") ? Number(host.slice(colon + 1)) : 80;
  return names.has(name) && hostPort === port;
}

/**
 * A page on any site can resolve its own name to 127.0.0.1 and read from the loopback server as
 * "same origin". Such requests carry the foreign name in Host; answer only our own names.
 */
export function hostGuard(port: number, boundHost = "127.0.0.1"): Handler {
  return (req, res) => {
    if (isOwnHost(req.headers.host, port, boundHost)) return false;
    res.writeHead(403, { ...BASE_HEADERS, "Content-Type": "text/plain" }).end("forbidden host");
    return true;
  };
}

/** "/" is the editor's page, in the language the browser asks for (Accept-Language), carrying the
 *  session's edit token (none: the pages are read-only). */
export function shellRoute(editToken = ""): Handler {
  let template: Promise<Handlebars.TemplateDelegate> | undefined;
  const token = editToken.replace(/[^A-Za-z0-9_-]/g, "");
  return async (req, res) => {
    if (pathOf(req) !== "/") return false;
    template ??= readFile(join(CLIENT_DIR, "shell.hbs"), "utf8").then((page) =>
      Handlebars.compile(page, { strict: true }),
    );
    const language = languageOfHeader(req.headers["accept-language"]);
    const body = (await template)({ language, w: wordsOf(language), token, traditional: language === "zh-Hant" });
    res
      .writeHead(200, {
        ...BASE_HEADERS,
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": SHELL_CSP,
        "Referrer-Policy": "no-referrer",
        // The page's words depend on the browser's language.
        Vary: "Accept-Language",
      })
      .end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}

/** The last few versions of the pages, so a browser still loading an older one gets it whole;
 *  each with its layout report (layout.json as the build writes it) at /pages/<version>.layout.json. */
export class PageVersions {
  private readonly versions = new Map<number, string>();
  private readonly layouts = new Map<number, string>();
  constructor(private readonly keep = 3) {}

  add(version: number, html: string, layoutJson?: string): void {
    this.versions.set(version, html);
    if (layoutJson !== undefined) this.layouts.set(version, layoutJson);
    for (const map of [this.versions, this.layouts]) {
      for (const v of map.keys()) if (v <= version - this.keep) map.delete(v);
    }
  }

  get(version: number): string | undefined {
    return this.versions.get(version);
  }

  /** /pages/<version>.html, with the pages' CSP also as a header (frames only from this origin). */
  route(): Handler {
    return (req: IncomingMessage, res: ServerResponse) => {
      const path = pathOf(req);
      const layout = /^\/pages\/(\d+)\.layout\.json$/.exec(path);
      if (layout) {
        const json = this.layouts.get(Number(layout[1]));
        const type = json === undefined ? "text/plain" : "application/json; charset=utf-8";
        res.writeHead(json === undefined ? 404 : 200, { ...BASE_HEADERS, "Content-Type": type });
        res.end(req.method === "HEAD" ? undefined : (json ?? "no such version"));
        return true;
      }
      const m = /^\/pages\/(\d+)\.html$/.exec(path);
      if (!m) return false;
      const html = this.get(Number(m[1]));
      if (html === undefined) {
        res.writeHead(404, { ...BASE_HEADERS, "Content-Type": "text/plain" }).end("no such version");
        return true;
      }
      res
        .writeHead(200, {
          ...BASE_HEADERS,
          "Content-Type": "text/html; charset=utf-8",
          "Content-Security-Policy": `${CSP}; frame-ancestors 'self'; base-uri 'none'; form-action 'none'`,
          "X-Frame-Options": "SAMEORIGIN",
        })
        .end(req.method === "HEAD" ? undefined : html);
      return true;
    };
  }
}
