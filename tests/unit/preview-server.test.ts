import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventHub } from "../../src/preview/events";
import { hostGuard, PageVersions, SHELL_CSP, shellRoute } from "../../src/preview/routes";
import { type LoopbackServer, startServer } from "../../src/server/server";

// The preview's own routes on a real loopback server (no browser): the host guard, the event
// stream, the pages by version with their CSP, the editor's page.

let server: LoopbackServer;
let port: number;
const hub = eventHub("/events", () => ({ event: "state", data: { version: 1 } }));
const versions = new PageVersions(2);

function get(path: string, host?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, path, headers: host ? { host } : {} }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
        // An event stream never ends: the greeting is enough.
        const stream = res.headers["content-type"]?.startsWith("text/event-stream");
        if (stream && body.includes("event:") && body.endsWith("\n\n")) {
          res.destroy();
          ok({ status: res.statusCode ?? 0, headers: res.headers, body });
        }
      });
      res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", fail);
    req.end();
  });
}

beforeAll(async () => {
  server = await startServer([]);
  port = Number(new URL(server.url).port);
  server.addHandler(hostGuard(port));
  server.addHandler(hub.handler);
  server.addHandler(versions.route());
  server.addHandler(shellRoute());
});
afterAll(async () => {
  hub.close();
  await server.close();
});

describe("preview routes", () => {
  it("answer only to the loopback names (no DNS rebinding)", async () => {
    expect((await get("/", `127.0.0.1:${port}`)).status).toBe(200);
    expect((await get("/", `localhost:${port}`)).status).toBe(200);
    expect((await get("/", `evil.example:${port}`)).status).toBe(403);
    expect((await get("/", "127.0.0.1:1")).status).toBe(403);
  });

  it("serve the editor's page with a CSP that allows no inline script", async () => {
    const res = await get("/");
    expect(res.headers["content-security-policy"]).toBe(SHELL_CSP);
    expect(SHELL_CSP).toContain("script-src 'self';");
    expect(res.body).toContain('<script src="/preview/shell.js" defer></script>');
    expect(res.body).not.toMatch(/<script>|\son[a-z]+=/i);
  });

  it("greet a new event-stream client with the whole state", async () => {
    const res = await get("/events");
    expect(res.headers["content-type"]).toMatch(/^text\/event-stream/);
    expect(res.body).toContain('event: state\ndata: {"version":1}\n\n');
  });

  it("keep the last versions of the pages, each with the pages' CSP", async () => {
    versions.add(1, "<p>one</p>");
    versions.add(2, "<p>two</p>");
    versions.add(3, "<p>three</p>");
    expect((await get("/pages/1.html")).status).toBe(404);
    const res = await get("/pages/3.html");
    expect(res.body).toBe("<p>three</p>");
    expect(res.headers["content-security-policy"]).toMatch(/script-src 'self'/);
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect((await get("/pages/3.html/../../x")).status).toBe(404);
  });
});

describe("methods", () => {
  it("answer only GET and HEAD, except where a handler takes another method", async () => {
    const other = await startServer([]);
    const otherPort = Number(new URL(other.url).port);
    let posted = 0;
    other.addHandler(shellRoute("tok_en-1"));
    other.addHandler(
      (req, res) => {
        if (req.url !== "/edit") return false;
        posted++;
        res.writeHead(204).end();
        return true;
      },
      ["POST"],
    );
    const send = (method: string, path: string) =>
      new Promise<number>((ok, fail) => {
        const req = request({ host: "127.0.0.1", port: otherPort, path, method }, (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        });
        req.on("error", fail);
        req.end();
      });
    try {
      expect(await send("POST", "/")).toBe(405);
      expect(await send("PUT", "/edit")).toBe(405);
      expect(await send("POST", "/edit")).toBe(204);
      expect(posted).toBe(1);
      // The editor's page carries the session's edit token (and nothing but token characters).
      const page = await new Promise<string>((ok) => {
        request({ host: "127.0.0.1", port: otherPort, path: "/" }, (res) => {
          let body = "";
          res.on("data", (c) => {
            body += c;
          });
          res.on("end", () => ok(body));
        }).end();
      });
      expect(page).toContain('<meta name="npv-edit-token" content="tok_en-1">');
    } finally {
      await other.close();
    }
  });
});
