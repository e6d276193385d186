// Delivers files into a hot folder so that the plant never picks up half a file: each file is
// written under a hidden temporary name and renamed when complete; the checksum manifest comes
// last, so its presence means the whole set has arrived. Works over any StagingTarget (local or
// mounted folder, SFTP).

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { pipeline, Readable } from "node:stream";
import type { DeliverConfig } from "../config/resolve";
import { createCountingHash } from "./checksum";
import { DeliveryError, DeliveryUsageError, messageOf } from "./errors";
import { defaultManifestName, type ManifestEntry, manifestText, versionsManifest } from "./manifest";
import { RetriesExhaustedError, withRetries } from "./retry";

/** A destination folder, addressed by plain file names. */
export interface StagingTarget {
  /** Where the files go, for messages; must hold no secret. */
  readonly label: string;
  /** Makes the folder ready (connects, checks it exists); called before every try. */
  open(): Promise<void>;
  /** Makes the folder `name` (a path of folders, "/"-separated) and those above it, if missing:
   *  only a folder tree (a site) delivers into subfolders. */
  makeFolder?(name: string): Promise<void>;
  /** Writes all of `source` to `name`, replacing any file of that name. */
  write(source: Readable, name: string): Promise<void>;
  /** Size in bytes of the file `name`. */
  size(name: string): Promise<number>;
  /** Atomically renames `from` to `to`, replacing an existing `to`. */
  publish(from: string, to: string): Promise<void>;
  /** Removes the file `name` if it exists. */
  discard(name: string): Promise<void>;
  /** Drops the connection after a failure, so the next try starts afresh. */
  reset(): Promise<void>;
  close(): Promise<void>;
  /** Errors another try cannot fix (rejected credentials, wrong host key). */
  isPermanent?(error: unknown): boolean;
  /** Removes secrets from a message. */
  redact(message: string): string;
}

export interface StagedDeliveryOptions extends Pick<DeliverConfig, "tries" | "backoffMs"> {
  /** Defaults to `<common stem of the files>.sha256`. */
  manifestName?: string;
  /** Progress lines for a person to read (the CLI prints them to stderr). */
  onProgress?: (line: string) => void;
}

/** What delivering an issue's pages adds: names, versions, the manifest of every version. */
export interface PageDeliveryOptions {
  /** Each file's name at the destination, with its page and version (default: its own name). */
  as?: readonly { name: string; page?: number; version?: number; edition?: string }[];
  /** Files delivered before and still there: the manifests list them before this delivery's. */
  earlier?: readonly ManifestEntry[];
  /** Called once each file has arrived whole under its name, before the next is sent; a caller
   *  that records deliveries records it here, so a crash leaves nothing recorded that did not arrive. */
  onDelivered?: (entry: ManifestEntry & { file: string }) => Promise<void>;
}

export interface DeliveryResult {
  /** Names of the delivered files, in order. */
  files: string[];
  /** Name of the manifest written beside them. */
  manifest: string;
  entries: ManifestEntry[];
}

/** A hidden name beside the file's own, in its folder. */
export const tempNameFor = (name: string): string => {
  const slash = name.lastIndexOf("/");
  return `${name.slice(0, slash + 1)}.${name.slice(slash + 1)}.part`;
};

export async function deliverStaged(
  files: readonly string[],
  target: StagingTarget,
  options: StagedDeliveryOptions & PageDeliveryOptions,
): Promise<DeliveryResult> {
  const names = await checkLocalFiles(
    files,
    options.as?.map((a) => a.name),
  );
  const earlier = options.earlier ?? [];
  const manifest = options.manifestName ?? defaultManifestName([...earlier.map((e) => e.name), ...names]);
  const versioned = options.as?.some((a) => a.page !== undefined) ?? false;
  const versionsName = `${manifest.replace(/\.sha256$/, "")}.json`;
  const reserved = versioned ? [manifest, versionsName] : [manifest];
  if (reserved.some((name) => names.includes(name) || name.includes("/") || name.startsWith("."))) {
    throw new DeliveryUsageError(`unusable manifest name "${manifest}"`);
  }
  const say = (line: string) => options.onProgress?.(target.redact(line));
  const entries: ManifestEntry[] = [];
  const deliverOne = async (name: string, source: () => Readable) => {
    try {
      return await stageAndPublish(target, name, source, options, say);
    } catch (error) {
      const done = `${entries.length} of ${files.length} files delivered, no manifest written`;
      throw failure(target, `could not deliver ${name} to ${target.label}`, error, done);
    }
  };

  try {
    // A manifest from an earlier delivery would vouch for pages that are about to be replaced.
    await withRetries(
      async () => {
        await target.open();
        for (const name of reserved) await target.discard(name);
      },
      retryOptions(target, options, say, `reaching ${target.label}`),
    ).catch((error: unknown) => {
      throw failure(target, `could not prepare ${target.label}`, error);
    });
    for (const [index, file] of files.entries()) {
      const name = names[index] as string;
      say(`sending ${name} (${index + 1}/${files.length}) to ${target.label}`);
      const { sha256, bytes } = await deliverOne(name, () => createReadStream(file));
      say(`delivered ${name} (${bytes} bytes, sha256 ${sha256.slice(0, 12)}…)`);
      const { page, version, edition } = options.as?.[index] ?? {};
      const entry: ManifestEntry = {
        name,
        sha256,
        ...(page !== undefined ? { page } : {}),
        ...(version ? { version } : {}),
        ...(edition !== undefined ? { edition } : {}),
      };
      entries.push(entry);
      await options.onDelivered?.({ ...entry, file });
    }
    const all = [...earlier.filter((e) => !names.includes(e.name)), ...entries];
    if (versioned) {
      const json = Buffer.from(`${JSON.stringify(versionsManifest(all), null, 2)}\n`, "utf8");
      await deliverOne(versionsName, () => Readable.from([json]));
    }
    const text = Buffer.from(manifestText(all), "utf8");
    await deliverOne(manifest, () => Readable.from([text]));
    say(`wrote manifest ${manifest}${versioned ? ` and ${versionsName}` : ""}`);
    return { files: names, manifest, entries: all };
  } finally {
    await target.close().catch(() => undefined);
  }
}

/** One clear, secret-free error for a step that failed for good. */
export function failure(target: StagingTarget, what: string, error: unknown, note?: string): Error {
  const tries = error instanceof RetriesExhaustedError ? error.tries : 1;
  const cause = error instanceof RetriesExhaustedError ? error.lastError : error;
  const message = `${what} (${tries} ${tries === 1 ? "try" : "tries"}): ${messageOf(cause)}${note ? `; ${note}` : ""}`;
  const Kind = cause instanceof DeliveryUsageError ? DeliveryUsageError : DeliveryError;
  return new Kind(target.redact(message));
}

export async function stageAndPublish(
  target: StagingTarget,
  name: string,
  source: () => Readable,
  options: StagedDeliveryOptions,
  say: (line: string) => void,
): Promise<{ sha256: string; bytes: number }> {
  const temp = tempNameFor(name);
  return withRetries(
    async () => {
      await target.open();
      const hash = createCountingHash();
      try {
        pipeline(source(), hash.stream, () => undefined); // a read error surfaces on hash.stream
        await target.write(hash.stream, temp);
        const written = hash.result();
        const size = await target.size(temp);
        if (size !== written.bytes) throw new Error(`sent ${written.bytes} bytes but the file there has ${size}`);
        await target.publish(temp, name);
        return written;
      } catch (error) {
        hash.stream.destroy(); // also closes the local file if the destination failed first
        const removed = await target.discard(temp).then(
          () => true,
          () => false,
        );
        await target.reset().catch(() => undefined);
        if (removed) throw error;
        // Say so rather than hide it: the next try or delivery overwrites it, the plant ignores dot files.
        throw new Error(`${messageOf(error)} (and the partial file ${temp} could not be removed)`, { cause: error });
      }
    },
    retryOptions(target, options, say, name),
  );
}

export function retryOptions(
  target: StagingTarget,
  options: StagedDeliveryOptions,
  say: (line: string) => void,
  what: string,
) {
  const { tries, backoffMs } = options;
  return {
    tries,
    backoffMs,
    isPermanent: (error: unknown) => {
      const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
      return cause instanceof DeliveryUsageError || (target.isPermanent?.(cause) ?? false);
    },
    onRetry: (error: unknown, failedTry: number, waitMs: number) =>
      say(`${what}: try ${failedTry} of ${tries} failed: ${messageOf(error)}; retrying in ${waitMs / 1000} s`),
  };
}

/** Every file must be readable and the names (which become remote names) distinct. */
async function checkLocalFiles(files: readonly string[], remoteNames?: readonly string[]): Promise<string[]> {
  if (files.length === 0) throw new DeliveryUsageError("no files to deliver");
  if (remoteNames && remoteNames.length !== files.length) throw new Error("one remote name per file");
  const names = files.map((file, i) => remoteNames?.[i] ?? basename(file));
  for (const [index, file] of files.entries()) {
    const info = await stat(file).catch((error: unknown) => {
      throw new DeliveryUsageError(`cannot read ${file}: ${messageOf(error)}`);
    });
    if (!info.isFile()) throw new DeliveryUsageError(`${file} is not a file`);
    const name = names[index] as string;
    if (names.indexOf(name) !== index) throw new DeliveryUsageError(`two files are named ${name}`);
    if (name.startsWith("."))
      throw new DeliveryUsageError(`${file}: hidden file names are reserved for uploads in progress`);
  }
  return names;
}
