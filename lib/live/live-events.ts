// The live event log: each committed change that viewers should see at once (a new call, a call's
// new stage, a follow-up item changed, an alert opened) is a row of live_events, written by the
// transaction that makes the change. GET /api/events streams them (lib/live/live-hub.ts).
//
// Why a table and not only NOTIFY: a stream that reconnects asks for everything after the last id it
// saw (Last-Event-ID), and a NOTIFY sent while nobody listened is gone. NOTIFY (delivered by Postgres
// at commit, to every instance) only wakes the hubs up; what they send is read from the table.
import type { SqlRunner } from "@/lib/db/pg-transaction";

export type LiveEvent =
  | { type: "call.created" | "call.updated"; callId: string; campaignId: string | null; stage: string | null }
  | { type: "follow_up.changed"; followUpId: string; contactId: string; state: string }
  | { type: "alert.opened" | "alert.changed"; alertId: string; kind: string; state: string };

export type LiveEventType = LiveEvent["type"];

/** The NOTIFY channel every instance's hub listens on. */
export const LIVE_CHANNEL = "callboard_live";

// Any constant: held from the event rows' insert to commit, it makes their ids visible in id order.
const LIVE_EVENTS_LOCK = 7_305_001;

/**
 * Appends events inside the caller's transaction. Call it last in the transaction: it holds the lock
 * every other writer of events waits for, until commit.
 */
export async function appendLiveEvents(sql: SqlRunner, events: LiveEvent[]): Promise<void> {
  if (events.length === 0) return;
  await sql.query(`SELECT pg_advisory_xact_lock($1), pg_notify('${LIVE_CHANNEL}', '')`, [LIVE_EVENTS_LOCK]);
  await sql.execute(
    `INSERT INTO live_events (type, payload)
     SELECT e->>'type', e FROM json_array_elements($1::json) WITH ORDINALITY AS r(e, n) ORDER BY n`,
    [JSON.stringify(events)],
  );
}

type Waker = () => void;
const globalForLive = globalThis as unknown as { callboardLiveWakers?: Set<Waker> };

/**
 * After a commit that appended events: wakes this instance's hub at once (other instances hear the
 * NOTIFY). On the embedded database, which has no second connection to LISTEN on, this is how a
 * stream hears of a change without waiting for its next poll.
 */
export function announceCommitted(): void {
  for (const wake of globalForLive.callboardLiveWakers ?? []) wake();
}

/** For the hub: be called by announceCommitted. Returns the function that stops it. */
export function onCommitted(wake: Waker): () => void {
  const wakers = (globalForLive.callboardLiveWakers ??= new Set());
  wakers.add(wake);
  return () => wakers.delete(wake);
}
