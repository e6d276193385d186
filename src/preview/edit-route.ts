import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Handler } from "../server/server";
import { type EditRequest, type EditResponse, editRequestSchema } from "./edit-vocabulary";
import { isOwnHost } from "./routes";

// POST /edit: the one request of the preview that changes a file. It is taken only from the
// preview's own page: the Host is one of the server's names (no DNS rebinding), the Origin is the
// server itself (no other site's page, which could send a simple POST), the session's token sent
// as a header (given only to the editor's page; a header also forces a CORS preflight, which this
// server never grants), a JSON body of the edit vocabulary for the issue this preview serves.

export const EDIT_PATH = "/edit";
export const TOKEN_HEADER = "x-newsprint-token";
const MAX_BODY = 64 * 1024;

export interface EditRouteOptions {
  token: string;
  port: number;
  boundHost: string;
  /** The issue file as the state names it (state.issue.file). */
  issue: string;
  apply(request: EditRequest): Promise<{ status: number; body: EditResponse }>;
}

const HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

function answer(res: ServerResponse, status: number, body: EditResponse): true {
  res.writeHead(status, HEADERS).end(JSON.stringify(body));
  return true;
}

const forbidden = (res: ServerResponse, message: string) =>
  answer(res, 403, { ok: false, reason: "forbidden", message });

function sameToken(sent: string | string[] | undefined, token: string): boolean {
  if (typeof sent !== "string" || token === "") return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        ok(undefined);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => ok(Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });
}

export function editRoute(opts: EditRouteOptions): Handler {
  return async (req, res) => {
    if (new URL(req.url ?? "/", "http://localhost").pathname !== EDIT_PATH) return false;
    if (req.method !== "POST") {
      res.writeHead(405, { ...HEADERS, Allow: "POST" }).end();
      return true;
    }
    const host = req.headers.host;
    if (!isOwnHost(host, opts.port, opts.boundHost)) return forbidden(res, "forbidden host");
    if (req.headers.origin !== `http://${host}`) return forbidden(res, "edits come only from the preview's own page");
    const site = req.headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin")
      return forbidden(res, "edits come only from the preview's own page");
    if (!sameToken(req.headers[TOKEN_HEADER], opts.token)) return forbidden(res, "no valid edit token");
    if (!/^application\/json\b/.test(req.headers["content-type"] ?? "")) {
      return answer(res, 415, { ok: false, reason: "invalid", message: "expected a JSON body" });
    }
    const text = await readBody(req);
    if (text === undefined) return answer(res, 413, { ok: false, reason: "invalid", message: "edit too large" });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return answer(res, 400, { ok: false, reason: "invalid", message: "the body is not JSON" });
    }
    const parsed = editRequestSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? ` at ${first.path.join(".")}` : "";
      return answer(res, 400, { ok: false, reason: "invalid", message: `not an edit${where}: ${first?.message}` });
    }
    if (parsed.data.issue !== opts.issue) return forbidden(res, `this preview serves ${opts.issue} only`);
    const result = await opts.apply(parsed.data);
    return answer(res, result.status, result.body);
  };
}
