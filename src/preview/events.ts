import type { IncomingMessage, ServerResponse } from "node:http";
import type { Handler } from "../server/server";

// Server-sent events: the open previews learn that a rebuild started, finished or failed. One
// event type carries the whole state, so a browser that connects (or reconnects) late is told
// everything at once and nothing depends on having seen earlier events.

export interface EventHub {
  /** The route for LoopbackServer.addHandler. */
  handler: Handler;
  send(event: string, data: unknown): void;
  /** Open connections (for tests and the log). */
  readonly clients: number;
  close(): void;
}

const KEEP_ALIVE_MS = 20_000;

export function eventHub(path: string, greeting: () => { event: string; data: unknown }): EventHub {
  const clients = new Set<ServerResponse>();
  const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

  // Proxies and browsers drop idle streams; a comment line every so often keeps them open.
  const keepAlive = setInterval(() => {
    for (const res of clients) res.write(": keep-alive\n\n");
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  const handler = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (new URL(req.url ?? "/", "http://localhost").pathname !== path) return false;
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      Connection: "keep-alive",
    });
    if (req.method === "HEAD") {
      res.end();
      return true;
    }
    // Reconnect quickly after the server restarts.
    res.write("retry: 1000\n\n");
    const first = greeting();
    res.write(frame(first.event, first.data));
    clients.add(res);
    req.on("close", () => clients.delete(res));
    return true;
  };

  return {
    handler,
    send(event, data) {
      const text = frame(event, data);
      for (const res of clients) res.write(text);
    },
    get clients() {
      return clients.size;
    },
    close() {
      clearInterval(keepAlive);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
