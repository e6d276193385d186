import { readFile } from "node:fs/promises";
import { DEFAULT_CONCURRENCY, settleLimited } from "../concurrency";
import { type CacheRecord, cacheFile, hashBytes, writeCacheEntry } from "./cache";
import { type Checked, check, settings } from "./check";
import { ImageError, type ImageProblem } from "./errors";
import { decodeReason, render } from "./pipeline";
import type { ImageOptions, ImageRequest, ImageWarning, PreparedImage } from "./types";

// Three steps, each over the whole batch: check every request (path, bytes, header, resolution,
// cache lookup); render the misses; write them to the cache. Each step runs only when the one
// before succeeded for every image, so a broken issue fails fast, lists every problem at once and
// leaves nothing behind.

/** A cache record, with the file's bytes when they were just rendered and are still to be written. */
interface Entry {
  record: CacheRecord;
  data?: Uint8Array;
}

export async function prepareImages(
  reqs: ImageRequest[],
  opts: ImageOptions,
): Promise<{ images: PreparedImage[]; warnings: ImageWarning[] }> {
  const s = settings(opts);
  const checked = unwrap(reqs, await settleLimited(reqs, DEFAULT_CONCURRENCY, (r) => check(r, s)));

  // Identical requests (same photo, same slot) are rendered once.
  const inFlight = new Map<string, Promise<Entry>>();
  const renderOnce = (c: Checked): Promise<Entry> => {
    let job = inFlight.get(c.key);
    if (!job) {
      job = renderOne(c);
      inFlight.set(c.key, job);
    }
    return job;
  };
  const entries = unwrap(
    checked.map((c) => c.req),
    await settleLimited(
      checked,
      DEFAULT_CONCURRENCY,
      (c): Promise<Entry> => (c.record ? Promise.resolve({ record: c.record }) : renderOnce(c)),
    ),
  );
  // Written only once every image rendered: data the header did not reveal as broken (a truncated
  // file) still fails the batch without leaving part of it behind.
  const toWrite = new Map<string, { req: ImageRequest; record: CacheRecord; data: Uint8Array }>();
  checked.forEach((c, i) => {
    const { record, data } = entries[i] as Entry;
    if (data) toWrite.set(c.key, { req: c.req, record, data });
  });
  const writes = [...toWrite];
  unwrap(
    writes.map(([, w]) => w.req),
    await settleLimited(writes, DEFAULT_CONCURRENCY, ([key, w]) => writeCacheEntry(s.cacheDir, key, w.data, w.record)),
  );

  const images = checked.map((c, i): PreparedImage => {
    const { record } = entries[i] as Entry;
    return {
      articleId: c.req.articleId,
      index: c.req.index,
      file: cacheFile(s.cacheDir, c.key, record.ext),
      widthPx: record.widthPx,
      heightPx: record.heightPx,
      effectivePpi: record.effectivePpi,
      cached: c.record !== undefined,
    };
  });
  const warnings = checked.flatMap((c) => (c.warning ? [c.warning] : []));
  return { images, warnings };
}

async function renderOne(c: Checked): Promise<Entry> {
  if (!c.miss) throw new Error("internal: render without a plan");
  const { req } = c;
  const { file, sourceHash, source, plan } = c.miss;
  const fail = (reason: string) => ImageError.of(req.articleId, req.src, reason, req.owner);
  const bytes = await readFile(file);
  // The file was dropped from memory after checking; make sure it is still what the key says.
  if (hashBytes(bytes) !== sourceHash) throw fail("file changed while the build was reading it");
  const out = await render(bytes, plan).catch((err: unknown) => {
    throw fail(decodeReason(err));
  });
  const record: CacheRecord = {
    ext: out.ext,
    widthPx: out.width,
    heightPx: out.height,
    effectivePpi: c.ppi,
    sourceWidth: source.width,
    sourceHeight: source.height,
  };
  return { record, data: out.data };
}

/** Values in order, or one ImageError listing every failure (reqs[i] is the request of results[i]). */
function unwrap<R>(reqs: readonly ImageRequest[], results: PromiseSettledResult<R>[]): R[] {
  const problems: ImageProblem[] = [];
  const values: R[] = [];
  results.forEach((r, i) => {
    if (r.status === "fulfilled") values.push(r.value);
    else problems.push(...problemsOf(r.reason, reqs[i] as ImageRequest));
  });
  if (problems.length > 0) throw new ImageError(problems);
  return values;
}

function problemsOf(reason: unknown, req: ImageRequest): ImageProblem[] {
  if (reason instanceof ImageError) return reason.problems;
  const message = reason instanceof Error ? reason.message : String(reason);
  return [{ articleId: req.articleId, owner: req.owner, src: req.src, reason: message }];
}
