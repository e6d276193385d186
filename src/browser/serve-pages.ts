import type { CDPSession, Page } from "puppeteer-core";
import type { Answer } from "../server/server";

// The pages reach Chromium over the DevTools pipe, not over a socket: every request of the work
// page is paused before it leaves the renderer's loader (the Fetch domain) and answered from the
// pages' server in this process; anything else is refused. Chromium's network stack never runs
// for them, so it resolves no host and never probes for a route: its host resolver connects a
// UDP socket to a public address (2001:4860:4860::8888) before every resolution, even of
// 127.0.0.1 (docs/commands.md#chromium).

/** Answers a request of the page's own origin, by URL. */
export type Answerer = (url: string) => Promise<Answer>;

interface RequestPaused {
  requestId: string;
  request: { url: string; method: string };
}

/** Serves every request of `page` whose URL starts with `origin` with `answer`; fails the rest. */
export async function servePages(page: Page, origin: string, answer: Answerer): Promise<CDPSession> {
  const cdp = await page.createCDPSession();
  cdp.on("Fetch.requestPaused", (event: RequestPaused) => {
    void respond(cdp, event, origin, answer);
  });
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: "*", requestStage: "Request" }] });
  return cdp;
}

async function respond(cdp: CDPSession, event: RequestPaused, origin: string, answer: Answerer): Promise<void> {
  const { requestId, request } = event;
  const ours = request.url === origin || request.url.startsWith(`${origin}/`);
  if (!ours || (request.method !== "GET" && request.method !== "HEAD")) {
    await cdp.send("Fetch.failRequest", { requestId, errorReason: "BlockedByClient" }).catch(() => undefined);
    return;
  }
  const { status, headers, body } = await answer(request.url).catch(
    (err: unknown): Answer => ({ status: 500, headers: { "Content-Type": "text/plain" }, body: String(err) }),
  );
  // A page that went away meanwhile (navigated, closed) is waiting for nothing: its error is dropped.
  await cdp
    .send("Fetch.fulfillRequest", {
      requestId,
      responseCode: status,
      responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
      body: Buffer.from(request.method === "HEAD" ? "" : body).toString("base64"),
    })
    .catch(() => undefined);
}
