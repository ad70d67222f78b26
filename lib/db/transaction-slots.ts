// The pool gives up on a connection after 5 s (lib/db/client.ts), so that a database that is down
// answers 503 at once. That same limit applies to waiting for a busy pool, and a burst of webhooks
// (hundreds at once, or a burst arriving while the app warms up) used to get mostly 503s merely
// because every connection was in use — and Voxia documents no retries, so a 503 can lose a call.
// Write transactions therefore queue here first and reach the pool only when it has a connection for
// them. The queue has its own, much longer, limit so that a database that hangs (rather than refusing
// connections) still ends in a 503 instead of requests piling up forever.
import { poolSize } from "./database-url";

export const SLOT_WAIT_LIMIT_MS = 60_000;

type Waiter = { start: () => void; timer: NodeJS.Timeout };

const globalForSlots = globalThis as unknown as { callboardSlots?: { free: number; waiting: Waiter[] } };

function slots() {
  // Leave a couple of the pool's connections to pages and the read API.
  globalForSlots.callboardSlots ??= { free: Math.max(1, poolSize() - 2), waiting: [] };
  return globalForSlots.callboardSlots;
}

export class DatabaseBusyError extends Error {
  // A connection-class code, so isDatabaseUnavailable() turns it into a 503.
  readonly code = "ETIMEDOUT";
  constructor(waitedMs: number) {
    super(`timed out after ${Math.round(waitedMs / 1000)} s waiting for a free database connection`);
  }
}

/** Runs `work` once one of the write slots is free; queued callers are served first come, first served. */
export async function withTransactionSlot<T>(work: () => Promise<T>, waitLimitMs = SLOT_WAIT_LIMIT_MS): Promise<T> {
  const state = slots();
  if (state.free > 0) {
    state.free--;
  } else {
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          state.waiting.splice(state.waiting.indexOf(waiter), 1);
          reject(new DatabaseBusyError(waitLimitMs));
        }, waitLimitMs),
      };
      state.waiting.push(waiter);
    });
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter, or give it back.
    const next = state.waiting.shift();
    if (next) next.start();
    else state.free++;
  }
}
