// Delivers a folder tree (an e-paper's site) into a destination folder, each file staged under a
// hidden name and renamed as hot-folder deliveries are. The order keeps the live site whole: a
// folder's files before the pages that link to them, each folder's index.html after its other
// files, the site's own front door last; the checksum manifest, of paths, after everything.

import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join, posix } from "node:path";
import { Readable } from "node:stream";
import { DeliveryUsageError, messageOf } from "./errors";
import { type ManifestEntry, manifestText } from "./manifest";
import { withRetries } from "./retry";
import {
  type DeliveryResult,
  failure,
  retryOptions,
  type StagedDeliveryOptions,
  type StagingTarget,
  stageAndPublish,
} from "./staged-delivery";

/** Whether `path` is a folder (whose tree `send` delivers) rather than a file. */
export async function isSiteFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

export async function deliverTree(
  root: string,
  target: StagingTarget,
  options: StagedDeliveryOptions,
): Promise<DeliveryResult> {
  const names = publishingOrder(await filesUnder(root));
  if (names.length === 0) throw new DeliveryUsageError(`${root} holds no files to deliver`);
  const manifest = options.manifestName ?? `${basename(root) || "site"}.sha256`;
  if (names.includes(manifest) || manifest.includes("/") || manifest.startsWith(".")) {
    throw new DeliveryUsageError(`unusable manifest name "${manifest}"`);
  }
  const make = target.makeFolder?.bind(target);
  if (!make) throw new DeliveryUsageError(`${target.label} cannot take folders`);
  const say = (line: string) => options.onProgress?.(target.redact(line));
  const entries: ManifestEntry[] = [];
  const made = new Set<string>();
  const deliverOne = async (name: string, source: () => Readable) => {
    try {
      const folder = posix.dirname(name);
      if (folder !== "." && !made.has(folder)) {
        await withRetries(
          async () => {
            await target.open();
            await make(folder);
          },
          retryOptions(target, options, say, folder),
        );
        made.add(folder);
      }
      return await stageAndPublish(target, name, source, options, say);
    } catch (error) {
      const done = `${entries.length} of ${names.length} files delivered, no manifest written`;
      throw failure(target, `could not deliver ${name} to ${target.label}`, error, done);
    }
  };
  try {
    await withRetries(
      async () => {
        await target.open();
        await target.discard(manifest);
      },
      retryOptions(target, options, say, `reaching ${target.label}`),
    ).catch((error: unknown) => {
      throw failure(target, `could not prepare ${target.label}`, error);
    });
    for (const [index, name] of names.entries()) {
      say(`sending ${name} (${index + 1}/${names.length}) to ${target.label}`);
      const { sha256 } = await deliverOne(name, () => createReadStream(join(root, name)));
      entries.push({ name, sha256 });
    }
    await deliverOne(manifest, () => Readable.from([Buffer.from(manifestText(entries), "utf8")]));
    say(`delivered ${names.length} files, wrote manifest ${manifest}`);
    return { files: names, manifest, entries };
  } finally {
    await target.close().catch(() => undefined);
  }
}

/** Deepest files first; in each folder its index.html after its other files. */
export function publishingOrder(names: readonly string[]): string[] {
  const depth = (name: string) => name.split("/").length;
  const isIndex = (name: string) => (posix.basename(name) === "index.html" ? 1 : 0);
  return [...names].sort((a, b) => depth(b) - depth(a) || isIndex(a) - isIndex(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Every file under `root`, as "/"-separated paths from it; hidden names (uploads in progress,
 *  a server's own files) are not the site's. */
async function filesUnder(root: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(join(root, prefix), { withFileTypes: true }).catch((error: unknown) => {
    throw new DeliveryUsageError(`cannot read ${join(root, prefix)}: ${messageOf(error)}`);
  });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    const info = await stat(join(root, name));
    if (info.isDirectory()) files.push(...(await filesUnder(root, name)));
    else if (info.isFile()) files.push(name);
  }
  return files;
}
