import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Session } from "../../src/browser/session";
import { resolveConfig } from "../../src/config/resolve";
import { type Issue, loadIssue } from "../../src/load";
import { folderCache } from "../../src/measure/cache";
import { measure } from "../../src/measure/measure";
import { serveOn } from "../../src/pipeline/compose";
import { probeAspects } from "../../src/pipeline/stage-inputs";
import { FORMAT_STYLESHEET, issueMounts } from "../../src/typeset/assets";
import { typesetIssue } from "../../src/typeset/model";

// The measure stage with its cache, in real Chromium: an unchanged rebuild measures nothing, a
// changed article is measured again alone, a changed format measures everything; and a cached
// measurement equals a fresh one.

const root = join(import.meta.dirname, "..", "..");
let session: Session;
let issue: Issue;
const work = mkdtempSync(join(tmpdir(), "newsprint-mcache-"));

beforeAll(async () => {
  issue = await loadIssue(join(root, "issues/broadsheet"));
  session = await openSession(issueMounts(issue.dir, join(work, "images")), resolveConfig().browser);
});
afterAll(async () => {
  await session?.close();
  rmSync(work, { recursive: true, force: true });
});

async function run(target: Issue, cacheDir: string) {
  const model = typesetIssue(target);
  const serve = serveOn(session);
  serve(FORMAT_STYLESHEET, model.formatCss, "text/css; charset=utf-8");
  const cache = folderCache(cacheDir);
  const page = () => session.workPage();
  const browserVersion = () => session.browserVersion();
  const result = await measure({ model, page, browserVersion, serve, aspects: await probeAspects(target), cache });
  await cache.save();
  return result;
}

const edited = (change: (data: Issue["data"]) => void): Issue => {
  const data = structuredClone(issue.data);
  change(data);
  return { ...issue, data };
};

describe("measuring with a cache", () => {
  it("measures everything once, nothing the second time, the same numbers", async () => {
    const dir = join(work, "a");
    const articles = issue.data.pages.flatMap((p) => p.articles).length;
    const cold = await run(issue, dir);
    expect(cold.measured).toBe(articles);
    const warm = await run(issue, dir);
    expect(warm.measured).toBe(0);
    expect(warm.mastheadRows).toBe(cold.mastheadRows);
    expect([...warm.articles]).toEqual([...cold.articles]);
  });

  it("measures a changed article again, alone, and finds its new line breaks", async () => {
    const dir = join(work, "b");
    await run(issue, dir);
    const id = issue.data.pages[0]?.articles[0]?.id as string;
    const longer = edited((d) => {
      const a = d.pages[0]?.articles[0];
      if (a) a.body = [...a.body, "新增一段：本报记者在现场看到，居民们排队有序，工作人员耐心讲解。"];
    });
    const again = await run(longer, dir);
    expect(again.measured).toBe(1);
    const before = (await run(issue, dir)).articles.get(id)?.metrics.lines.length ?? 0;
    expect(again.articles.get(id)?.metrics.lines.length).toBeGreaterThan(before);
  });

  it("measures everything again for another format", async () => {
    const dir = join(work, "c");
    await run(issue, dir);
    const other = await loadIssue(join(root, "issues/broadsheet"));
    const tabloid = { ...other, format: (await import("../../src/load")).resolveFormat("tabloid") };
    const result = await run(tabloid, dir);
    expect(result.measured).toBe(issue.data.pages.flatMap((p) => p.articles).length);
  });
});
