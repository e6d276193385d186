import { Redis } from "ioredis";
import { QueueConnectionError, QueueOptionsError } from "./errors";

// One Redis address for the queue, as the resolved configuration gives it (--redis,
// NEWSPRINT_REDIS_URL or the default), checked. BullMQ is handed ioredis connections made here
// (its blocking calls need maxRetriesPerRequest: null).

export interface QueueAddress {
  /** redis://[user:password@]host:port[/db] */
  redisUrl: string;
  /** The queue's name: several groups can share one Redis. */
  queueName: string;
}

/** The address, or a QueueOptionsError saying what is wrong with it. */
export function queueAddress(settings: QueueAddress): QueueAddress {
  const { redisUrl, queueName } = settings;
  let url: URL;
  try {
    url = new URL(redisUrl);
  } catch {
    throw new QueueOptionsError(`--redis must be a URL such as redis://127.0.0.1:6379, not "${redisUrl}"`);
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    throw new QueueOptionsError(`--redis must start with redis:// or rediss://, not "${redisUrl}"`);
  }
  // BullMQ joins key parts with ":"; a name with one would read other queues' keys.
  if (!/^[\w.-]+$/.test(queueName)) {
    throw new QueueOptionsError(`--queue must be letters, digits, "_", "." or "-", not "${queueName}"`);
  }
  return { redisUrl, queueName };
}

/** Redis address without its password, for messages. */
export function shownAddress(redisUrl: string): string {
  const url = new URL(redisUrl);
  if (url.password) url.password = "***";
  return url.toString();
}

/** A connection that has answered a PING, or QueueConnectionError saying where Redis was looked for. */
export async function connectRedis(redisUrl: string, timeoutMs = 5_000): Promise<Redis> {
  let ready = false;
  let lastError: Error | undefined;
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: null,
    lazyConnect: true,
    connectTimeout: timeoutMs,
    // Its fallback timer outlives a refused connection and would hold a command's exit by 2 s.
    disconnectTimeout: 200,
    // A Redis that is not there at the start is an error at once; one that goes away later
    // (a restart) is waited for, as BullMQ expects.
    retryStrategy: (times) => (ready ? Math.min(times * 500, 10_000) : null),
  });
  redis.on("ready", () => {
    ready = true;
  });
  redis.on("error", (err: Error) => {
    lastError = err;
  });
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
  } catch (err) {
    redis.disconnect();
    const why = (lastError ?? (err as Error)).message;
    throw new QueueConnectionError(`cannot reach Redis at ${shownAddress(redisUrl)}: ${why}`);
  }
  return redis;
}
