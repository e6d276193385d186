import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readStatic } from "./static";

// The loopback HTTP server that both the build (Paged.js fetches stylesheets with XHR, which
// fails on file:// pages) and the live preview use. It serves mounted folders read-only and
// documents held in memory; it listens on 127.0.0.1 unless a host is given.

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
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
};

export async function startServer(
  mounts: Mount[],
  opts: { host?: string; port?: number } = {},
): Promise<LoopbackServer> {
  const documents = new Map<string, { body: string | Buffer; type: string }>();
  const handlers: { handler: Handler; methods: readonly string[] }[] = [];
  const served = new Set<string>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? "GET";
    for (const h of handlers) if (h.methods.includes(method) && (await h.handler(req, res))) return;
    if (!READ.includes(method as Method)) {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: "GET, HEAD" }).end();
      return;
    }
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/favicon.ico") {
      res.writeHead(204, SECURITY_HEADERS).end();
      return;
    }
    const doc = documents.get(path);
    if (doc) {
      res.writeHead(200, { ...SECURITY_HEADERS, "Content-Type": doc.type }).end(doc.body);
      return;
    }
    const mount = mounts.find((m) => path.startsWith(m.prefix));
    const found = mount ? await readStatic(mount.root, path.slice(mount.prefix.length)) : null;
    if (!found) {
      res.writeHead(404, { ...SECURITY_HEADERS, "Content-Type": "text/plain" }).end("not found");
      return;
    }
    served.add(path);
    const caching = mount?.immutable ? { "Cache-Control": "max-age=86400, immutable" } : {};
    res.writeHead(200, { ...SECURITY_HEADERS, ...caching, "Content-Type": found.type }).end(found.body);
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
    setDocument(path, body, type = "text/html; charset=utf-8") {
      documents.set(path, { body, type });
    },
    addHandler(handler, methods = READ) {
      handlers.push({ handler, methods });
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
