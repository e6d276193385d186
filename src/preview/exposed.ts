import type { IncomingMessage, ServerResponse } from "node:http";
import type { Handler } from "../server/server";

// With --host the preview is reachable from other machines. Those see the pages and what the
// pages use (the prepared photos, the logo), never the rest of the issue folder: not issue.json,
// not the original photos, not whatever else sits beside them.

const GUARDED = ["/issue/", "/images/"];

export class ExposedFiles {
  private readonly versions = new Map<number, Set<string>>();
  constructor(private readonly keep = 3) {}

  /** The URL paths one version of the pages uses (as the browser asks for them). */
  add(version: number, paths: string[]): void {
    this.versions.set(version, new Set(paths.map(decoded)));
    for (const v of this.versions.keys()) if (v <= version - this.keep) this.versions.delete(v);
  }

  allows(path: string): boolean {
    const wanted = decoded(path);
    return [...this.versions.values()].some((paths) => paths.has(wanted));
  }

  /** Answers 404 for any file under the guarded prefixes that no kept version uses. */
  handler(): Handler {
    return (req: IncomingMessage, res: ServerResponse) => {
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      if (!GUARDED.some((prefix) => path.startsWith(prefix)) || this.allows(path)) return false;
      res.writeHead(404, { "Content-Type": "text/plain", "Cache-Control": "no-store" }).end("not found");
      return true;
    };
  }
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
