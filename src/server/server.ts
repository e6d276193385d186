import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readStatic } from "./static";

// The pages' origin. The build's Chromium is served by `pageServer`, over the DevTools pipe
// (src/browser/serve-pages.ts): no socket, no host name, so Chromium's network stack never runs
// for our pages. The live preview's editor, a browser of the user's, is served over HTTP by
// `startServer` on 127.0.0.1 unless a host is given. Both serve mounted folders read-only and
// documents held in memory.

export interface Mount {
  /** URL prefix, e.g. "/issue/" (leading and trailing slash). */
  prefix: string;
  root: string;
  /** Files never change while the server runs (fonts, vendor code): let the browser cache them. */
  immutable?: boolean;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/** What the server answers. Mounts and documents are read-only (GET, HEAD); a handler that
 *  changes something says which other method it takes, and only it sees those requests. */
export type Method = "GET" | "HEAD" | "POST";
const READ: readonly Method[] = ["GET", "HEAD"];

/** A response from the documents and mounts. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface LoopbackServer {
  url: string;
  mounts: Mount[];
  /** URL paths served from mounts so far (what a self-contained copy of the page needs). */
  served: Set<string>;
  /** Serve `body` at `path` until replaced. */
  setDocument(path: string, body: string | Buffer, type?: string): void;
  /** Extra handlers tried before mounts (the preview's event stream, for one), in the order added,
   *  for the methods given (default GET and HEAD). */
  addHandler(handler: Handler, methods?: readonly Method[]): void;
  /** The answer of the documents and mounts to a GET of `url` (a path, or a URL of this origin). */
  answer(url: string): Promise<Answer>;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
};

/** The origin of the pages a build's Chromium is shown: served over DevTools, never resolved. */
export const PAGE_ORIGIN = "http://newsprint.invalid";

/** Documents and mounts, answered by path: what both kinds of server serve. */
function contents(mounts: Mount[]) {
  const documents = new Map<string, { body: string | Buffer; type: string }>();
  const served = new Set<string>();
  const answer = async (url: string): Promise<Answer> => {
    const path = new URL(url, "http://localhost").pathname;
    if (path === "/favicon.ico") return { status: 204, headers: { ...SECURITY_HEADERS }, body: "" };
    const doc = documents.get(path);
    if (doc) return { status: 200, headers: { ...SECURITY_HEADERS, "Content-Type": doc.type }, body: doc.body };
    const mount = mounts.find((m) => path.startsWith(m.prefix));
    const found = mount ? await readStatic(mount.root, path.slice(mount.prefix.length)) : null;
    if (!found)
      return { status: 404, headers: { ...SECURITY_HEADERS, "Content-Type": "text/plain" }, body: "not found" };
    served.add(path);
    const caching = mount?.immutable ? { "Cache-Control": "max-age=86400, immutable" } : {};
    return { status: 200, headers: { ...SECURITY_HEADERS, ...caching, "Content-Type": found.type }, body: found.body };
  };
  const setDocument = (path: string, body: string | Buffer, type = "text/html; charset=utf-8") => {
    documents.set(path, { body, type });
  };
  return { served, answer, setDocument };
}

/** The pages' server for a build's Chromium: nothing listens; `answer` serves what the work page
 *  asks for (src/browser/serve-pages.ts). */
export function pageServer(mounts: Mount[]): LoopbackServer {
  const { served, answer, setDocument } = contents(mounts);
  return {
    url: PAGE_ORIGIN,
    mounts,
    served,
    setDocument,
    addHandler() {
      throw new Error("the pages' server has no HTTP handlers");
    },
    answer,
    close: async () => undefined,
  };
}

/** An HTTP server on `host` (default 127.0.0.1): the live preview's, for the editor's browser. */
export async function startServer(
  mounts: Mount[],
  opts: { host?: string; port?: number } = {},
): Promise<LoopbackServer> {
  const { served, answer, setDocument } = contents(mounts);
  const handlers: { handler: Handler; methods: readonly string[] }[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? "GET";
    for (const h of handlers) if (h.methods.includes(method) && (await h.handler(req, res))) return;
    if (!READ.includes(method as Method)) {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: "GET, HEAD" }).end();
      return;
    }
    const { status, headers, body } = await answer(req.url ?? "/");
    res.writeHead(status, headers).end(body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(String(err));
    });
  });
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    mounts,
    served,
    setDocument,
    addHandler(handler, methods = READ) {
      handlers.push({ handler, methods });
    },
    answer,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
