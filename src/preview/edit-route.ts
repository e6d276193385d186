import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Handler } from "../server/server";
import { type EditRequest, type EditResponse, editRequestSchema, type Refusal } from "./edit-vocabulary";
import { isOwnHost } from "./routes";
import { refusalInEnglish } from "./words";

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

/** A request refused before it reaches the edit service. */
const refuse = (res: ServerResponse, status: number, reason: "forbidden" | "invalid", refusal: Refusal) =>
  answer(res, status, { ok: false, reason, refusal, message: refusalInEnglish(refusal) });

const forbidden = (res: ServerResponse, refusal: Refusal) => refuse(res, 403, "forbidden", refusal);

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
    if (!isOwnHost(host, opts.port, opts.boundHost)) return forbidden(res, { code: "forbidden-host" });
    if (req.headers.origin !== `http://${host}`) return forbidden(res, { code: "not-own-page" });
    const site = req.headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin") return forbidden(res, { code: "not-own-page" });
    if (!sameToken(req.headers[TOKEN_HEADER], opts.token)) return forbidden(res, { code: "no-token" });
    if (!/^application\/json\b/.test(req.headers["content-type"] ?? "")) {
      return refuse(res, 415, "invalid", { code: "not-json-type" });
    }
    const text = await readBody(req);
    if (text === undefined) return refuse(res, 413, "invalid", { code: "too-large" });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return refuse(res, 400, "invalid", { code: "not-json" });
    }
    const parsed = editRequestSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? first.path.join(".") : undefined;
      return refuse(res, 400, "invalid", {
        code: "not-an-edit",
        detail: first?.message ?? "",
        ...(where ? { where } : {}),
      });
    }
    if (parsed.data.issue !== opts.issue) return forbidden(res, { code: "other-issue", issue: opts.issue });
    const result = await opts.apply(parsed.data);
    return answer(res, result.status, result.body);
  };
}
