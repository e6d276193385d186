import type { Redis } from "ioredis";
import { parseSetup, type Setup } from "./setup";

// The queue's set-up lives in Redis under one key that its live workers keep alive. The first
// worker claims it; a worker whose set-up differs finds it taken and takes no jobs. When the last
// worker has been gone for the key's lifetime (all stopped for an upgrade), the next worker's
// set-up becomes the queue's. Check and claim are one Lua script, so two workers starting at once
// cannot both win.

const CLAIM = `
local current = redis.call('GET', KEYS[1])
if not current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return ARGV[1]
end
if current == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return current
`;

export function setupKey(queueName: string): string {
  return `newsprint:${queueName}:setup`;
}

/** Claims (or keeps alive) the queue's set-up for `mine`; returns the queue's set-up, which may differ. */
export async function claimSetup(redis: Redis, queueName: string, mine: Setup, ttlMs: number): Promise<Setup> {
  const current = await redis.eval(CLAIM, 1, setupKey(queueName), JSON.stringify(mine), String(ttlMs));
  // A value not written by newsprint cannot be compared: it counts as a foreign set-up.
  const unknown = "(unreadable)";
  const parts = { chromium: unknown, newsprint: unknown, fonts: unknown, pagedjs: unknown, templates: unknown };
  return parseSetup(current) ?? { id: unknown, parts: { ...parts, styles: unknown } };
}

/** The set-up of the queue's live workers, if any are running. */
export async function queueSetup(redis: Redis, queueName: string): Promise<Setup | undefined> {
  return parseSetup(await redis.get(setupKey(queueName)));
}
