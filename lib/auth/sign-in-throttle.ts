// Slows password guessing: a client (by IP) gets FREE_FAILURES wrong passwords, then must wait
// 1 s, 2 s, 4 s … (at most 15 min) before each further try, answered 429 with Retry-After.
// A global ceiling caps guesses from clients that rotate addresses. Kept in memory: per app
// instance, forgotten on restart (see docs/security.md).
const FREE_FAILURES = 5;
const MAX_LOCK_SECONDS = 15 * 60;
const FORGET_AFTER_MS = 15 * 60 * 1000;
const GLOBAL_WINDOW_MS = 60 * 1000;
const GLOBAL_MAX_FAILURES = 100;
const MAX_TRACKED_CLIENTS = 10_000;

type ClientRecord = { failures: number; lockedUntil: number; lastFailure: number };

const clients = new Map<string, ClientRecord>();
let globalFailures: number[] = [];

/**
 * The client's address: the rightmost X-Forwarded-For entry is the one the nearest proxy (or
 * Next.js itself, from the socket) wrote; entries to its left are whatever the client claimed.
 */
export function clientKey(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || "unknown";
}

/** Seconds the client must still wait, or 0 when it may try now. */
export function secondsUntilAllowed(client: string, now = Date.now()): number {
  globalFailures = globalFailures.filter((at) => at > now - GLOBAL_WINDOW_MS);
  const record = clients.get(client);
  const clientWait = record && record.lockedUntil > now ? Math.ceil((record.lockedUntil - now) / 1000) : 0;
  const globalWait = globalFailures.length >= GLOBAL_MAX_FAILURES ? Math.ceil((globalFailures[0]! + GLOBAL_WINDOW_MS - now) / 1000) : 0;
  return Math.max(clientWait, globalWait);
}

export function recordFailedSignIn(client: string, now = Date.now()): void {
  globalFailures.push(now);
  let record = clients.get(client);
  if (!record || record.lastFailure < now - FORGET_AFTER_MS) record = { failures: 0, lockedUntil: 0, lastFailure: now };
  record.failures += 1;
  record.lastFailure = now;
  if (record.failures >= FREE_FAILURES) {
    record.lockedUntil = now + Math.min(MAX_LOCK_SECONDS, 2 ** (record.failures - FREE_FAILURES)) * 1000;
  }
  clients.delete(client);
  clients.set(client, record);
  // Oldest first in a Map: drop the least recently failing clients when too many are tracked.
  while (clients.size > MAX_TRACKED_CLIENTS) clients.delete(clients.keys().next().value!);
}

export function recordSuccessfulSignIn(client: string): void {
  clients.delete(client);
}
